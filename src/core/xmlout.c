/*
 * Writing XML with libxml2's xmlTextWriter: the element helpers every
 * output shares (RSS, Atom, the Indeed-style /feed.xml, sitemaps) and the
 * one thing the writer does not do for us: text from the database may
 * hold characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF), and a
 * CDATA section cannot hold "]]>".  Written through these helpers, every
 * value is well formed by construction.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>

#include "core.h"
#include "xmlout.h"

static const unsigned char *xml_clean(struct sbuf *, const char *);

/* Tags of the Indeed <job>, in the order they are written. */
static const char *const	indeed_tags[INDEED__MAX] = {
	"title", "date", "referencenumber", "url", "company", "city",
	"state", "country", "postalcode", "description", "salary",
	"education", "jobtype", "category", "experience", "expirationdate",
	"language"
};

/*
 * s without the characters XML 1.0 forbids, as UTF-8 (invalid bytes are
 * read as Windows-1252).  Points into b, which the caller owns.
 */
static const unsigned char *
xml_clean(struct sbuf *b, const char *s)
{
	const unsigned char	*p;
	char			*fixed;

	sbuf_reset(b);
	fixed = NULL;
	if (!text_utf8_valid(s, strlen(s)))
		s = fixed = text_utf8_repair(s, strlen(s));
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		/* U+FFFE and U+FFFF: EF BF BE, EF BF BF. */
		if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe ||
		    p[2] == 0xbf)) {
			p += 2;
			continue;
		}
		sbuf_putc(b, *p);
	}
	free(fixed);
	return ((const unsigned char *)b->data);
}

int
xmlout_text(xmlTextWriterPtr w, const char *name, const char *value)
{
	struct sbuf	b;
	int		rc;

	if (value == NULL)
		return (0);
	sbuf_init(&b);
	rc = xmlTextWriterWriteElement(w, BAD_CAST name, xml_clean(&b, value));
	sbuf_free(&b);
	return (rc < 0 ? -1 : 0);
}

int
xmlout_string(xmlTextWriterPtr w, const char *value)
{
	struct sbuf	b;
	int		rc;

	if (value == NULL)
		return (0);
	sbuf_init(&b);
	rc = xmlTextWriterWriteString(w, xml_clean(&b, value));
	sbuf_free(&b);
	return (rc < 0 ? -1 : 0);
}

int
xmlout_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	struct sbuf	b;
	int		rc;

	if (value == NULL)
		return (0);
	sbuf_init(&b);
	rc = xmlTextWriterWriteAttribute(w, BAD_CAST name,
	    xml_clean(&b, value));
	sbuf_free(&b);
	return (rc < 0 ? -1 : 0);
}

/*
 * "]]>" cannot appear inside a CDATA section: the section is closed after
 * "]]" and a new one opens with ">", which readers join back together.
 */
int
xmlout_cdata(xmlTextWriterPtr w, const char *name, const char *value)
{
	struct sbuf	 b;
	const char	*s, *end;
	char		*seg;
	int		 rc;

	if (xmlTextWriterStartElement(w, BAD_CAST name) < 0)
		return (-1);
	rc = 0;
	sbuf_init(&b);
	s = (const char *)xml_clean(&b, value != NULL ? value : "");
	while (rc >= 0 && *s != '\0') {
		if ((end = strstr(s, "]]>")) != NULL)
			end += 2;
		else
			end = s + strlen(s);
		seg = xstrndup(s, (size_t)(end - s));
		rc = xmlTextWriterWriteCDATA(w, BAD_CAST seg);
		free(seg);
		s = end;
	}
	sbuf_free(&b);
	if (rc < 0 || xmlTextWriterEndElement(w) < 0)
		return (-1);
	return (0);
}

int
xmlout_indeed_job(xmlTextWriterPtr w, const char *const v[INDEED__MAX])
{
	int	i;

	if (xmlTextWriterStartElement(w, BAD_CAST "job") < 0)
		return (-1);
	for (i = 0; i < INDEED__MAX; i++)
		if (xmlout_cdata(w, indeed_tags[i], v[i]) == -1)
			return (-1);
	return (xmlTextWriterEndElement(w) < 0 ? -1 : 0);
}

/* English names whatever the locale, as RFC 822 wants them. */
int
xmlout_rfc822(const char *rfc3339, char *buf, size_t len)
{
	static const char *const	days[] = { "Sun", "Mon", "Tue", "Wed",
					    "Thu", "Fri", "Sat" };
	static const char *const	months[] = { "Jan", "Feb", "Mar",
					    "Apr", "May", "Jun", "Jul", "Aug",
					    "Sep", "Oct", "Nov", "Dec" };
	long long			us;
	time_t				t;
	struct tm			tm;
	int				n;

	if (rfc3339 == NULL || fmt_rfc3339(rfc3339, &us) == -1)
		return (-1);
	t = (time_t)(us / 1000000);
	if (gmtime_r(&t, &tm) == NULL)
		return (-1);
	n = snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return (n < 0 || (size_t)n >= len ? -1 : 0);
}
