// Pools sized by the input with no clamp (environment, command line, text
// parsed into a number, a stream, a configuration lookup), by a large
// multiple of the core count, and start-up loops that unbounded-thread-creation
// leaves to this check.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <boost/asio/thread_pool.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void work();
void warn(const char *message);

class Config {
public:
  template <class T> T get(const std::string &key) const;
  int operator[](const char *key) const;
};

class WorkerPool {
public:
  explicit WorkerPool(std::size_t num_threads);
};

// ---- Positives: constructors --------------------------------------------------

void fromEnvironment() {
  boost::asio::thread_pool pool(std::atoi(std::getenv("THREADS")));
  // CHECK: :[[@LINE-1]]:33: warning: 'boost::asio::thread_pool' is sized by 'std::atoi(std::getenv("THREADS"))', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  // CHECK-NEXT: :[[@LINE-2]]:33: note: read from the input here
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? std::stoi(argv[1]) : 4;
  WorkerPool pool(threads);
  // CHECK: :[[@LINE-1]]:19: warning: 'WorkerPool' is sized by 'threads', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:28: note: read from the input here
  return 0;
}

void fromStream(const char *path) {
  std::ifstream in(path);
  unsigned workers = 0;
  in >> workers;
  boost::asio::thread_pool pool(workers);
  // CHECK: :[[@LINE-1]]:33: warning: 'boost::asio::thread_pool' is sized by 'workers', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:3: note: read from the input here
}

// An option parsed into a local first, then copied into the count; the
// comparison only prints a warning and lets the value through.
void fromOptionLoop(int argc, char **argv) {
  unsigned cores = std::thread::hardware_concurrency();
  unsigned workers = cores;
  for (int i = 1; i < argc; ++i) {
    unsigned n = std::stoi(argv[i]);
    if (n > cores)
      warn("more workers than cores");
    workers = n;
  }
  WorkerPool pool(workers);
  // CHECK: :[[@LINE-1]]:19: warning: 'WorkerPool' is sized by 'workers', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-4]]:5: note: read from the input here
}

void fromConfig(const Config &config) {
  boost::asio::thread_pool pool(config.get<int>("io_threads"));
  // CHECK: :[[@LINE-1]]:33: warning: 'boost::asio::thread_pool' is sized by 'config.get<int>("io_threads")', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:33: note: read from the input here
  WorkerPool other(config["workers"]);
  // CHECK: :[[@LINE-1]]:20: warning: 'WorkerPool' is sized by 'config["workers"]', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:20: note: read from the input here
}

void largeCoreMultiple() {
  boost::asio::thread_pool pool(std::thread::hardware_concurrency() * 64);
  // CHECK: :[[@LINE-1]]:33: warning: 'boost::asio::thread_pool' is sized with 64 threads per core ('std::thread::hardware_concurrency()'), more than the 4 MaxCoreMultiple allows
}

// ---- Positives: start-up loops ------------------------------------------------

class Pool {
public:
  Pool() {
    const char *env = std::getenv("POOL_SIZE");
    int n = env ? std::atoi(env) : 8;
    for (int i = 0; i < n; ++i)
      threads_.emplace_back(work);
    // CHECK: :[[@LINE-2]]:5: warning: 'threads_' is filled by a loop that starts one thread per unit of 'n', which is read from the input with no upper limit
    // CHECK-NEXT: :[[@LINE-4]]:19: note: read from the input here
    // CHECK-NEXT: :[[@LINE-3]]:7: note: a thread is started here on each pass
    for (int i = 0; i < 1000; ++i)
      threads_.emplace_back(work);
    // CHECK: :[[@LINE-2]]:5: warning: 'threads_' is filled by a loop that starts 1000 threads, more than the 256 MaxThreads allows
    // CHECK-NEXT: :[[@LINE-2]]:7: note: a thread is started here on each pass
    for (unsigned i = 0; i < 16 * std::thread::hardware_concurrency(); ++i)
      std::thread(work).detach();
    // CHECK: :[[@LINE-2]]:5: warning: this loop starts 16 threads per core ('std::thread::hardware_concurrency()'), more than the 4 MaxCoreMultiple allows
    // CHECK-NEXT: :[[@LINE-2]]:7: note: a thread is started here on each pass
  }

private:
  std::vector<std::thread> threads_;
};

// ---- Negatives ----------------------------------------------------------------

