/*
 * Text, table-driven: keys and slugs shared with SQL, whitespace, UTF-8
 * validation and repair, entity decoding, and every output escaper.
 * Byte strings that hold NULs or bad UTF-8 carry their length (B()).
 */

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "richtext.h"
#include "harness.h"

#define B(s)	(s), sizeof(s) - 1

static void	label(char *, size_t, const char *, const char *);

static const struct {
	const char	*in, *key, *slug;
} keys[] = {
	{ "Düsseldorf", "dusseldorf", "dusseldorf" },
	{ "București", "bucuresti", "bucuresti" },
	{ "50 € / h", "50 h", "50-h" },
	{ "MÜNCHEN", "munchen", "munchen" },
	{ "Hermès", "hermes", "hermes" },
	{ "  Cerreto   Guidi ", "cerreto guidi", "cerreto-guidi" },
	{ "L'Oréal", "l oreal", "l-oreal" },
	{ "Saint-Tropez", "saint tropez", "saint-tropez" },
	{ "Stock Operations Manager - Boutique Milano",
	    "stock operations manager boutique milano",
	    "stock-operations-manager-boutique-milano" },
	/* Latin-1 Supplement, both cases. */
	{ "àáâãäå ÀÁÂÃÄÅ", "aaaaaa aaaaaa", "aaaaaa-aaaaaa" },
	{ "ç Ç ñ Ñ", "c c n n", "c-c-n-n" },
	{ "èéêë ÈÉÊË", "eeee eeee", "eeee-eeee" },
	{ "ìíîï ÌÍÎÏ", "iiii iiii", "iiii-iiii" },
	{ "òóôõöø ÒÓÔÕÖØ", "oooooo oooooo", "oooooo-oooooo" },
	{ "ùúûü ÙÚÛÜ", "uuuu uuuu", "uuuu-uuuu" },
	{ "ýÿ Ý Ÿ", "yy y y", "yy-y-y" },
	{ "Straße", "strasse", "strasse" },
	{ "Æsir æble", "aesir aeble", "aesir-aeble" },
	{ "Œuvre sœur", "oeuvre soeur", "oeuvre-soeur" },
	{ "København", "kobenhavn", "kobenhavn" },
	/* Latin Extended-A. */
	{ "Łódź", "lodz", "lodz" },
	{ "Śląsk Šibenik", "slask sibenik", "slask-sibenik" },
	{ "Žilina Źródło Żywiec", "zilina zrodlo zywiec",
	    "zilina-zrodlo-zywiec" },
	{ "Česky Ćevapi", "cesky cevapi", "cesky-cevapi" },
	{ "Győr Űr", "gyor ur", "gyor-ur" },
	{ "İstanbul Ğ", "istanbul g", "istanbul-g" },
	/* Separators: punctuation, no-break space, dashes, symbols. */
	{ "Tempo Indeterminato · MILANO", "tempo indeterminato milano",
	    "tempo-indeterminato-milano" },
	{ "a\xc2\xa0" "b—c×d", "a b c d", "a-b-c-d" },
	{ "R&D / Sales, 2025!", "r d sales 2025", "r-d-sales-2025" },
	/* Other scripts are letters: kept, not separators. */
	{ "東京 Tokyo", "東京 tokyo", "東京-tokyo" },
	{ "москва", "москва", "москва" },
	/* Nothing left. */
	{ "!!!", "", "n-a" },
	{ "", "", "n-a" },
	{ "   ", "", "n-a" },
	{ "---", "", "n-a" },
	/* Invalid UTF-8 is a separator, never copied into a key. */
	{ "a\xff" "b", "a b", "a-b" },
	{ "\xc3", "", "n-a" },
};

static const struct {
	const char	*in, *want;
} slugs[] = {
	/* Cut at the last '-' that fits in 80 bytes. */
	{ "Responsabile Ricerca Pellami, Tessuti, Accessori e Lavorazioni - "
	    "Calzatura - Boutique Milano Montenapoleone",
	    "responsabile-ricerca-pellami-tessuti-accessori-e-lavorazioni-"
	    "calzatura-boutique" },
	/* One long word: cut at 80 bytes, no dash to go back to. */
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaa" },
	/* Exactly 80 bytes stays whole. */
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa "
	    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-"
	    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" },
	/* 30 three-byte characters: cut on a character boundary (78). */
	{ "東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京",
	    "東京東京東京東京東京東京東京東京東京東京東京東京東京" },
};

