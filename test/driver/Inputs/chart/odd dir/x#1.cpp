#include <thread>
void work(int);
void odd0(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
