/*
 * schema.org JobPosting in <script type="application/ld+json"> blocks of
 * an HTML page: single objects, arrays, @graph and ItemList wrappers.
 * The page is read as it comes by the HTML push parser (feed_push.c),
 * which hands each block here whole: memory is one block at most, not
 * the page and its tree.  jansson only accepts valid UTF-8 and nests at
 * most 2048 deep.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "core.h"
#include "feed.h"

/* Wrappers are followed this deep looking for postings. */
#define JSONLD_MAX_NEST	8
/* A single ld+json block larger than this is not a job posting. */
#define JSONLD_MAX_BYTES	(4U * 1024 * 1024)

static int		 jsonld_want(const char *, const char *const *);
static int		 jsonld_block(struct feed_ctx *, struct feed_raw *,
			    const char *, size_t, char *, size_t);
static void		 jsonld_visit(struct feed_ctx *, struct feed_raw *,
			    json_t *, int);
static int		 jsonld_is_posting(json_t *);
static int		 jsonld_is_posting_type(json_t *);
static void		 jsonld_posting(struct feed_ctx *, struct feed_raw *,
			    json_t *);
static json_t		*jsonld_first(json_t *);
static json_t		*jsonld_get(json_t *, const char *);
static void		 jsonld_put(struct feed_ctx *, struct feed_raw *,
			    enum feed_field, json_t *);
static void		 jsonld_salary(struct feed_ctx *, struct feed_raw *,
			    json_t *);
static void		 jsonld_number(struct sbuf *, json_t *);

/* Keys whose value may hold postings: @graph, ItemList elements. */
static const char *const jsonld_wrappers[] = {
	"@graph", "itemListElement", "item", NULL
};

const struct feed_xml_spec feed_jsonld_spec = {
	.html = 1,
	.block_want = jsonld_want,
	.block = jsonld_block,
	.block_max = JSONLD_MAX_BYTES,
};

/*
 * Only <script> elements of type application/ld+json (any case,
 * parameters allowed) are read.  attrs: name, value, ... NULL.
 */
static int
jsonld_want(const char *name, const char *const *attrs)
{
	const char	*t;

	if (strcasecmp(name, "script") != 0 || attrs == NULL)
		return (0);
	for (; attrs[0] != NULL; attrs += 2) {
		if (strcasecmp(attrs[0], "type") != 0 || attrs[1] == NULL)
			continue;
		for (t = attrs[1]; *t == ' '; t++)
			continue;
		return (strncasecmp(t, "application/ld+json", 19) == 0 &&
		    (t[19] == '\0' || t[19] == ';' || t[19] == ' '));
	}
	return (0);
}

/*
 * One block.  A block that is not valid JSON makes the parse incomplete
 * -- it may have held postings -- but the others still count.
 */
static int
jsonld_block(struct feed_ctx *ctx, struct feed_raw *raw, const char *text,
    size_t n, char *why, size_t whylen)
{
	json_error_t	 err;
	json_t		*root;

	if ((root = json_loadb(text, n, 0, &err)) == NULL) {
		(void)snprintf(why, whylen, "ld+json line %d: %s", err.line,
		    err.text);
		return (-1);
	}
	jsonld_visit(ctx, raw, root, 0);
	json_decref(root);
	return (0);
}

