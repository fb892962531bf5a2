#pragma once
typedef struct { int value; } sem_t;
#ifdef __cplusplus
extern "C" {
#endif
int sem_init(sem_t *sem, int pshared, unsigned value);
int sem_wait(sem_t *sem);
int sem_post(sem_t *sem);
#ifdef __cplusplus
}
#endif
