// A class whose constructor (or another member function) opens an SQLite
// database into a member is a client: an object of it made and destroyed on
// every call opens and closes the database each time. One kept for the
// service's life, or made once in main, is fine.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <sqlite3.h>
#include <string>

class Database {
public:
  explicit Database(const std::string &path) {
    sqlite3_open(path.c_str(), &db_);
  }
  ~Database() { sqlite3_close(db_); }
  void exec(const char *sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

private:
  sqlite3 *db_ = nullptr;
};

class Lazy {
public:
  void open(const char *path) { sqlite3_open_v2(path, &db_, 0, nullptr); }

private:
  sqlite3 *db_ = nullptr;
};

// ---- Positives ---------------------------------------------------------------

void recordSession(const std::string &path) {
  Database db(path);
  // CHECK: :[[@LINE-1]]:12: warning: 'Database' is created on every call of 'recordSession' and destroyed at its end: it opens its own connections through 'sqlite3_open' (create one shared client, configured with connection limits, and reuse it) [unbounded-client-per-call]
  // CHECK-NEXT: :13:12: note: 'Database::Database' opens the object's connections
  // CHECK-NEXT: :14:5: note: a connection is opened here by 'sqlite3_open'
  db.exec("INSERT INTO sessions VALUES (1)");
}

void touch(const char *path) {
  Lazy lazy;
  // CHECK: :[[@LINE-1]]:8: warning: 'Lazy' is created on every call of 'touch' and destroyed at its end: it opens its own connections through 'sqlite3_open_v2'
  // CHECK-NEXT: :25:8: note: 'Lazy::open' opens the object's connections
  // CHECK-NEXT: :25:33: note: a connection is opened here by 'sqlite3_open_v2'
  lazy.open(path);
}

// ---- Quiet -------------------------------------------------------------------

class Service {
public:
  explicit Service(const std::string &path) : db_(path) {}
  void record() { db_.exec("INSERT INTO sessions VALUES (1)"); }

private:
  Database db_;
};

int main() {
  Database db("app.db");
  db.exec("CREATE TABLE IF NOT EXISTS sessions (id INTEGER)");
  Service service("app.db");
  service.record();
  return 0;
}
