#include <thread>
void process(int);
void start() {
  for (int i = 0; i < 3; ++i)
    std::thread(process, i).detach();
}
