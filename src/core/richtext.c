/* Plain text to safe HTML paragraphs and lists (posting descriptions). */

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "richtext.h"

static size_t	bullet_len(const char *, size_t);
static void	put_escaped(struct sbuf *, const char *, size_t);

static const char	*bullets[] = { "- ", "* ", "\xe2\x80\xa2 " };

/*
 * Length of the bullet that starts line (leading blanks already skipped),
 * 0 when it is not a list item.
 */
static size_t
bullet_len(const char *line, size_t len)
{
	size_t	i, n;

	for (i = 0; i < sizeof(bullets) / sizeof(bullets[0]); i++) {
		n = strlen(bullets[i]);
		if (len > n && memcmp(line, bullets[i], n) == 0)
			return (n);
	}
	return (0);
}

static void
put_escaped(struct sbuf *out, const char *s, size_t len)
{
	char	*tmp;

	tmp = xmalloc(len + 1);
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	esc_html(out, tmp);
	free(tmp);
}

void
text_html_paragraphs(struct sbuf *out, const char *text)
{
	const char	*p, *eol, *line;
	size_t		 len, b;
	int		 in_p, in_ul;

	in_p = in_ul = 0;
	for (p = text; *p != '\0'; p = (*eol == '\0') ? eol : eol + 1) {
		if ((eol = strchr(p, '\n')) == NULL)
			eol = p + strlen(p);
		line = p;
		len = (size_t)(eol - p);
		if (len > 0 && line[len - 1] == '\r')
			len--;
		while (len > 0 && (*line == ' ' || *line == '\t')) {
			line++;
			len--;
		}
		if (len == 0) {
			if (in_p)
				sbuf_puts(out, "</p>\n");
			if (in_ul)
				sbuf_puts(out, "</ul>\n");
			in_p = in_ul = 0;
			continue;
		}
		if ((b = bullet_len(line, len)) > 0) {
			if (in_p)
				sbuf_puts(out, "</p>\n");
			in_p = 0;
			if (!in_ul)
				sbuf_puts(out, "<ul>\n");
			in_ul = 1;
			sbuf_puts(out, "<li>");
			put_escaped(out, line + b, len - b);
			sbuf_puts(out, "</li>\n");
			continue;
		}
		if (in_ul)
			sbuf_puts(out, "</ul>\n");
		in_ul = 0;
		sbuf_puts(out, in_p ? "<br>\n" : "<p>");
		in_p = 1;
		put_escaped(out, line, len);
	}
	if (in_p)
		sbuf_puts(out, "</p>\n");
	if (in_ul)
		sbuf_puts(out, "</ul>\n");
}
