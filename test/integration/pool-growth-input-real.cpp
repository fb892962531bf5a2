// unbounded-pool-growth on pools sized by the input, against the real
// libstdc++, glibc and Boost.Asio headers: std::getenv, std::stoi (in
// libstdc++'s inline namespace), an std::ifstream read.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <boost/asio/thread_pool.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

void work();

int main(int argc, char **argv) {
  boost::asio::thread_pool fromArgs(std::stoi(argv[1]));
  // CHECK: :[[@LINE-1]]:37: warning: 'boost::asio::thread_pool' is sized by 'std::stoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:37: note: read from the input here
  std::ifstream in("pool.conf");
  unsigned workers = 0;
  in >> workers;
  boost::asio::thread_pool fromFile(workers);
  // CHECK: :[[@LINE-1]]:37: warning: 'boost::asio::thread_pool' is sized by 'workers', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:3: note: read from the input here
  // A local set sized by the input in main, which runs once: the program's
  // pool (unbounded-thread-creation leaves it here).
  std::vector<std::thread> threads;
  for (int i = 0; i < std::atoi(std::getenv("THREADS")); ++i)
    threads.emplace_back(work);
  // CHECK: :[[@LINE-2]]:3: warning: 'threads' is filled by a loop that starts one thread per unit of 'std::atoi(std::getenv("THREADS"))', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:23: note: read from the input here
  // CHECK-NEXT: :[[@LINE-3]]:5: note: a thread is started here on each pass
  boost::asio::thread_pool clamped(std::min(std::stoi(argv[2]), 16));
  for (auto &t : threads)
    t.join();
  return 0;
}
