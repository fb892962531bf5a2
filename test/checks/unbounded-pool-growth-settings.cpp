// A settings struct whose count member sizes a pool wherever it is read
// (`settings->fetchers` in a thread's loop), given a value read from the
// input in a braced initializer, directly or through a local that holds
// it; and what makes that value bounded.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

struct CrawlSettings {
  unsigned fetchers;
  const char *agent;
};

void fetch(const char *agent);

// The crawler's thread starts one fetcher per unit of the member, joined.
void crawl(const CrawlSettings *settings) {
  std::vector<std::thread> fetchers;
  for (unsigned i = 0; i < settings->fetchers; ++i)
    fetchers.push_back(std::thread(fetch, settings->agent));
  for (auto &t : fetchers)
    t.join();
}

std::string option(const char *name);

// ---- Positives ---------------------------------------------------------------

void fromLocal() {
  unsigned fetchers = 1;
  fetchers = std::atoi(option("fetchers").c_str());
  // Zero is rejected, but nothing holds the count under a limit.
  if (fetchers == 0)
    return;
  CrawlSettings settings = {fetchers, "bot"};
  // CHECK: :[[@LINE-1]]:29: warning: 'CrawlSettings::fetchers' sizes a thread pool and is given 'fetchers', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count
  // CHECK-NEXT: :[[@LINE-6]]:3: note: read from the input here
  // CHECK-NEXT: :[[@LINE-19]]:3: note: 'crawl' runs this loop once per unit of 'fetchers'
  // CHECK-NEXT: :[[@LINE-19]]:24: note: and starts a thread here on each pass
  std::thread(crawl, &settings).join();
}

void fromOption(char **argv) {
  CrawlSettings settings{static_cast<unsigned>(std::atoi(argv[1])), "bot"};
  // CHECK: :[[@LINE-1]]:26: warning: 'CrawlSettings::fetchers' sizes a thread pool and is read from the input here with no upper limit
  // CHECK-NEXT: :[[@LINE-27]]:3: note: 'crawl' runs this loop once per unit of 'fetchers'
  // CHECK-NEXT: :[[@LINE-27]]:24: note: and starts a thread here on each pass
  crawl(&settings);
}

// ---- Negatives ---------------------------------------------------------------

void cappedLocal() {
  unsigned fetchers = std::atoi(option("fetchers").c_str());
  if (fetchers > 64)
    fetchers = 64;
  CrawlSettings settings = {fetchers, "bot"};
  crawl(&settings);
}

void rejectedLocal() {
  unsigned fetchers = std::atoi(option("fetchers").c_str());
  if (fetchers == 0 || fetchers > 64)
    return;
  CrawlSettings settings = {fetchers, "bot"};
  crawl(&settings);
}

void constantSettings() {
  CrawlSettings settings = {8, "bot"};
  crawl(&settings);
}
