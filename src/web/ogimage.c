/*
 * Social card images: /jobs/<id>/card-<lang>.png, a posting's card with
 * its contract labelled in <lang> (the posting's own language, which is
 * what the posting page links), and /card.png, the board's own card for
 * the home and search pages.  Each worker keeps the last CARDS_MAX cards
 * it drew, keyed by a hash of the text on them, so a card is drawn again
 * only when its text changed; clients and shared caches keep them a day.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <ctype.h>
#include <stdint.h>

#include "web.h"
#include "ogcard.h"

#define CARDS_MAX	32

int	page_job_card(struct http_request *);
int	page_board_card(struct http_request *);

static const char	sql_card[] =
    "SELECT fj_posting_page($1::bigint, $2)";

struct card {
	uint64_t	 hash;
	uint64_t	 used;
	struct sbuf	 png;
};

static struct card	 cards[CARDS_MAX];
static uint64_t		 cards_tick;

static int		 card_done(struct http_request *, struct dbq *);
static struct card	*card_get(const char *, const char *, const char *);
static void		 card_send(struct http_request *, struct card *);
static uint64_t		 card_hash(const char *, const char *, const char *);

static const char *
str(json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

int
page_job_card(struct http_request *req)
{
	struct dbq	*q;
	const char	*p;
	char		 id[24], lang[3];

	if (http_state_exists(req))
		return (dbq_run(req));
	if ((p = web_job_id(req, id)) == NULL || strncmp(p, "/card-", 6) != 0)
		return (page_not_found(req));
	p += 6;
	if (strlen(p) != 6 || strcmp(p + 2, ".png") != 0)
		return (page_not_found(req));
	lang[0] = p[0];
	lang[1] = p[1];
	lang[2] = '\0';
	if (lex_find(lex_langs, lang) == NULL)
		return (page_not_found(req));
	q = dbq_new(req, sql_card, card_done);
	dbq_param(q, id);
	dbq_param(q, lang);
	return (dbq_run(req));
}

static int
card_done(struct http_request *req, struct dbq *q)
{
	json_t		*job;
	struct card	*c;
	struct sbuf	 meta;
	const char	*status;

	if (q->failed) {
		web_db_down(req);
		return (KORE_RESULT_OK);
	}
	job = json_object_get(q->result, "job");
	status = str(job, "status");
	/* Only open postings have a card: others are not shared. */
	if (job == NULL || status == NULL || strcmp(status, "published") != 0)
		return (page_not_found(req));
	sbuf_init(&meta);
	sbuf_puts(&meta, str(job, "contract_label") ?
	    str(job, "contract_label") : "");
	if (str(job, "city") != NULL && *str(job, "city") != '\0')
		sbuf_printf(&meta, " · %s", str(job, "city"));
	if (str(job, "remote_label") != NULL)
		sbuf_printf(&meta, " · %s", str(job, "remote_label"));
	c = card_get(str(job, "company") ? str(job, "company") : "",
	    str(job, "title") ? str(job, "title") : "", meta.data);
	sbuf_free(&meta);
	if (c == NULL) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "The card could not be drawn.");
		return (KORE_RESULT_OK);
	}
	card_send(req, c);
	return (KORE_RESULT_OK);
}

int
page_board_card(struct http_request *req)
{
	struct card	*c;

	c = card_get(NULL, "Jobs in fashion and luxury",
	    "Milano · Paris · London · München · Madrid");
	if (c == NULL) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "The card could not be drawn.");
		return (KORE_RESULT_OK);
	}
	card_send(req, c);
	return (KORE_RESULT_OK);
}

/* FNV-1a over the card's text, each part ended by a NUL. */
static uint64_t
card_hash(const char *company, const char *title, const char *meta)
{
	const char	*parts[3], *p;
	uint64_t	 h;
	int		 i;

	parts[0] = company ? company : "\001board";
	parts[1] = title;
	parts[2] = meta;
	h = 0xcbf29ce484222325ULL;
	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p != '\0'; p++)
			h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
		h *= 0x100000001b3ULL;
	}
	return (h);
}

/*
 * The card with this text: from this worker's cache, else drawn into the
 * least recently used slot.  NULL when cairo fails.
 */
static struct card *
card_get(const char *company, const char *title, const char *meta)
{
	struct card	*c, *old;
	uint64_t	 h;
	size_t		 i;

	h = card_hash(company, title, meta);
	old = &cards[0];
	for (i = 0; i < CARDS_MAX; i++) {
		c = &cards[i];
		if (c->png.len > 0 && c->hash == h) {
			c->used = ++cards_tick;
			return (c);
		}
		if (c->used < old->used)
			old = c;
	}
	if (old->png.data == NULL)
		sbuf_init(&old->png);
	sbuf_reset(&old->png);
	old->hash = h;
	old->used = ++cards_tick;
	if (ogcard_render(company, title, meta, &old->png, NULL) == -1) {
		sbuf_reset(&old->png);
		old->used = 0;
		return (NULL);
	}
	return (old);
}

static void
card_send(struct http_request *req, struct card *c)
{
	const char	*inm;
	char		 tag[24];

	(void)snprintf(tag, sizeof(tag), "\"%016llx\"",
	    (unsigned long long)c->hash);
	web_headers(req, "image/png");
	http_response_header(req, "etag", tag);
	http_response_header(req, "cache-control", "public, max-age=86400");
	if (http_request_header(req, "if-none-match", &inm) &&
	    web_etag_matches(inm, tag)) {
		http_response(req, HTTP_STATUS_NOT_MODIFIED, NULL, 0);
		return;
	}
	http_response(req, HTTP_STATUS_OK, c->png.data, c->png.len);
}
