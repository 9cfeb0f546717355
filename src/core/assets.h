/* Assets embedded by src/tools/embed.c (build/assets.c). */
#ifndef FJ_ASSETS_H
#define FJ_ASSETS_H

#include <stddef.h>

struct asset {
	const char		*name;	/* file name, no directory */
	const unsigned char	*data;	/* NUL-terminated for text */
	size_t			 len;
};

extern const struct asset	assets[];

#endif
