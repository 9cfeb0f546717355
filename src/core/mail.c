/*
 * E-mail messages: headers (RFC 5322, RFC 2047 for non-ASCII subjects)
 * and a quoted-printable text/plain body (RFC 2045).  Quoted-printable
 * keeps every line under 78 characters and every byte 7-bit, so the
 * message goes through any SMTP server, 8BITMIME or not.  A line that
 * starts with "." is left alone: libcurl doubles it on the wire.
 */

#include <string.h>
#include <time.h>

#include "core.h"
#include "mail.h"

#define QP_LINE		76	/* RFC 2045, with the soft break's "=" */
#define WORD_BYTES	42	/* "Subject: " and one word: 77 characters */

static int	 header_safe(const char *);
static void	 base64(struct sbuf *, const unsigned char *, size_t);
static void	 body(struct sbuf *, const char *);
static void	 part(struct sbuf *, const char *, const char *,
		    const char *);

int
mail_addr_ok(const char *s)
{
	const char	*at, *p;

	if (s == NULL || strlen(s) > 254 || (at = strchr(s, '@')) == NULL ||
	    at == s || at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return (0);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f ||
		    strchr("<>()[],;:\\\"", *p) != NULL)
			return (0);
	return (1);
}

/* No control character (CR, LF, TAB, DEL...) anywhere. */
static int
header_safe(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || (unsigned char)*s == 0x7f)
			return (0);
	return (1);
}

static void
base64(struct sbuf *b, const unsigned char *p, size_t n)
{
	static const char	tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long		v;
	size_t			i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)p[i] << 16 | p[i + 1] << 8 | p[i + 2];
		sbuf_putc(b, tab[v >> 18 & 63]);
		sbuf_putc(b, tab[v >> 12 & 63]);
		sbuf_putc(b, tab[v >> 6 & 63]);
		sbuf_putc(b, tab[v & 63]);
	}
	if (i < n) {
		v = (unsigned long)p[i] << 16;
		if (i + 1 < n)
			v |= p[i + 1] << 8;
		sbuf_putc(b, tab[v >> 18 & 63]);
		sbuf_putc(b, tab[v >> 12 & 63]);
		sbuf_putc(b, i + 1 < n ? tab[v >> 6 & 63] : '=');
		sbuf_putc(b, '=');
	}
}

/*
 * Encoded words are cut between UTF-8 characters (RFC 2047 5.3: a word
 * holds whole characters) and folded onto continuation lines.
 */
int
mail_header_text(struct sbuf *b, const char *s)
{
	const unsigned char	*p;
	size_t			 n, len;
	int			 ascii;

	if (!header_safe(s))
		return (-1);
	ascii = 1;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x7f)
			ascii = 0;
	/* "=?" would read as the start of an encoded word. */
	if (ascii && strstr(s, "=?") == NULL) {
		sbuf_puts(b, s);
		return (0);
	}
	p = (const unsigned char *)s;
	len = strlen(s);
	while (len > 0) {
		n = len < WORD_BYTES ? len : WORD_BYTES;
		while (n < len && n > 1 && (p[n] & 0xc0) == 0x80)
			n--;
		if (p != (const unsigned char *)s)
			sbuf_puts(b, "\r\n ");
		sbuf_puts(b, "=?UTF-8?B?");
		base64(b, p, n);
		sbuf_puts(b, "?=");
		p += n;
		len -= n;
	}
	return (0);
}

/*
 * Printable ASCII but "=" as is, a space or tab as is unless it ends a
 * line, everything else as =XX; a lone CR is a byte like any other.
 */
