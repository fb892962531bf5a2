// Threads started per request: lambdas and functions registered as request
// or message handlers, and functions that start a thread called from an
// unbounded loop (one level of calls).
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/bind.hpp>
#include <functional>
#include <future>
#include <pthread.h>
#include <thread>
#include <vector>

struct Request {};
struct Response {
  int status = 200;
};
using Handler = std::function<void(const Request &, Response &)>;

struct Router {
  void Post(const char *path, Handler h);
  void Get(const char *path, Handler h);
};
struct Bus {
  template <class F> void subscribe(const char *topic, F f) {}
  template <class F> void on_message(F f) {}
};
void process(const Request &);
void *run(void *);

// ---- Positives --------------------------------------------------------------

void routes(Router &router) {
  router.Post("/orders", [](const Request &req, Response &res) {
    std::thread([req] { process(req); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every request to this handler is detached; nothing limits how many run at once (use a bounded worker pool or acquire a counting semaphore first) [unbounded-thread-creation]
    // CHECK-NEXT: :[[@LINE-3]]:10: note: 'Post' registers the handler, which runs once per request
    // CHECK-NEXT: :[[@LINE-3]]:42: note: thread detached here
    res.status = 202;
  });
}

std::vector<std::thread> Background;
void messages(Bus &bus) {
  bus.subscribe("orders", [](const Request &req) {
    Background.emplace_back(process, req);
    // CHECK: :[[@LINE-1]]:16: warning: thread started by 'std::thread' on every request to this handler is kept in 'Background'
    // CHECK-NEXT: :[[@LINE-3]]:7: note: 'subscribe' registers the handler, which runs once per request
  });
  bus.on_message([](const Request &req) {
    pthread_t tid;
    pthread_create(&tid, nullptr, run, nullptr);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'pthread_create' on every request to this handler is never joined
    // CHECK-NEXT: :[[@LINE-4]]:7: note: 'on_message' registers the handler, which runs once per request
  });
}

// A named function registered as a handler.
void handleOrder(const Request &req, Response &res) {
  std::thread(process, req).detach();
  // CHECK: :[[@LINE-1]]:3: warning: thread started by 'std::thread' on every request to this handler is detached
  // CHECK-NEXT: :[[@LINE+6]]:10: note: 'Post' registers the handler, which runs once per request
  // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
  res.status = 202;
}

void registerNamed(Router &router) {
  router.Post("/named", handleOrder);
}

// An accept handler re-armed through boost::bind: one detached thread per
// accepted connection.
struct Acceptor {
  template <class H> void async_accept(int &socket, H handler);
};
class AcceptingServer {
public:
  void startAccept() {
    acceptor_.async_accept(socket_,
                           boost::bind(&AcceptingServer::onAccept, this, 0));
  }
  void onAccept(int error) {
    std::thread([this] { serveOne(); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE-6]]:15: note: 'async_accept' registers the handler, which runs once per request
    // CHECK-NEXT: :[[@LINE-3]]:41: note: thread detached here
    startAccept();
  }

private:
  void serveOne();
  Acceptor acceptor_;
  int socket_ = 0;
};

// A message consumer's camel-case callback (`onReceived`), as AMQP client
// libraries chain them: one detached thread per delivered message.
struct Consumer {
  template <class F> Consumer &onReceived(F f) { return *this; }
};
struct Channel {
  Consumer &consume(const char *queue);
};
void listen(Channel &channel) {
  channel.consume("jobs").onReceived([](const Request &r) {
    std::thread worker(process, r);
    // CHECK: :[[@LINE-1]]:17: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE-3]]:27: note: 'onReceived' registers the handler, which runs once per request
    // CHECK-NEXT: :[[@LINE+1]]:12: note: thread detached here
    worker.detach();
  });
}

// One level of calls: a helper that detaches, called per item.
void spawnWorker(const Request &r) {
  std::thread(process, r).detach();
}

void perItemThroughHelper(const std::vector<Request> &batch) {
  for (const Request &r : batch)
    spawnWorker(r);
  // CHECK: :[[@LINE-1]]:5: warning: call to 'spawnWorker' starts a thread on every iteration of an unbounded loop that is detached; nothing limits how many run at once (use a bounded worker pool or acquire a counting semaphore first) [unbounded-thread-creation]
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'batch'
  // CHECK-NEXT: :[[@LINE-8]]:3: note: thread started here by 'std::thread'
  // CHECK-NEXT: :[[@LINE-9]]:27: note: thread detached here
}

// A constructor that starts a detached thread, constructed per connection.
struct Connection {
  explicit Connection(int fd) : fd(fd) {
    std::thread(&Connection::serve, this).detach();
  }
  void serve();
  int fd;
};
int acceptConnection();
bool Running = true;

void acceptLoop() {
  while (Running)
    new Connection(acceptConnection());
  // CHECK: :[[@LINE-1]]:9: warning: call to 'Connection::Connection' starts a thread on every iteration of an unbounded loop that is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'Running' holds
  // CHECK-NEXT: :[[@LINE-13]]:5: note: thread started here by 'std::thread'
  // CHECK-NEXT: :[[@LINE-14]]:43: note: thread detached here
}

// A method that grows a member set of workers, called from an event loop.
struct Growing {
  void addWorker() { workers.emplace_back(&Growing::work, this); }
  void work();
  bool queueFull();
  void loop() {
    while (Running) {
      if (queueFull())
        addWorker();
      // CHECK: :[[@LINE-1]]:9: warning: call to 'Growing::addWorker' starts a thread on every iteration of an unbounded loop that is kept in 'workers'
      // CHECK-NEXT: :[[@LINE-4]]:5: note: the loop is unbounded: it runs for as long as 'Running' holds
      // CHECK-NEXT: :[[@LINE-9]]:30: note: thread started here by 'std::thread'
    }
  }
  std::vector<std::thread> workers;
};

// ---- Negatives --------------------------------------------------------------

void handlersWithoutThreads(Router &router) {
  router.Get("/health", [](const Request &, Response &res) { res.status = 200; });
  // Joined before the response: one thread per request at a time.
  router.Post("/sync", [](const Request &req, Response &) {
    std::thread t(process, req);
    t.join();
  });
  // The future's destructor waits.
  router.Post("/async", [](const Request &req, Response &) {
    std::async(std::launch::async, process, req);
  });
}

template <class F> void runOnce(F f) { f(); }
void notAHandler() {
  // A lambda passed to a call that is not a registration runs once here.
  runOnce([] { std::thread(process, Request{}).detach(); });
}

void helperCalledOnce() {
  spawnWorker(Request{});
  for (int i = 0; i < 4; ++i)
    spawnWorker(Request{});
}

void joinsItsThread(const Request &r) {
  std::thread t(process, r);
  t.join();
}
void perItemJoinedHelper(const std::vector<Request> &batch) {
  for (const Request &r : batch)
    joinsItsThread(r);
}

struct Owner {
  // The thread lives as long as the object; constructing one per iteration
  // is the caller's business only if the thread escapes the object.
  Owner() : t(&Owner::run, this) {}
  ~Owner() { t.join(); }
  void run();
  std::thread t;
};
void ownersInLoop(const std::vector<Request> &batch) {
  for (const Request &r : batch) {
    Owner o;
    (void)r;
  }
}
