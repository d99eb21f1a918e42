#ifndef PEDIGREE_CLIBPQ_H
#define PEDIGREE_CLIBPQ_H

#include <stddef.h>

/// The few parts of libpq (PostgreSQL's client library) Pedigree uses, declared here so that
/// building needs no libpq headers and `pedigree` links no libpq: `pedigree_pq_load()` opens
/// `libpq.so.5` with dlopen on first use and every `pedigree_pq_*` call goes through the
/// function pointers it found. The values below are libpq's ABI (libpq-fe.h, postgres_ext.h),
/// stable since PostgreSQL 7.4.

/// A connection and a result: opaque, as in libpq.
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
/// A type's object id (`int8` is 20, `float8` 701, `text` 25, `bytea` 17).
typedef unsigned int Oid;

/// `ConnStatusType`: only these two matter to a blocking connect.
enum { PEDIGREE_CONNECTION_OK = 0, PEDIGREE_CONNECTION_BAD = 1 };

/// `ExecStatusType`.
enum {
  PEDIGREE_PGRES_EMPTY_QUERY = 0,
  PEDIGREE_PGRES_COMMAND_OK = 1,
  PEDIGREE_PGRES_TUPLES_OK = 2,
  PEDIGREE_PGRES_COPY_OUT = 3,
  PEDIGREE_PGRES_COPY_IN = 4,
  PEDIGREE_PGRES_BAD_RESPONSE = 5,
  PEDIGREE_PGRES_NONFATAL_ERROR = 6,
  PEDIGREE_PGRES_FATAL_ERROR = 7,
};

/// `PQresultErrorField` codes.
enum {
  PEDIGREE_PG_DIAG_SQLSTATE = 'C',
  PEDIGREE_PG_DIAG_MESSAGE_PRIMARY = 'M',
};

/// Loads libpq once (thread-safe); 1 when every function was found, 0 otherwise, with the reason
/// in `pedigree_pq_load_error()`.
int pedigree_pq_load(void);
/// Why loading failed (dlopen's or dlsym's message), or NULL.
const char *pedigree_pq_load_error(void);

// Each of these calls the libpq function of the same name (without the prefix); call them only
// after `pedigree_pq_load()` returned 1.
PGconn *pedigree_pq_connectdb_params(
  const char *const *keywords, const char *const *values, int expand_dbname);
int pedigree_pq_status(const PGconn *conn);
char *pedigree_pq_error_message(const PGconn *conn);
void pedigree_pq_finish(PGconn *conn);
int pedigree_pq_server_version(const PGconn *conn);
/// Installs a notice processor that drops NOTICEs and WARNINGs (a `CREATE … IF NOT EXISTS`
/// must not print to stderr).
void pedigree_pq_silence_notices(PGconn *conn);
PGresult *pedigree_pq_exec(PGconn *conn, const char *query);
PGresult *pedigree_pq_exec_params(
  PGconn *conn, const char *command, int n_params, const Oid *param_types,
  const char *const *param_values, const int *param_lengths, const int *param_formats,
  int result_format);
int pedigree_pq_result_status(const PGresult *res);
char *pedigree_pq_result_error_field(const PGresult *res, int field_code);
char *pedigree_pq_result_error_message(const PGresult *res);
int pedigree_pq_ntuples(const PGresult *res);
int pedigree_pq_nfields(const PGresult *res);
char *pedigree_pq_getvalue(const PGresult *res, int row, int column);
int pedigree_pq_getlength(const PGresult *res, int row, int column);
int pedigree_pq_getisnull(const PGresult *res, int row, int column);
Oid pedigree_pq_ftype(const PGresult *res, int column);
char *pedigree_pq_cmd_tuples(PGresult *res);
void pedigree_pq_clear(PGresult *res);

#endif
