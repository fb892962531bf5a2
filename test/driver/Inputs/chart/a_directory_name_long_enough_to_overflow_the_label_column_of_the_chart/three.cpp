#include <thread>
void work(int);
void three0(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
void three1(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
void three2(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
