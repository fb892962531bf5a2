// POSIX and C11 threads in C: a handle that is detached or never joined
// outlives the iteration; one joined in the iteration does not.
// RUN: %check_both %s unbounded-thread-creation -- -std=c11 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>
#include <semaphore.h>
#include <threads.h>

void *serve(void *arg);
int work(void *arg);
int accept_client(void);
sem_t slots;

void detached_by_attribute(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  for (;;) {
    pthread_t tid;
    int fd = accept_client();
    pthread_create(&tid, &attr, serve, (void *)(long)fd);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'pthread_create' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-5]]:3: note: the loop is unbounded: it has no exit condition
    // CHECK-NEXT: :[[@LINE-7]]:3: note: thread detached here
  }
}

void detached_by_call(int n) {
  for (int i = 0; i < n; ++i) {
    pthread_t tid;
    pthread_create(&tid, 0, serve, 0);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'pthread_create' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: its trip count 'n' is only known at run time
    pthread_detach(tid);
    // CHECK-NEXT: :[[@LINE-1]]:5: note: thread detached here
  }
}

void stored_in_outer_array(int n, pthread_t *all) {
  for (int i = 0; i < n; ++i)
    pthread_create(&all[i], 0, serve, 0);
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'pthread_create' on every iteration of an unbounded loop is kept in 'all'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: its trip count 'n' is only known at run time
}

void c11_detached(void) {
  while (1) {
    thrd_t t;
    thrd_create(&t, work, 0);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'thrd_create' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it has no exit condition
    thrd_detach(t);
    // CHECK-NEXT: :[[@LINE-1]]:5: note: thread detached here
  }
}

// Negatives.
void joined_each_time(void) {
  for (;;) {
    pthread_t tid;
    pthread_create(&tid, 0, serve, 0);
    pthread_join(tid, 0);
  }
}

void limited(void) {
  for (;;) {
    pthread_t tid;
    sem_wait(&slots);
    pthread_create(&tid, 0, serve, 0);
    pthread_detach(tid);
  }
}

void fixed_count(void) {
  pthread_t workers[8];
  for (int i = 0; i < 8; ++i)
    pthread_create(&workers[i], 0, serve, 0);
  for (int i = 0; i < 8; ++i)
    pthread_join(workers[i], 0);
}
