// A module-wide option reaches every check that reads it, and a check's own
// value overrides it for that check only, through both front ends: here
// WorkerCountPattern, read by unbounded-thread-creation and
// unbounded-client-per-call (a loop up to a worker count is bounded).
// RUN: %check_both --config="{Checks: '-*,unbounded-thread-creation,unbounded-client-per-call'}" \
// RUN:   %s unbounded-thread-creation,unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not="warning:"
// RUN: %check_both --config="{Checks: '-*,unbounded-thread-creation,unbounded-client-per-call', \
// RUN:   CheckOptions: {unbounded.WorkerCountPattern: '^lanes$'}}" \
// RUN:   %s unbounded-thread-creation,unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --check-prefix=SHARED --implicit-check-not="warning:"
// RUN: %check_both --config="{Checks: '-*,unbounded-thread-creation,unbounded-client-per-call', \
// RUN:   CheckOptions: {unbounded.WorkerCountPattern: '^lanes$', \
// RUN:   unbounded-client-per-call.WorkerCountPattern: '^workers$'}}" \
// RUN:   %s unbounded-thread-creation,unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --check-prefix=LOCAL --implicit-check-not="warning:"

#include <curl/curl.h>
#include <thread>

void process(int);
void fetch(CURL *);

void startThreads(int workers, int lanes) {
  for (int i = 0; i < workers; ++i)
    std::thread(process, i).detach();
  // SHARED: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // LOCAL: :[[@LINE-2]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  for (int i = 0; i < lanes; ++i)
    std::thread(process, i).detach();
  // DEFAULT: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
}

void fetchAll(int workers, int lanes) {
  for (int i = 0; i < workers; ++i) {
    CURL *c = curl_easy_init();
    // DEFAULT: :[[@LINE-1]]:15: warning: the handle from 'curl_easy_init' is obtained on every call of 'fetchAll'
    // SHARED: :[[@LINE-2]]:15: warning: the handle from 'curl_easy_init' is obtained on every iteration of an unbounded loop
    // LOCAL: :[[@LINE-3]]:15: warning: the handle from 'curl_easy_init' is obtained on every call of 'fetchAll'
    fetch(c);
    curl_easy_cleanup(c);
  }
  for (int i = 0; i < lanes; ++i) {
    CURL *c = curl_easy_init();
    // DEFAULT: :[[@LINE-1]]:15: warning: the handle from 'curl_easy_init' is obtained on every iteration of an unbounded loop
    // SHARED: :[[@LINE-2]]:15: warning: the handle from 'curl_easy_init' is obtained on every call of 'fetchAll'
    // LOCAL: :[[@LINE-3]]:15: warning: the handle from 'curl_easy_init' is obtained on every iteration of an unbounded loop
    fetch(c);
    curl_easy_cleanup(c);
  }
}
