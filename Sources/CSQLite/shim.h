#ifndef PEDIGREE_CSQLITE_SHIM_H
#define PEDIGREE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type pedigree_sqlite_transient(void) {
  return SQLITE_TRANSIENT;
}

/// sqlite3_db_config is variadic; Swift cannot call it directly.
static inline int pedigree_sqlite_db_config_int(sqlite3 *db, int op, int value, int *out) {
  return sqlite3_db_config(db, op, value, out);
}

/// Turns SQLite's memory statistics off (sqlite3_config is variadic). Must run before SQLite
/// initializes, that is before the first connection opens; returns SQLITE_MISUSE after.
static inline int pedigree_sqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
