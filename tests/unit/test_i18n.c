/*
 * i18n.c: the .mo reader (a catalog made here, as msgfmt lays one out),
 * ngettext with each language's plural rule, digit groups, relative dates
 * and salaries per language, and {{_ }} in templates.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"

/* A .mo file of n sorted (msgid, msgstr) pairs, NUL inside for plurals. */
struct pair {
	const char	*id;
	size_t		 idlen;
	const char	*str;
	size_t		 strlen;
};

static unsigned char *
mo_make(const struct pair *p, uint32_t n, size_t *len)
{
	unsigned char	*b;
	uint32_t	 h[7], off, i;
	size_t		 size;

	size = 28 + n * 16;
	for (i = 0; i < n; i++)
		size += p[i].idlen + 1 + p[i].strlen + 1;
	b = calloc(1, size);
	h[0] = 0x950412deU;
	h[1] = 0;
	h[2] = n;
	h[3] = 28;
	h[4] = 28 + n * 8;
	h[5] = 0;
	h[6] = 0;
	memcpy(b, h, sizeof(h));
	off = 28 + n * 16;
	for (i = 0; i < n; i++) {
		uint32_t e[2] = { (uint32_t)p[i].idlen, off };

		memcpy(b + 28 + i * 8, e, 8);
		memcpy(b + off, p[i].id, p[i].idlen);
		off += p[i].idlen + 1;
	}
	for (i = 0; i < n; i++) {
		uint32_t e[2] = { (uint32_t)p[i].strlen, off };

		memcpy(b + 28 + n * 8 + i * 8, e, 8);
		memcpy(b + off, p[i].str, p[i].strlen);
		off += p[i].strlen + 1;
	}
	*len = size;
	return (b);
}

#define P(a, b)	{ a, sizeof(a) - 1, b, sizeof(b) - 1 }

static const struct pair fr[] = {
	P("", "Plural-Forms: nplurals=2; plural=(n > 1);\n"),
	P("%s day ago\0%s days ago", "il y a %s jour\0il y a %s jours"),
	P("%s per year", "%s par an"),
	P("Newest jobs", "Offres les plus récentes"),
	P("today", "aujourd’hui"),
};
static const struct pair it[] = {
	P("", "Plural-Forms: nplurals=2; plural=(n != 1);\n"),
	P("%1$d %2$s %3$d", "%1$d %2$s %3$d"),
	P("%s day ago\0%s days ago", "%s giorno fa\0%s giorni fa"),
	P("%s per year", "%s all’anno"),
	P("All %(n) jobs\0All %(n) jobs", "Tutte le %(n) offerte\0Tutte le %(n) offerte"),
	P("Hello %(name)", "Ciao %(name)"),
	P("Nov", "nov"),
};
static const struct pair unsorted[] = {
	P("b", "B"),
	P("a", "A"),
};

