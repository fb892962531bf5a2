// A client made and destroyed inside a constructor (a connection opened to
// load start-up data) is made once per object: an object made once is
// fine, and one made on every iteration or request is reported where it is
// made, with notes down to the constructor's client.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <libpq-fe.h>
#include <memory>
#include <string>
#include <thread>
#include <vector>

bool running();

class Bot {
public:
  Bot() {
    PGconn *conn = PQconnectdb("host=db");
    loadUsers(conn);
    PQfinish(conn);
  }

private:
  void loadUsers(PGconn *conn);
};

class App {
public:
  void start() { bot_ = std::make_unique<Bot>(); }

private:
  std::unique_ptr<Bot> bot_;
};

void perMessage() {
  while (running()) {
    Bot bot;
    // CHECK: :[[@LINE-1]]:9: warning: 'Bot' is created on every iteration of an unbounded loop and destroyed at its end: it opens its own connections through 'PQconnectdb' (create one shared client, configured with connection limits, and reuse it) [unbounded-client-per-call]
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :19:20: note: the handle from 'PQconnectdb' is obtained here
  }
}

// A method only the constructor calls runs once per object too.
class Store {
public:
  Store() { createSchema(); }
  void createSchema() {
    PGconn *conn = PQconnectdb("host=db");
    PQfinish(conn);
  }
};
Store &store() {
  static Store instance;
  return instance;
}

// A method the constructor calls once, and that a loop then starts as a
// thread per item, runs per item.
class Crawler {
public:
  explicit Crawler(const std::string &root) {
    visit(root);
    while (!pending_.empty()) {
      std::string next = pending_.back();
      pending_.pop_back();
      std::thread(&Crawler::visit, this, next).detach();
    }
  }
  void visit(const std::string &url) {
    PGconn *conn = PQconnectdb(url.c_str());
    // CHECK: :[[@LINE-1]]:20: warning: the handle from 'PQconnectdb' is obtained on every call of 'Crawler::visit' and released at its end
    PQfinish(conn);
    // CHECK-NEXT: :[[@LINE-1]]:5: note: released here, at the end of the same call
  }

private:
  std::vector<std::string> pending_;
};
