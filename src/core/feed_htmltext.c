/*
 * An HTML fragment (a posting's description) to plain text: paragraphs
 * by "\n\n", list items as "- " lines, script and style dropped, markup
 * read before entities are decoded.
 */

#define _GNU_SOURCE		/* memmem() on glibc */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "feed.h"

/* What an HTML tag does to the text around it. */
enum html_what {
	HT_PARA,	/* block: a paragraph break */
	HT_LINE,	/* a line break */
	HT_ITEM,	/* a list item: a line starting "- " */
	HT_SPACE,	/* a table cell: a space */
	HT_SKIP		/* its content is not text: script, style, ... */
};

struct html_tag {
	const char	*name;
	enum html_what	 what;
};

/* The text each kind of tag stands for (a list item's at its start). */
static const char *const html_breaks[] = {
	[HT_PARA] = "\n\n", [HT_LINE] = "\n", [HT_ITEM] = "\n- ",
	[HT_SPACE] = " ", [HT_SKIP] = ""
};

static int			 feed_html_tag_cmp(const void *, const void *);
static const struct html_tag	*feed_html_tag_find(const char *, size_t);
static size_t			 feed_html_tag_end(const char *, size_t,
				    size_t);
static size_t			 feed_html_skip(const char *, size_t, size_t,
				    const char *);

/* Sorted by name for bsearch. */
static const struct html_tag html_tags[] = {
	{ "address", HT_PARA },
	{ "article", HT_PARA },
	{ "aside", HT_PARA },
	{ "blockquote", HT_PARA },
	{ "br", HT_LINE },
	{ "dd", HT_LINE },
	{ "div", HT_PARA },
	{ "dl", HT_PARA },
	{ "dt", HT_LINE },
	{ "figure", HT_PARA },
	{ "footer", HT_PARA },
	{ "h1", HT_PARA },
	{ "h2", HT_PARA },
	{ "h3", HT_PARA },
	{ "h4", HT_PARA },
	{ "h5", HT_PARA },
	{ "h6", HT_PARA },
	{ "head", HT_SKIP },
	{ "header", HT_PARA },
	{ "hr", HT_PARA },
	{ "iframe", HT_SKIP },
	{ "li", HT_ITEM },
	{ "main", HT_PARA },
	{ "nav", HT_PARA },
	{ "noscript", HT_SKIP },
	{ "object", HT_SKIP },
	{ "ol", HT_PARA },
	{ "p", HT_PARA },
	{ "pre", HT_PARA },
	{ "script", HT_SKIP },
	{ "section", HT_PARA },
	{ "style", HT_SKIP },
	{ "svg", HT_SKIP },
	{ "table", HT_PARA },
	{ "td", HT_SPACE },
	{ "template", HT_SKIP },
	{ "textarea", HT_SKIP },
	{ "th", HT_SPACE },
	{ "title", HT_SKIP },
	{ "tr", HT_LINE },
	{ "ul", HT_PARA },
};

static int
feed_html_tag_cmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct html_tag *)elem)->name));
}

static const struct html_tag *
feed_html_tag_find(const char *name, size_t n)
{
	char	lower[16];
	size_t	i;

	if (n == 0 || n >= sizeof(lower))
		return (NULL);
	for (i = 0; i < n; i++)
		lower[i] = tolower((unsigned char)name[i]);
	lower[n] = '\0';
	return (bsearch(lower, html_tags, sizeof(html_tags) /
	    sizeof(html_tags[0]), sizeof(html_tags[0]), feed_html_tag_cmp));
}

/* Offset of the '>' closing the tag opened at i, quotes honoured; or n. */
static size_t
feed_html_tag_end(const char *s, size_t n, size_t i)
{
	char	q = 0;

	for (; i < n; i++) {
		if (q) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			q = s[i];
		else if (s[i] == '>')
			return (i);
	}
	return (n);
}

