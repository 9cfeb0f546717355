/* Plain text with paragraphs and lists, shown as HTML. */
#ifndef FJ_RICHTEXT_H
#define FJ_RICHTEXT_H

#include "core.h"

/*
 * Blank lines separate paragraphs; lines starting with "- ", "* " or
 * "• " become list items; other line breaks become <br>.  Every piece of
 * text is escaped: the input is never trusted as HTML.
 */
void	text_html_paragraphs(struct sbuf *, const char *);

#endif
