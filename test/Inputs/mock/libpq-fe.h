#pragma once
typedef struct pg_conn PGconn;
#ifdef __cplusplus
extern "C" {
#endif
PGconn *PQconnectdb(const char *conninfo);
void PQfinish(PGconn *conn);
#ifdef __cplusplus
}
#endif
