// A client made behind a guard that lets it run once per object (`if
// (fd_ == -1) { ...; fd_ = ...; }`, a connection looked up the first time
// and kept) is not made on every call.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <hiredis/hiredis.h>

int connectTo(const char *host);

class Channel {
public:
  void call(const char *method) {
    if (fd_ == -1) {
      redisContext *registry = redisConnect("registry", 6379);
      fd_ = connectTo(lookup(registry, method));
      redisFree(registry);
    }
    send(method);
  }
  void callEveryTime(const char *method) {
    redisContext *registry = redisConnect("registry", 6379);
    // CHECK: :[[@LINE-1]]:30: warning: the handle from 'redisConnect' is obtained on every call of 'Channel::callEveryTime' and released at its end
    // CHECK-NEXT: :[[@LINE+2]]:5: note: released here, at the end of the same call
    send(lookup(registry, method));
    redisFree(registry);
  }

private:
  const char *lookup(redisContext *registry, const char *method);
  void send(const char *what);
  int fd_ = -1;
};

// A state tested on each item, not on the object: `job->state` has one
// value per job, so the branch runs once per job, on every pass.
struct Job {
  int state;
  const char *host;
};
Job jobs[4096];
bool running();

void dispatch() {
  while (running()) {
    for (int i = 0; i < 4096; ++i) {
      Job *job = &jobs[i];
      if (job->state == 1) {
        redisContext *cache = redisConnect(job->host, 6379);
        // CHECK: :[[@LINE-1]]:31: warning: the handle from 'redisConnect' is obtained on every iteration of an unbounded loop and released at its end
        // CHECK-NEXT: :[[@LINE-5]]:5: note: the loop is unbounded: it runs 4096 times, more than the 64 MaxIterations allows
        // CHECK-NEXT: :[[@LINE+2]]:9: note: released here, at the end of the same iteration
        job->state = 2;
        redisFree(cache);
      }
    }
  }
}
