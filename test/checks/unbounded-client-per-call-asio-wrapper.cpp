// A class whose member functions connect an Asio stream it holds
// (`socket_.async_connect(...)`, `boost::asio::connect(socket_, ...)`,
// through `socket_.lowest_layer()`) owns a connection: each object made
// per item or per request is a client of its own. A session that only
// reads from an accepted socket, one client made once and shared, and a
// class that connects another object's socket stay quiet.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/asio.hpp>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;

// ---- Positives ---------------------------------------------------------------

class PageFetcher {
public:
  explicit PageFetcher(asio::io_context &io) : socket_(io) {}
  void fetch(const tcp::endpoint &to) { onResolved(to); }

private:
  void onResolved(const tcp::endpoint &to) {
    asio::async_connect(socket_, to, [](int) {});
  }
  tcp::socket socket_;
};

void crawl(asio::io_context &io, const std::vector<tcp::endpoint> &links) {
  for (const tcp::endpoint &link : links)
    std::make_shared<PageFetcher>(io)->fetch(link);
  // CHECK: :[[@LINE-1]]:5: warning: 'PageFetcher' is created on every iteration of an unbounded loop and destroyed at its end: it opens its own connections through 'async_connect'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'links'
  // CHECK-NEXT: :[[@LINE-14]]:8: note: 'PageFetcher::fetch' opens the object's connections
  // CHECK-NEXT: :[[@LINE-11]]:5: note: a connection is opened here by 'async_connect'
}

class Probe {
public:
  explicit Probe(asio::io_context &io) : socket_(io) {}
  void reach(const tcp::endpoint &to) { socket_.lowest_layer().connect(to); }

private:
  tcp::socket socket_;
};

void probeAll(asio::io_context &io, const std::vector<tcp::endpoint> &targets) {
  for (const tcp::endpoint &to : targets) {
    Probe probe(io);
    // CHECK: :[[@LINE-1]]:11: warning: 'Probe' is created on every iteration of an unbounded loop and destroyed at its end: it opens its own connections through 'connect'
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'targets'
    // CHECK-NEXT: :[[@LINE-11]]:8: note: 'Probe::reach' opens the object's connections
    // CHECK-NEXT: :[[@LINE-12]]:41: note: a connection is opened here by 'connect'
    probe.reach(to);
  }
}

// ---- Negatives ---------------------------------------------------------------

// The session of an accepted connection reads; it never connects.
class Session {
public:
  explicit Session(asio::io_context &io) : socket_(io) {}
  void start() { socket_.async_read_some(asio::buffer(data_), [](int) {}); }

private:
  tcp::socket socket_;
  std::string data_;
};

bool running();

void acceptLoop(asio::io_context &io) {
  while (running())
    std::make_shared<Session>(io)->start();
}

// One fetcher, made once and shared by every request.
class Crawler {
public:
  explicit Crawler(asio::io_context &io)
      : fetcher_(std::make_shared<PageFetcher>(io)) {}
  void crawl(const std::vector<tcp::endpoint> &links) {
    for (const tcp::endpoint &link : links)
      fetcher_->fetch(link);
  }

private:
  std::shared_ptr<PageFetcher> fetcher_;
};

// Made once per call of a function that nothing shows running more than
// once (a crawl's start): not reported without a loop or a handler.
void startCrawl(asio::io_context &io, const tcp::endpoint &root) {
  std::make_shared<PageFetcher>(io)->fetch(root);
}

// A class that connects another object's socket does not connect its own.
struct Link {
  explicit Link(asio::io_context &io) : socket(io) {}
  tcp::socket socket;
};
class Dialer {
public:
  void dial(Link &link, const tcp::endpoint &to) { link.socket.connect(to); }
};

void dialAll(std::vector<Link> &links, const tcp::endpoint &to) {
  for (Link &link : links) {
    Dialer dialer;
    dialer.dial(link, to);
  }
}
