// Where a client's life is one call although the code does not say so in
// one line (a handle assigned after its declaration, a library's one-shot
// function, a lambda held by a namespace-scope variable), and where it is
// not although a client is built in a function (a pool filling itself, a
// cache filled on first use, a helper only main calls, a top-up under the
// pool's maximum).
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <condition_variable>
#include <cpr/cpr.h>
#include <curl/curl.h>
#include <functional>
#include <hiredis/hiredis.h>
#include <mutex>
#include <mysql.h>
#include <pqxx/pqxx>
#include <queue>
#include <string>
#include <vector>

struct Request { std::string body; };
struct Router { void Post(const char *path, std::function<int(const Request &)> h); };
bool running();

// ---- Positives ---------------------------------------------------------------

// The handle is assigned to a local declared earlier.
void notify(const std::string &address) {
  CURL *handle;
  handle = curl_easy_init();
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'curl_easy_init' is obtained on every call of 'notify' and released at its end
  if (handle) {
    curl_easy_perform(handle);
    curl_easy_cleanup(handle);
    // CHECK: :[[@LINE-1]]:5: note: released here, at the end of the same call
  }
}

// A member holds the handle only while the call runs: the method releases
// it before it returns.
class Fetcher {
public:
  bool fetch(const std::string &url) {
    handle_ = curl_easy_init();
    // CHECK: :[[@LINE-1]]:15: warning: the handle from 'curl_easy_init' is obtained on every call of 'Fetcher::fetch' and released at its end
    curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
    bool ok = curl_easy_perform(handle_) == CURLE_OK;
    curl_easy_cleanup(handle_);
    // CHECK: :[[@LINE-1]]:5: note: released here, at the end of the same call
    return ok;
  }

private:
  CURL *handle_ = nullptr;
};

// Retrying one download reuses its handle across attempts, but the handle
// is still made for this one download.
std::string download(const std::string &url) {
  CURL *curl = curl_easy_init();
  // CHECK: :[[@LINE-1]]:16: warning: the handle from 'curl_easy_init' is obtained on every call of 'download' and released at its end
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  bool needTry = true;
  while (needTry) {
    if (curl_easy_perform(curl) == CURLE_OK)
      needTry = false;
  }
  for (int attempt = 0; attempt < 3; ++attempt)
    curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
  return url;
}

// A loop that only prepares the one request (escaping each parameter with
// the handle) does not make the handle reused: the request follows it.
std::string query(const std::vector<std::string> &params) {
  CURL *curl = curl_easy_init();
  // CHECK: :[[@LINE-1]]:16: warning: the handle from 'curl_easy_init' is obtained on every call of 'query' and released at its end
  std::string url = "http://api/?";
  for (const std::string &p : params)
    url += curl_easy_escape(curl, p.c_str(), 0);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
  return url;
}

// cpr's one-shot functions build a session for each request they send.
std::string postJson(const std::string &body) {
  return cpr::Post(cpr::Url{"http://api/send"}, cpr::Body{"{}"}).text;
  // CHECK: :[[@LINE-1]]:10: warning: call to 'cpr::Post' creates a client on every call of 'postJson' and destroys it before returning: each one opens its own connections
}

void relay(Router &router) {
  router.Post("/relay", [](const Request &req) {
    return cpr::Get(cpr::Url{"http://upstream/"}).status_code;
    // CHECK: :[[@LINE-1]]:12: warning: call to 'cpr::Get' creates a client on every request to this handler and destroys it before returning
    // CHECK-NEXT: :[[@LINE-3]]:10: note: 'Post' registers the handler, which runs once per request
  });
}

// A handler held by a namespace-scope variable and registered by name.
auto createItem = [](const Request &req) {
  pqxx::connection db{"postgresql://db/items"};
  // CHECK: :[[@LINE-1]]:20: warning: 'pqxx::connection' is created on every call of 'createItem' and destroyed at its end
  return 200;
};

// ---- Negatives ---------------------------------------------------------------

// A pool's constructor keeps every connection it opens; the one freed is a
// connection that failed to open.
class RedisPool {
public:
  RedisPool(unsigned size, const char *host) {
    for (unsigned i = 0; i < size; ++i) {
      redisContext *c = redisConnect(host, 6379);
      if (c == nullptr || c->err != 0) {
        if (c != nullptr)
          redisFree(c);
        continue;
      }
      idle_.push(c);
    }
  }

private:
  std::queue<redisContext *> idle_;
};

// A connection wrapper, and a pool that fills itself with them at start-up
// and tops itself up only below its maximum.
class DbConnection {
public:
  DbConnection() : handle_(mysql_init(nullptr)) {}
  ~DbConnection() { mysql_close(handle_); }
  bool open() {
    if (!handle_)
      handle_ = mysql_init(nullptr);
    return handle_ != nullptr;
  }
private:
  MYSQL *handle_;
};

class DbPool {
public:
  void fill(int initial) {
    for (int i = 0; i < initial; ++i) {
      DbConnection *conn = new DbConnection();
      if (conn->open())
        idle_.push(conn);
    }
  }
  void topUp() {
    while (running()) {
      std::unique_lock<std::mutex> lock(mutex_);
      below_max_.wait(lock, [this] { return idle_.size() < max_size_; });
      addConnection();
    }
  }
private:
  void addConnection() { idle_.push(new DbConnection()); }
  std::queue<DbConnection *> idle_;
  std::mutex mutex_;
  std::condition_variable below_max_;
  std::size_t max_size_ = 8;
};

// Built on first use only: later calls return the cached token.
class TokenClient {
public:
  TokenClient() : handle_(curl_easy_init()) {}
  ~TokenClient() { curl_easy_cleanup(handle_); }
  std::string fetch();
private:
  CURL *handle_;
};
std::string cachedToken;
std::string sessionToken() {
  if (!cachedToken.empty())
    return cachedToken;
  TokenClient client;
  cachedToken = client.fetch();
  return cachedToken;
}

// Called twice, from main only.
void probe(const char *label) {
  TokenClient client;
  client.fetch();
}

// A member handle released only on failure is kept for the next call.
class Reconnecting {
public:
  bool fetch(const std::string &url) {
    if (!handle_)
      handle_ = curl_easy_init();
    curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
    if (curl_easy_perform(handle_) == CURLE_OK)
      return true;
    curl_easy_cleanup(handle_);
    handle_ = nullptr;
    return false;
  }

private:
  CURL *handle_ = nullptr;
};

// One handle for every item of a queue drained while the service runs.
bool serving();
std::string nextUrl();
void drain() {
  CURL *curl = curl_easy_init();
  while (serving()) {
    curl_easy_setopt(curl, CURLOPT_URL, nextUrl().c_str());
    curl_easy_perform(curl);
  }
  curl_easy_cleanup(curl);
}

int main() {
  cpr::Get(cpr::Url{"http://health/"});
  probe("first");
  probe("second");
  return createItem(Request{});
}
