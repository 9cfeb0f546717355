/*
 * Social cards: long titles, accents, scripts other than Latin, a title
 * with no space to break at, and the board's own card.  Each is a
 * 1200x630 PNG; every block of text lies inside its box (pango's layout
 * extents, as the renderer reports them), every character had a font,
 * and the right margin is still blank when read back from the PNG: no
 * text ran off.  The cards land in tests/out/ogcard-N.png to look at.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "ogcard.h"
#include "harness.h"

/*
 * fontconfig and pango keep their caches for the life of the process,
 * which LeakSanitizer reports at exit; ASan's other checks stay on.
 */
const char	*__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return ("detect_leaks=0");
}

static const struct {
	const char	*company, *title, *meta;
	int		 cut;	/* 1: the title must end with an ellipsis */
} cases[] = {
	{ "Maison Margiela", "Visual Merchandiser",
	  "Permanent · Milano", 0 },
	{ "Hermès", "Chargé·e de clientèle – Prêt-à-porter Femme, Maroquinerie "
	  "et Accessoires", "CDI · Genève", 0 },
	{ "Michael Page Italia", "Area Manager Franchising Estero – "
	  "Abbigliamento Lusso – Milano, Roma, Firenze, Venezia e Bologna, con "
	  "esperienza internazionale nel retail di alta gamma e nel wholesale "
	  "multimarca in Europa, Medio Oriente e Asia", "Tempo indeterminato · "
	  "Milano", 1 },
	{ "ЦУМ Москва", "Продавец-консультант в отдел женской обуви",
	  "Постоянная работа · Москва", 0 },
	{ "上海滩 Shanghai Tang", "零售店经理（旗舰店）", "全职 · 上海", 0 },
	{ "ユニクロ", "販売スタッフ（東京・銀座店）", "正社員 · 東京", 0 },
	{ "Ελληνική Μόδα", "Υπεύθυνος καταστήματος", "Αθήνα", 0 },
	{ "A Very Long Company Name Holding S.p.A. International Fashion Group "
	  "and Partners", "Supercalifragilisticexpialidociousatelierpattern"
	  "cutterandtailoringspecialistwithoutanyspaceatall", "Freelance · "
	  "Frankfurt am Main · Hybrid · a long meta line that does not fit", 0 },
	{ NULL, "Jobs in fashion and luxury", "Milano · Paris · London · "
	  "München · Madrid", 0 },
};

static const char *const	names[OGCARD__MAX] = {
	"mark", "company", "title", "meta"
};

struct reader {
	const struct sbuf	*png;
	size_t			 off;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct reader	*r = closure;

	if (r->off + len > r->png->len)
		return (CAIRO_STATUS_READ_ERROR);
	memcpy(data, r->png->data + r->off, len);
	r->off += len;
	return (CAIRO_STATUS_SUCCESS);
}

static unsigned long
be32(const unsigned char *p)
{
	return ((unsigned long)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]);
}

/* Pixels off white in the column band x0 <= x < x1 below the top band. */
static long
inked(cairo_surface_t *s, int x0, int x1)
{
	unsigned char	*d;
	uint32_t	 px;
	int		 x, y, stride;
	long		 n;

	d = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	n = 0;
	for (y = 30; y < cairo_image_surface_get_height(s); y++)
		for (x = x0; x < x1; x++) {
			memcpy(&px, d + y * stride + x * 4, 4);
			if ((px & 0xffffff) != 0xffffff)
				n++;
		}
	return (n);
}

int
main(void)
{
	struct ogcard_report	 rep;
	struct ogcard_text	*t;
	struct reader		 rd;
	struct sbuf		 png;
	cairo_surface_t		*s;
	FILE			*f;
	char			 name[160], path[64];
	size_t			 i;
	int			 b, rc;
	const unsigned char	*u;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sbuf_init(&png);
		rc = ogcard_render(cases[i].company, cases[i].title,
		    cases[i].meta, &png, &rep);
		(void)snprintf(name, sizeof(name), "card %zu renders", i);
		CHECK(name, rc == 0);
		u = (const unsigned char *)png.data;
		(void)snprintf(name, sizeof(name), "card %zu is a 1200x630 PNG",
		    i);
		CHECK(name, png.len > 33 &&
		    memcmp(u, "\x89PNG\r\n\x1a\n", 8) == 0 &&
		    be32(u + 16) == OGCARD_W && be32(u + 20) == OGCARD_H);
		for (b = 0; b < OGCARD__MAX; b++) {
			t = &rep.text[b];
			if (t->w == 0)	/* the board's card has no company */
				continue;
			(void)snprintf(name, sizeof(name), "card %zu: the %s "
			    "fits its box (%dx%d in %dx%d)", i, names[b],
			    t->tw, t->th, t->w, t->h);
			CHECK(name, t->tw <= t->w && t->th <= t->h &&
			    t->x >= 0 && t->y >= 0 && t->x + t->w <= OGCARD_W &&
			    t->y + t->h <= OGCARD_H);
			(void)snprintf(name, sizeof(name), "card %zu: every "
			    "character of the %s has a font", i, names[b]);
			CHECK(name, t->unknown == 0);
		}
		for (b = OGCARD_MARK; b < OGCARD_META; b++) {
			if (rep.text[b].w == 0 || rep.text[b + 1].w == 0)
				continue;
			(void)snprintf(name, sizeof(name), "card %zu: the %s "
			    "box ends above the next", i, names[b]);
			CHECK(name, rep.text[b].y + rep.text[b].h <=
			    rep.text[b + 1].y || (b == OGCARD_MARK &&
			    cases[i].company == NULL));
		}
		(void)snprintf(name, sizeof(name), "card %zu: the title is %s",
		    i, cases[i].cut ? "cut with an ellipsis at the smallest "
		    "size" : "whole");
		CHECK(name, cases[i].cut ? rep.text[OGCARD_TITLE].ellipsized &&
		    rep.title_px == 44 : !rep.text[OGCARD_TITLE].ellipsized);

		rd.png = &png;
		rd.off = 0;
		s = cairo_image_surface_create_from_png_stream(png_read, &rd);
		(void)snprintf(name, sizeof(name), "card %zu: the margins are "
		    "blank and the text is drawn", i);
		CHECK(name, cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
		    inked(s, 0, 70) == 0 &&
		    inked(s, OGCARD_W - 70, OGCARD_W) == 0 &&
		    inked(s, 80, OGCARD_W - 80) > 1000);
		cairo_surface_destroy(s);

		(void)snprintf(path, sizeof(path), "tests/out/ogcard-%zu.png",
		    i);
		if ((f = fopen(path, "wb")) != NULL) {
			fwrite(png.data, 1, png.len, f);
			fclose(f);
		}
		sbuf_free(&png);
	}
	return (DONE());
}
