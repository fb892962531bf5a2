// Uses the installed unbounded-guard: a bounded queue checked by the GoogleTest
// adapter.
#include <unbounded/BoundedQueue.h>
#include <unbounded/GuardListener.h>
#include <unbounded/WorkerPool.h>

using namespace unbounded::guard;

TEST(Consumer, BoundedQueueRefusesWhenFull) {
  BoundedQueue<int> queue(1);
  EXPECT_EQ(queue.tryPush(1), PushStatus::Ok);
  EXPECT_EQ(queue.tryPush(2), PushStatus::Full);
}

TEST(Consumer, PoolLeavesNoThreadBehind) {
  WorkerPool pool({"consumer", 0, 2, 4, std::chrono::milliseconds(1000)});
  EXPECT_EQ(pool.submit([] {}), SubmitStatus::Accepted);
  pool.shutdown();
}

int main(int argc, char **argv) {
  ::testing::InitGoogleTest(&argc, argv);
  installGuardListener();
  return runAllTestsWithLeakCheck();
}
