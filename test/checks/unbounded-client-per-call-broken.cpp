// Code Clang could not make sense of: after a fatal error (a generated
// header that is missing) the headers that follow are never read, so a
// member queue has no type and the push that keeps each connection is
// missing from the AST. Nothing is known of such a function's clients,
// nor of a client handed to something Clang could not resolve; the rest of
// the file is judged as usual.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <curl/curl.h>
#include <hiredis/hiredis.h>
#include "never-generated.pb.h"
#include <queue>

class RedisPool {
public:
  RedisPool(int size, const char *host, int port) {
    for (int i = 0; i < size; ++i) {
      redisContext *context = redisConnect(host, port);
      if (context == nullptr || context->err) {
        if (context)
          redisFree(context);
        continue;
      }
      idle_.push(context);
    }
  }

private:
  std::queue<redisContext *> idle_;
};

// Handed to a function Clang could not resolve: it may be kept there.
void keepInUndeclared(const char *host) {
  redisContext *context = redisConnect(host, 6379);
  undeclaredKeep(context);
}

// An error elsewhere in the call does not hide what happens to the client.
void commandWithTypo(const char *host) {
  redisContext *context = redisConnect(host, 6379);
  // CHECK: :[[@LINE-1]]:27: warning: the handle from 'redisConnect' is obtained on every call of 'commandWithTypo' and released at its end
  redisCommand(context, undeclaredCommand);
  redisFree(context);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
}

// A function with nothing broken in it is still judged.
void ping(const char *url) {
  CURL *curl = curl_easy_init();
  // CHECK: :[[@LINE-1]]:16: warning: the handle from 'curl_easy_init' is obtained on every call of 'ping' and released at its end
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
}
