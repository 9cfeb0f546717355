/*
 * GET /feed.xml: every open posting in Indeed-style XML, the format our
 * own scraper reads (src/core/feed_indeed.c), streamed in bounded memory.
 *
 * Kore 4.1 has no chunked-response API for dynamic content, so the
 * request stays alive for the whole download and walks the postings by
 * id in keyset pages of PAGE_ROWS on the async pgsql layer (the worker
 * never waits for the database).  Each page is written by one
 * xmlTextWriter that lives as long as the request, gzipped (one deflate
 * stream, flushed per page) when the client accepts it, and sent as one
 * HTTP/1.1 chunk with net_send_stream(); the chunk's send-completion
 * callback wakes the request, which only then asks for the next page.
 * A slow client therefore holds one page in memory, never the feed, and
 * no database connection between pages.  While the chunks go out the
 * connection is marked busy (CONN_IS_BUSY, as Kore's own Python
 * iterator responses do) so that Kore neither reads the next request
 * nor closes the connection when its send queue runs empty between
 * pages.  Pages are read one after the other, not from one snapshot: a
 * posting that changes during a download is in the state it had when
 * its page was read.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <zlib.h>

#include <libxml/xmlwriter.h>

#include "web.h"
#include "xmlout.h"

#define PAGE_ROWS	500

int	page_feed_xml(struct http_request *);

/*
 * The validator: what changes whenever the feed's content can (a posting
 * written, opened, closed or expired changes the count or the newest
 * change_xid), without reading the postings.
 */
static const char	sql_meta[] =
    "SELECT count(*), coalesce(max(change_xid)::text, '0'),"
    " extract(epoch FROM max(updated_at))::bigint, fj_rfc3339(now())"
    " FROM posting x WHERE x.status = 'published' AND " OPEN("x");

/*
 * $1 the last id sent, $2 the page size, $3 the base URL.  The columns of
 * fj_indeed_row() (sql/posting.sql), in the order of the INDEED_* fields.
 * jobtype (fj_jobtype, sql/normalise.sql) is
 * looked up in jobtype_memo (migration 0036) per distinct label and codes
 * of the page, worked out for the ones not there yet and remembered: jt is
 * materialized because, inlined, the planner calls it once per row.
 */
static const char	sql_page[] =
    "WITH page AS MATERIALIZED (SELECT * FROM posting x"
    "  WHERE x.status = 'published' AND " OPEN("x")
    "  AND x.id > $1::bigint ORDER BY x.id LIMIT $2::int),"
    " d AS MATERIALIZED (SELECT DISTINCT contract_raw, contract, schedule"
    "  FROM page),"
    " jt AS MATERIALIZED (SELECT d.*, m.label IS NULL AS new,"
    "  coalesce(m.label, fj_jobtype(d.contract_raw, d.contract,"
    "  d.schedule)) AS label FROM d LEFT JOIN jobtype_memo m"
    "  USING (contract_raw, contract, schedule)),"
    " memo AS (INSERT INTO jobtype_memo SELECT contract_raw, contract,"
    "  schedule, label FROM jt WHERE new AND label IS NOT NULL"
    "  ON CONFLICT DO NOTHING)"
    "SELECT r.* FROM page p JOIN jt USING (contract_raw, contract, schedule)"
    " LEFT JOIN city c ON c.id = p.city_id,"
    " LATERAL fj_indeed_row(p::posting, c, jt.label, $3) r ORDER BY p.id";

struct feedxml {
	struct kore_pgsql	 sql;
	char			 after[24];	/* the last id sent */
	int			 rows;		/* in the page being read */
	int			 failed;
	char			 built[32];	/* lastBuildDate */
	char			 etag[96];
	xmlBufferPtr		 xbuf;
	xmlTextWriterPtr	 w;
	int			 gzip;
	z_stream		 z;
	int			 chunked;	/* HTTP/1.1: chunk framing */
	int			 close;		/* CONN_CLOSE_EMPTY to restore */
	struct sbuf		 out;		/* the chunk in flight */
	int			 sent;		/* it left the send queue */
	int			 last;		/* it was the last one */
};

static int	fx_state_meta(struct http_request *);
static int	fx_state_meta_wait(struct http_request *);
static int	fx_state_page(struct http_request *);
static int	fx_state_page_wait(struct http_request *);
static int	fx_state_sent_wait(struct http_request *);
static void	fx_onfree(struct http_request *);
static int	fx_start(struct http_request *, struct feedxml *,
		    const char *);
