// `main` runs once: a loop there that keeps one thread per unit of a count
// read from the input sizes the program's pool, wherever it keeps them
// (the Boost.Beast examples' `std::vector<std::thread> v`). It is
// unbounded-pool-growth's finding, not a thread per item.
// RUN: %check_both %s "unbounded-pool-growth,unbounded-thread-creation" -- \
// RUN:   -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <vector>

void serve();

int main(int argc, char *argv[]) {
  auto const threads = std::max<int>(1, std::atoi(argv[1]));
  std::vector<std::thread> runners;
  for (auto i = threads - 1; i > 0; --i)
    runners.emplace_back([] { serve(); });
  // CHECK: :[[@LINE-2]]:3: warning: 'runners' is filled by a loop that starts one thread per unit of 'threads', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  // CHECK-NEXT: :[[@LINE-5]]:41: note: read from the input here
  // CHECK-NEXT: :[[@LINE-3]]:5: note: a thread is started here on each pass
  auto const capped = std::min<int>(64, std::atoi(argv[2]));
  for (int i = 0; i < capped; ++i)
    runners.emplace_back([] { serve(); });
  serve();
  for (auto &t : runners)
    t.join();
}
