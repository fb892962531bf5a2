#pragma once
// MySQL Connector/C++'s classic API, reduced to what the checks look at.
#include <string>
namespace sql {
class Connection {
public:
  virtual ~Connection();
  void close();
};
class Driver {
public:
  virtual ~Driver();
  virtual Connection *connect(const std::string &host, const std::string &user,
                              const std::string &password);
};
namespace mysql {
class MySQL_Driver : public Driver {
public:
  Connection *connect(const std::string &host, const std::string &user,
                      const std::string &password) override;
};
MySQL_Driver *get_mysql_driver_instance();
} // namespace mysql
} // namespace sql
sql::Driver *get_driver_instance();
