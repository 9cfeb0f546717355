/*
 * The interface's languages: message catalogs, plural rules, numbers and
 * dates as each language writes them.
 *
 * Catalogs are GNU gettext .mo files (po/<lang>.po compiled by msgfmt),
 * embedded in the program like the other assets and read here, so that
 * nothing depends on setlocale() or on files inside the workers' chroot.
 * A .mo file holds its msgids sorted, so a look-up is a binary search.
 * English is the msgids themselves: it has no catalog.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define MO_MAGIC	0x950412deU
#define MO_MAGIC_SWAP	0xde120495U

struct catalog {
	const unsigned char	*data;
	size_t			 len;
	uint32_t		 n;
	uint32_t		 orig;		/* offset of the msgid table */
	uint32_t		 trans;		/* offset of the msgstr table */
	int			 swap;
};

static struct catalog	 catalogs[I18N_LANGS];

static int	 slot(const char *);
static uint32_t	 word(const struct catalog *, size_t);
static const char *entry(const struct catalog *, uint32_t, uint32_t,
		    uint32_t *);
static const char *find(const char *, const char *, uint32_t *);
static void	 amount(const char *, struct sbuf *, const char *);

/* The slot of a language in lex_langs (and catalogs), or -1. */
static int
slot(const char *lang)
{
	const struct lex	*l;

	l = lex_find(lex_langs, lang);
	return (l != NULL && l - lex_langs < I18N_LANGS ? (int)(l - lex_langs) :
	    -1);
}

int
i18n_index(const char *lang)
{
	int	i;

	return ((i = slot(lang)) < 0 ? 0 : i);
}

int
i18n_known(const char *lang)
{
	return (slot(lang) >= 0);
}

static uint32_t
word(const struct catalog *c, size_t off)
{
	uint32_t	v;

	memcpy(&v, c->data + off, sizeof(v));
	if (c->swap)
		v = (v >> 24) | ((v >> 8) & 0xff00U) | ((v << 8) & 0xff0000U) |
		    (v << 24);
	return (v);
}

/* String i of the table at off, NUL-terminated in the file; NULL if bad. */
static const char *
entry(const struct catalog *c, uint32_t table, uint32_t i, uint32_t *len)
{
	uint32_t	l, o;

	l = word(c, (size_t)table + (size_t)i * 8);
	o = word(c, (size_t)table + (size_t)i * 8 + 4);
	if ((size_t)o + l >= c->len || c->data[o + l] != '\0')
		return (NULL);
	*len = l;
	return ((const char *)c->data + o);
}

int
i18n_load(const char *lang, const void *data, size_t len)
{
	struct catalog	 c;
	uint32_t	 magic, i, l;
	const char	*s, *prev;

	if (lang == NULL || i18n_index(lang) == 0 || len < 28)
		return (-1);
	memset(&c, 0, sizeof(c));
	c.data = data;
	c.len = len;
	memcpy(&magic, data, sizeof(magic));
	if (magic == MO_MAGIC_SWAP)
		c.swap = 1;
	else if (magic != MO_MAGIC)
		return (-1);
	if (word(&c, 4) != 0)
		return (-1);
	c.n = word(&c, 8);
	c.orig = word(&c, 12);
	c.trans = word(&c, 16);
	if (c.n > len / 16 || (size_t)c.orig + (size_t)c.n * 8 > len ||
	    (size_t)c.trans + (size_t)c.n * 8 > len)
		return (-1);
	/* Every string inside the file and the msgids in order. */
	prev = NULL;
	for (i = 0; i < c.n; i++) {
		if ((s = entry(&c, c.orig, i, &l)) == NULL ||
		    entry(&c, c.trans, i, &l) == NULL)
			return (-1);
		if (prev != NULL && strcmp(prev, s) >= 0)
			return (-1);
		prev = s;
	}
	catalogs[i18n_index(lang)] = c;
	return (0);
}

int
i18n_asset(const char *name, const void *data, size_t len)
{
	char	lang[8];
	size_t	n;

	n = strlen(name);
	if (n < 4 || strcmp(name + n - 3, ".mo") != 0)
		return (0);
	if (n - 3 >= sizeof(lang))
		return (-1);
	memcpy(lang, name, n - 3);
	lang[n - 3] = '\0';
	return (i18n_load(lang, data, len) == 0 ? 1 : -1);
}

