// A pool built by std::make_shared or std::make_unique is sized by the
// arguments they hand to the constructor they run.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

class SharedQueue {
public:
  SharedQueue(int capacity, int workers) {
    for (int i = 0; i < workers; ++i)
      threads_.emplace_back([] {});
  }

private:
  std::vector<std::thread> threads_;
};
std::shared_ptr<SharedQueue> makeQueue(int workers) {
  return std::make_shared<SharedQueue>(100, workers);
}
void fromMakeShared(char **argv) {
  makeQueue(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:13: warning: 'makeQueue' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:13: note: read from the input here
  // CHECK-NEXT: :[[@LINE-6]]:45: note: 'makeQueue' passes 'workers' on to 'SharedQueue::SharedQueue'
  // CHECK-NEXT: :[[@LINE-15]]:5: note: 'SharedQueue::SharedQueue' runs this loop once per unit of 'workers'
  // CHECK-NEXT: :[[@LINE-15]]:7: note: and starts a thread here on each pass
  auto fixed = std::make_unique<SharedQueue>(std::atoi(argv[2]), 4);
}

// A configuration entry held by a namespace-scope handle, read through it.
namespace conf {
template <class T> class Var {
public:
  T value() const;
};
class Config {
public:
  template <class T>
  static std::shared_ptr<Var<T>> Lookup(const char *key, const T &fallback);
};
} // namespace conf
static std::shared_ptr<conf::Var<int>> gWorkers =
    conf::Config::Lookup("server.workers", 4);
static std::shared_ptr<conf::Var<int>> gFixed;
void fromConfigHandle() {
  int workers = gWorkers->value();
  auto queue = std::make_shared<SharedQueue>(16, workers);
  // CHECK: :[[@LINE-1]]:50: warning: 'SharedQueue' sizes a thread pool from this argument, 'workers', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:17: note: read from the input here
  // CHECK-NEXT: :{{[0-9]+}}:5: note: 'SharedQueue::SharedQueue' runs this loop once per unit of 'workers'
  // CHECK-NEXT: :{{[0-9]+}}:7: note: and starts a thread here on each pass
  auto other = std::make_shared<SharedQueue>(16, gFixed->value());
}

// Namespace-scope variables that name each other are not followed around.
extern int gLeft;
int gRight = gLeft;
int gLeft = gRight;
void fromCycle() { auto queue = std::make_shared<SharedQueue>(16, gLeft); }