/* Offset just past "</name ...>" from i, case-insensitive; or n. */
static size_t
feed_html_skip(const char *s, size_t n, size_t i, const char *name)
{
	size_t	len = strlen(name);

	for (; i + 2 + len <= n; i++) {
		if (s[i] == '<' && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, len) == 0 &&
		    (i + 2 + len == n || !isalnum((unsigned char)s[i + 2 + len])))
			return (feed_html_tag_end(s, n, i) + 1);
	}
	return (n);
}

/*
 * An HTML fragment (a description) to plain text.  Markup is read before
 * entities are decoded, so "&lt;script&gt;" ends up as the literal text
 * "<script>", never as a tag; the content of script, style and the like
 * is dropped.  Text without any tag keeps its own line breaks.
 */
void
feed_html_text(struct sbuf *out, const char *s, size_t n, size_t max)
{
	struct sbuf	tmp;

	sbuf_init(&tmp);
	feed_html_tmp(out, &tmp, s, n, max);
	sbuf_free(&tmp);
}

/* feed_html_text() with a scratch buffer the caller keeps for the next. */
void
feed_html_tmp(struct sbuf *out, struct sbuf *tmp, const char *s, size_t n,
    size_t max)
{
	const struct html_tag	*tag;
	char			*dec = NULL;
	const char		*t;
	size_t			 i, j, k, end, tn;
	int			 html = 0, closing;

	sbuf_reset(tmp);
	for (i = 0; i + 1 < n && !html; i++)
		html = s[i] == '<' && (isalpha((unsigned char)s[i + 1]) ||
		    s[i + 1] == '/' || s[i + 1] == '!');

	for (i = 0; i < n; i = j) {
		/*
		 * Copy the run of text up to the next '<' at once; in HTML a
		 * line break in the source is only a space.
		 */
		t = memchr(s + i, '<', n - i);
		j = t != NULL ? (size_t)(t - s) : n;
		if (j > i) {
			k = tmp->len;
			sbuf_append(tmp, s + i, j - i);
			if (html && (memchr(s + i, '\n', j - i) != NULL ||
			    memchr(s + i, '\r', j - i) != NULL))
				for (; k < tmp->len; k++)
					if (tmp->data[k] == '\n' ||
					    tmp->data[k] == '\r')
						tmp->data[k] = ' ';
			continue;
		}
		if (!html || j + 1 == n) {
			sbuf_putc(tmp, '<');
			j++;
			continue;
		}
		if (s[j + 1] == '!' && j + 3 < n && s[j + 2] == '-' &&
		    s[j + 3] == '-') {
			t = memmem(s + j + 4, n - j - 4, "-->", 3);
			j = t != NULL ? (size_t)(t - s) + 3 : n;
			continue;
		}
		closing = s[j + 1] == '/';
		k = j + 1 + closing;
		if (s[j + 1] != '!' && s[j + 1] != '?' &&
		    (k == n || !isalpha((unsigned char)s[k]))) {
			sbuf_putc(tmp, '<');
			j++;
			continue;
		}
		for (tn = k; tn < n && isalnum((unsigned char)s[tn]); tn++)
			continue;
		end = feed_html_tag_end(s, n, k);
		tag = feed_html_tag_find(s + k, tn - k);
		j = end < n ? end + 1 : n;
		if (tag == NULL)
			continue;
		if (tag->what == HT_SKIP) {
			if (!closing && end < n && s[end - 1] != '/')
				j = feed_html_skip(s, n, j, tag->name);
		} else if (tag->what != HT_ITEM || !closing)
			sbuf_puts(tmp, html_breaks[tag->what]);
	}
	if (memchr(tmp->data, '&', tmp->len) != NULL)
		dec = text_entity_decode(tmp->data);
	t = dec != NULL ? dec : tmp->data;
	feed_squash(out, t, strlen(t), 1);
	free(dec);
	feed_cut(out, max);
}
