// Connection and process pools sized by the input: a loop that opens one
// database connection per unit of a count (directly, through the project's
// own function, or by constructing the project's connection class), or
// forks one worker process per unit, is sized like a thread pool, and the
// count reported where it is read.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <mysql.h>
#include <queue>
#include <string>
#include <unistd.h>
#include <vector>

class Settings {
public:
  int get(const std::string &key) const;
};

// ---- Opened in the loop itself --------------------------------------------

class SqlPool {
public:
  void init(const char *host, int size) {
    for (int i = 0; i < size; ++i) {
      MYSQL *conn = mysql_init(nullptr);
      conn = mysql_real_connect(conn, host, "app", "secret", "db", 3306,
                                nullptr, 0);
      free_.push(conn);
    }
  }

private:
  std::queue<MYSQL *> free_;
};

void startFromEnvironment(SqlPool &pool) {
  pool.init("db", std::atoi(std::getenv("DB_CONNECTIONS")));
  // CHECK: :[[@LINE-1]]:19: warning: 'SqlPool::init' sizes a connection pool from this argument, 'std::atoi(std::getenv("DB_CONNECTIONS"))', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  // CHECK-NEXT: :[[@LINE-2]]:19: note: read from the input here
  // CHECK-NEXT: :29:5: note: 'SqlPool::init' runs this loop once per unit of 'size'
  // CHECK-NEXT: :30:21: note: and opens a connection (mysql_init) here on each pass
}

// ---- Through the project's own function -----------------------------------

class PgPool {
public:
  explicit PgPool(const Settings &settings) {
    minimum_ = settings.get("pool.min_connections");
    // CHECK: :[[@LINE-1]]:16: warning: 'PgPool::minimum_' sizes a connection pool and is read from the input here with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
    // CHECK-NEXT: :[[@LINE+2]]:5: note: 'PgPool::PgPool' runs this loop once per unit of 'minimum_'
    // CHECK-NEXT: :[[@LINE+2]]:7: note: and calls 'PgPool::addConnection' on each pass
    for (int i = 0; i < minimum_; ++i)
      addConnection();
  }

private:
  void addConnection() {
    idle_.push_back(PQconnectdb("host=db"));
    // CHECK-NEXT: :[[@LINE-1]]:21: note: 'PgPool::addConnection' opens a connection (PQconnectdb) here
  }

  int minimum_ = 0;
  std::vector<PGconn *> idle_;
};

// ---- The project's connection class, made per unit -------------------------

class DbConnection {
public:
  explicit DbConnection(const char *info) : conn_(PQconnectdb(info)) {}
  ~DbConnection() { PQfinish(conn_); }

private:
  PGconn *conn_;
};

class DbManager {
public:
  explicit DbManager(int connection_num) {
    for (auto i = connection_num; i > 0; --i)
      pool_.emplace_back(std::make_unique<DbConnection>("host=db"));
  }

private:
  std::vector<std::unique_ptr<DbConnection>> pool_;
};

int main(int argc, char **argv) {
  DbManager manager(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:21: warning: 'DbManager' sizes a connection pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:21: note: read from the input here
  // CHECK-NEXT: :86:5: note: 'DbManager::DbManager' runs this loop once per unit of 'connection_num'
  // CHECK-NEXT: :87:26: note: and calls 'DbConnection::DbConnection' on each pass
  // CHECK-NEXT: :76:51: note: 'DbConnection::DbConnection' opens a connection (PQconnectdb) here
  return 0;
}

// ---- Quiet -----------------------------------------------------------------

// Clamped, a constant, or a constant above MaxThreads (a limit for threads,
// not for connections).
void quiet(SqlPool &pool, char **argv) {
  pool.init("db", std::min(std::atoi(argv[2]), 32));
  pool.init("db", 8);
  pool.init("db", 1000);
  DbManager fixed(4);
}

// A count read from the input that opens nothing per unit.
class Buffers {
public:
  explicit Buffers(int count) {
    for (int i = 0; i < count; ++i)
      slots_.push_back(0);
  }

private:
  std::vector<int> slots_;
};

void buffers(char **argv) { Buffers b(std::atoi(argv[3])); }

// ---- Worker processes -------------------------------------------------------

struct ServerOptions {
  int processes = 4;
};

class PreforkServer {
public:
  explicit PreforkServer(const ServerOptions &options) : options_(options) {}
  void run() {
    for (int i = 0; i < options_.processes; ++i)
      if (fork() == 0)
        serve();
  }

private:
  void serve();
  ServerOptions options_;
};

void prefork(const Settings &settings) {
  ServerOptions options;
  options.processes = settings.get("concurrency");
  // CHECK: :[[@LINE-1]]:23: warning: 'ServerOptions::processes' sizes a process pool and is read from the input here with no upper limit
  // CHECK-NEXT: :[[@LINE-14]]:5: note: 'PreforkServer::run' runs this loop once per unit of 'processes'
  // CHECK-NEXT: :[[@LINE-14]]:11: note: and forks a worker process here on each pass
  PreforkServer(options).run();
}

// Quiet: a fixed number of worker processes, even a large one.
void preforkFixed() {
  ServerOptions options;
  options.processes = 512;
  PreforkServer(options).run();
}
