// unbounded-silent-drop's options: a (void) cast is no longer deliberate
// enough, and the project's own fallible enqueues are named.
// RUN: %check_both --config="{Checks: '-*,unbounded-silent-drop', \
// RUN:   CheckOptions: {unbounded-silent-drop.AllowVoidCast: 'false', \
// RUN:   unbounded-silent-drop.FallibleFunctions: '::acme::Outbox::deliver', \
// RUN:   unbounded-silent-drop.TryMethods: 'attempt', \
// RUN:   unbounded-silent-drop.QueueTypePattern: 'Pipe$', \
// RUN:   unbounded-silent-drop.QueuePushMethods: 'feed'}}" \
// RUN:   %s unbounded-silent-drop -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <rigtorp/SPSCQueue.h>

namespace acme {
template <typename T> struct Outbox {
  bool deliver(const T &);
};
struct Pump {
  bool attempt(int);
};
struct DataPipe {
  bool feed(int);
};
struct EventQueue {
  bool push(int);
};
} // namespace acme

void options(acme::Outbox<int> &out, acme::Pump &pump, acme::DataPipe &pipe,
             acme::EventQueue &events, rigtorp::SPSCQueue<int> &q) {
  (void)pump.attempt(2);
  // CHECK: :[[@LINE-1]]:14: warning: result of 'attempt' is cast to void: when the queue is full the item is dropped and nobody is told; count the drop and return an error to the caller [unbounded-silent-drop]
  out.deliver(1);
  // CHECK: :[[@LINE-1]]:7: warning: result of 'deliver' is discarded
  pump.attempt(1);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'attempt' is discarded
  pipe.feed(1);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'feed' is discarded
  // No longer named: try_push is not in TryMethods, push not in QueuePushMethods.
  q.try_push(1);
  events.push(1);
}
