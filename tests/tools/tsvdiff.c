/*
 * tsvdiff: C against PostgreSQL, for the tests that compare the two.
 *
 *	tsvdiff		each NUL-terminated text on stdin as a COPY line:
 *			the text, then tsv_text()'s vector or \N when it
 *			leaves the text to PostgreSQL (test_tsv.py compares
 *			it with to_tsvector)
 *	tsvdiff keys	the same with text_key()'s key (test_lexicon.py
 *			compares it with fj_key)
 *	tsvdiff lexicon	the C lexicon (src/core/lexicon.c) as lines
 *			"kind\tcode" (test_lexicon.py compares it with the
 *			database's tables)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"

enum mode {
	MODE_TSV,
	MODE_KEYS
};

static void	 lexicon(void);
static void	 each_text(enum mode);

static void
lexicon(void)
{
	static const struct {
		const char		*kind;
		const struct lex	*list;
	} kinds[] = {
		{ "contract", lex_contracts },
		{ "schedule", lex_schedules },
		{ "remote", lex_remotes },
		{ "lang", lex_langs },
	};
	const struct lex	*l;
	size_t			 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		for (l = kinds[i].list; l->code != NULL; l++)
			printf("%s\t%s\n", kinds[i].kind, l->code);
}

static void
each_text(enum mode mode)
{
	struct sbuf	 in, out, v;
	const char	*t;
	char		*key;
	int		 c;

	sbuf_init(&in);
	sbuf_init(&out);
	sbuf_init(&v);
	while ((c = getchar()) != EOF) {
		if (c != '\0') {
			sbuf_putc(&in, c);
			continue;
		}
		t = in.data != NULL ? in.data : "";
		db_copy_field(&out, t);
		sbuf_putc(&out, '\t');
		if (mode == MODE_KEYS) {
			key = text_key(t);
			db_copy_field(&out, key);
			free(key);
		} else {
			sbuf_reset(&v);
			db_copy_field(&out, tsv_text(t, &v) == 0 ?
			    (v.data != NULL ? v.data : "") : NULL);
		}
		sbuf_putc(&out, '\n');
		fwrite(out.data, 1, out.len, stdout);
		sbuf_reset(&out);
		sbuf_reset(&in);
	}
	sbuf_free(&in);
	sbuf_free(&out);
	sbuf_free(&v);
}

int
main(int argc, char **argv)
{
	if (argc == 1)
		each_text(MODE_TSV);
	else if (argc == 2 && strcmp(argv[1], "keys") == 0)
		each_text(MODE_KEYS);
	else if (argc == 2 && strcmp(argv[1], "lexicon") == 0)
		lexicon();
	else {
		fprintf(stderr, "usage: tsvdiff [keys | lexicon] < texts\n");
		return (2);
	}
	return (0);
}
