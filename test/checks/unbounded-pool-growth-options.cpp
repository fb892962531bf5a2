// unbounded-pool-growth's options change what is flagged, through both
// front ends.
// RUN: %check_both --config="{Checks: '-*,unbounded-pool-growth', \
// RUN:   CheckOptions: {unbounded-pool-growth.MaxThreads: '16', \
// RUN:   unbounded-pool-growth.PoolTypes: '::acme::Crew:1', \
// RUN:   unbounded-pool-growth.PoolTypePattern: 'Farm$', \
// RUN:   unbounded-pool-growth.ThreadCountParameterPattern: '^hands$', \
// RUN:   unbounded-pool-growth.InputCountPattern: '^orders$', \
// RUN:   unbounded-pool-growth.GrowthFunctionPattern: '^hire$', \
// RUN:   unbounded-pool-growth.CounterPattern: '^ceiling$', \
// RUN:   unbounded-pool-growth.LimiterFunctions: '::quota::take'}}" \
// RUN:   %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/asio/thread_pool.hpp>
#include <thread>
#include <vector>

namespace acme {
struct Crew {
  Crew(const char *name, int size);
};
} // namespace acme
struct TaskFarm {
  explicit TaskFarm(int hands);
};
struct WorkerPool {
  explicit WorkerPool(int num_threads);
};
namespace quota {
void take();
}

void sizing(int orders, int items) {
  acme::Crew crew("night", 17);
  // CHECK: :[[@LINE-1]]:28: warning: 'acme::Crew' is sized with 17 threads, more than the 16 MaxThreads allows
  acme::Crew small("day", 16);
  TaskFarm farm(orders);
  // CHECK: :[[@LINE-1]]:17: warning: 'TaskFarm' is sized by 'orders', which grows with the input
  TaskFarm other(items);
  // No longer known or recognised: the default pool types and patterns.
  boost::asio::thread_pool asio(1000);
  WorkerPool pool(1000);
}

struct Staff {
  void hire() {
    people.emplace_back([] {});
    // CHECK: :[[@LINE-1]]:12: warning: pool 'Staff' adds a worker here with no maximum
    // CHECK-NEXT: :[[@LINE+16]]:28: note: workers are kept in 'people', which nothing bounds
  }
  void addWorker() { people.emplace_back([] {}); }
  void hireChecked() {
    if (int(people.size()) >= ceiling)
      return;
    if (open)
      people.emplace_back([] {});
  }
  void hireWithQuota() {
    quota::take();
    if (open)
      people.emplace_back([] {});
  }
  bool open = true;
  int ceiling = 10;
  std::vector<std::thread> people;
};
