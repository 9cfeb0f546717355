/*
 * tsv.c: the description's tsvector, as PostgreSQL writes it (the wanted
 * vectors are to_tsvector('fj', ...) output, reordered as tsv_text gives
 * them: by first occurrence), or -1 where only PostgreSQL can tell.
 * tests/integration/test_tsv.py compares with PostgreSQL itself.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"
#include "tsvbin.h"

static const struct {
	const char	*text;
	const char	*want;	/* NULL: left to PostgreSQL */
} cases[] = {
	{ "", "" },
	{ " \n\t", "" },
	{ "Ihre Aufgaben: Kundenberatung & Verkauf. Straße, Größe; 3 Jahre!",
	    "'ihre':1 'aufgaben':2 'kundenberatung':3 'verkauf':4 "
	    "'strasse':5 'grosse':6 '3':7 'jahre':8" },
	{ "La maison, la MAISON et « la » Maison – 2024",
	    "'la':1,3,6 'maison':2,4,7 'et':5 '2024':8" },
	{ "Œuvre d'art à Paris",
	    "'oeuvre':1 'd':2 'art':3 'a':4 'paris':5" },
	{ "10am h24 3rd", "'10am':1 'h24':2 '3rd':3" },
	/* Hosts, files, hyphenated words, numbers with a point or a sign. */
	{ "Vendeur H/F", "'vendeur':1 'h/f':2" },
	{ "città/paese", NULL },
	{ "T-shirt", NULL },
	{ "see www.example.com", NULL },
	{ "1.5 days", NULL },
	{ "-5 degrees", NULL },
	{ "mail x@y.it", NULL },
	{ "<b>bold</b>", NULL },
	{ "&amp;", NULL },
	{ "12e5abc", NULL },
	/* Outside Latin-1 and Latin Extended-A, control characters. */
	{ "κόσμος", NULL },
	{ "a\001b", NULL },
	/* Invalid UTF-8 (the scraper repairs it first). */
	{ "caf\xe9", NULL },
};

int
main(void)
{
	struct sbuf	 b, t;
	char		 name[96], *text;
	size_t		 i, j;
	int		 rc, brc;

	sbuf_init(&b);
	sbuf_init(&t);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		(void)snprintf(name, sizeof(name), "tsv \"%.40s\"",
		    cases[i].text);
		for (j = 0; name[j] != '\0'; j++)
			if ((unsigned char)name[j] < ' ')
				name[j] = '?';
		/* Appended to what the buffer holds, or nothing added. */
		sbuf_reset(&b);
		sbuf_puts(&b, "kept");
		rc = tsv_text(cases[i].text, &b);
		sbuf_reset(&t);
		sbuf_puts(&t, "kept");
		brc = tsv_binary(cases[i].text, &t);
		if (cases[i].want == NULL) {
			CHECK(name, rc == -1 && strcmp(b.data, "kept") == 0 &&
			    brc == -1 && t.len == 4 &&
			    strcmp(t.data, "kept") == 0);
			continue;
		}
		CHECK(name, rc == 0 && strncmp(b.data, "kept", 4) == 0);
		CHECK_STR(name, b.data + 4, cases[i].want);
		/* The binary form holds the same vector. */
		sbuf_reset(&b);
		CHECK(name, brc == 0 && strncmp(t.data, "kept", 4) == 0 &&
		    tsvbin_text((unsigned char *)t.data + 4, t.len - 4,
		    &b) == 0);
		CHECK_STR(name, b.data != NULL ? b.data : "", cases[i].want);
	}

	/* left(text, 4000): a word cut by the limit, what follows unseen. */
	text = malloc(4100);
	memset(text, 'a', 4099);
	memcpy(text, "x b ", 4);
	memset(text + 4, ' ', 3992);
	memcpy(text + 3996, " word <b>", 9);
	text[4099] = '\0';
	sbuf_reset(&b);
	rc = tsv_text(text, &b);
	CHECK_STR("tsv reads the first 4000 characters only",
	    rc == 0 ? b.data : NULL, "'x':1 'b':2 'wor':3");
	memset(text + 4, 'c', 3992);
	sbuf_reset(&b);
	rc = tsv_text(text, &b);
	CHECK("tsv: words longer than a tsvector holds go to PostgreSQL",
	    rc == -1 && b.len == 0);
	free(text);

	/* 255 positions of one word are kept; a 256th is PostgreSQL's. */
	sbuf_reset(&b);
	for (i = 0; i < 255; i++)
		sbuf_puts(&b, "mot ");
	text = sbuf_steal(&b);
	CHECK("tsv keeps 255 positions", tsv_text(text, &b) == 0 &&
	    strncmp(b.data, "'mot':1,2,3,", 12) == 0 &&
	    strcmp(b.data + b.len - 8, ",254,255") == 0);
	sbuf_reset(&b);
	sbuf_reset(&t);
	CHECK("tsv binary keeps 255 positions", tsv_binary(text, &b) == 0 &&
	    tsvbin_text((unsigned char *)b.data, b.len, &t) == 0 &&
	    strncmp(t.data, "'mot':1,2,3,", 12) == 0 &&
	    strcmp(t.data + t.len - 8, ",254,255") == 0);
	free(text);
	sbuf_reset(&b);
	for (i = 0; i < 256; i++)
		sbuf_puts(&b, "mot ");
	text = sbuf_steal(&b);
	CHECK("tsv leaves 256 positions to PostgreSQL",
	    tsv_text(text, &b) == -1 && b.len == 0);
	CHECK("tsv binary leaves 256 positions to PostgreSQL",
	    tsv_binary(text, &b) == -1 && b.len == 0);
	free(text);
	sbuf_free(&b);
	sbuf_free(&t);
	return (DONE());
}
