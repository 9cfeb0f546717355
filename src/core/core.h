/*
 * fashionjobs core: pure C (libc, jansson, libxml2 only), no Kore.
 * Linked into the Kore module, the CLI, the unit tests and the fuzzers.
 * Kore-free functions return 0 on success and -1 on failure.
 * Every returned char * is malloc'd and freed by the caller with free().
 */
#ifndef FJ_CORE_H
#define FJ_CORE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

/* sbuf.c: allocation that never returns NULL (abort() on exhaustion). */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/* sbuf.c: a growable string buffer; data is always NUL-terminated. */
struct sbuf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 sbuf_init(struct sbuf *);
void	 sbuf_free(struct sbuf *);
void	 sbuf_reset(struct sbuf *);
/* Room for n more bytes and the NUL, to write at data + len directly. */
void	 sbuf_reserve(struct sbuf *, size_t);
void	 sbuf_append(struct sbuf *, const void *, size_t);
void	 sbuf_puts(struct sbuf *, const char *);
void	 sbuf_putc(struct sbuf *, int);
void	 sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*sbuf_steal(struct sbuf *);	/* caller frees; buffer is reset */
/* Append a whole file; -1 with errno set when it cannot be read. */
int	 sbuf_load(struct sbuf *, const char *path);

/* text.c: UTF-8, escaping, keys and slugs. */
int	 text_utf8_valid(const char *, size_t);
/* Valid UTF-8 copy: invalid bytes are read as Windows-1252; NULs dropped. */
char	*text_utf8_repair(const char *, size_t);
/* Latin-1 / Windows-1252 to UTF-8. */
char	*text_cp1252_to_utf8(const char *, size_t);
/* Escape for HTML text and quoted attributes: & < > " ' */
void	 esc_html(struct sbuf *, const char *);
/* Escape for XML text and attributes (also drops chars illegal in XML). */
void	 esc_xml(struct sbuf *, const char *);
/* Percent-encode for a URL query value (RFC 3986 unreserved kept). */
void	 esc_url(struct sbuf *, const char *);
/* JSON for inside <script>: compact, ASCII, < > & as \u003c \u003e \u0026. */
char	*esc_jsonld(const json_t *);
/*
 * Decode HTML entities (named: the common Latin-1 set and &amp; &lt; &gt;
 * &quot; &apos; &nbsp; ..., numeric &#NN; &#xHH;) once.
 */
char	*text_entity_decode(const char *);
/* Collapse runs of whitespace to one space, trim both ends. */
char	*text_squash(const char *);
/*
 * Matching key: lower case, accents folded to ASCII (é->e, ß->ss, ø->o,
 * æ->ae, ü->u), every run of non-alphanumerics becomes one space, trimmed.
 * Must agree with the SQL function fj_key() for Latin scripts and the
 * currency signs (tests/integration/test_lexicon.py compares them).
 */
char	*text_key(const char *);
/* URL slug: text_key with spaces as '-', at most 80 bytes, "" -> "n-a". */
char	*text_slug(const char *);
/* Truncate to at most n bytes on a UTF-8 boundary (in place). */
void	 text_truncate(char *, size_t);

/* qs.c: application/x-www-form-urlencoded parsing. */
struct qs_arg {
	char	*name;
	char	*value;
};

struct qs {
	struct qs_arg	*args;
	size_t		 n;
};

/*
 * Parse "a=1&b=x+y%20z" (no leading '?').  Returns -1 on more than max
 * arguments, a bad %-escape or a decoded value that is not valid UTF-8.
 * Control characters other than CR LF TAB are rejected too.
 */
int	 qs_parse(struct qs *, const char *, size_t, size_t max);
/* Last value of name, or NULL. */
const char *qs_get(const struct qs *, const char *);
void	 qs_free(struct qs *);

/*
 * lexicon.c: the codes of a posting's contract, schedule, remote mode and
 * language, as the database has them; each list ends with a NULL code.
 */
struct lex {
	const char	*code;
	const char	*label;		/* NULL: the labels are in SQL */
};
extern const struct lex	lex_contracts[];
extern const struct lex	lex_schedules[];
extern const struct lex	lex_remotes[];
extern const struct lex	lex_langs[];
/* The entry for code (NULL: none). */
const struct lex *lex_find(const struct lex *, const char *code);

/* norm.c: title and company normalisation (city and contract are in SQL). */
/*
 * Clean a title for display and matching: decode entities, including
 * double-escaped ones ("&amp;Amp;", "&Amp;"), drop gender markers such as
 * "(H/F)", "(F/H)", "(M/W/D)", "(m/w/d)", "(w/m/x)", "(M/F)", "H/F", "(all
 * genders)", "(d/f/m)", strip trailing separators, squash whitespace.
 * Case is kept.  Never returns NULL.
 */
char	*norm_title(const char *);

struct norm_company {
	char	*display;	/* squashed, entities decoded, case kept */
	char	*key;		/* text_key without legal suffixes */
	int	 confidential;	/* CONFIDENZIALE, CONFIDENTIEL, ... */
};
/* Legal suffixes dropped from key: S.P.A., SPA, S.R.L., SRL, GMBH, SAS, SA,
 * SARL, LTD, LIMITED, INC, LLC, AG, BV, NV, PLC, SL, SLU, KG, CO, & C ... */
