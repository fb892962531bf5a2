// Case study 1's "Metrics After Fix" in C++: a burst of tasks handled
// thread-per-task versus through WorkerPool (max 500 workers, queue 5,000),
// each scenario in a forked child so peak RSS belongs to that scenario alone;
// plus BoundedQueue throughput against a mutex + std::deque, what the
// load-test helper itself costs (a no-op target at rising rates, and its
// peak sampler alone), and what recording leak origins costs at creation
// and at report time.
//
//   build/bin/guard_bench            (linked with the interposition library
//                                     for exact peak thread counts)
#include "unbounded/BoundedQueue.h"
#include "unbounded/LeakOrigin.h"
#include "unbounded/LoadTest.h"
#include "unbounded/ResourceCounter.h"
#include "unbounded/WorkerPool.h"

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>

using namespace unbounded::guard;
using Clock = std::chrono::steady_clock;

namespace {

struct BurstResult {
  int64_t peakThreads = 0;
  int64_t peakRssKb = 0;
  int64_t completed = 0;
  int64_t rejected = 0;
  double seconds = 0;
};

struct Burst {
  int tasks;
  int arrivalsPerSecond;
  int taskMs;
};

/// The work of one order: hold some per-request state for a while.
void handleOrder(int taskMs, std::atomic<int64_t> &completed) {
  char state[4096];
  std::memset(state, 1, sizeof state);
  benchmark::DoNotOptimize(state);
  std::this_thread::sleep_for(std::chrono::milliseconds(taskMs));
  ++completed;
}

/// Calls \p submit for each task at its arrival time.
template <typename Submit> void arrive(const Burst &burst, Submit submit) {
  const auto start = Clock::now();
  const auto spacing =
      std::chrono::nanoseconds(1'000'000'000LL / burst.arrivalsPerSecond);
  for (int i = 0; i < burst.tasks; ++i) {
    std::this_thread::sleep_until(start + spacing * i);
    submit();
  }
}

BurstResult threadPerTask(const Burst &burst) {
  std::atomic<int64_t> completed{0};
  BurstResult result;
  arrive(burst, [&] {
    try {
      std::thread([&] { handleOrder(burst.taskMs, completed); }).detach();
    } catch (const std::system_error &) {
      ++result.rejected; // what Go could not even report: the process died
    }
  });
  while (completed + result.rejected < burst.tasks)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  result.completed = completed;
  return result;
}

BurstResult workerPool(const Burst &burst) {
  std::atomic<int64_t> completed{0};
  BurstResult result;
  WorkerPoolOptions options;
  options.name = "orders";
  options.maxWorkers = 500;
  options.queueCapacity = 5000;
  WorkerPool pool(options);
  arrive(burst, [&] {
    if (pool.submit([&] { handleOrder(burst.taskMs, completed); }) !=
        SubmitStatus::Accepted)
      ++result.rejected; // the 503
  });
  pool.shutdown(ShutdownMode::Drain);
  result.completed = completed;
  return result;
}

/// Runs \p scenario in a child process and returns what it measured.
BurstResult inChild(BurstResult (*scenario)(const Burst &),
                    const Burst &burst) {
  int channel[2];
  if (pipe(channel) != 0)
    return {};
  const pid_t child = fork();
  if (child == 0) {
    close(channel[0]);
    resetPeaks();
    const auto start = Clock::now();
    BurstResult result = scenario(burst);
    result.seconds =
        std::chrono::duration<double>(Clock::now() - start).count();
    result.peakThreads = resourceCounts() ? resourceCounts()->threads_peak : -1;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    result.peakRssKb = usage.ru_maxrss;
    (void)!write(channel[1], &result, sizeof result);
    _exit(0);
  }
  close(channel[1]);
  BurstResult result;
  (void)!read(channel[0], &result, sizeof result);
  close(channel[0]);
  waitpid(child, nullptr, 0);
  return result;
}

void report(benchmark::State &state, const BurstResult &result,
            const Burst &burst) {
  state.counters["peak_threads"] = double(result.peakThreads);
  state.counters["peak_rss_MB"] = double(result.peakRssKb) / 1024.0;
  state.counters["completed_pct"] =
      100.0 * double(result.completed) / burst.tasks;
  state.counters["rejected_pct"] =
      100.0 * double(result.rejected) / burst.tasks;
  state.counters["burst_s"] = result.seconds;
}

Burst burstOf(const benchmark::State &state) {
  return {int(state.range(0)), int(state.range(1)), int(state.range(2))};
}

void BM_BurstThreadPerTask(benchmark::State &state) {
  const Burst burst = burstOf(state);
  BurstResult result;
  for (auto _ : state)
    result = inChild(threadPerTask, burst);
  report(state, result, burst);
}

void BM_BurstWorkerPool(benchmark::State &state) {
  const Burst burst = burstOf(state);
  BurstResult result;
  for (auto _ : state)
    result = inChild(workerPool, burst);
  report(state, result, burst);
}

// {tasks, arrivals per second, task duration in ms}
#define BURSTS                                                                 \
  ArgNames({"tasks", "per_s", "task_ms"})                                      \
      ->Args(                                                                  \
          {20000, 50000, 100})   /* flash sale: 5x over the pool's capacity */ \
      ->Args({50000, 50000, 10}) /* at capacity: 500 workers x 100 tasks/s */  \
      ->Iterations(1)                                                          \
      ->UseRealTime()                                                          \
      ->Unit(benchmark::kMillisecond)
BENCHMARK(BM_BurstThreadPerTask)->BURSTS;
BENCHMARK(BM_BurstWorkerPool)->BURSTS;

/// The baseline: what BoundedQueue replaces (unbounded, no counters).
class MutexDeque {
public:
  explicit MutexDeque(std::size_t) {}
  PushStatus push(int value) { return tryPush(value); }
  PushStatus tryPush(int value) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      items_.push_back(value);
      peakDepth_ = std::max(peakDepth_, items_.size());
    }
    ready_.notify_one();
    return PushStatus::Ok;
  }
  std::optional<int> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty(); });
    const int value = items_.front();
    items_.pop_front();
    return value;
  }
  std::optional<int> tryPop() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.empty())
      return std::nullopt;
    const int value = items_.front();
    items_.pop_front();
    return value;
  }

  std::size_t peakDepth() {
    std::lock_guard<std::mutex> lock(mutex_);
    return peakDepth_;
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<int> items_;
  std::size_t peakDepth_ = 0;
};