void
mail_qp(struct sbuf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 tok[4];
	size_t			 col, n;
	int			 eol;

	col = 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\n' || (*p == '\r' && p[1] == '\n')) {
			if (*p == '\r')
				p++;
			sbuf_puts(b, "\r\n");
			col = 0;
			continue;
		}
		eol = p[1] == '\0' || p[1] == '\n' ||
		    (p[1] == '\r' && p[2] == '\n');
		if ((*p > ' ' && *p < 0x7f && *p != '=') ||
		    ((*p == ' ' || *p == '\t') && !eol)) {
			tok[0] = (char)*p;
			n = 1;
		} else {
			tok[0] = '=';
			tok[1] = hex[*p >> 4];
			tok[2] = hex[*p & 15];
			n = 3;
		}
		/* Room for the token and, unless the line ends, a "=". */
		if (col + n > QP_LINE - (eol ? 0 : 1)) {
			sbuf_puts(b, "=\r\n");
			col = 0;
		}
		sbuf_append(b, tok, n);
		col += n;
	}
}

void
mail_date(struct sbuf *b, time_t t)
{
	static const char	*days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char	*months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm		 tm;

	gmtime_r(&t, &tm);
	sbuf_printf(b, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* A quoted-printable body that ends with a line end. */
static void
body(struct sbuf *b, const char *text)
{
	size_t	start;

	start = b->len;
	mail_qp(b, text);
	if (b->len > start && b->data[b->len - 1] != '\n')
		sbuf_puts(b, "\r\n");
}

static void
part(struct sbuf *b, const char *id, const char *subtype, const char *text)
{
	sbuf_printf(b, "--=_%s\r\nContent-Type: text/%s; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", id,
	    subtype);
	body(b, text);
}

int
mail_format(struct sbuf *b, const struct mail *m)
{
	static const char	 id_chars[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";
	const char		*domain;
	size_t			 start;

	start = b->len;
	if (!mail_addr_ok(m->from) || !mail_addr_ok(m->to) ||
	    m->id == NULL || *m->id == '\0' ||
	    strspn(m->id, id_chars) != strlen(m->id) ||
	    (m->from_name != NULL && (!header_safe(m->from_name) ||
	    strpbrk(m->from_name, "<>\"\\") != NULL)))
		goto bad;
	domain = strchr(m->from, '@') + 1;
	sbuf_puts(b, "From: ");
	if (m->from_name != NULL && mail_header_text(b, m->from_name) == -1)
		goto bad;
	sbuf_printf(b, "%s<%s>\r\nTo: <%s>\r\nSubject: ",
	    m->from_name != NULL ? " " : "", m->from, m->to);
	if (mail_header_text(b, m->subject) == -1)
		goto bad;
	sbuf_puts(b, "\r\nDate: ");
	mail_date(b, m->date);
	sbuf_printf(b, "\r\nMessage-ID: <%s@%s>\r\n", m->id, domain);
	if (m->unsubscribe != NULL) {
		if (!header_safe(m->unsubscribe) ||
		    strpbrk(m->unsubscribe, "<> ") != NULL ||
		    strncmp(m->unsubscribe, "http", 4) != 0)
			goto bad;
		sbuf_printf(b, "List-Unsubscribe: <%s>\r\n"
		    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
		    m->unsubscribe);
	}
	sbuf_puts(b, "MIME-Version: 1.0\r\n");
	/*
	 * "=_" cannot start a quoted-printable line ("=" is always =3D
	 * there), so the boundary never occurs in a part.
	 */
	if (m->html != NULL)
		sbuf_printf(b, "Content-Type: multipart/alternative;"
		    " boundary=\"=_%s\"\r\n", m->id);
	else
		sbuf_puts(b, "Content-Type: text/plain; charset=utf-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n");
	sbuf_puts(b, "Auto-Submitted: auto-generated\r\n\r\n");
	if (m->html != NULL) {
		part(b, m->id, "plain", m->body);
		part(b, m->id, "html", m->html);
		sbuf_printf(b, "--=_%s--\r\n", m->id);
	} else
		body(b, m->body);
	return (0);
bad:
	b->len = start;
	b->data[start] = '\0';
	return (-1);
}
