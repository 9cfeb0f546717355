/*
 * libFuzzer target: the text path of scraped and submitted values, in the
 * order import applies it: UTF-8 repair, entity decoding, keys and slugs,
 * title and company normalisation, the description's tsvector (tsv.c),
 * then every escaper.  Asserts the
 * properties the rest of the code relies on.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "richtext.h"
#include "../unit/tsvbin.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	tidy_key(const char *);

/* Valid UTF-8, no space at either end, no two spaces in a row. */
static int
tidy_key(const char *k)
{
	size_t	len;

	len = strlen(k);
	return (text_utf8_valid(k, len) && (len == 0 || (k[0] != ' ' &&
	    k[len - 1] != ' ')) && strstr(k, "  ") == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct norm_company	 co;
	struct sbuf		 b, bin, back;
	int			 rc, trc;
	char			*s, *dec, *key, *slug, *title;
	size_t			 n;

	s = text_utf8_repair((const char *)data, len);
	if (!text_utf8_valid(s, strlen(s)))
		__builtin_trap();
	dec = text_entity_decode(s);
	if (!text_utf8_valid(dec, strlen(dec)))
		__builtin_trap();
	key = text_key(dec);
	if (!tidy_key(key))
		__builtin_trap();
	slug = text_slug(dec);
	n = strlen(slug);
	if (n > 80 || n == 0 || slug[n - 1] == '-' || strchr(slug, ' ') ||
	    !text_utf8_valid(slug, n))
		__builtin_trap();
	title = norm_title(s);
	if (!text_utf8_valid(title, strlen(title)))
		__builtin_trap();
	norm_company(s, &co);
	if (!text_utf8_valid(co.display, strlen(co.display)) ||
	    !tidy_key(co.key))
		__builtin_trap();
	sbuf_init(&b);
	/* A vector is words of [a-z0-9] with their positions, or nothing. */
	if ((trc = tsv_text(dec, &b)) == 0) {
		if (b.len > 0 && (b.data[0] != '\'' ||
		    strspn(b.data, "abcdefghijklmnopqrstuvwxyz0123456789':,/ ") !=
		    b.len))
			__builtin_trap();
	} else if (b.len != 0)
		__builtin_trap();
	/* The binary form: the same vector, or nothing likewise. */
	sbuf_init(&bin);
	sbuf_init(&back);
	if ((rc = tsv_binary(dec, &bin)) != trc)
		__builtin_trap();
	if (rc == 0 && (tsvbin_text((unsigned char *)bin.data, bin.len,
	    &back) != 0 || strcmp(back.data != NULL ? back.data : "",
	    b.data != NULL ? b.data : "") != 0))
		__builtin_trap();
	if (rc == -1 && bin.len != 0)
		__builtin_trap();
	sbuf_free(&bin);
	sbuf_free(&back);
	sbuf_reset(&b);
	esc_html(&b, dec);
	if (strpbrk(b.data, "<>\"'") != NULL)
		__builtin_trap();
	esc_xml(&b, dec);
	esc_url(&b, dec);
	text_html_paragraphs(&b, dec);
	sbuf_free(&b);
	norm_company_free(&co);
	free(title);
	free(slug);
	free(key);
	free(dec);
	free(s);
	return (0);
}
