/*
 * The staging step of an import: each item the parser cleans is
 * normalised (company, title, language, its words) and written as one
 * row of a binary COPY into the staging table, inside the import's
 * transaction; an item read exactly as its stored source was goes as its
 * id and digest only.  import.c takes it from there.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core.h"
#include "feed.h"
#include "db.h"
#include "scrape.h"

#define FRESH_MAX	65536

/*
 * The feed as read.  Rows of up to 8 KB are kept whole: with the
 * descriptions' vectors many pass 2 KB, and compressing them (pglz) was
 * a large part of a first import (docs/benchmarks.md).
 */
static const char	sql_stage[] =
    "CREATE TEMP TABLE stage (ext_id text, url text, company_raw text,"
    " company_name text, company_key text, company_slug text,"
    " company_conf boolean, title_raw text, title text, slug text,"
    " contract_raw text, city_raw text, country text, description text,"
    " email text, date_raw text, expires_raw text, lang text, hash text,"
    " raw bigint, described tsvector) WITH (toast_tuple_target = 8160)"
    " ON COMMIT DROP";

/*
 * stage's columns, in the binary COPY: text but for company_conf (boolean),
 * raw (the digest as read, bigint) and described (tsvector, the last).
 */
#define STAGE_COLUMNS	21
#define STAGE_CONF	6
#define STAGE_RAW	19

/*
 * Before the staging table: the session's settings for an import.  Temporary
 * tables live in temp_buffers, 8 MB by default: the staged feed and its
 * derived tables (about 300 MB for 100 000 items) were written out to disk
 * and read back.  It can only be set before the session's first temporary
 * table, so it is set for the session, the same value every run.  Hash
 * joins and DISTINCT over 100 000 items fit in work_mem.  A commit that
 * is lost to a crash is lost as a whole (the run is done again), so it
 * need not wait for the WAL flush.
 */
static const char	*sql_begin[] = {
	"SET temp_buffers = '256MB'",
	"BEGIN",
	"SET LOCAL work_mem = '256MB'",
	"SET LOCAL synchronous_commit = off",
	"SET LOCAL jit = off",
	sql_stage,
};

/*
 * The sources the feed's unchanged items can match, by the digest of the
 * item as it was read (feed_opts.known): those seen by the last
 * snapshot.  One missed before is imported in full (it may reopen its
 * posting).  Read inside the import's transaction, with the partner
 * leased: no other run writes them meanwhile.  Each row carries their
 * number, to size the map: one scan, not a count and then the rows.
 */
static const char	sql_known[] =
    "DECLARE known NO SCROLL CURSOR FOR SELECT external_id, raw_hash,"
    " count(*) OVER () FROM posting_source WHERE partner_id = $1"
    " AND missed_runs = 0 AND raw_hash IS NOT NULL";

static int	 known_load(PGconn *, const char *, struct srcmap *);
static uint64_t	 fnv1a(uint64_t, const char *);
static const char *guess_lang(const struct feed_item *);
static const char *item_reject(const struct feed_item *);
static const char *item_id(const struct feed_item *, char *, size_t);
static int	 row_done(struct stage *);

void
stage_init(struct stage *st, PGconn *conn)
{
	memset(st, 0, sizeof(*st));
	st->conn = conn;
	st->rejects = json_array();
	st->tty = isatty(2);
	sbuf_init(&st->copy);
	sbuf_init(&st->words);
}

int
stage_begin(struct stage *st, const char *partner)
{
	PGconn		*conn = st->conn;
	PGresult	*res;
	size_t		 i;

	/*
	 * Items are COPYed as they are parsed, while the feed arrives: the
	 * transaction and the COPY are open before the fetch.
	 */
	for (i = 0; i < sizeof(sql_begin) / sizeof(sql_begin[0]); i++)
		if (db_run(conn, "import", sql_begin[i], 0, NULL) == -1)
			return (-1);
	if (known_load(conn, partner, &st->known) == -1)
		return (-1);
	if ((st->words_ok = db_words_ok(conn, "import")) == -1)
		return (-1);
	srcmap_init(&st->fresh, FRESH_MAX);
	/*
	 * Binary: PostgreSQL reads the descriptions' vectors several times
	 * faster so (docs/benchmarks.md).
	 */
	res = PQexec(conn, "COPY stage FROM STDIN WITH (FORMAT binary)");
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	db_bin_header(&st->copy);
	return (0);
}