std::size_t peakDepthOf(MutexDeque &queue) { return queue.peakDepth(); }
std::size_t peakDepthOf(BoundedQueue<int> &queue) {
  return queue.stats().peakDepth;
}

/// One thread: push then pop, the cost of the bookkeeping alone.
template <typename Queue> void BM_QueuePushPop(benchmark::State &state) {
  Queue queue(1024);
  for (auto _ : state) {
    queue.tryPush(1);
    benchmark::DoNotOptimize(queue.tryPop());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_TEMPLATE(BM_QueuePushPop, BoundedQueue<int>);
BENCHMARK_TEMPLATE(BM_QueuePushPop, MutexDeque);

/// One producer, one consumer, 200,000 items through the queue; the
/// argument is BoundedQueue's capacity (the deque ignores it and grows).
template <typename Queue> void BM_QueueTransfer(benchmark::State &state) {
  constexpr int kItems = 200000;
  std::size_t peakDepth = 0;
  for (auto _ : state) {
    Queue queue(static_cast<std::size_t>(state.range(0)));
    std::thread consumer([&] {
      for (int i = 0; i < kItems; ++i)
        benchmark::DoNotOptimize(queue.pop());
    });
    for (int i = 0; i < kItems; ++i)
      queue.push(int(i)); // BoundedQueue blocks when full; the deque just grows
    consumer.join();
    peakDepth = std::max(peakDepth, peakDepthOf(queue));
  }
  state.SetItemsProcessed(state.iterations() * kItems);
  state.counters["peak_depth"] = double(peakDepth);
}
BENCHMARK_TEMPLATE(BM_QueueTransfer, BoundedQueue<int>)
    ->Arg(1024)
    ->Arg(16384)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_QueueTransfer, MutexDeque)
    ->Arg(0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

double processCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// The harness alone: a no-op target at the given rate for 500 ms. CPU per
/// request covers scheduling, the tally and the 1 ms peak sampler.
void BM_LoadTestHarness(benchmark::State &state) {
  LoadTestOptions options;
  options.declaredPeakRps = double(state.range(0)) / 2;
  options.duration = std::chrono::milliseconds(500);
  options.maxRequests = 1'000'000;
  LoadTestRecord record;
  double cpu = 0;
  for (auto _ : state) {
    const double before = processCpuSeconds();
    record = LoadTest(options).run([] { return Outcome::Ok; });
    cpu = processCpuSeconds() - before;
  }
  takeTestEvidence();
  state.counters["achieved_rps"] = record.achievedRps;
  state.counters["kept_up"] = record.passed ? 1 : 0;
  state.counters["p50_late_us"] = record.p50Ms * 1000;
  state.counters["p99_late_us"] = record.p99Ms * 1000;
  state.counters["cpu_us_per_request"] =
      record.requests ? cpu / double(record.requests) * 1e6 : 0;
}
BENCHMARK(BM_LoadTestHarness)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(50'000)
    ->Arg(100'000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// The peak sampler alone for one second: its CPU share of one core.
void BM_PeakSampler(benchmark::State &state) {
  double cpu = 0;
  for (auto _ : state) {
    const double before = processCpuSeconds();
    PeakSampler sampler;
    std::this_thread::sleep_for(std::chrono::seconds(1));
    sampler.stop();
    cpu = processCpuSeconds() - before;
  }
  state.counters["cpu_percent_of_a_core"] = cpu * 100;
}
BENCHMARK(BM_PeakSampler)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

namespace {

/// Origin capture for threads (Arg 1) or not (Arg 0), restored afterwards.
class ScopedCapture {
public:
  explicit ScopedCapture(OriginCapture capture) : previous_(originCapture()) {
    setOriginCapture(capture);
  }
  ~ScopedCapture() { setOriginCapture(previous_); }

private:
  OriginCapture previous_;
};

void BM_ThreadCreateJoin(benchmark::State &state) {
  ScopedCapture capture({state.range(0) != 0, false});
  for (auto _ : state)
    std::thread([] {}).join();
}
BENCHMARK(BM_ThreadCreateJoin)->Arg(0)->Arg(1)->UseRealTime();

void BM_SocketOpenClose(benchmark::State &state) {
  ScopedCapture capture({false, state.range(0) != 0});
  for (auto _ : state)
    close(socket(AF_INET, SOCK_STREAM, 0));
}
BENCHMARK(BM_SocketOpenClose)->Arg(0)->Arg(1);

void BM_FileOpenClose(benchmark::State &state) {
  ScopedCapture capture({false, state.range(0) != 0});
  for (auto _ : state)
    close(open("/dev/null", O_RDONLY));
}
BENCHMARK(BM_FileOpenClose)->Arg(0)->Arg(1);

/// Naming one leaked std::thread: its recorded stack (cached after the first
/// time) and a sample of its stack for the function it runs.
void BM_ThreadOriginAtReport(benchmark::State &state) {
  ScopedCapture capture({true, false});
  std::atomic<pid_t> tid{0};
  std::atomic<bool> stop{false};
  std::thread parked([&] {
    tid = gettid();
    while (!stop)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  while (tid == 0)
    std::this_thread::yield();
  for (auto _ : state)
    benchmark::DoNotOptimize(threadOrigin(tid));
  stop = true;
  parked.join();
}
BENCHMARK(BM_ThreadOriginAtReport)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
