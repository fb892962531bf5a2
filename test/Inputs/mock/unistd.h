#pragma once
typedef int pid_t;
#ifdef __cplusplus
extern "C" {
#endif
pid_t fork(void);
int close(int fd);
#ifdef __cplusplus
}
#endif
