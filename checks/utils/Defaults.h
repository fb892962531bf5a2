//===- Defaults.h - option defaults shared by several checks ----*- C++ -*-===//
///
/// \file
/// The defaults of the module-wide options (unbounded.<Name>, read with
/// utils::sharedOption): every check that reads one takes its default here.
/// checks/catalogue.json lists the same values; test/catalogue holds the two
/// in step through --dump-config.
///
//===----------------------------------------------------------------------===//

#ifndef UNBOUNDED_UTILS_DEFAULTS_H
#define UNBOUNDED_UTILS_DEFAULTS_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::unbounded::utils::defaults {

/// Regex on integer names that count configured workers (a bound).
constexpr llvm::StringLiteral WorkerCountPattern =
    "[Tt]hread|[Ww]orker|[Cc]ores?$|[Cc]pu|CPU|[Cc]oncurren|[Pp]arallel|[Pp]"
    "ool";

/// Regex on the unqualified names of functions whose callable argument is a
/// request or message handler.
constexpr llvm::StringLiteral HandlerRegistrationPattern =
    "^(Get|Post|Put|Patch|Delete|Options|route|Route|add_route|AddRoute|"
    "handle|Handle|set_handler|SetHandler|register_handler|"
    "registerHandler|RegisterHandler|set_[a-z_]*handler|"
    "add_[a-z_]*handler|[Oo]n|on_[a-z_]+|On[A-Z][A-Za-z]*|on[A-Z][A-Za-z]*|"
    "subscribe|Subscribe|connect|async_accept|async_read|async_read_some|"
    "async_receive|async_receive_from|async_wait|evconnlistener_new|"
    "evconnlistener_new_bind)$";

/// Regex on the qualified names of the request classes of server
/// frameworks: a function that takes one runs once per request.
constexpr llvm::StringLiteral RequestTypePattern =
    "^(crow::request|httplib::Request|drogon::HttpRequest|"
    "Pistache::Http::Request|served::request|web::http::http_request|"
    "Poco::Net::HTTPServerRequest|hv::HttpContext|HttpRequest|"
    "evhttp_request|restinio::generic_request_t)$";

/// Calls that take a permit from a limiter.
constexpr llvm::StringLiteral LimiterFunctions =
    "::sem_wait;::sem_timedwait;::sem_trywait;::sem_clockwait";

/// Regex on class names whose acquire/wait methods take a permit.
constexpr llvm::StringLiteral LimiterTypePattern =
    "[Ss]emaphore|[Ll]imiter|[Tt]oken_?[Bb]ucket|[Pp]ermit|[Tt]hrottle";

/// Regex (case-insensitive) on names that make a comparison a limit check.
constexpr llvm::StringLiteral CounterPattern =
    "active|inflight|in_flight|running|live|pending|outstanding|busy|"
    "concurren|thread|worker|max|limit|capacity|permit|slot";

/// Regex on record names that make a type a queue.
constexpr llvm::StringLiteral QueueTypePattern =
    "(Queue|Buffer|Channel|Mailbox|Ring)$";

/// Classes whose objects are network or database clients.
constexpr llvm::StringLiteral ClientTypes =
    "::httplib::Client;::httplib::SSLClient;::pqxx::connection;"
    "::pqxx::basic_connection_base;::cpr::Session;::curlpp::Easy";

/// `create=release` pairs: functions returning a client handle, and the
/// function that releases it (empty when the handle releases itself).
constexpr llvm::StringLiteral ClientFactories =
    "::curl_easy_init=::curl_easy_cleanup;"
    "::curl_multi_init=::curl_multi_cleanup;"
    "::redisConnect=::redisFree;::redisConnectWithTimeout=::redisFree;"
    "::redisConnectNonBlock=::redisFree;::redisConnectUnix=::redisFree;"
    "::redisConnectWithOptions=::redisFree;"
    "::redisAsyncConnect=::redisAsyncFree;"
    "::redisAsyncConnectUnix=::redisAsyncFree;"
    "::redisAsyncConnectWithOptions=::redisAsyncFree;"
    "::PQconnectdb=::PQfinish;::PQconnectdbParams=::PQfinish;"
    "::PQsetdbLogin=::PQfinish;::mysql_init=::mysql_close;"
    "::grpc::CreateChannel=;::grpc::CreateCustomChannel=;"
    "::zookeeper_init=::zookeeper_close;"
    "::sql::Driver::connect=;::sql::mysql::MySQL_Driver::connect=;"
    "::drogon::HttpClient::newHttpClient=";

/// The largest constant loop trip count that still counts as small.
constexpr unsigned MaxIterations = 64;

} // namespace clang::tidy::unbounded::utils::defaults

#endif