int
stage_end(struct stage *st)
{
	PGresult	*res;

	if (st->tty && st->seen >= 10000)
		fprintf(stderr, "\r%ld items\n", st->seen);
	db_bin_trailer(&st->copy);
	if (PQputCopyData(st->conn, st->copy.data, (int)st->copy.len) != 1 ||
	    PQputCopyEnd(st->conn, NULL) != 1)
		return (-1);
	res = PQgetResult(st->conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		fprintf(stderr, "copy: %s", PQresultErrorMessage(res));
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	while ((res = PQgetResult(st->conn)) != NULL)
		PQclear(res);
	return (0);
}

void
stage_free(struct stage *st)
{
	json_decref(st->rejects);
	sbuf_free(&st->copy);
	sbuf_free(&st->words);
	srcmap_free(&st->known);
	srcmap_free(&st->fresh);
}

void
stage_abort(PGconn *conn, const char *why)
{
	PGresult	*res;

	if (PQtransactionStatus(conn) == PQTRANS_IDLE)
		return;
	if ((res = PQgetResult(conn)) != NULL &&
	    PQresultStatus(res) == PGRES_COPY_IN)
		(void)PQputCopyEnd(conn, why);
	PQclear(res);
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
	PQclear(PQexec(conn, "ROLLBACK"));
}

/*
 * The partner's sources seen by its last snapshot, with the digests of
 * their items as read, into m (zeroed by the caller, made here; the caller
 * frees it with srcmap_free), through a cursor so that the client holds
 * 10 000 rows at a time.
 */
static int
known_load(PGconn *conn, const char *partner, struct srcmap *m)
{
	PGresult		*res;
	const char		*params[1] = { partner };
	int			 i, n;

	if (db_run(conn, "import", sql_known, 1, params) == -1)
		return (-1);
	do {
		if ((res = db_exec(conn, "import", "FETCH 10000 FROM known", 0,
		    NULL)) == NULL)
			return (-1);
		n = PQntuples(res);
		if (m->slots == NULL)
			srcmap_init(m, n > 0 ? strtoull(PQgetvalue(res, 0, 2),
			    NULL, 10) : 0);
		for (i = 0; i < n; i++)
			if (srcmap_add(m, PQgetvalue(res, i, 0), (uint64_t)
			    strtoll(PQgetvalue(res, i, 1), NULL, 10)) == -1)
				break;
		PQclear(res);
	} while (n > 0);
	return (db_run(conn, "import", "CLOSE known", 0, NULL));
}

/* FNV-1a 64: a stable id for items without one (their URL). */
static uint64_t
fnv1a(uint64_t h, const char *s)
{
	if (s == NULL)
		return (h);
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return (h * 0x100000001b3ULL);
}

/* The item's language, or one guessed from its country; English else. */
static const char *
guess_lang(const struct feed_item *it)
{
	static const struct {
		const char	*prefix, *lang;
	} countries[] = {
		{ "it", "it" }, { "ital", "it" }, { "fr", "fr" }, { "mc", "fr" },
		{ "de", "de" }, { "germ", "de" }, { "deut", "de" }, { "at", "de" },
		{ "es", "es" }, { "spa", "es" },
	};
	size_t	i;

	for (i = 0; it->lang != NULL && lex_langs[i].code != NULL; i++)
		if (strncasecmp(it->lang, lex_langs[i].code, 2) == 0)
			return (lex_langs[i].code);
	for (i = 0; it->country != NULL &&
	    i < sizeof(countries) / sizeof(countries[0]); i++)
		if (strncasecmp(it->country, countries[i].prefix,
		    strlen(countries[i].prefix)) == 0)
			return (countries[i].lang);
	return ("en");
}

/* Why an item cannot be imported, or NULL. */
static const char *
item_reject(const struct feed_item *it)
{
	if (it->title == NULL || *it->title == '\0')
		return ("no title");
	if (it->company == NULL || *it->company == '\0')
		return ("no company");
	/* The board's rule, as for recruiters: a posting says how to apply. */
	if ((it->url == NULL || *it->url == '\0') &&
	    (it->email == NULL || *it->email == '\0'))
		return ("no way to apply: no link and no e-mail");
	return (NULL);
}

/*
 * The item's external id.  No id: the URL identifies the item; a listing
 * without links is identified by what it shows (company, title, city),
 * written into ext.
 */
static const char *
item_id(const struct feed_item *it, char *ext, size_t extlen)
{
	if (it->external_id != NULL && *it->external_id != '\0')
		return (it->external_id);
	if (it->url != NULL && *it->url != '\0')
		(void)snprintf(ext, extlen, "url:%016llx",
		    (unsigned long long)fnv1a(0xcbf29ce484222325ULL, it->url));
	else
		(void)snprintf(ext, extlen, "key:%016llx",
		    (unsigned long long)fnv1a(fnv1a(fnv1a(
		    0xcbf29ce484222325ULL, it->company), it->title), it->city));
	return (ext);
}

/* A row is in the COPY buffer: send the buffer when it is full. */
static int
row_done(struct stage *r)
{
	r->staged++;
	if (r->copy.len > (1 << 20)) {
		if (PQputCopyData(r->conn, r->copy.data, (int)r->copy.len) !=
		    1) {
			r->copy_failed = 1;
			return (-1);
		}
		sbuf_reset(&r->copy);
	}
	if (r->tty && r->seen % 10000 == 0)
		fprintf(stderr, "\r%ld items", r->seen);
	return (0);
}

/*
 * Each item before its description is cleaned (feed_opts.known): one read
 * exactly as its stored source was (same digest) is only seen again, and
 * goes no further.  Its row carries the id and the digest and no values:
 * the import checks that it matches a stored source before it resolves
 * anything.  Whether an id comes twice is worked out here too, until the
 * answer is "maybe": a new id that no longer fits in fresh may be one of
 * those it does not hold.
 */
int
stage_known(const struct feed_item *it, void *arg)
{
	struct stage		*r = arg;
	enum srcmap_state	 st;
	const char		*id;
	char			 ext[32];
	int			 again, i;

	if (item_reject(it) != NULL)
		return (0);
	id = item_id(it, ext, sizeof(ext));
	st = srcmap_see(&r->known, id, it->digest, &again);
	if (!r->twice && (again || (st == SRCMAP_NEW &&
	    srcmap_once(&r->fresh, id) != 1)))
		r->twice = 1;
	if (st != SRCMAP_SAME)
		return (0);
	r->seen++;
	/* Its id and digest; the other 19 columns NULL. */
	db_bin_row(&r->copy, STAGE_COLUMNS);
	db_bin_text(&r->copy, id);
	for (i = 1; i < STAGE_COLUMNS; i++) {
		if (i == STAGE_RAW)
			db_bin_int8(&r->copy, (long long)it->digest);
		else
			db_bin_text(&r->copy, NULL);
	}
	return (row_done(r) == -1 ? -1 : 1);
}

/* Each item stage_known let through: normalised, and sent whole. */
int
stage_item(const struct feed_item *it, void *arg)
{
	struct stage		*r = arg;
	struct norm_company	 co;
	const char		*reason, *f[STAGE_RAW];
	char			*title, *slug, *cslug, ext[32], hash[32];
	uint64_t		 h;
	size_t			 i;

	r->seen++;
	if ((reason = item_reject(it)) != NULL) {
		r->rejected++;
		if (json_array_size(r->rejects) < REJECTS_MAX)
			json_array_append_new(r->rejects, json_pack(
			    "{s:s?, s:s?, s:s}", "external_id",
			    it->external_id, "title", it->title,
			    "reason", reason));
		return (0);
	}
	h = 0xcbf29ce484222325ULL;
	h = fnv1a(fnv1a(fnv1a(h, it->title), it->company), it->contract);
	h = fnv1a(fnv1a(fnv1a(h, it->city), it->country), it->description);
	h = fnv1a(fnv1a(fnv1a(h, it->url), it->email), it->expires);
	h = fnv1a(fnv1a(h, it->date), it->lang);
	(void)snprintf(hash, sizeof(hash), "%016llx", (unsigned long long)h);

	norm_company(it->company, &co);
	title = norm_title(it->title);
	slug = text_slug(title);
	cslug = text_slug(co.key);
	f[0] = item_id(it, ext, sizeof(ext));
	f[1] = it->url;
	f[2] = it->company;
	f[3] = co.display;
	f[4] = co.key;
	f[5] = cslug;
	f[STAGE_CONF] = NULL;	/* a boolean, sent below */
	f[7] = it->title;
	f[8] = title;
	f[9] = slug;
	f[10] = it->contract ? it->contract : "";
	f[11] = it->city ? it->city : "";
	f[12] = it->country;
	f[13] = it->description ? it->description : "";
	f[14] = it->email;
	f[15] = it->date;
	f[16] = it->expires;
	f[17] = guess_lang(it);
	f[18] = hash;
	db_bin_row(&r->copy, STAGE_COLUMNS);
	for (i = 0; i < STAGE_RAW; i++) {
		if (i == STAGE_CONF)
			db_bin_bool(&r->copy, co.confidential);
		else
			db_bin_text(&r->copy, f[i]);
	}
	db_bin_int8(&r->copy, (long long)it->digest);
	/* Its words, unless only PostgreSQL's parser can tell (tsv.c). */
	sbuf_reset(&r->words);
	if (r->words_ok && tsv_binary(f[13], &r->words) == 0)
		db_bin_field(&r->copy, r->words.data, r->words.len);
	else
		db_bin_text(&r->copy, NULL);
	free(title);
	free(slug);
	free(cslug);
	norm_company_free(&co);
	r->full++;
	return (row_done(r));
}
