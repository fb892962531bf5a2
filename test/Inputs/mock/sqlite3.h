#pragma once
typedef struct sqlite3 sqlite3;
#define SQLITE_OK 0
#ifdef __cplusplus
extern "C" {
#endif
int sqlite3_open(const char *filename, sqlite3 **db);
int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags,
                    const char *vfs);
int sqlite3_close(sqlite3 *db);
int sqlite3_exec(sqlite3 *db, const char *sql, void *callback, void *arg,
                 char **errmsg);
#ifdef __cplusplus
}
#endif
