#include <thread>
bool running();
inline void spawnForever() {
  while (running())
    std::thread([] {}).detach();
}
