#include <thread>
#include <vector>

void work(int part);

// A fixed number of threads, joined: nothing to report.
void runParts() {
  std::vector<std::thread> threads;
  for (int part = 0; part < 4; ++part)
    threads.emplace_back(work, part);
  for (std::thread &thread : threads)
    thread.join();
}
