#include "clibpq.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// libpq's functions, found by dlsym in `load`.
static struct {
  PGconn *(*connectdb_params)(const char *const *, const char *const *, int);
  int (*status)(const PGconn *);
  char *(*error_message)(const PGconn *);
  void (*finish)(PGconn *);
  int (*server_version)(const PGconn *);
  void *(*set_notice_processor)(PGconn *, void (*)(void *, const char *), void *);
  PGresult *(*exec)(PGconn *, const char *);
  PGresult *(*exec_params)(
    PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *, int);
  int (*result_status)(const PGresult *);
  char *(*result_error_field)(const PGresult *, int);
  char *(*result_error_message)(const PGresult *);
  int (*ntuples)(const PGresult *);
  int (*nfields)(const PGresult *);
  char *(*getvalue)(const PGresult *, int, int);
  int (*getlength)(const PGresult *, int, int);
  int (*getisnull)(const PGresult *, int, int);
  Oid (*ftype)(const PGresult *, int);
  char *(*cmd_tuples)(PGresult *);
  void (*clear)(PGresult *);
} pq;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char load_error[512];

#define FIND(field, name)                                                                    \
  do {                                                                                       \
    *(void **)(&pq.field) = dlsym(library, name);                                            \
    if (pq.field == NULL) {                                                                  \
      snprintf(load_error, sizeof load_error, "%s has no %s", path, name);                   \
      return;                                                                                \
    }                                                                                        \
  } while (0)

static void load(void) {
#if defined(__APPLE__)
  static const char *const candidates[] = {"libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib",
                                           "/usr/local/opt/libpq/lib/libpq.5.dylib", NULL};
#else
  static const char *const candidates[] = {"libpq.so.5", NULL};
#endif
  void *library = NULL;
  const char *path = NULL;
  for (int i = 0; candidates[i] != NULL && library == NULL; i++) {
    path = candidates[i];
    library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) {
    const char *reason = dlerror();
    snprintf(load_error, sizeof load_error, "%s", reason ? reason : "cannot load libpq");
    return;
  }
  FIND(connectdb_params, "PQconnectdbParams");
  FIND(status, "PQstatus");
  FIND(error_message, "PQerrorMessage");
  FIND(finish, "PQfinish");
  FIND(server_version, "PQserverVersion");
  FIND(set_notice_processor, "PQsetNoticeProcessor");
  FIND(exec, "PQexec");
  FIND(exec_params, "PQexecParams");
  FIND(result_status, "PQresultStatus");
  FIND(result_error_field, "PQresultErrorField");
  FIND(result_error_message, "PQresultErrorMessage");
  FIND(ntuples, "PQntuples");
  FIND(nfields, "PQnfields");
  FIND(getvalue, "PQgetvalue");
  FIND(getlength, "PQgetlength");
  FIND(getisnull, "PQgetisnull");
  FIND(ftype, "PQftype");
  FIND(cmd_tuples, "PQcmdTuples");
  FIND(clear, "PQclear");
  loaded = 1;
}

int pedigree_pq_load(void) {
  pthread_once(&once, load);
  return loaded;
}

const char *pedigree_pq_load_error(void) { return loaded ? NULL : load_error; }

PGconn *pedigree_pq_connectdb_params(
  const char *const *keywords, const char *const *values, int expand_dbname) {
  return pq.connectdb_params(keywords, values, expand_dbname);
}
int pedigree_pq_status(const PGconn *conn) { return pq.status(conn); }
char *pedigree_pq_error_message(const PGconn *conn) { return pq.error_message(conn); }
void pedigree_pq_finish(PGconn *conn) { pq.finish(conn); }
int pedigree_pq_server_version(const PGconn *conn) { return pq.server_version(conn); }

static void ignore_notice(void *argument, const char *message) {
  (void)argument;
  (void)message;
}
void pedigree_pq_silence_notices(PGconn *conn) { pq.set_notice_processor(conn, ignore_notice, NULL); }

PGresult *pedigree_pq_exec(PGconn *conn, const char *query) { return pq.exec(conn, query); }
PGresult *pedigree_pq_exec_params(
  PGconn *conn, const char *command, int n_params, const Oid *param_types,
  const char *const *param_values, const int *param_lengths, const int *param_formats,
  int result_format) {
  return pq.exec_params(
    conn, command, n_params, param_types, param_values, param_lengths, param_formats, result_format);
}
int pedigree_pq_result_status(const PGresult *res) { return pq.result_status(res); }
char *pedigree_pq_result_error_field(const PGresult *res, int field_code) {
  return pq.result_error_field(res, field_code);
}
char *pedigree_pq_result_error_message(const PGresult *res) { return pq.result_error_message(res); }
int pedigree_pq_ntuples(const PGresult *res) { return pq.ntuples(res); }
int pedigree_pq_nfields(const PGresult *res) { return pq.nfields(res); }
char *pedigree_pq_getvalue(const PGresult *res, int row, int column) {
  return pq.getvalue(res, row, column);
}
int pedigree_pq_getlength(const PGresult *res, int row, int column) {
  return pq.getlength(res, row, column);
}
int pedigree_pq_getisnull(const PGresult *res, int row, int column) {
  return pq.getisnull(res, row, column);
}
Oid pedigree_pq_ftype(const PGresult *res, int column) { return pq.ftype(res, column); }
char *pedigree_pq_cmd_tuples(PGresult *res) { return pq.cmd_tuples(res); }
void pedigree_pq_clear(PGresult *res) { pq.clear(res); }
