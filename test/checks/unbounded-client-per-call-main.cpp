// main runs once, so a client it makes once is shared by the program; a
// client it makes on every pass of an unbounded loop (a poll of a master,
// a command loop) is one per iteration like anywhere else.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cpr/cpr.h>
#include <httplib.h>

bool running();
void pause();

int main() {
  httplib::Client inventory("http://inventory:8080");
  inventory.Get("/");
  cpr::Response first = cpr::Get(cpr::Url{"http://master/target"});
  while (running()) {
    cpr::Response ping = cpr::Get(cpr::Url{"http://master/ping"});
    // CHECK: :[[@LINE-1]]:26: warning: call to 'cpr::Get' creates a client on every iteration of an unbounded loop and destroys it before returning
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    httplib::Client status("http://master:8080");
    // CHECK: :[[@LINE-1]]:21: warning: 'httplib::Client' is created on every iteration of an unbounded loop and destroyed at its end
    // CHECK-NEXT: :[[@LINE-6]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    status.Get("/status");
    inventory.Get("/stock");
    pause();
  }
}