/* The translation of msgid in lang (all its plural forms), or NULL. */
static const char *
find(const char *lang, const char *msgid, uint32_t *len)
{
	const struct catalog	*c;
	uint32_t		 lo, hi, mid, l;
	const char		*s;
	int			 cmp;

	c = &catalogs[i18n_index(lang)];
	if (c->data == NULL || msgid == NULL || *msgid == '\0')
		return (NULL);
	lo = 0;
	hi = c->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		s = entry(c, c->orig, mid, &l);
		cmp = strcmp(msgid, s);
		if (cmp == 0) {
			s = entry(c, c->trans, mid, len);
			return (*len > 0 ? s : NULL);
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (NULL);
}

const char *
tr(const char *lang, const char *msgid)
{
	const char	*s;
	uint32_t	 len;

	if ((s = find(lang, msgid, &len)) == NULL)
		return (msgid);
	return (s);
}

/*
 * The plural form of n in lang, the index into a catalog's forms: the
 * Plural-Forms of po/<lang>.po (tests/integration/test_i18n.py checks
 * that each catalog's header says the same).
 */
int
i18n_plural(const char *lang, long long n)
{
	if (lang != NULL && strcmp(lang, "fr") == 0)
		return (n > 1);
	return (n != 1);
}

const char *
trn(const char *lang, const char *singular, const char *plural,
    long long n)
{
	const char	*s, *end;
	uint32_t	 len;
	int		 form, i;

	form = i18n_plural(lang, n);
	if ((s = find(lang, singular, &len)) == NULL)
		return (form == 0 ? singular : plural);
	end = s + len;
	for (i = 0; i < form; i++) {
		s += strlen(s) + 1;
		if (s >= end)
			return (plural);
	}
	return (s);
}

/* Digit groups: "1 045" in French, "1.045" in Italian, German, Spanish. */
void
i18n_number(const char *lang, char *buf, size_t size, long long n)
{
	static const char	seps[I18N_LANGS] = { ',', '.', ' ', '.', '.' };

	fmt_count_sep(buf, size, n, seps[i18n_index(lang)]);
}

/*
 * When something was, as a person says it: "today", "3 days ago" within a
 * month ("2 giorni fa", "il y a 3 jours", "vor 2 Tagen"), else the date
 * ("22 Nov 2026").  date: "YYYY-MM-DD"; today: the same for now.  -1 (buf
 * "") when either is not such a date.
 */
int
i18n_ago(const char *lang, char *buf, size_t size, const char *date,
    const char *today)
{
	static const char *const months[] = {
		N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"),
		N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"),
		N_("Nov"), N_("Dec")
	};
	char		 num[32], iso[32];
	long long	 a, b, days;
	int		 y, m, d;

	if (size > 0)
		buf[0] = '\0';
	if (date == NULL || today == NULL ||
	    sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return (-1);
	(void)snprintf(iso, sizeof(iso), "%.10sT00:00:00Z", date);
	if (fmt_rfc3339(iso, &a) == -1)
		return (-1);
	(void)snprintf(iso, sizeof(iso), "%.10sT00:00:00Z", today);
	if (fmt_rfc3339(iso, &b) == -1)
		return (-1);
	days = (b - a) / (86400LL * 1000000);
	if (days <= 0)
		(void)snprintf(buf, size, "%s", tr(lang, "today"));
	else if (days <= 30) {
		i18n_number(lang, num, sizeof(num), days);
		(void)snprintf(buf, size, trn(lang, "%s day ago",
		    "%s days ago", days), num);
	} else
		/* TRANSLATORS: day, month's short name, year. */
		(void)snprintf(buf, size, tr(lang, "%1$d %2$s %3$d"), d,
		    tr(lang, months[m - 1]), y);
	return (0);
}

/* An amount ("57000", "12.5") as lang writes it: "57.000", "12,50". */
static void
amount(const char *lang, struct sbuf *out, const char *v)
{
	static const char	decs[I18N_LANGS] = { '.', ',', ',', ',', ',' };
	char			 buf[48];
	const char		*dot;
	long long		 whole;
	size_t			 n;

	whole = strtoll(v, NULL, 10);
	i18n_number(lang, buf, sizeof(buf), whole);
	sbuf_puts(out, buf);
	if ((dot = strchr(v, '.')) != NULL && (n = strspn(dot + 1,
	    "0123456789")) > 0 && strspn(dot + 1, "0") < n) {
		sbuf_putc(out, decs[i18n_index(lang)]);
		sbuf_append(out, dot + 1, n);
		if (n == 1)
			sbuf_putc(out, '0');
	}
}

void
i18n_salary(const char *lang, struct sbuf *out, const char *min,
    const char *max, const char *currency, const char *period)
{
	static const struct {
		const char	*code, *sign;
	} signs[] = {
		{ "EUR", "€" }, { "GBP", "£" }, { "USD", "$" }, { "JPY", "¥" }
	};
	struct sbuf	 range;
	const char	*sign, *fmt;
	size_t		 i;

	sbuf_init(&range);
	if (min != NULL && *min != '\0')
		amount(lang, &range, min);
	if (min != NULL && *min != '\0' && max != NULL && *max != '\0')
		sbuf_puts(&range, "–");
	if (max != NULL && *max != '\0')
		amount(lang, &range, max);
	sign = currency != NULL ? currency : "";
	for (i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
		if (strcmp(sign, signs[i].code) == 0)
			sign = signs[i].sign;
	if (*sign != '\0') {
		sbuf_putc(&range, ' ');
		sbuf_puts(&range, sign);
	}
	if (period != NULL && strcmp(period, "month") == 0)
		fmt = tr(lang, "%s per month");
	else if (period != NULL && strcmp(period, "hour") == 0)
		fmt = tr(lang, "%s per hour");
	else
		fmt = tr(lang, "%s per year");
	sbuf_printf(out, fmt, range.data != NULL ? range.data : "");
	sbuf_free(&range);
}
