/*
 * xmlout.c: well-formed XML output through libxml2's xmlTextWriter.
 * Values are UTF-8 (invalid bytes are read as Windows-1252); characters
 * XML 1.0 forbids are dropped.  Each function returns 0, or -1 when the
 * writer failed (the document is then unusable).
 */
#ifndef FJ_XMLOUT_H
#define FJ_XMLOUT_H

#include <libxml/xmlwriter.h>

/* The fields of an Indeed <job>, in the order they are written. */
enum {
	INDEED_TITLE,
	INDEED_DATE,
	INDEED_REFERENCENUMBER,
	INDEED_URL,
	INDEED_COMPANY,
	INDEED_CITY,
	INDEED_STATE,
	INDEED_COUNTRY,
	INDEED_POSTALCODE,
	INDEED_DESCRIPTION,
	INDEED_SALARY,
	INDEED_EDUCATION,
	INDEED_JOBTYPE,
	INDEED_CATEGORY,
	INDEED_EXPERIENCE,
	INDEED_EXPIRATIONDATE,
	INDEED_LANGUAGE,
	INDEED__MAX
};

/* <name>value</name>, escaped; nothing when value is NULL. */
int	xmlout_text(xmlTextWriterPtr, const char *name, const char *value);
/* Text inside the open element, escaped; nothing when value is NULL. */
int	xmlout_string(xmlTextWriterPtr, const char *value);
/* name="value" on the open element; nothing when value is NULL. */
int	xmlout_attr(xmlTextWriterPtr, const char *name, const char *value);
/* <name><![CDATA[value]]></name>, "]]>" split; NULL gives an empty one. */
int	xmlout_cdata(xmlTextWriterPtr, const char *name, const char *value);
/* One <job> of an Indeed-style feed, every field as CDATA. */
int	xmlout_indeed_job(xmlTextWriterPtr, const char *const [INDEED__MAX]);
/* RFC 3339 -> "Sat, 07 Sep 2024 10:00:00 +0000" in buf; 0 or -1. */
int	xmlout_rfc822(const char *rfc3339, char *buf, size_t len);

#endif
