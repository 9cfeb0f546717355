/* Allocation helpers and a growable string buffer. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static void	sbuf_grow(struct sbuf *, size_t);

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		abort();
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		abort();
	return (p);
}

void *
xrealloc(void *old, size_t n)
{
	void	*p;

	if ((p = realloc(old, n ? n : 1)) == NULL)
		abort();
	return (p);
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

void
sbuf_init(struct sbuf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	sbuf_grow(b, 0);
}

void
sbuf_free(struct sbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	sbuf_grow(b, 0);
	b->data[0] = '\0';
}

/* Room for n more bytes and the NUL. */
static void
sbuf_grow(struct sbuf *b, size_t n)
{
	size_t	cap;

	if (b->data != NULL && b->len + n < b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap <= b->len + n) {
		if (cap > SIZE_MAX / 2)
			abort();
		cap *= 2;
	}
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0';
}

void
sbuf_reserve(struct sbuf *b, size_t n)
{
	sbuf_grow(b, n);
}

void
sbuf_append(struct sbuf *b, const void *p, size_t n)
{
	/* The buffer mostly has room: grow only when it has not. */
	if (b->data == NULL || b->len + n >= b->cap)
		sbuf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_append(b, s, strlen(s));
}

void
sbuf_putc(struct sbuf *b, int c)
{
	if (b->data == NULL || b->len + 1 >= b->cap)
		sbuf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list	ap;
	char	probe[1];
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(probe, sizeof(probe), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sbuf_grow(b, (size_t)n);
	va_start(ap, fmt);
	(void)vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * The buffer's string, now the caller's (free()).  The buffer is left
 * empty and owns nothing: no sbuf_free() is needed after it.
 */
char *
sbuf_steal(struct sbuf *b)
{
	char	*p;

	sbuf_grow(b, 0);
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return (p);
}

int
sbuf_load(struct sbuf *b, const char *path)
{
	FILE	*f;
	char	 chunk[65536];
	size_t	 n;
	int	 rc;

	if ((f = fopen(path, "rb")) == NULL)
		return (-1);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sbuf_append(b, chunk, n);
	rc = ferror(f) ? -1 : 0;
	fclose(f);
	return (rc);
}