static int	fx_rows(struct feedxml *);
static int	fx_send(struct http_request *, struct feedxml *, int);
static int	fx_chunk_sent(struct netbuf *);
static int	fx_abort(struct http_request *);

static struct http_state	fx_states[] = {
	KORE_HTTP_STATE(fx_state_meta),
	KORE_HTTP_STATE(fx_state_meta_wait),
	KORE_HTTP_STATE(fx_state_page),
	KORE_HTTP_STATE(fx_state_page_wait),
	KORE_HTTP_STATE(fx_state_sent_wait),
};

#define FX_META		0
#define FX_META_WAIT	1
#define FX_PAGE		2
#define FX_PAGE_WAIT	3
#define FX_SENT_WAIT	4

int
page_feed_xml(struct http_request *req)
{
	struct feedxml	*fx;

	if (!http_state_exists(req)) {
		fx = http_state_create(req, sizeof(*fx), fx_onfree);
		kore_pgsql_init(&fx->sql);
		kore_pgsql_bind_request(&fx->sql, req);
		sbuf_init(&fx->out);
		(void)kore_strlcpy(fx->after, "0", sizeof(fx->after));
	}
	return (http_state_run(fx_states,
	    sizeof(fx_states) / sizeof(fx_states[0]), req));
}

static int
fx_state_meta(struct http_request *req)
{
	struct feedxml	*fx = http_state_get(req);

	switch (dbq_send(&fx->sql, sql_meta, 0, NULL)) {
	case DBQ_RETRY:
		return (HTTP_STATE_RETRY);
	case DBQ_FAILED:
		fx->failed = 1;
		dbq_cleanup(&fx->sql);
		kore_pgsql_init(&fx->sql);
		kore_pgsql_bind_request(&fx->sql, req);
		break;
	default:
		break;
	}
	req->fsm_state = FX_META_WAIT;
	return (HTTP_STATE_CONTINUE);
}

/* The validator read: answer 304, or send the headers and the start. */
static int
fx_state_meta_wait(struct http_request *req)
{
	struct feedxml	*fx = http_state_get(req);
	const char	*inm;

	if (!fx->failed) {
		switch (fx->sql.state) {
		case KORE_PGSQL_STATE_WAIT:
			return (HTTP_STATE_RETRY);
		case KORE_PGSQL_STATE_ERROR:
			kore_pgsql_logerror(&fx->sql);
			fx->failed = 1;
			break;
		case KORE_PGSQL_STATE_RESULT:
			if (kore_pgsql_ntuples(&fx->sql) == 1) {
				(void)snprintf(fx->etag, sizeof(fx->etag),
				    "W/\"fx-%s-%s-%s\"",
				    kore_pgsql_getvalue(&fx->sql, 0, 0),
				    kore_pgsql_getvalue(&fx->sql, 0, 1),
				    kore_pgsql_getvalue(&fx->sql, 0, 2));
				(void)kore_strlcpy(fx->built,
				    kore_pgsql_getvalue(&fx->sql, 0, 3),
				    sizeof(fx->built));
			}
			kore_pgsql_continue(&fx->sql);
			return (HTTP_STATE_CONTINUE);
		case KORE_PGSQL_STATE_COMPLETE:
			break;
		default:
			kore_pgsql_continue(&fx->sql);
			return (HTTP_STATE_CONTINUE);
		}
	}
	dbq_cleanup(&fx->sql);
	if (fx->failed || fx->built[0] == '\0') {
		http_response_header(req, "retry-after", "5");
		web_problem(req, 503, NULL,
		    "The job database is not answering. Try again shortly.");
		return (HTTP_STATE_COMPLETE);
	}
	kore_pgsql_init(&fx->sql);
	kore_pgsql_bind_request(&fx->sql, req);
	http_response_header(req, "etag", fx->etag);
	if (http_request_header(req, "if-none-match", &inm) &&
	    web_etag_matches(inm, fx->etag)) {
		web_headers(req, "application/xml; charset=utf-8");
		http_response(req, HTTP_STATUS_NOT_MODIFIED, NULL, 0);
		return (HTTP_STATE_COMPLETE);
	}
	if (fx_start(req, fx, fx->built) == -1)
		return (HTTP_STATE_COMPLETE);
	req->fsm_state = FX_PAGE;
	return (HTTP_STATE_CONTINUE);
}

/*
 * Send the headers and open the document.  -1 when the answer is already
 * complete (HEAD, or the writer could not start).
 */
