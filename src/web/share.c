/*
 * Share links for a posting: plain links to WhatsApp, LinkedIn, X and
 * e-mail that carry the posting's canonical URL and title, nothing else
 * (no third-party script, no tracking parameter).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <string.h>

#include "web.h"

static void	share_add(json_t *, const char *, const char *, const char *,
		    const char *, const char *);

/*
 * The share links of the posting at url titled title, as an object
 * {whatsapp, linkedin, x, email}; the caller owns it (json_decref).
 */
json_t *
share_links(const char *url, const char *title)
{
	json_t	*links;

	links = json_object();
	/* WhatsApp takes one text: the title, a space, the URL. */
	share_add(links, "whatsapp", "https://wa.me/?text=", title, "%20",
	    url);
	share_add(links, "linkedin",
	    "https://www.linkedin.com/sharing/share-offsite/?url=", url, NULL,
	    NULL);
	share_add(links, "x", "https://x.com/intent/post?text=", title,
	    "&url=", url);
	share_add(links, "email", "mailto:?subject=", title, "&body=", url);
	return (links);
}

/*
 * links[name] = prefix, value percent-encoded, then (when glue is not
 * NULL) glue as it is and value2 percent-encoded.
 */
static void
share_add(json_t *links, const char *name, const char *prefix,
    const char *value, const char *glue, const char *value2)
{
	struct sbuf	 b;

	sbuf_init(&b);
	sbuf_printf(&b, "%s", prefix);
	esc_url(&b, value);
	if (glue != NULL) {
		sbuf_printf(&b, "%s", glue);
		esc_url(&b, value2);
	}
	json_object_set_new(links, name, json_stringn(b.data, b.len));
	sbuf_free(&b);
}
