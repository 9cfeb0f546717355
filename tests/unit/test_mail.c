/*
 * mail.c: addresses, header injection, RFC 2047 subjects, quoted-printable
 * bodies and the whole message, table-driven.
 */

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "mail.h"
#include "harness.h"

static const struct {
	const char	*addr;
	int		 ok;
} addrs[] = {
	{ "anna@example.com", 1 },
	{ "a.b+tag@mail.example.co.uk", 1 },
	{ "x@y", 1 },
	{ "", 0 },
	{ "@example.com", 0 },
	{ "anna@", 0 },
	{ "anna", 0 },
	{ "a@b@c", 0 },
	{ "anna@example.com\r\nBcc: all@example.com", 0 },
	{ "anna@example.com\n", 0 },
	{ "anna@exa mple.com", 0 },
	{ "Anna <anna@example.com>", 0 },
	{ "anna@example.com>\r\nRCPT TO:<x@y", 0 },
	{ "ann\xc3\xa0@example.com", 0 },
	{ "\"a\"@example.com", 0 },
};

static const struct {
	const char	*in;
	const char	*want;	/* NULL: refused */
} headers[] = {
	{ "Confirm your account", "Confirm your account" },
	{ "", "" },
	{ "Bonjour \xc3\xa0 vous", "=?UTF-8?B?Qm9uam91ciDDoCB2b3Vz?=" },
	{ "a=?b", "=?UTF-8?B?YT0/Yg==?=" },
	{ "Hi\r\nBcc: all@example.com", NULL },
	{ "Hi\nthere", NULL },
	{ "tab\there", NULL },
	/* Cut after 42 bytes, never inside the 2-byte "\xc3\xa9". */
	{ "123456789012345678901234567890123456789012\xc3\xa9",
	  "=?UTF-8?B?MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEy"
	  "?=\r\n =?UTF-8?B?w6k=?=" },
	{ "12345678901234567890123456789012345678901\xc3\xa9",
	  "=?UTF-8?B?MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="
	  "?=\r\n =?UTF-8?B?w6k=?=" },
};

static const struct {
	const char	*in;
	const char	*want;
} qps[] = {
	{ "hello", "hello" },
	{ "a=b", "a=3Db" },
	{ "line one\nline two\n", "line one\r\nline two\r\n" },
	{ "crlf\r\nkept", "crlf\r\nkept" },
	{ "trailing space \nand tab\t", "trailing space=20\r\nand tab=09" },
	{ "caf\xc3\xa9", "caf=C3=A9" },
	{ "lone\rcr", "lone=0Dcr" },
	{ ".starts with a dot\n.\n", ".starts with a dot\r\n.\r\n" },
	{ "x=https://example.com/recruiter/confirm?token=0123456789abcdef"
	  "0123456789abcdef0123456789abcdef0123456789abcdef",
	  "x=3Dhttps://example.com/recruiter/confirm?token=3D0123456789abcdef"
	  "012345678=\r\n"
	  "9abcdef0123456789abcdef0123456789abcdef" },
	/* An =XX is never cut by the soft break. */
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  "\xc3\xa9",
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  "=\r\n=C3=A9" },
};

