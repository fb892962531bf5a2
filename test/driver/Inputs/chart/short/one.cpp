#include <thread>
#ifndef NO_THREADS
void work(int);
void one0(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
#endif
