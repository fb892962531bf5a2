#include <thread>

void work(int);

void serve(bool &running) {
  for (int fd = 0; running; ++fd)
    std::thread(work, fd).detach();
  int *none = 0;
  (void)none;
}
