// A client built in the callable of an algorithm over a runtime-sized range
// is built once per element, as in a loop.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++20 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <array>
#include <curl/curl.h>
#include <httplib.h>
#include <string>
#include <vector>

void fetchAll(std::vector<std::string> &hosts) {
  std::for_each(hosts.begin(), hosts.end(), [](const std::string &host) {
    httplib::Client client(host);
    // CHECK: :[[@LINE-1]]:21: warning: 'httplib::Client' is created on every iteration of an unbounded loop and destroyed at its end
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'hosts'
    client.Get("/health");
  });
  std::ranges::for_each(hosts, [](const std::string &host) {
    CURL *curl = curl_easy_init();
    // CHECK: :[[@LINE-1]]:18: warning: the handle from 'curl_easy_init' is obtained on every iteration of an unbounded loop and released at its end
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'hosts'
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    // CHECK-NEXT: :[[@LINE-1]]:5: note: released here, at the end of the same iteration
  });
}

void fixedShards() {
  // A small constant range is no unbounded loop: the finding is the one the
  // same code gets without the algorithm, a client per call.
  std::array<int, 4> shards{};
  std::for_each(shards.begin(), shards.end(), [](int) {
    httplib::Client client("http://shard");
    // CHECK: :[[@LINE-1]]:21: warning: 'httplib::Client' is created on every call of 'fixedShards' and destroyed at its end
    client.Get("/");
  });
}
