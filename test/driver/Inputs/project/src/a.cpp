#include "spawn.h"
void a() {
  while (running())
    std::thread([] {}).detach();
}