static const struct {
	const char	*in, *want;
} squashes[] = {
	{ "  a \t\n b  ", "a b" },
	{ "a\xc2\xa0\xc2\xa0" "b", "a b" },
	{ "\xc2\xa0" "x\xc2\xa0", "x" },
	{ "", "" },
	{ " \r\n\t ", "" },
	{ "one", "one" },
};

static const struct {
	const char	*in;
	size_t		 n;
	const char	*want;
} truncs[] = {
	{ "hello", 3, "hel" },
	{ "hello", 10, "hello" },
	{ "héllo", 2, "h" },
	{ "héllo", 3, "hé" },
	{ "東京", 5, "東" },
	{ "x", 0, "" },
};

static const struct {
	const char	*in;
	size_t		 len;
	int		 valid;
} utf8[] = {
	{ B(""), 1 },
	{ B("plain ASCII, long enough to take the word-at-a-time path"), 1 },
	{ B("a\0b"), 1 },
	{ B("Hermès Łódź 東京 \xf0\x9f\x98\x80"), 1 },
	{ B("\xf4\x8f\xbf\xbf"), 1 },		/* U+10FFFF */
	{ B("\xef\xbf\xbf"), 1 },		/* U+FFFF */
	{ B("\xc0\x80"), 0 },			/* overlong NUL */
	{ B("\xc1\xbf"), 0 },			/* overlong '\x7f' */
	{ B("\xe0\x80\xaf"), 0 },		/* overlong '/' */
	{ B("\xf0\x8f\xbf\xbf"), 0 },		/* overlong U+FFFF */
	{ B("\xed\xa0\x80"), 0 },		/* surrogate U+D800 */
	{ B("\xed\xbf\xbf"), 0 },		/* surrogate U+DFFF */
	{ B("\xf4\x90\x80\x80"), 0 },		/* U+110000 */
	{ B("\xf5\x80\x80\x80"), 0 },
	{ B("\x80"), 0 },			/* lone continuation */
	{ B("caf\xc3"), 0 },			/* truncated */
	{ B("\xe6\x9d"), 0 },
	{ B("\xc3(x"), 0 },
	{ B("\xfe\xff"), 0 },
	{ B("0123456789abcdef\xe9"), 0 },	/* Latin-1 after a long run */
};

