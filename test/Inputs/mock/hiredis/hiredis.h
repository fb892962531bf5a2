#pragma once
// Mirrors the declarations of <hiredis/hiredis.h> that the checks use.
#include <sys/time.h>
typedef struct redisContext { int err; } redisContext;
#ifdef __cplusplus
extern "C" {
#endif
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv);
void *redisCommand(redisContext *c, const char *format, ...);
void redisFree(redisContext *c);
#ifdef __cplusplus
}
#endif
