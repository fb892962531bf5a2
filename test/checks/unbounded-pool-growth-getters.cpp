// Pool sizes behind the project's own accessors: a getter that returns a
// member (`cfg.get_thread_num()`), a configuration class's static accessor
// returning a reference (`const static int &ThreadNum();`), and a pool
// whose constructor makes its thread slots from the count while `Start()`
// fills them later.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <string>
#include <thread>
#include <vector>

namespace nlohmann {
class json {
public:
  const json &operator[](const char *key) const;
  template <class T> T get() const;
};
} // namespace nlohmann

class ServerConfig {
public:
  void load(const nlohmann::json &server_config) {
    thread_num = server_config["thread_num"].get<int>();
    // CHECK: :[[@LINE-1]]:18: warning: 'ServerConfig::thread_num' sizes a thread pool and is read from the input here with no upper limit
    // CHECK-NEXT: :55:15: note: 'serve' passes 'thread_num' on to 'Slots::Slots'
    // CHECK-NEXT: :39:31: note: 'Slots::Slots' keeps 'count' in 'count_'
    // CHECK-NEXT: :43:5: note: 'Slots::Start' runs this loop once per unit of 'count_'
    // CHECK-NEXT: :44:16: note: and starts a thread here on each pass
  }
  int get_thread_num() const { return thread_num; }

private:
  int thread_num = 4;
};

class Slots {
public:
  explicit Slots(int count) : count_(count) {
    threads_ = std::vector<std::thread>(count_);
  }
  void Start() {
    for (auto &thread : threads_) {
      thread = std::thread([] {});
      thread.detach();
    }
  }

private:
  int count_;
  std::vector<std::thread> threads_;
};

void serve(const ServerConfig &config) {
  Slots slots(config.get_thread_num());
  slots.Start();
}

class Config {
public:
  const static int &Workers();
};

void serveConfigured() {
  Slots slots(Config::Workers());
  // CHECK: :[[@LINE-1]]:15: warning: 'Slots' sizes a thread pool from this argument, 'Config::Workers()', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:15: note: read from the input here
  // CHECK-NEXT: :39:31: note: 'Slots::Slots' keeps 'count' in 'count_'
  // CHECK-NEXT: :43:5: note: 'Slots::Start' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :44:16: note: and starts a thread here on each pass
  slots.Start();
}

// Quiet: a getter of a constant count.
class FixedConfig {
public:
  int get_thread_num() const { return thread_num; }

private:
  int thread_num = 8;
};
void serveFixed(const FixedConfig &config) {
  Slots slots(config.get_thread_num());
  slots.Start();
}
