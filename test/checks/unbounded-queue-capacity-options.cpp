// unbounded-queue-capacity's options change what is flagged, through both
// front ends.
// RUN: %check_both --config="{Checks: '-*,unbounded-queue-capacity', \
// RUN:   CheckOptions: {unbounded-queue-capacity.MaxCapacity: '100', \
// RUN:   unbounded-queue-capacity.QueueTypes: '::acme::Conveyor:1', \
// RUN:   unbounded-queue-capacity.CapacityFunctions: '::acme::Conveyor::resize:0', \
// RUN:   unbounded-queue-capacity.QueueTypePattern: 'Hopper$', \
// RUN:   unbounded-queue-capacity.CapacityParameterPattern: '^bins$', \
// RUN:   unbounded-queue-capacity.QueueVariablePattern: '^backlog$'}}" \
// RUN:   %s unbounded-queue-capacity -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/lockfree/queue.hpp>
#include <vector>

namespace acme {
template <typename T> struct Conveyor {
  Conveyor(const char *name, unsigned slots);
  void resize(unsigned slots);
};
struct GrainHopper {
  GrainHopper(int bins, int size);
  void put(int);
};
struct EventQueue {
  explicit EventQueue(int capacity);
  void push(int);
};
} // namespace acme

std::vector<int> backlog;
std::vector<int> other;

void options() {
  acme::Conveyor<double> belt("belt", 500);
  // CHECK: :[[@LINE-1]]:39: warning: 'acme::Conveyor<double>' is given a capacity of 500, above the threshold of 100 (500 slots x 8 B = 3.9 KiB when full): a buffer this deep hides backpressure until it overflows; size it for seconds of traffic and export its depth [unbounded-queue-capacity]
  belt.resize(1000);
  // CHECK: :[[@LINE-1]]:15: warning: 'acme::Conveyor<double>' is given a capacity of 1,000
  acme::GrainHopper hopper(200, 5000000);
  // CHECK: :[[@LINE-1]]:28: warning: 'acme::GrainHopper' is given a capacity of 200, above the threshold of 100: a buffer
  if (backlog.size() > 150)
    // CHECK: :[[@LINE-1]]:24: warning: size check against 150 is no bound in practice: 'backlog' can hold 150 items before this rejects anything; compare with a capacity of at most 100
    return;
  // Not listed any more: the default library list and name heuristics are replaced.
  boost::lockfree::queue<int> lf(1 << 20);
  acme::EventQueue events(1 << 20);
  if (other.size() > 150)
    return;
}
