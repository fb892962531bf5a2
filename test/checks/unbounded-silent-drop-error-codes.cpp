// A C-style bounded enqueue reports a full queue with an error code (`return
// QUEUE_FULL;`, or `err = QUEUE_FULL; ... return err;`). A caller that
// discards the code, or keeps it in a variable it never reads, drops the
// item silently; one that tests the code in any way handles it. The same
// holds for a `bool` kept and never read.
// RUN: %check_both %s unbounded-silent-drop -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>

enum { POOL_OK = 0, POOL_INVALID = -1, POOL_QUEUE_FULL = -2 };

struct Job {
  void (*fn)(void *);
  void *arg;
};

struct Pool {
  pthread_mutex_t lock;
  Job jobs[64];
  int head, tail, count, size;
};

int pool_add(Pool *pool, void (*fn)(void *), void *arg) {
  int err = POOL_OK;
  if (pool == nullptr)
    return POOL_INVALID;
  pthread_mutex_lock(&pool->lock);
  do {
    if (pool->count == pool->size) {
      err = POOL_QUEUE_FULL;
      break;
    }
    pool->jobs[pool->tail] = Job{fn, arg};
    pool->tail = (pool->tail + 1) % pool->size;
    pool->count += 1;
  } while (false);
  pthread_mutex_unlock(&pool->lock);
  return err;
}

int ring_put(Pool *pool, Job job) {
  if (pool->count >= pool->size)
    return -1;
  pool->jobs[pool->tail] = job;
  return 0;
}

void handle(void *);
void log_drop(int code);

// ---- Positives ---------------------------------------------------------------

void onEvent(Pool *pool, void *request) {
  int rc = pool_add(pool, handle, request);
  // CHECK: :[[@LINE-1]]:12: warning: result of 'pool_add' is discarded: when the queue is full the item is dropped and nobody is told; count the drop and return an error to the caller [unbounded-silent-drop]
  // CHECK-NEXT: :31:7: note: 'pool_add' returns an error code here, when it is full
}

void onTick(Pool *pool, Job job) {
  ring_put(pool, job);
  // CHECK: :[[@LINE-1]]:3: warning: result of 'ring_put' is discarded
  // CHECK-NEXT: :44:5: note: 'ring_put' returns an error code here, when it is full
}

bool offer(int item);
bool offer(int item) {
  static int slots[8];
  static int count = 0;
  if (count >= 8)
    return false;
  slots[count++] = item;
  return true;
}

void onMessage(int item) {
  bool accepted = offer(item);
  // CHECK: :[[@LINE-1]]:19: warning: result of 'offer' is discarded
  // CHECK-NEXT: :[[@LINE-8]]:5: note: 'offer' returns false here, when it is full
}

// ---- Quiet -------------------------------------------------------------------

void tested(Pool *pool, void *request) {
  int rc = pool_add(pool, handle, request);
  if (rc != POOL_OK)
    log_drop(rc);
  if (pool_add(pool, handle, request))
    log_drop(POOL_QUEUE_FULL);
}

int passedOn(Pool *pool, void *request) {
  return pool_add(pool, handle, request);
}

bool kept(int item) {
  bool accepted = offer(item);
  return accepted;
}

// An int function whose error is not about a full queue.
int open_slot(Pool *pool, Job job) {
  if (job.fn == nullptr)
    return -1;
  pool->jobs[0] = job;
  return 0;
}
void setup(Pool *pool, Job job) { open_slot(pool, job); }
