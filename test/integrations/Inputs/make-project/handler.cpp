#include <thread>

bool nextRequest(int &request);
void serve(int request);

// One detached thread per request: nothing limits how many run.
void acceptLoop() {
  int request = 0;
  while (nextRequest(request))
    std::thread(serve, request).detach();
}
