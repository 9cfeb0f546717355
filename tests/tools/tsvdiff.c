/*
 * tsvdiff: for tests/integration/test_tsv.py, each NUL-terminated text on
 * stdin as a COPY line: the text, then tsv_text()'s vector or \N when it
 * leaves the text to PostgreSQL.  The test compares it with to_tsvector.
 */

#include <stdio.h>
#include <stdlib.h>

#include "core.h"
#include "db.h"

int
main(void)
{
	struct sbuf	in, out, v;
	int		c;

	sbuf_init(&in);
	sbuf_init(&out);
	sbuf_init(&v);
	while ((c = getchar()) != EOF) {
		if (c != '\0') {
			sbuf_putc(&in, c);
			continue;
		}
		sbuf_reset(&v);
		db_copy_field(&out, in.data != NULL ? in.data : "");
		sbuf_putc(&out, '\t');
		db_copy_field(&out, tsv_text(in.data != NULL ? in.data : "",
		    &v) == 0 ? (v.data != NULL ? v.data : "") : NULL);
		sbuf_putc(&out, '\n');
		fwrite(out.data, 1, out.len, stdout);
		sbuf_reset(&out);
		sbuf_reset(&in);
	}
	sbuf_free(&in);
	sbuf_free(&out);
	sbuf_free(&v);
	return (0);
}