static int
fx_start(struct http_request *req, struct feedxml *fx, const char *built)
{
	char	 date[64];

	web_headers(req, "application/xml; charset=utf-8");
	http_response_header(req, "access-control-allow-origin", "*");
	http_response_header(req, "vary", "accept-encoding");
	http_response_header(req, "cache-control", "public, max-age=300");
	fx->xbuf = xmlBufferCreate();
	fx->w = xmlNewTextWriterMemory(fx->xbuf, 0);
	if (fx->xbuf == NULL || fx->w == NULL ||
	    xmlTextWriterStartDocument(fx->w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(fx->w, BAD_CAST "source") < 0 ||
	    xmlout_text(fx->w, "publisher", "fashionjobs") == -1 ||
	    xmlout_text(fx->w, "publisherurl", web_base_url()) == -1 ||
	    xmlout_rfc822(built, date, sizeof(date)) == -1 ||
	    xmlout_text(fx->w, "lastBuildDate", date) == -1) {
		kore_log(LOG_ERR, "/feed.xml: cannot start the writer");
		web_problem(req, 500, NULL, "The feed could not be written.");
		return (-1);
	}
	if (web_accepts_gzip(req) && deflateInit2(&fx->z, 6, Z_DEFLATED,
	    15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
		fx->gzip = 1;
		http_response_header(req, "content-encoding", "gzip");
	}
	if (req->method == HTTP_METHOD_HEAD) {
		http_response(req, HTTP_STATUS_OK, NULL, 0);
		return (-1);
	}
	/*
	 * No length is known: chunks for HTTP/1.1, the end of the
	 * connection for HTTP/1.0 (Kore closes those anyway).
	 */
	req->flags |= HTTP_REQUEST_NO_CONTENT_LENGTH;
	fx->chunked = !(req->flags & HTTP_VERSION_1_0);
	if (fx->chunked)
		http_response_header(req, "transfer-encoding", "chunked");
	req->owner->flags |= CONN_IS_BUSY;
	http_response(req, HTTP_STATUS_OK, NULL, 0);
	fx->close = (req->owner->flags & CONN_CLOSE_EMPTY) != 0;
	req->owner->flags &= ~CONN_CLOSE_EMPTY;
	return (0);
}

static int
fx_state_page(struct http_request *req)
{
	struct feedxml	*fx = http_state_get(req);
	char		 num[16], *params[3];

	(void)snprintf(num, sizeof(num), "%d", PAGE_ROWS);
	params[0] = fx->after;
	params[1] = num;
	params[2] = (char *)web_base_url();
	switch (dbq_send(&fx->sql, sql_page, 3, params)) {
	case DBQ_RETRY:
		return (HTTP_STATE_RETRY);
	case DBQ_FAILED:
		return (fx_abort(req));
	default:
		break;
	}
	fx->rows = 0;
	req->fsm_state = FX_PAGE_WAIT;
	return (HTTP_STATE_CONTINUE);
}

static int
fx_state_page_wait(struct http_request *req)
{
	struct feedxml	*fx = http_state_get(req);
	int		 last;

	switch (fx->sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_ERROR:
		kore_pgsql_logerror(&fx->sql);
		return (fx_abort(req));
	case KORE_PGSQL_STATE_RESULT:
		if (fx_rows(fx) == -1)
			return (fx_abort(req));
		kore_pgsql_continue(&fx->sql);
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_COMPLETE:
		break;
	default:
		kore_pgsql_continue(&fx->sql);
		return (HTTP_STATE_CONTINUE);
	}
	/* The connection goes back to the pool while the page is sent. */
	dbq_cleanup(&fx->sql);
	kore_pgsql_init(&fx->sql);
	kore_pgsql_bind_request(&fx->sql, req);
	last = fx->rows < PAGE_ROWS;
	if (last && xmlTextWriterEndDocument(fx->w) < 0)
		return (fx_abort(req));
	if (fx_send(req, fx, last) == -1)
		return (fx_abort(req));
	req->fsm_state = FX_SENT_WAIT;
	return (HTTP_STATE_CONTINUE);
}

/* Wait for the chunk to leave; then the next page, or the end. */
static int
fx_state_sent_wait(struct http_request *req)
{
	struct feedxml		*fx = http_state_get(req);
	struct connection	*c = req->owner;

	if (!fx->sent) {
		http_request_sleep(req);
		return (HTTP_STATE_RETRY);
	}
	if (!fx->last) {
		req->fsm_state = FX_PAGE;
		return (HTTP_STATE_CONTINUE);
	}
	c->flags &= ~CONN_IS_BUSY;
	if (fx->close)
		c->flags |= CONN_CLOSE_EMPTY;
	else
		http_start_recv(c);
	return (HTTP_STATE_COMPLETE);
}

/* Write the rows of the current result as <job> elements. */
static int
fx_rows(struct feedxml *fx)
{
	const char	*v[INDEED__MAX];
	int		 i, n, f;

	n = kore_pgsql_ntuples(&fx->sql);
	for (i = 0; i < n; i++) {
		for (f = 0; f < INDEED__MAX; f++)
			v[f] = PQgetisnull(fx->sql.result, i, f) ? NULL :
			    kore_pgsql_getvalue(&fx->sql, i, f);
		if (xmlout_indeed_job(fx->w, v) == -1)
			return (-1);
	}
	if (n > 0)
		(void)kore_strlcpy(fx->after, kore_pgsql_getvalue(&fx->sql,
		    n - 1, INDEED_REFERENCENUMBER), sizeof(fx->after));
	fx->rows += n;
	return (0);
}

/*
 * Take what the writer produced since the last chunk, gzip it when asked,
 * frame it and queue it; last adds the end of the body.  The buffer stays
 * ours until fx_chunk_sent() runs.
 */
static int
fx_send(struct http_request *req, struct feedxml *fx, int last)
{
	struct netbuf		*nb;
	struct sbuf		 body;
	const unsigned char	*p;
	unsigned char		 zout[16384];
	size_t			 len;
	int			 rc;

	if (xmlTextWriterFlush(fx->w) < 0)
		return (-1);
	p = xmlBufferContent(fx->xbuf);
	len = (size_t)xmlBufferLength(fx->xbuf);
	sbuf_init(&body);
	if (fx->gzip) {
		fx->z.next_in = (unsigned char *)(uintptr_t)p;
		fx->z.avail_in = (uInt)len;
		do {
			fx->z.next_out = zout;
			fx->z.avail_out = sizeof(zout);
			rc = deflate(&fx->z, last ? Z_FINISH : Z_SYNC_FLUSH);
			if (rc == Z_STREAM_ERROR) {
				sbuf_free(&body);
				return (-1);
			}
			sbuf_append(&body, zout, sizeof(zout) -
			    fx->z.avail_out);
		} while (fx->z.avail_out == 0 || (last && rc != Z_STREAM_END));
	} else
		sbuf_append(&body, p, len);
	xmlBufferEmpty(fx->xbuf);

	sbuf_reset(&fx->out);
	if (fx->chunked && body.len > 0)
		sbuf_printf(&fx->out, "%zx\r\n", body.len);
	sbuf_append(&fx->out, body.data, body.len);
	if (fx->chunked && body.len > 0)
		sbuf_puts(&fx->out, "\r\n");
	if (fx->chunked && last)
		sbuf_puts(&fx->out, "0\r\n\r\n");
	sbuf_free(&body);

	fx->last = last;
	fx->sent = 0;
	if (fx->out.len == 0) {
		fx->sent = 1;
		return (0);
	}
	net_send_stream(req->owner, fx->out.data, fx->out.len,
	    fx_chunk_sent, &nb);
	nb->extra = req;
	if (!net_send_flush(req->owner))
		kore_connection_disconnect(req->owner);
	return (0);
}

/*
 * The chunk left the send queue (or the connection is being removed, in
 * which case Kore marks the request for deletion and wakes it itself).
 */
static int
fx_chunk_sent(struct netbuf *nb)
{
	struct http_request	*req = nb->extra;
	struct feedxml		*fx = http_state_get(req);

	fx->sent = 1;
	http_request_wakeup(req);
	return (KORE_RESULT_OK);
}

/*
 * The headers are gone: the only way left to tell the client that the
 * body is cut short is to close the connection without the last chunk.
 * The request sleeps until Kore removes the connection and frees it.
 */
static int
fx_abort(struct http_request *req)
{
	kore_log(LOG_ERR, "/feed.xml: failed after the headers were sent");
	kore_connection_disconnect(req->owner);
	http_request_sleep(req);
	return (HTTP_STATE_RETRY);
}

static void
fx_onfree(struct http_request *req)
{
	struct feedxml	*fx = http_state_get(req);

	if (fx == NULL)
		return;
	dbq_cleanup(&fx->sql);
	if (fx->w != NULL)
		xmlFreeTextWriter(fx->w);
	if (fx->xbuf != NULL)
		xmlBufferFree(fx->xbuf);
	if (fx->gzip)
		(void)deflateEnd(&fx->z);
	sbuf_free(&fx->out);
}