int
main(void)
{
	struct sbuf	 b;
	struct mail	 m;
	size_t		 i;
	char		 name[128];
	const char	*p, *line;
	int		 rc, longest, bare;

	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		snprintf(name, sizeof(name), "mail_addr_ok %zu", i);
		CHECK(name, mail_addr_ok(addrs[i].addr) == addrs[i].ok);
	}
	sbuf_init(&b);
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		sbuf_reset(&b);
		snprintf(name, sizeof(name), "header text %zu", i);
		rc = mail_header_text(&b, headers[i].in);
		if (headers[i].want == NULL)
			CHECK(name, rc == -1);
		else
			CHECK_STR(name, rc == 0 ? b.data : NULL,
			    headers[i].want);
	}
	for (i = 0; i < sizeof(qps) / sizeof(qps[0]); i++) {
		sbuf_reset(&b);
		snprintf(name, sizeof(name), "quoted-printable %zu", i);
		mail_qp(&b, qps[i].in);
		CHECK_STR(name, b.data, qps[i].want);
	}
	sbuf_reset(&b);
	mail_date(&b, 1796210436);
	CHECK_STR("date", b.data, "Wed, 02 Dec 2026 11:20:36 +0000");

	memset(&m, 0, sizeof(m));
	m.from = "noreply@fashionjobs.example";
	m.from_name = "fashionjobs";
	m.to = "anna@example.com";
	m.subject = "Confirm your account";
	m.body = "Hello,\n\nOpen https://example.com/x?token=abc\n.\nBye\n";
	m.date = 1796210436;
	m.id = "mail-7.0123abcd";
	sbuf_reset(&b);
	CHECK("format", mail_format(&b, &m) == 0);
	CHECK_STR("format: whole message", b.data,
	    "From: fashionjobs <noreply@fashionjobs.example>\r\n"
	    "To: <anna@example.com>\r\n"
	    "Subject: Confirm your account\r\n"
	    "Date: Wed, 02 Dec 2026 11:20:36 +0000\r\n"
	    "Message-ID: <mail-7.0123abcd@fashionjobs.example>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "\r\n"
	    "Hello,\r\n\r\nOpen https://example.com/x?token=3Dabc\r\n.\r\n"
	    "Bye\r\n");

	/* Every line of a long, non-ASCII message: CRLF, at most 78. */
	m.subject = "Un compte existe d\xc3\xa9j\xc3\xa0 pour cette adresse "
	    "\xe2\x80\x94 connectez-vous \xc3\xa0 fashionjobs";
	m.body = "\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 "
	    "\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t"
	    "\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 "
	    "\xc3\xa9t\xc3\xa9\n";
	sbuf_reset(&b);
	CHECK("format: non-ASCII", mail_format(&b, &m) == 0);
	longest = 0;
	bare = 0;
	for (line = p = b.data; *p != '\0'; p++) {
		if (*p == '\n') {
			if (p == b.data || p[-1] != '\r')
				bare = 1;
			if (p - line > longest)
				longest = (int)(p - line);
			line = p + 1;
		}
		if ((unsigned char)*p >= 0x80)
			bare = 1;
	}
	CHECK("format: 7-bit, CRLF only", !bare);
	CHECK("format: lines of at most 78 characters", longest <= 79);

	m.subject = "Hi\r\nBcc: all@example.com";
	sbuf_reset(&b);
	CHECK("format: CRLF in the subject is refused",
	    mail_format(&b, &m) == -1 && b.len == 0);
	m.subject = "Hi";
	m.to = "anna@example.com\r\nBcc: all@example.com";
	CHECK("format: CRLF in the address is refused",
	    mail_format(&b, &m) == -1 && b.len == 0);
	m.to = "anna@example.com";
	m.id = "x>\r\nBcc: y";
	CHECK("format: a bad Message-ID is refused",
	    mail_format(&b, &m) == -1);
	m.id = "ok";
	m.from_name = "Evil\r\nBcc: x@y";
	CHECK("format: CRLF in the sender's name is refused",
	    mail_format(&b, &m) == -1);
	/* A digest: text and HTML, and the one-click unsubscribe headers. */
	m.from_name = NULL;
	m.body = "Jobs\n";
	m.html = "<p>Jobs</p>\n";
	m.unsubscribe = "https://example.com/alerts/unsubscribe?token=ab";
	sbuf_reset(&b);
	CHECK("format: multipart", mail_format(&b, &m) == 0);
	CHECK_STR("format: multipart message", b.data,
	    "From: <noreply@fashionjobs.example>\r\n"
	    "To: <anna@example.com>\r\n"
	    "Subject: Hi\r\n"
	    "Date: Wed, 02 Dec 2026 11:20:36 +0000\r\n"
	    "Message-ID: <ok@fashionjobs.example>\r\n"
	    "List-Unsubscribe: <https://example.com/alerts/unsubscribe"
	    "?token=ab>\r\n"
	    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: multipart/alternative; boundary=\"=_ok\"\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "\r\n"
	    "--=_ok\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
	    "Jobs\r\n"
	    "--=_ok\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
	    "<p>Jobs</p>\r\n"
	    "--=_ok--\r\n");
	m.unsubscribe = "https://example.com/x>\r\nBcc: y";
	CHECK("format: a bad unsubscribe URL is refused",
	    mail_format(&b, &m) == -1);
	sbuf_free(&b);
	return (DONE());
}