static void
jsonld_visit(struct feed_ctx *ctx, struct feed_raw *raw, json_t *v, int nest)
{
	const char *const	*w;
	json_t			*e;
	size_t			 i;

	if (nest > JSONLD_MAX_NEST || ctx->stopped)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			jsonld_visit(ctx, raw, e, nest + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (jsonld_is_posting(v)) {
		jsonld_posting(ctx, raw, v);
		return;
	}
	for (w = jsonld_wrappers; *w != NULL; w++)
		if ((e = json_object_get(v, *w)) != NULL)
			jsonld_visit(ctx, raw, e, nest + 1);
}

/* @type "JobPosting" (or a URL or prefixed form), or an array holding one. */
static int
jsonld_is_posting(json_t *o)
{
	json_t		*type, *e;
	size_t		 i;

	type = json_object_get(o, "@type");
	json_array_foreach(type, i, e)
		if (jsonld_is_posting_type(e))
			return (1);
	return (jsonld_is_posting_type(type));
}

static int
jsonld_is_posting_type(json_t *type)
{
	const char	*s, *p;

	if ((s = json_string_value(type)) == NULL)
		return (0);
	if ((p = strrchr(s, ':')) != NULL)
		s = p + 1;
	if ((p = strrchr(s, '/')) != NULL)
		s = p + 1;
	return (strcmp(s, "JobPosting") == 0);
}

static void
jsonld_posting(struct feed_ctx *ctx, struct feed_raw *raw, json_t *o)
{
	json_t	*v, *loc, *addr;

	feed_raw_reset(raw);
	v = jsonld_first(json_object_get(o, "identifier"));
	if (json_is_object(v))
		v = json_object_get(v, "value");
	jsonld_put(ctx, raw, FF_ID, v);
	if ((v = json_object_get(o, "title")) == NULL)
		v = json_object_get(o, "name");
	jsonld_put(ctx, raw, FF_TITLE, v);
	jsonld_put(ctx, raw, FF_COMPANY,
	    jsonld_get(o, "hiringOrganization"));
	v = json_object_get(o, "employmentType");
	if (json_is_array(v)) {
		size_t	 i;
		json_t	*e;

		json_array_foreach(v, i, e)
			jsonld_put(ctx, raw, FF_CONTRACT, e);
	} else
		jsonld_put(ctx, raw, FF_CONTRACT, v);
	loc = jsonld_first(json_object_get(o, "jobLocation"));
	addr = jsonld_first(json_object_get(loc, "address"));
	if (json_is_string(addr))
		jsonld_put(ctx, raw, FF_CITY, addr);
	else {
		jsonld_put(ctx, raw, FF_CITY,
		    jsonld_get(addr, "addressLocality"));
		jsonld_put(ctx, raw, FF_REGION,
		    jsonld_get(addr, "addressRegion"));
		jsonld_put(ctx, raw, FF_COUNTRY,
		    jsonld_get(addr, "addressCountry"));
	}
	jsonld_put(ctx, raw, FF_DESC, json_object_get(o, "description"));
	if (!json_is_string(v = json_object_get(o, "url")))
		v = json_object_get(o, "directApply");
	jsonld_put(ctx, raw, FF_URL, v);
	jsonld_put(ctx, raw, FF_EMAIL,
	    json_object_get(jsonld_first(json_object_get(o,
	    "applicationContact")), "email"));
	jsonld_put(ctx, raw, FF_DATE, json_object_get(o, "datePosted"));
	jsonld_put(ctx, raw, FF_EXPIRES, json_object_get(o, "validThrough"));
	jsonld_put(ctx, raw, FF_LANG, jsonld_get(o, "inLanguage"));
	jsonld_salary(ctx, raw, jsonld_first(json_object_get(o,
	    "baseSalary")));
	(void)feed_emit(ctx, raw, 0);
}

/* The first element of an array, or the value itself. */
static json_t *
jsonld_first(json_t *v)
{
	return (json_is_array(v) ? json_array_get(v, 0) : v);
}

/* A text-or-Thing value: a string, or an object's "name". */
static json_t *
jsonld_get(json_t *o, const char *key)
{
	json_t	*v;

	v = jsonld_first(json_object_get(o, key));
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return (v);
}

/* Strings and numbers are appended to the field; anything else is not. */
static void
jsonld_put(struct feed_ctx *ctx, struct feed_raw *raw, enum feed_field f,
    json_t *v)
{
	struct sbuf	 b;

	if (json_is_string(v)) {
		(void)feed_raw_claim(raw, f, 0, 1);
		feed_raw_append(ctx, raw, f, json_string_value(v),
		    json_string_length(v));
	} else if (json_is_number(v)) {
		sbuf_init(&b);
		jsonld_number(&b, v);
		(void)feed_raw_claim(raw, f, 0, 1);
		feed_raw_append(ctx, raw, f, b.data, b.len);
		sbuf_free(&b);
	}
}

static void
jsonld_number(struct sbuf *b, json_t *v)
{
	if (json_is_integer(v))
		sbuf_printf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		sbuf_printf(b, "%.15g", json_real_value(v));
	else if (json_is_string(v))
		sbuf_append(b, json_string_value(v), json_string_length(v));
}

/*
 * baseSalary as "min-max CUR/unit": a MonetaryAmount whose value is a
 * number or a QuantitativeValue (value, or minValue and maxValue).
 */
static void
jsonld_salary(struct feed_ctx *ctx, struct feed_raw *raw, json_t *s)
{
	struct sbuf	 b;
	json_t		*val, *min, *max, *cur, *unit;

	if (s == NULL)
		return;
	sbuf_init(&b);
	val = s;
	cur = unit = NULL;
	if (json_is_object(s)) {
		cur = json_object_get(s, "currency");
		val = json_object_get(s, "value");
		unit = json_object_get(s, "unitText");
	}
	if (json_is_object(val)) {
		if (unit == NULL)
			unit = json_object_get(val, "unitText");
		min = json_object_get(val, "minValue");
		max = json_object_get(val, "maxValue");
		if (min != NULL || max != NULL) {
			jsonld_number(&b, min != NULL ? min : max);
			if (min != NULL && max != NULL) {
				sbuf_putc(&b, '-');
				jsonld_number(&b, max);
			}
		} else
			jsonld_number(&b, json_object_get(val, "value"));
	} else
		jsonld_number(&b, val);
	if (b.len > 0 && json_is_string(cur))
		sbuf_printf(&b, " %s", json_string_value(cur));
	if (b.len > 0 && json_is_string(unit))
		sbuf_printf(&b, "/%s", json_string_value(unit));
	if (b.len > 0) {
		(void)feed_raw_claim(raw, FF_SALARY, 0, 0);
		feed_raw_append(ctx, raw, FF_SALARY, b.data, b.len);
	}
	sbuf_free(&b);
}