void	 norm_company(const char *, struct norm_company *);
void	 norm_company_free(struct norm_company *);

/*
 * srcmap.c: which (external id, 64-bit hash) pairs a partner's sources
 * hold, for the scraper to tell unchanged items and ids listed twice.
 * Room for n, fixed: srcmap_add is -1 when full.
 */
struct srcmap {
	uint64_t	*slots;		/* key | seen bit, hash; 0: empty */
	size_t		 cap;
	size_t		 max;		/* room for, two thirds of cap */
	size_t		 n;
};

enum srcmap_state {
	SRCMAP_NEW,		/* no such id */
	SRCMAP_CHANGED,		/* the id, with another hash */
	SRCMAP_SAME		/* the id with this hash */
};

void	 srcmap_init(struct srcmap *, size_t n);
int	 srcmap_add(struct srcmap *, const char *id, uint64_t hash);
/* Look id up and mark it seen; *again: it was seen before. */
enum srcmap_state srcmap_see(struct srcmap *, const char *id, uint64_t hash,
	    int *again);
/* A set of ids: 1 the first time id is given, 0 after, -1 when full. */
int	 srcmap_once(struct srcmap *, const char *id);
void	 srcmap_free(struct srcmap *);

/*
 * tsv.c: to_tsvector('fj', left(text, 4000)) as tsvector input, appended
 * to out; -1 (out as it was) when the text has what only PostgreSQL's
 * parser is sure to read right.  tsv_binary: the same vector in tsvector's
 * binary form (COPY ... WITH (FORMAT binary)).
 */
int	 tsv_text(const char *, struct sbuf *);
int	 tsv_binary(const char *, struct sbuf *);

/* fmt.c */
/* 1045 -> "1 045" (thin grouping with a plain space), -12 -> "-12". */
void	 fmt_count(char *, size_t, long long);
void	 fmt_count_sep(char *, size_t, long long, char);
/* RFC 3339 date-time -> microseconds since the epoch; 0 or -1. */
int	 fmt_rfc3339(const char *, long long *);
/* Paging cursors: tag and three digit fields (the third may be NULL). */
char	*fmt_cursor(char, const char *, const char *, const char *);
/* Decode one of tag's kind into f (third "" when absent); 0 or -1. */
int	 fmt_cursor_read(const char *, char, char [3][32]);

/*
 * i18n.c: the interface's languages (lex_langs, English first), their
 * message catalogs (.mo files, English being the msgids) and how each
 * writes numbers and dates.  tr() and trn() never return NULL: a message
 * a catalog lacks comes back as it is.  N_() marks a message for the
 * catalogs (src/tools/i18n.py) where it is translated later.
 */
#define I18N_LANGS	5
#define N_(s)		(s)
int	 i18n_index(const char *lang);	/* 0 (English) when unknown */
int	 i18n_known(const char *lang);	/* 1 or 0 */
int	 i18n_load(const char *lang, const void *mo, size_t len);
/* An embedded asset "<lang>.mo": 1 loaded, 0 not a catalog, -1 bad. */
int	 i18n_asset(const char *name, const void *data, size_t len);
const char *tr(const char *lang, const char *msgid);
const char *trn(const char *lang, const char *singular, const char *plural,
	    long long n);
int	 i18n_plural(const char *lang, long long n);
/* 1045: "1,045" en, "1.045" it de es, "1 045" fr. */
void	 i18n_number(const char *lang, char *, size_t, long long);
/* "57.000–68.400 € all'anno": min or max may be NULL or "". */
void	 i18n_salary(const char *lang, struct sbuf *, const char *min,
	    const char *max, const char *currency, const char *period);
/* "today", "3 days ago" within 30 days, else "22 Nov 2026"; 0 or -1. */
int	 i18n_ago(const char *lang, char *, size_t, const char *date,
	    const char *today);

/* tmpl.c: a small mustache-like template language over jansson values.
 *
 *   {{name}} {{a.b.c}} {{.}}   value, escaped for HTML text and attributes
 *   {{&name}}                  raw (only for fragments already safe)
 *   {{#name}}..{{/name}}       section: array -> once per element (element
 *                              becomes the context); object -> once with it
 *                              as context; true/non-empty string/non-zero
 *                              number -> once; false/null/""/0/[]/missing ->
 *                              skipped
 *   {{^name}}..{{/name}}       inverted section
 *   {{>partial}}               another template by name
 *   {{! comment }}
 *   {{_ text}}                 text in the model's lang_ui (i18n.c), as the
 *                              catalog has it (not escaped: catalogs are
 *                              ours); %(x) in it is the value x, escaped,
 *                              %(&x) raw
 *   {{_n count|singular|plural}} the same, the form for the integer count
 * Names are looked up from the innermost context outwards.  Integers print
 * as %lld, reals as %g, true/false as "true"/"false", null as "".
 */
struct tmpl;
struct tmpl_set;

struct tmpl_set	*tmpl_set_new(void);
/* Parse and add a template; -1 with a message in err on a syntax error. */
int		 tmpl_set_add(struct tmpl_set *, const char *name,
		    const char *src, size_t len, char *err, size_t errlen);
/* Render template name with model into out; -1 if name is unknown. */
int		 tmpl_render(const struct tmpl_set *, const char *name,
		    const json_t *model, struct sbuf *out);
void		 tmpl_set_free(struct tmpl_set *);

#endif
