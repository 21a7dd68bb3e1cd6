#ifndef ARTEL_CSQLITECONFIG_SHIM_H
#define ARTEL_CSQLITECONFIG_SHIM_H

#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call. Turns off SQLite's memory statistics, which
/// take a process-wide mutex on every allocation. Must run before SQLite initializes.
static inline int artel_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// Lets connections name their file with a `file:` URI, so that a replica on read-only media can be
/// opened with `immutable=1`. Must run before SQLite initializes.
static inline int artel_sqlite_enable_uri_filenames(void) {
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}

#endif
