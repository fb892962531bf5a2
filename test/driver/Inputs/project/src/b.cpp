#include <thread>
void b() { std::thread([] {}).join(); }
