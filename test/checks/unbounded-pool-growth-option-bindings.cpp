// Pool sizes a command-line parser or a configuration reader writes into a
// variable (`po::value<int>(&threads)`, `settings.Read("threadNum", n)`),
// sizes scaled by a constant (`n * 2 + 1`, `threads - 1`), and a pool sized
// inside a lambda.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace boost::program_options {
template <class T> class typed_value {};
template <class T> typed_value<T> *value(T *v);
} // namespace boost::program_options
namespace po = boost::program_options;

class IniSettings {
public:
  bool Read(const std::string &key, int &value) const;
  void Show(const std::string &key, const int &value) const;
};

void work();

class Server {
public:
  explicit Server(int threadNum) : threadNum_(threadNum) {}
  void start() {
    for (int i = 0; i < threadNum_ * 2 + 1; ++i)
      workers_.emplace_back(work);
  }

private:
  int threadNum_;
  std::vector<std::thread> workers_;
};

void runPool(int count) {
  std::vector<std::thread> pool;
  for (int i = 0; i < count; ++i)
    pool.emplace_back(work);
  for (auto &t : pool)
    t.join();
}

// ---- Positives ----------------------------------------------------------------

void fromOption() {
  int threads = 1;
  po::value<int>(&threads);
  runPool(threads);
  // CHECK: :[[@LINE-1]]:11: warning: 'runPool' sizes a thread pool from this argument, 'threads', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:3: note: read from the input here
  // CHECK-NEXT: :42:3: note: 'runPool' runs this loop once per unit of 'count'
  // CHECK-NEXT: :43:5: note: and starts a thread here on each pass
}

void fromSettings(const IniSettings &settings) {
  int threadNum = 4;
  settings.Read("threadNum", threadNum);
  Server server(threadNum);
  // CHECK: :[[@LINE-1]]:17: warning: 'Server' sizes a thread pool from this argument, 'threadNum', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:3: note: read from the input here
  // CHECK-NEXT: :29:36: note: 'Server::Server' keeps 'threadNum' in 'threadNum_'
  // CHECK-NEXT: :31:5: note: 'Server::start' runs this loop once per unit of 'threadNum_'
  // CHECK-NEXT: :32:7: note: and starts a thread here on each pass
  server.start();
}

void inLambda(char **argv) {
  const int threads = std::stoi(argv[1]);
  std::thread supervisor([&threads] { runPool(threads); });
  // CHECK: :[[@LINE-1]]:47: warning: 'runPool' sizes a thread pool from this argument, 'threads', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:23: note: read from the input here
  // CHECK-NEXT: :42:3: note: 'runPool' runs this loop once per unit of 'count'
  // CHECK-NEXT: :43:5: note: and starts a thread here on each pass
  supervisor.join();
}

// ---- Negatives ----------------------------------------------------------------

void clamped(const IniSettings &settings) {
  int threadNum = 4;
  settings.Read("threadNum", threadNum);
  threadNum = std::min(threadNum, 16);
  Server server(threadNum);
  server.start();
}

void onlyShown(const IniSettings &settings) {
  int threadNum = 4;
  settings.Show("threadNum", threadNum);
  Server server(threadNum);
  server.start();
}
