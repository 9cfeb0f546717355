/*
 * libFuzzer target: the text path of scraped and submitted values, in the
 * order import applies it: UTF-8 repair, entity decoding, keys and slugs,
 * title and company normalisation, then every escaper.  Asserts the
 * properties the rest of the code relies on.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "richtext.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct norm_company	 co;
	struct sbuf		 b;
	char			*s, *dec, *key, *slug, *title;

	s = text_utf8_repair((const char *)data, len);
	if (!text_utf8_valid(s, strlen(s)))
		__builtin_trap();
	dec = text_entity_decode(s);
	key = text_key(dec);
	slug = text_slug(dec);
	if (strlen(slug) > 80 || *slug == '\0')
		__builtin_trap();
	title = norm_title(s);
	if (!text_utf8_valid(title, strlen(title)))
		__builtin_trap();
	norm_company(s, &co);
	sbuf_init(&b);
	esc_html(&b, dec);
	if (memchr(b.data, '<', b.len) != NULL)
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
