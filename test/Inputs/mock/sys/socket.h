#pragma once
// The POSIX socket calls the checks look at, as <sys/socket.h> declares them.
typedef unsigned socklen_t;
struct sockaddr {
  unsigned short sa_family;
  char sa_data[14];
};
#define AF_INET 2
#define SOCK_STREAM 1
extern "C" {
int socket(int domain, int type, int protocol);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int close(int fd);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
long send(int fd, const void *buf, unsigned long len, int flags);
long recv(int fd, void *buf, unsigned long len, int flags);
}
