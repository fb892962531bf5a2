#include <thread>
void work(int);
void two0(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
void two1(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
