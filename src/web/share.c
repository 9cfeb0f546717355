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
 * Add the posting's social card (ogimage.c draws it) to its Open Graph
 * object og: the image's absolute URL, with the contract labelled in the
 * posting's own language, and its text alternative.
 */
void
share_card(json_t *og, json_t *job)
{
	struct sbuf	 b;
	const char	*lang, *city;

	if (og == NULL)
		return;
	lang = json_string_value(json_object_get(job, "lang"));
	if (lang == NULL || lex_find(lex_langs, lang) == NULL)
		lang = "en";
	sbuf_init(&b);
	sbuf_printf(&b, "%s/jobs/%lld/card-%s.png", web_base_url(),
	    (long long)json_integer_value(json_object_get(job, "id")), lang);
	json_object_set_new(og, "image", json_stringn(b.data, b.len));
	sbuf_reset(&b);
	city = json_string_value(json_object_get(job, "city"));
	sbuf_printf(&b, "%s at %s%s%s, on fashionjobs",
	    json_string_value(json_object_get(job, "title")),
	    json_string_value(json_object_get(job, "company")),
	    city != NULL && *city != '\0' ? ", " : "", city ? city : "");
	json_object_set_new(og, "image_alt", json_stringn(b.data, b.len));
	json_object_set_new(og, "type", json_string("article"));
	sbuf_free(&b);
}

/*
 * The Open Graph object of a page of the board (home, search), with the
 * board's own card: from the model's title and description; url may be
 * NULL (a search has none to recommend).
 */
void
share_board_og(json_t *model, const char *url)
{
	char	 img[512];

	(void)snprintf(img, sizeof(img), "%s/card.png", web_base_url());
	json_object_set_new(model, "og", json_pack("{s:s, s:s?, s:O, s:O, "
	    "s:s, s:s}", "type", "website", "url", url,
	    "title", json_object_get(model, "title"),
	    "description", json_object_get(model, "description"),
	    "image", img, "image_alt", "fashionjobs: jobs in fashion and "
	    "luxury, in Milano, Paris, London, München, Madrid"));
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
