/*
 * The social card: the image that WhatsApp, LinkedIn, X and the others
 * show beside a shared link.  White, the board's colour as a band on top,
 * the mark, the company, the title as large as fits in three lines, and
 * contract and city.  Text is laid out by pango into fixed boxes: a title
 * too long for three lines at the smallest size ends with an ellipsis, so
 * nothing runs off the card.
 */

#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ogcard.h"

#define MARGIN		80
#define FAMILY		"DejaVu Sans, Droid Sans Fallback, sans-serif"
#define TITLE_MAX_PX	72
#define TITLE_MIN_PX	44
#define TITLE_LINES	3

struct rgb {
	double	r, g, b;
};

static const struct rgb	ink = { 0x11 / 255.0, 0x11 / 255.0, 0x11 / 255.0 };
static const struct rgb	muted = { 0x55 / 255.0, 0x55 / 255.0, 0x55 / 255.0 };
static const struct rgb	accent = { 0xb0 / 255.0, 0x00 / 255.0, 0x5a / 255.0 };

static PangoLayout *block(cairo_t *, const char *, int, int, int, int,
		    PangoWeight, PangoAlignment);
static void	 draw(cairo_t *, PangoLayout *, const struct rgb *, int, int,
		    int, int, struct ogcard_text *);
static cairo_status_t png_write(void *, const unsigned char *, unsigned int);

/*
 * A layout of text (plain, never markup) in a box w wide and at most
 * lines lines high, at px pixels: words wrap, and what does not fit ends
 * with an ellipsis.  The caller unrefs it (g_object_unref).
 */
static PangoLayout *
block(cairo_t *cr, const char *text, int px, int w, int lines,
    int letter_spacing, PangoWeight weight, PangoAlignment align)
{
	PangoLayout		*l;
	PangoFontDescription	*fd;
	PangoAttrList		*attrs;

	l = pango_cairo_create_layout(cr);
	fd = pango_font_description_from_string(FAMILY);
	pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
	pango_font_description_set_weight(fd, weight);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (letter_spacing != 0) {
		attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs,
		    pango_attr_letter_spacing_new(letter_spacing * PANGO_SCALE));
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
	pango_layout_set_width(l, w * PANGO_SCALE);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(l, -lines);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	return (l);
}

/* Draw l at x, y in colour c, and say where it went in t. */
static void
draw(cairo_t *cr, PangoLayout *l, const struct rgb *c, int x, int y, int w,
    int h, struct ogcard_text *t)
{
	PangoRectangle	 logical;

	pango_layout_get_pixel_extents(l, NULL, &logical);
	cairo_set_source_rgb(cr, c->r, c->g, c->b);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	if (t == NULL)
		return;
	t->x = x;
	t->y = y;
	t->w = w;
	t->h = h;
	t->tw = logical.x + logical.width;
	t->th = logical.y + logical.height;
	t->lines = pango_layout_get_line_count(l);
	t->ellipsized = pango_layout_is_ellipsized(l);
	t->unknown = pango_layout_get_unknown_glyphs_count(l);
}

static cairo_status_t
png_write(void *closure, const unsigned char *data, unsigned int len)
{
	sbuf_append(closure, data, len);
	return (CAIRO_STATUS_SUCCESS);
}

int
ogcard_render(const char *company, const char *title, const char *meta,
    struct sbuf *png, struct ogcard_report *rep)
{
	cairo_surface_t		*s;
	cairo_t			*cr;
	PangoLayout		*l;
	struct ogcard_report	 dummy;
	char			*up;
	int			 px, w, board, rc;

	if (rep == NULL)
		rep = &dummy;
	memset(rep, 0, sizeof(*rep));
	board = (company == NULL);
	w = OGCARD_W - 2 * MARGIN;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, OGCARD_W, OGCARD_H);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, accent.r, accent.g, accent.b);
	cairo_rectangle(cr, 0, 0, OGCARD_W, 18);
	cairo_fill(cr);

	/* The mark is fixed text: markup is safe here, and only here. */
	l = block(cr, "", board ? 110 : 44, w, 1, 0, PANGO_WEIGHT_NORMAL,
	    board ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	pango_layout_set_markup(l, "fashion<b><span foreground=\"#b0005a\">"
	    "jobs</span></b>", -1);
	draw(cr, l, &ink, MARGIN, board ? 150 : 62, w, board ? 140 : 60,
	    &rep->text[OGCARD_MARK]);
	g_object_unref(l);

	if (!board) {
		up = g_utf8_strup(company, -1);
		l = block(cr, up, 34, w, 1, 2, PANGO_WEIGHT_BOLD,
		    PANGO_ALIGN_LEFT);
		g_free(up);
		draw(cr, l, &accent, MARGIN, 168, w, 50,
		    &rep->text[OGCARD_COMPANY]);
		g_object_unref(l);
	}

	/*
	 * The largest size at which the title takes at most three lines (the
	 * board's tagline two).
	 */
	for (px = board ? 52 : TITLE_MAX_PX; ; px -= 4) {
		l = block(cr, title, px, w, board ? 2 : TITLE_LINES, 0,
		    PANGO_WEIGHT_BOLD,
		    board ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
		if (px <= TITLE_MIN_PX || !pango_layout_is_ellipsized(l))
			break;
		g_object_unref(l);
	}
	rep->title_px = px;
	draw(cr, l, &ink, MARGIN, board ? 320 : 232, w, board ? 140 : 270,
	    &rep->text[OGCARD_TITLE]);
	g_object_unref(l);

	l = block(cr, meta, 34, w, 1, 0, PANGO_WEIGHT_NORMAL,
	    board ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	draw(cr, l, &muted, MARGIN, board ? 480 : 530, w, 50,
	    &rep->text[OGCARD_META]);
	g_object_unref(l);

	cairo_destroy(cr);
	cairo_surface_flush(s);
	rc = cairo_surface_write_to_png_stream(s, png_write, png) ==
	    CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(s);
	return (rc);
}
