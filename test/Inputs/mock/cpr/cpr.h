#pragma once
// Mirrors cpr::Session and the one-shot functions of cpr/api.h, each of
// which builds a Session for its one request.
#include <string>
namespace cpr {
struct Url {
  Url(const char *);
};
struct Body {
  Body(const char *);
};
struct Response {
  int status_code;
  std::string text;
};
class Session {
public:
  Session();
  ~Session();
  void SetUrl(const Url &url);
  Response Get();
  Response Post();
};
template <typename... Ts> Response Get(Ts &&...ts) {
  Session session;
  return session.Get();
}
template <typename... Ts> Response Post(Ts &&...ts) {
  Session session;
  return session.Post();
}
} // namespace cpr
