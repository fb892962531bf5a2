#pragma once
// Mirrors cpr::Session.
#include <string>
namespace cpr {
struct Url {
  Url(const char *);
};
struct Response {
  int status_code;
};
class Session {
public:
  Session();
  ~Session();
  void SetUrl(const Url &url);
  Response Get();
};
} // namespace cpr
