/*
 * mail.c: e-mail messages as RFC 5322 text, for any mail the board sends
 * (sign-up confirmations, job alerts...).  Kore-free, no I/O: the sender
 * (src/cli/mail.c) hands the text to libcurl's SMTP client, which does
 * the dot-stuffing.  Functions return 0, or -1 for a value that cannot go
 * in a header (an address or subject with CR, LF or other controls):
 * header injection is refused here, whatever the caller checked before.
 */
#ifndef FJ_MAIL_H
#define FJ_MAIL_H

#include <time.h>

struct sbuf;

struct mail {
	const char	*from;		/* bare address: name@domain */
	const char	*from_name;	/* display name, ASCII, or NULL */
	const char	*to;		/* bare address */
	const char	*subject;	/* UTF-8, one line */
	const char	*body;		/* UTF-8, lines end in \n or \r\n */
	const char	*html;		/* UTF-8 HTML part, or NULL */
	const char	*unsubscribe;	/* one-click URL (RFC 8058), or NULL */
	time_t		 date;
	const char	*id;		/* left part of the Message-ID */
};

/* 1 if s is a plain ASCII address (local@domain) safe in SMTP and headers. */
int	mail_addr_ok(const char *s);
/*
 * The whole message, CRLF line endings, each part quoted-printable: text
 * only, or multipart/alternative text and HTML when html is set.  With
 * unsubscribe, List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
 */
int	mail_format(struct sbuf *, const struct mail *);
/* A header value: as is if printable ASCII, else RFC 2047 encoded words. */
int	mail_header_text(struct sbuf *, const char *);
/* Quoted-printable (RFC 2045) with CRLF line endings. */
void	mail_qp(struct sbuf *, const char *);
/* An RFC 5322 date, "Wed, 02 Dec 2026 11:20:36 +0000" (UTC). */
void	mail_date(struct sbuf *, time_t);

#endif