int
main(void)
{
	unsigned char		*mfr, *mit, *bad;
	size_t			 lfr, lit, lbad;
	char			 buf[128];
	struct sbuf		 out;
	struct tmpl_set		*set;
	json_t			*model;
	static const struct {
		const char	*lang;
		long long	 n;
		const char	*want;
	} numbers[] = {
		{ "en", 1045, "1,045" }, { "it", 1045, "1.045" },
		{ "fr", 1045, "1 045" }, { "de", 1045, "1.045" },
		{ "es", 1045, "1.045" }, { "it", 999, "999" },
		{ "de", 1234567, "1.234.567" }, { "xx", 1045, "1,045" },
	};
	size_t			 i;
	const char		*src = "{{_ Hello %(name)}}|{{_n n|All %(n) "
				    "jobs|All %(n) jobs}}|{{_ Not in the "
				    "catalog %(x)}}";

	mfr = mo_make(fr, sizeof(fr) / sizeof(fr[0]), &lfr);
	mit = mo_make(it, sizeof(it) / sizeof(it[0]), &lit);
	bad = mo_make(unsorted, 2, &lbad);
	CHECK("fr catalog loads", i18n_load("fr", mfr, lfr) == 0);
	CHECK("it catalog loads by asset name", i18n_asset("it.mo", mit,
	    lit) == 1);
	CHECK("an asset that is no catalog", i18n_asset("x.html", mit, lit)
	    == 0);
	CHECK("unsorted msgids are refused", i18n_load("de", bad, lbad) ==
	    -1);
	CHECK("a truncated file is refused", i18n_load("de", mit, 40) == -1);
	CHECK("no catalog for English", i18n_load("en", mit, lit) == -1);
	bad[0] ^= 1;
	CHECK("a bad magic is refused", i18n_load("es", bad, lbad) == -1);

	CHECK_STR("tr fr", tr("fr", "Newest jobs"), "Offres les plus récentes");
	CHECK_STR("tr missing message", tr("fr", "Search"), "Search");
	CHECK_STR("tr English", tr("en", "Newest jobs"), "Newest jobs");
	CHECK_STR("tr unknown language", tr("zz", "Newest jobs"),
	    "Newest jobs");
	CHECK_STR("tr NULL language", tr(NULL, "today"), "today");
	CHECK_STR("tr header is not a message", tr("fr", ""), "");
	CHECK_STR("fr 0 is singular", trn("fr", "%s day ago", "%s days ago",
	    0), "il y a %s jour");
	CHECK_STR("fr 1 is singular", trn("fr", "%s day ago", "%s days ago",
	    1), "il y a %s jour");
	CHECK_STR("fr 2 is plural", trn("fr", "%s day ago", "%s days ago",
	    2), "il y a %s jours");
	CHECK_STR("it 0 is plural", trn("it", "%s day ago", "%s days ago",
	    0), "%s giorni fa");
	CHECK_STR("it 1 is singular", trn("it", "%s day ago", "%s days ago",
	    1), "%s giorno fa");
	CHECK_STR("en plural", trn("en", "%s day ago", "%s days ago", 3),
	    "%s days ago");
	CHECK_STR("de without the message: English plural", trn("de",
	    "%s day ago", "%s days ago", 3), "%s days ago");

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		i18n_number(numbers[i].lang, buf, sizeof(buf), numbers[i].n);
		CHECK_STR(numbers[i].want, buf, numbers[i].want);
	}

	i18n_ago("it", buf, sizeof(buf), "2026-11-30", "2026-12-02");
	CHECK_STR("2 giorni fa", buf, "2 giorni fa");
	i18n_ago("fr", buf, sizeof(buf), "2026-11-29", "2026-12-02");
	CHECK_STR("il y a 3 jours", buf, "il y a 3 jours");
	i18n_ago("it", buf, sizeof(buf), "2026-12-01", "2026-12-02");
	CHECK_STR("1 giorno fa", buf, "1 giorno fa");
	i18n_ago("fr", buf, sizeof(buf), "2026-12-02", "2026-12-02");
	CHECK_STR("aujourd'hui", buf, "aujourd’hui");
	i18n_ago("en", buf, sizeof(buf), "2026-12-02", "2026-12-02");
	CHECK_STR("today", buf, "today");
	i18n_ago("it", buf, sizeof(buf), "2026-10-01", "2026-12-02");
	CHECK_STR("old: the date", buf, "1 Oct 2026");
	i18n_ago("it", buf, sizeof(buf), "2025-11-22", "2026-12-02");
	CHECK_STR("old: the date, month translated", buf, "22 nov 2025");
	CHECK("not a date", i18n_ago("it", buf, sizeof(buf), "yesterday",
	    "2026-12-02") == -1 && buf[0] == '\0');
	CHECK("no date", i18n_ago("it", buf, sizeof(buf), NULL,
	    "2026-12-02") == -1);
	i18n_ago("en", buf, 4, "2026-11-20", "2026-12-02");
	CHECK_STR("small buffer: cut", buf, "12 ");

	sbuf_init(&out);
	i18n_salary("it", &out, "57000", "68400", "EUR", "year");
	CHECK_STR("salary it", out.data, "57.000–68.400 € all’anno");
	sbuf_reset(&out);
	i18n_salary("fr", &out, "57000", NULL, "EUR", NULL);
	CHECK_STR("salary fr, from only", out.data, "57 000 € par an");
	sbuf_reset(&out);
	i18n_salary("en", &out, NULL, "12.5", "GBP", "hour");
	CHECK_STR("salary en, decimals", out.data, "12.50 £ per hour");
	sbuf_reset(&out);
	i18n_salary("it", &out, "12.5", "", "CHF", "hour");
	CHECK_STR("salary it, decimal comma, code, no message", out.data,
	    "12,50 CHF per hour");
	sbuf_reset(&out);

	set = tmpl_set_new();
	CHECK("template with translations parses", tmpl_set_add(set, "t",
	    src, strlen(src), buf, sizeof(buf)) == 0);
	CHECK("{{_n}} without forms is refused", tmpl_set_add(set, "u",
	    "{{_n n|one}}", 12, buf, sizeof(buf)) == -1);
	CHECK("{{_ }} with an unclosed placeholder is refused",
	    tmpl_set_add(set, "v", "{{_ a %(b}}", 11, buf, sizeof(buf)) == -1);
	model = json_pack("{s:s, s:s, s:i, s:s}", "lang_ui", "it", "name",
	    "<Ada>", "n", 3, "x", "&");
	tmpl_render(set, "t", model, &out);
	CHECK_STR("template in Italian, values escaped", out.data,
	    "Ciao &lt;Ada&gt;|Tutte le 3 offerte|Not in the catalog &amp;");
	json_decref(model);
	sbuf_reset(&out);
	model = json_pack("{s:s, s:i}", "name", "Ada", "n", 1);
	tmpl_render(set, "t", model, &out);
	CHECK_STR("template without lang_ui: English", out.data,
	    "Hello Ada|All 1 jobs|Not in the catalog ");
	json_decref(model);
	sbuf_reset(&out);
	CHECK("a plural naming the count its singular does not", tmpl_set_add(
	    set, "w", "{{_n n|One new job|%(n) new jobs}}", 34, buf,
	    sizeof(buf)) == 0);
	model = json_pack("{s:i}", "n", 25);
	tmpl_render(set, "w", model, &out);
	CHECK_STR("the plural's own placeholder is filled", out.data,
	    "25 new jobs");
	json_decref(model);
	sbuf_free(&out);
	tmpl_set_free(set);
	free(mfr);
	free(mit);
	free(bad);
	return (DONE());
}
