/*
 * ogcard.c: the social card image of a posting, or of the board: a
 * 1200x630 PNG drawn with cairo and laid out with pango (fonts through
 * fontconfig).  The only core module with these dependencies.
 */
#ifndef FJ_OGCARD_H
#define FJ_OGCARD_H

#include "core.h"

#define OGCARD_W	1200
#define OGCARD_H	630

enum ogcard_block {
	OGCARD_MARK,		/* the board's mark */
	OGCARD_COMPANY,		/* the company (the board's card: unused) */
	OGCARD_TITLE,		/* the job title, or the board's tagline */
	OGCARD_META,		/* contract · city, or the board's cities */
	OGCARD__MAX
};

/*
 * Where each block of text went: its box (x, y, w, h) and the extents pango
 * laid the text out in (tw, th, from the box's top left), the lines it
 * took, whether the text was cut with an ellipsis to fit the box, and how
 * many characters no font could draw.
 */
struct ogcard_text {
	int	x, y, w, h;
	int	tw, th;
	int	lines;
	int	ellipsized;
	int	unknown;
};

struct ogcard_report {
	struct ogcard_text	text[OGCARD__MAX];
	int			title_px;	/* the title's font size */
};

/*
 * The card as PNG, appended to png.  company NULL: the board's own card
 * (title is its tagline, meta a line under it).  rep, when not NULL, says
 * where the text went.  0, or -1 when cairo fails.
 */
int	ogcard_render(const char *company, const char *title,
	    const char *meta, struct sbuf *png, struct ogcard_report *rep);

#endif