void clampedInput() {
  int n = std::atoi(std::getenv("THREADS"));
  boost::asio::thread_pool a(std::min(n, 64));
  if (n > 128)
    n = 128;
  boost::asio::thread_pool b(n);
  boost::asio::thread_pool c(std::stoi("8"));
  int m = std::atoi(std::getenv("WORKERS"));
  if (m > 64) {
    warn("capping workers at 64");
    m = 64;
  }
  boost::asio::thread_pool e(m);
  int k = std::atoi(std::getenv("WORKERS"));
  if (k > 64)
    return;
  boost::asio::thread_pool f(k);
  boost::asio::thread_pool d(2 * std::thread::hardware_concurrency());
}

// A document type walked by its keys (`j[key]` for every entry of a parsed
// file) and an INI file's section chain through a pointer.
namespace doc {
class json {
public:
  json &operator[](const std::string &key);
  operator int() const;
};
} // namespace doc
class IniFile {
public:
  class Section {
  public:
    int operator[](const char *key) const;
  };
  Section operator[](const char *section) const;
};
void fromDocumentKeys(doc::json &j, const std::string &key) {
  int workers = j[key];
  boost::asio::thread_pool pool(workers);
  // CHECK: :[[@LINE-1]]:33: warning: 'boost::asio::thread_pool' is sized by 'workers', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:17: note: read from the input here
}
void fromIniSections(IniFile *ini) {
  int threads = (*ini)["server"]["threads"];
  boost::asio::thread_pool pool(threads);
  // CHECK: :[[@LINE-1]]:33: warning: 'boost::asio::thread_pool' is sized by 'threads', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:17: note: read from the input here
}
// A number a configuration class hands out (a static getter over a value
// its loader read from a file).
class Configuration {
public:
  static std::size_t maxThreads();
};
class Crawler {
public:
  Crawler() {
    for (std::size_t i = 0; i < Configuration::maxThreads(); ++i)
      fetchers_.emplace_back(work);
    // CHECK: :[[@LINE-2]]:5: warning: 'fetchers_' is filled by a loop that starts one thread per unit of 'Configuration::maxThreads()', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
    // CHECK-NEXT: :[[@LINE-3]]:33: note: read from the input here
    // CHECK-NEXT: :[[@LINE-3]]:7: note: a thread is started here on each pass
  }

private:
  std::vector<std::thread> fetchers_;
};

// Quiet: an element of a container by a computed index is not configuration.
void fromTable(const std::vector<int> &settings, int index) {
  int threads = settings[index];
  boost::asio::thread_pool pool(threads);
}

class ClampedPool {
public:
  explicit ClampedPool(const Config &config) {
    int n = std::min(config.get<int>("threads"), 32);
    for (int i = 0; i < n; ++i)
      threads_.emplace_back(work);
    for (int i = 0; i < std::min(n, 200); ++i)
      threads_.emplace_back(work);
    for (unsigned i = 0; i < 4 * std::thread::hardware_concurrency(); ++i)
      threads_.emplace_back(work);
  }

private:
  std::vector<std::thread> threads_;
};

// ---- A lower bound is no clamp --------------------------------------------------

// `if (n == 0) n = 1;` and `if (n < 1) return;` keep the pool from being
// empty, not from being too large.
void lowerBoundsOnly() {
  int n = std::atoi(std::getenv("THREADS"));
  if (n == 0)
    n = 1;
  boost::asio::thread_pool a(n);
  // CHECK: :[[@LINE-1]]:30: warning: 'boost::asio::thread_pool' is sized by 'n', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-5]]:11: note: read from the input here
  int k = std::atoi(std::getenv("WORKERS"));
  if (k < 1)
    return;
  boost::asio::thread_pool b(k);
  // CHECK: :[[@LINE-1]]:30: warning: 'boost::asio::thread_pool' is sized by 'k', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-5]]:11: note: read from the input here
}

// The same for a member read from the input: `if (cfg.threads == 0)
// cfg.threads = 1;` after the read leaves it unbounded above.
struct PoolSettings {
  int threads = 4;
};
PoolSettings poolSettings;
class SettingsPool {
public:
  explicit SettingsPool(int threads) {
    for (int i = 0; i < threads; ++i)
      workers_.emplace_back(work);
  }

private:
  std::vector<std::thread> workers_;
};
void readPoolSettings(char **argv) {
  poolSettings.threads = std::atoi(argv[1]);
  // CHECK: :[[@LINE-1]]:26: warning: 'PoolSettings::threads' sizes a thread pool and is read from the input here with no upper limit
  // CHECK-NEXT: :[[@LINE+6]]:38: note: 'startPool' passes 'threads' on to 'SettingsPool::SettingsPool'
  // CHECK-NEXT: :[[@LINE-11]]:5: note: 'SettingsPool::SettingsPool' runs this loop once per unit of 'threads'
  // CHECK-NEXT: :[[@LINE-11]]:7: note: and starts a thread here on each pass
  if (poolSettings.threads == 0)
    poolSettings.threads = 1;
}
void startPool() { SettingsPool pool(poolSettings.threads); }

