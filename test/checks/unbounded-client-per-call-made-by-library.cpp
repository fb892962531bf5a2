// A project client class made through std::make_unique or
// std::make_shared is built like one made with `new`: held in a local, its
// life is the call; kept in a member, returned or handed on, it is not.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <curl/curl.h>
#include <memory>
#include <string>
#include <vector>

class Session {
public:
  explicit Session(const std::string &base) : handle_(curl_easy_init()) {}
  // CHECK-DAG: :[[@LINE-1]]:55: note: the handle from 'curl_easy_init' is obtained here
  ~Session() { curl_easy_cleanup(handle_); }
  std::string get(const std::string &path) { return path; }

private:
  CURL *handle_;
};

// ---- Positives ---------------------------------------------------------------

std::string fetchOnce(const std::string &path) {
  auto session = std::make_unique<Session>("http://api");
  // CHECK-DAG: :[[@LINE-1]]:18: warning: 'Session' is created on every call of 'fetchOnce' and destroyed at its end: it opens its own connections through 'curl_easy_init'
  return session->get(path);
}

std::string fetchShared(const std::string &path) {
  std::shared_ptr<Session> session = std::make_shared<Session>("http://api");
  // CHECK-DAG: :[[@LINE-1]]:38: warning: 'Session' is created on every call of 'fetchShared' and destroyed at its end: it opens its own connections through 'curl_easy_init'
  return session->get(path);
}

// ---- Negatives ---------------------------------------------------------------

// Kept in a member: built once per owner.
class Gateway {
public:
  Gateway() : session_(std::make_unique<Session>("http://api")) {}
  std::string get(const std::string &path) { return session_->get(path); }

private:
  std::unique_ptr<Session> session_;
};

// Returned: the caller decides its life.
std::unique_ptr<Session> openSession() {
  return std::make_unique<Session>("http://api");
}

// Handed to a pool that keeps it.
void fill(std::vector<std::shared_ptr<Session>> &pool) {
  for (int i = 0; i < 4; ++i)
    pool.push_back(std::make_shared<Session>("http://api"));
}

// A class that opens nothing.
struct Plain { explicit Plain(int) {} };
int plainOnce() { return std::make_unique<Plain>(1).get() ? 1 : 0; }
