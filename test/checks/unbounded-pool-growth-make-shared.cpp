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
