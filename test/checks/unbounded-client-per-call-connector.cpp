// MySQL Connector/C++: `driver->connect(...)` returns a new connection. A
// data-access class whose constructor connects is a client; a temporary of
// it made in every RPC opens a connection per request. One made once and
// shared is fine.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cppconn/driver.h>
#include <grpcpp/grpcpp.h>

class CourseDB {
public:
  CourseDB() {
    driver_ = get_driver_instance();
    con_ = driver_->connect("tcp://db:3306", "app", "secret");
  }
  ~CourseDB() { delete con_; }
  int title(int course);

private:
  sql::Driver *driver_;
  sql::Connection *con_;
};

struct TitleRequest {};
struct TitleResponse {};

class CourseService {
public:
  virtual ~CourseService();
  virtual grpc::Status GetTitle(grpc::ServerContext *context,
                                const TitleRequest *request,
                                TitleResponse *response);
};

class CourseServiceImpl : public CourseService {
public:
  grpc::Status GetTitle(grpc::ServerContext *context,
                        const TitleRequest *request,
                        TitleResponse *response) override {
    int title = CourseDB().title(1);
    // CHECK: :[[@LINE-1]]:17: warning: 'CourseDB' is created on every request to this handler and destroyed at its end: it opens its own connections through 'sql::Driver::connect' (create one shared client, configured with connection limits, and reuse it) [unbounded-client-per-call]
    // CHECK-NEXT: :[[@LINE-5]]:16: note: 'GetTitle' overrides a gRPC service method, which runs once per RPC
    // CHECK-NEXT: :15:12: note: the handle from 'sql::Driver::connect' is obtained here
    (void)title;
    return grpc::Status();
  }
};

// Quiet: one data-access object for the service's life.
class SharedCourseService : public CourseService {
public:
  grpc::Status GetTitle(grpc::ServerContext *context,
                        const TitleRequest *request,
                        TitleResponse *response) override {
    (void)db_.title(1);
    return grpc::Status();
  }

private:
  CourseDB db_;
};
