/*
 * Synchronous libpq helpers for the CLI (migrate, seed, partner, scrape,
 * admin, apikey).  The web module uses Kore's async layer instead.
 * Functions return 0 on success and -1 on failure (having printed why),
 * or a pointer that is NULL on failure; db_words_ok() is 1, 0 or -1.
 */
#ifndef FJ_DB_H
#define FJ_DB_H

#include <signal.h>

#include <libpq-fe.h>

/*
 * Connect to $DATABASE_URL, or without it to the checkout's private cluster
 * (var/database_url, written by make run); prints the reason (how to start
 * the board's database when it is not running) and returns NULL on failure.
 */
PGconn		*db_connect(void);
/*
 * Run one parameterised statement; on error print it (prefixed with what)
 * and return NULL.  Caller PQclear()s the result.
 */
PGresult	*db_exec(PGconn *, const char *what, const char *sql,
		    int nparams, const char *const *params);
/* Run a statement whose result is not needed; 0 or -1. */
int		 db_run(PGconn *, const char *what, const char *sql,
		    int nparams, const char *const *params);
/* Append s as one field of COPY text format (NULL as \N). */
struct sbuf;
void		 db_copy_field(struct sbuf *, const char *);
/*
 * COPY ... WITH (FORMAT binary), appended to a buffer: the header once, then
 * per row its number of fields and each field (NULL for a NULL), then the
 * trailer.  db_bin_field takes a value already in its type's binary form
 * (text is its bytes); db_bin_text a string, or NULL.
 */
void		 db_bin_header(struct sbuf *);
void		 db_bin_row(struct sbuf *, int nfields);
void		 db_bin_field(struct sbuf *, const void *, size_t);
void		 db_bin_text(struct sbuf *, const char *);
void		 db_bin_bool(struct sbuf *, int);
void		 db_bin_int8(struct sbuf *, long long);
void		 db_bin_trailer(struct sbuf *);
/* 1 if tsv_text() gives this database's vectors, 0 if not, -1 on error. */
int		 db_words_ok(PGconn *, const char *what);
/* The connection string, with the options every connection needs. */
char		*db_conninfo(const char *url);
/*
 * For a --loop worker after a pass: 0 when the connection is fine and the
 * pass did not fail for the database (failed; *backoff is reset); else
 * one log line "WHO: database unavailable, next try in N s", a wait of
 * 1, 2, 4 ... 30 s (cut short by *stop), a reconnect if the connection
 * is lost ("WHO: database back" when it works), and 1: the caller starts
 * its next pass then.
 */
#define DB_BACKOFF_MAX	30
int		 db_outage(PGconn *, const char *who, int failed, int *backoff,
		    volatile sig_atomic_t *stop);

#endif
