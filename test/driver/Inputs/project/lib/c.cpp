#include "spawn.h"
void c() {
  for (;;)
    std::thread([] {}).detach();
}