static const struct {
	const char	*in;
	size_t		 len;
	const char	*want;
} repairs[] = {
	{ B("Hermès"), "Hermès" },
	{ B("Herm\xe8s"), "Hermès" },
	{ B("\x80 \x92 \x93x\x94 \x85 \x9c"), "€ ’ “x” … œ" },
	{ B("\x81\x8d\x8f\x90\x9d"),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	{ B("a\0b\0"), "ab" },
	{ B("caf\xc3"), "cafÃ" },
	{ B("\xc0\x80"), "À€" },
	{ B("\xed\xa0\x80"), "í\xc2\xa0€" },
	{ B("Caf\xe9 \x92x\x92 \x81"), "Café ’x’ \xef\xbf\xbd" },
	{ B("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80" },
	{ B(""), "" },
};

static const struct {
	const char	*in;
	size_t		 len;
	const char	*want;
} cp1252s[] = {
	{ B("Caf\xe9 \x80\x39"), "Café €9" },
	{ B("\xc3\xa9"), "Ã©" },
	{ B("\x9f\xff"), "Ÿÿ" },
	{ B("a\0b"), "ab" },
	{ B("\x8d"), "\xef\xbf\xbd" },
};

static const struct {
	const char	*in, *want;
} entities[] = {
	{ "&amp; &lt; &gt; &quot; &apos;", "& < > \" '" },
	{ "&Amp; &AMP; &Quot; &QUOT; &Lt; &LT; &Gt; &GT; &Apos; &APOS;",
	    "& & \" \" < < > > ' '" },
	/* Once only. */
	{ "&amp;amp; &amp;Amp;", "&amp; &Amp;" },
	{ "&#39; &#x27; &#X27; &#233; &#xe9;", "' ' ' é é" },
	{ "&eacute; &Eacute; &ccedil; &szlig; &euro; &hellip;",
	    "é É ç ß € …" },
	{ "&nbsp;", "\xc2\xa0" },
	/* Named entities other than the five are case-sensitive. */
	{ "&EACUTE; &Nbsp;", "&EACUTE; &Nbsp;" },
	/* Invalid code points. */
	{ "&#0; &#xD800; &#xdfff; &#x110000; &#1114112;",
	    "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd "
	    "\xef\xbf\xbd" },
	/* Not entities: left as they are. */
	{ "&bogus; &#; &#x; &#xzz; &#12a; &amp &; & R&D",
	    "&bogus; &#; &#x; &#xzz; &#12a; &amp &; & R&D" },
	{ "&&amp;&", "&&&" },
	{ "&averyveryverylongname;", "&averyveryverylongname;" },
	{ "", "" },
	{ "no entities at all", "no entities at all" },
};

static const struct {
	void		(*fn)(struct sbuf *, const char *);
	const char	*fname, *in, *want;
} escapes[] = {
	{ esc_html, "esc_html", "<a href=\"x\">Tom & 'Jerry'</a>",
	    "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;" },
	{ esc_html, "esc_html", "Hermès\t\n", "Hermès\t\n" },
	{ esc_html, "esc_html", "", "" },
	{ esc_xml, "esc_xml", "<t a=\"1\" b='2'>&</t>",
	    "&lt;t a=&quot;1&quot; b=&apos;2&apos;&gt;&amp;&lt;/t&gt;" },
	{ esc_xml, "esc_xml", "a\x01" "b\x1f" "c\td\ne\rf\x0b",
	    "ab" "c\td\ne\rf" },
	{ esc_xml, "esc_xml", "Hermès", "Hermès" },
	{ esc_url, "esc_url", "sales assistant", "sales%20assistant" },
	{ esc_url, "esc_url", "AZaz09-_.~", "AZaz09-_.~" },
	{ esc_url, "esc_url", "a/b?c=d&e+f#g%",
	    "a%2Fb%3Fc%3Dd%26e%2Bf%23g%25" },
	{ esc_url, "esc_url", "Hermès", "Herm%C3%A8s" },
	{ esc_url, "esc_url", "", "" },
};

static const struct {
	const char	*json, *want;
} jsonlds[] = {
	{ "{\"x\": \"</script><b>&\"}",
	    "{\"x\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"}" },
	{ "{\"name\": \"Hermès\", \"n\": [1, 2]}",
	    "{\"name\":\"Herm\\u00E8s\",\"n\":[1,2]}" },
	{ "{\"q\": \"say \\\"hi\\\"\"}", "{\"q\":\"say \\\"hi\\\"\"}" },
	{ "{}", "{}" },
};

/* A check's name on one line: the harness's output is read by lines. */
static void
label(char *buf, size_t size, const char *what, const char *in)
{
	char	*p;

	(void)snprintf(buf, size, "%s \"%s\"", what, in);
	for (p = buf; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			*p = '?';
}

int
main(void)
{
	struct sbuf	 b;
	json_t		*v;
	char		*s, name[256];
	size_t		 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		label(name, sizeof(name), "text_key", keys[i].in);
		s = text_key(keys[i].in);
		CHECK_STR(name, s, keys[i].key);
		free(s);
		label(name, sizeof(name), "text_slug", keys[i].in);
		s = text_slug(keys[i].in);
		CHECK_STR(name, s, keys[i].slug);
		free(s);
	}
	for (i = 0; i < sizeof(slugs) / sizeof(slugs[0]); i++) {
		(void)snprintf(name, sizeof(name), "text_slug long #%zu", i);
		s = text_slug(slugs[i].in);
		CHECK_STR(name, s, slugs[i].want);
		CHECK("text_slug: at most 80 bytes, no trailing '-'",
		    strlen(s) <= 80 && s[strlen(s) - 1] != '-');
		free(s);
	}
	for (i = 0; i < sizeof(squashes) / sizeof(squashes[0]); i++) {
		label(name, sizeof(name), "text_squash", squashes[i].in);
		s = text_squash(squashes[i].in);
		CHECK_STR(name, s, squashes[i].want);
		free(s);
	}
	for (i = 0; i < sizeof(truncs) / sizeof(truncs[0]); i++) {
		(void)snprintf(name, sizeof(name), "text_truncate \"%s\" %zu",
		    truncs[i].in, truncs[i].n);
		s = xstrdup(truncs[i].in);
		text_truncate(s, truncs[i].n);
		CHECK_STR(name, s, truncs[i].want);
		free(s);
	}
	for (i = 0; i < sizeof(utf8) / sizeof(utf8[0]); i++) {
		(void)snprintf(name, sizeof(name), "text_utf8_valid #%zu is %d",
		    i, utf8[i].valid);
		CHECK(name, text_utf8_valid(utf8[i].in, utf8[i].len) ==
		    utf8[i].valid);
	}
	for (i = 0; i < sizeof(repairs) / sizeof(repairs[0]); i++) {
		(void)snprintf(name, sizeof(name), "text_utf8_repair #%zu", i);
		s = text_utf8_repair(repairs[i].in, repairs[i].len);
		CHECK_STR(name, s, repairs[i].want);
		CHECK("text_utf8_repair output is valid",
		    text_utf8_valid(s, strlen(s)));
		free(s);
	}
	for (i = 0; i < sizeof(cp1252s) / sizeof(cp1252s[0]); i++) {
		(void)snprintf(name, sizeof(name), "text_cp1252_to_utf8 #%zu",
		    i);
		s = text_cp1252_to_utf8(cp1252s[i].in, cp1252s[i].len);
		CHECK_STR(name, s, cp1252s[i].want);
		free(s);
	}
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
		label(name, sizeof(name), "text_entity_decode",
		    entities[i].in);
		s = text_entity_decode(entities[i].in);
		CHECK_STR(name, s, entities[i].want);
		free(s);
	}
	for (i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		label(name, sizeof(name), escapes[i].fname,
		    escapes[i].in);
		sbuf_init(&b);
		sbuf_puts(&b, "pre:");
		escapes[i].fn(&b, escapes[i].in);
		CHECK(name, strncmp(b.data, "pre:", 4) == 0);
		CHECK_STR(name, b.data + 4, escapes[i].want);
		sbuf_free(&b);
	}
	for (i = 0; i < sizeof(jsonlds) / sizeof(jsonlds[0]); i++) {
		(void)snprintf(name, sizeof(name), "esc_jsonld %s",
		    jsonlds[i].json);
		v = json_loads(jsonlds[i].json, 0, NULL);
		CHECK(name, v != NULL);
		s = esc_jsonld(v);
		CHECK_STR(name, s, jsonlds[i].want);
		free(s);
		json_decref(v);
	}

	sbuf_init(&b);
	text_html_paragraphs(&b, "Intro line\nsecond line\n\n- one\n- two\n"
	    "\n<script>alert(1)</script>");
	CHECK_STR("description paragraphs, lists, escaping", b.data,
	    "<p>Intro line<br>\nsecond line</p>\n<ul>\n<li>one</li>\n"
	    "<li>two</li>\n</ul>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;"
	    "</p>\n");
	sbuf_free(&b);

	/* The buffer itself: growth, printf, steal, reuse. */
	sbuf_init(&b);
	for (i = 0; i < 1000; i++)
		sbuf_putc(&b, 'x');
	sbuf_printf(&b, "%d-%s", 42, "end");
	CHECK("sbuf grows and keeps a NUL", b.len == 1006 &&
	    strlen(b.data) == 1006 && strcmp(b.data + 1000, "42-end") == 0);
	s = sbuf_steal(&b);
	CHECK("sbuf_steal leaves the buffer empty", b.data == NULL &&
	    b.len == 0 && strlen(s) == 1006);
	free(s);
	sbuf_puts(&b, "again");
	sbuf_reset(&b);
	sbuf_append(&b, "ab", 2);
	CHECK_STR("sbuf usable after steal and reset", b.data, "ab");
	sbuf_free(&b);
	CHECK("sbuf_load of a missing file fails",
	    sbuf_load(&b, "/nonexistent/fashionjobs") == -1);
	sbuf_free(&b);
	return (DONE());
}
