#include "unbounded/BoundedQueue.h"

#include <gtest/gtest.h>
#include <memory>
#include <thread>

using namespace unbounded::guard;
using namespace std::chrono_literals;

TEST(BoundedQueueTest, ZeroCapacityIsRejected) {
  EXPECT_THROW(BoundedQueue<int>(0), std::invalid_argument);
}

TEST(BoundedQueueTest, FullQueueRefusesAndLeavesTheItemWithTheCaller) {
  BoundedQueue<std::unique_ptr<int>> queue(1);
  EXPECT_EQ(queue.tryPush(std::make_unique<int>(1)), PushStatus::Ok);
  auto second = std::make_unique<int>(2);
  EXPECT_EQ(queue.tryPush(std::move(second)), PushStatus::Full);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(*second, 2);
  const QueueStats stats = queue.stats();
  EXPECT_EQ(stats.queued, 1u);
  EXPECT_EQ(stats.dropped, 1u);
  EXPECT_EQ(stats.depth, 1u);
  EXPECT_EQ(stats.capacity, 1u);
}

TEST(BoundedQueueTest, FifoOrderAndCounters) {
  BoundedQueue<int> queue(3);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(queue.tryPush(i), PushStatus::Ok);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(queue.tryPop(), i);
  EXPECT_EQ(queue.tryPop(), std::nullopt);
  const QueueStats stats = queue.stats();
  EXPECT_EQ(stats.popped, 3u);
  EXPECT_EQ(stats.peakDepth, 3u);
  EXPECT_EQ(stats.depth, 0u);
}

TEST(BoundedQueueTest, PushForTimesOutAndCountsADrop) {
  BoundedQueue<int> queue(1);
  ASSERT_EQ(queue.tryPush(1), PushStatus::Ok);
  EXPECT_EQ(queue.pushFor(2, 5ms), PushStatus::Timeout);
  EXPECT_EQ(queue.stats().dropped, 1u);
}

TEST(BoundedQueueTest, PushForSucceedsWhenRoomAppears) {
  BoundedQueue<int> queue(1);
  ASSERT_EQ(queue.tryPush(1), PushStatus::Ok);
  std::thread consumer([&] { EXPECT_EQ(queue.pop(), 1); });
  EXPECT_EQ(queue.pushFor(2, 10s), PushStatus::Ok);
  consumer.join();
  EXPECT_EQ(queue.tryPop(), 2);
}

TEST(BoundedQueueTest, CloseRefusesPushesAndDrainsPops) {
  BoundedQueue<int> queue(4);
  ASSERT_EQ(queue.tryPush(1), PushStatus::Ok);
  queue.close();
  EXPECT_EQ(queue.tryPush(2), PushStatus::Closed);
  EXPECT_EQ(queue.push(3), PushStatus::Closed);
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), std::nullopt);
  EXPECT_TRUE(queue.stats().closed);
  EXPECT_EQ(queue.stats().dropped, 2u);
}

TEST(BoundedQueueTest, CloseWakesBlockedConsumersAndProducers) {
  BoundedQueue<int> empty(1);
  std::thread consumer([&] { EXPECT_EQ(empty.pop(), std::nullopt); });
  BoundedQueue<int> full(1);
  ASSERT_EQ(full.tryPush(0), PushStatus::Ok);
  std::thread producer([&] { EXPECT_EQ(full.push(1), PushStatus::Closed); });
  std::this_thread::sleep_for(5ms);
  empty.close();
  full.close();
  consumer.join();
  producer.join();
}

TEST(BoundedQueueTest, PopForTimesOutEmpty) {
  BoundedQueue<int> queue(1);
  EXPECT_EQ(queue.popFor(2ms), std::nullopt);
}

TEST(BoundedQueueTest, StatusNames) {
  EXPECT_STREQ(pushStatusName(PushStatus::Full), "full");
  EXPECT_STREQ(pushStatusName(PushStatus::Closed), "closed");
}
