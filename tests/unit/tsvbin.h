/*
 * A binary tsvector (tsv_binary) written back in text form, lexemes in the
 * order given, as tsv_text writes it; -1 if it is not well formed: a count,
 * then per lexeme its bytes, a NUL, a count of positions (1 to 255) and
 * rising positions of weight D.  Shared by test_tsv.c and fuzz_text.c.
 */
static int
tsvbin_text(const unsigned char *p, size_t n, struct sbuf *out)
{
	size_t		 len, count, i, j, npos;
	unsigned	 pos, prev;

	if (n < 4)
		return (-1);
	count = (size_t)p[0] << 24 | (size_t)p[1] << 16 | p[2] << 8 | p[3];
	p += 4;
	n -= 4;
	for (i = 0; i < count; i++) {
		len = strnlen((const char *)p, n);
		if (len == 0 || len + 3 > n)
			return (-1);
		sbuf_printf(out, "%s'%.*s':", i > 0 ? " " : "", (int)len,
		    (const char *)p);
		p += len + 1;
		n -= len + 1;
		npos = (size_t)p[0] << 8 | p[1];
		p += 2;
		n -= 2;
		if (npos == 0 || npos > 255 || npos * 2 > n)
			return (-1);
		for (j = 0, prev = 0; j < npos; j++, p += 2, n -= 2) {
			pos = (unsigned)p[0] << 8 | p[1];
			if (pos <= prev || pos > 16383)
				return (-1);
			sbuf_printf(out, "%s%u", j > 0 ? "," : "", pos);
			prev = pos;
		}
	}
	return (n == 0 ? 0 : -1);
}