// A local read from the input in one of several branches, then copied into
// the member: the member is given the input.
void parseWorkerOption(PoolSettings *settings, int argc, char **argv) {
  int w = 1;
  if (argc > 2)
    w = std::atoi(argv[2]);
  settings->threads = w;
  // CHECK: :[[@LINE-1]]:23: warning: 'PoolSettings::threads' sizes a thread pool and is given 'w', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:5: note: read from the input here
  // CHECK-NEXT: :[[@LINE-11]]:38: note: 'startPool' passes 'threads' on to 'SettingsPool::SettingsPool'
  // CHECK-NEXT: :[[@LINE-28]]:5: note: 'SettingsPool::SettingsPool' runs this loop once per unit of 'threads'
  // CHECK-NEXT: :[[@LINE-28]]:7: note: and starts a thread here on each pass
}
void parseClampedWorkerOption(PoolSettings *settings, char **argv) {
  int w = std::atoi(argv[2]);
  if (w > 64)
    w = 64;
  settings->threads = w;
}

// A local that keeps what it was initialized with, `std::max` with a
// constant included, is that value: the member read from the input sizes
// the batch of threads.
struct CrawlSettings {
  int workers = 1;
};
void readCrawlSettings(CrawlSettings &cfg, int argc, char **argv) {
  // An argument read when given, a constant otherwise: still the input.
  cfg.workers = argc > 2 ? std::stoi(argv[2]) : 1;
  // CHECK: :[[@LINE-1]]:17: warning: 'CrawlSettings::workers' sizes a thread pool and is read from the input here with no upper limit
  // CHECK-NEXT: :[[@LINE+8]]:3: note: 'crawl' runs this loop once per unit of 'workers'
  // CHECK-NEXT: :[[@LINE+8]]:5: note: and starts a thread here on each pass
  // A choice that tests what was read holds it under a limit.
  cfg.workers = std::stoi(argv[3]) > 64 ? 64 : std::stoi(argv[3]);
}
void crawl(const CrawlSettings &cfg) {
  int count = std::max(1, cfg.workers);
  std::vector<std::thread> batch;
  for (int i = 0; i < count; ++i)
    batch.emplace_back(work);
  for (auto &t : batch)
    t.join();
}

// A configuration read that is handed an upper limit (`maxValue`) holds the
// value under it; the same read with no such parameter does not.
class RangedConfig {
public:
  int LoadInt(const std::string &key, int defaultValue, int minValue,
              int maxValue) const;
  int LoadInt(const std::string &key, int defaultValue) const;
};
void rangedReads(const RangedConfig &config) {
  boost::asio::thread_pool a(config.LoadInt("io_threads", 2, 1, 128));
  boost::asio::thread_pool b(config.LoadInt("io_threads", 2));
  // CHECK: :[[@LINE-1]]:30: warning: 'boost::asio::thread_pool' is sized by 'config.LoadInt("io_threads", 2)', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:30: note: read from the input here
}

// A local named in its own initializer (undefined, but it compiles) is not
// followed into itself: no finding, and no endless walk.
void selfInitialized() {
  int n = n * 2;
  std::vector<std::thread> batch;
  for (int i = 0; i < n; ++i)
    batch.emplace_back(work);
  for (auto &t : batch)
    t.join();
}

// A library pool a constructor sizes with its parameter or with a member of
// the settings it is given starts that many threads for its callers.
class SearchBackend {
public:
  explicit SearchBackend(int threads) : pool_(threads) {}

private:
  boost::asio::thread_pool pool_;
};
struct IndexSettings {
  int workers = 2;
};
class Indexer {
public:
  explicit Indexer(const IndexSettings &settings)
      : pool_(settings.workers > 0 ? settings.workers : 2) {}

private:
  boost::asio::thread_pool pool_;
};
void startIndexing(char **argv) {
  SearchBackend byArgument(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:28: warning: 'SearchBackend' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:28: note: read from the input here
  // CHECK-NEXT: :[[@LINE-20]]:47: note: 'SearchBackend::SearchBackend' starts a 'boost::asio::thread_pool' with one thread per unit of 'threads' here
  IndexSettings settings;
  settings.workers = std::atoi(argv[2]);
  // CHECK: :[[@LINE-1]]:22: warning: 'IndexSettings::workers' sizes a thread pool and is read from the input here with no upper limit
  // CHECK-NEXT: :[[@LINE-13]]:15: note: 'Indexer::Indexer' starts a 'boost::asio::thread_pool' with one thread per unit of 'workers' here
  Indexer indexer(settings);
  SearchBackend bounded(std::min(std::atoi(argv[3]), 16));
}
