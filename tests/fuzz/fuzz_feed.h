/*
 * The body of every feed fuzz target: feed_parse() of FUZZ_FORMAT (and
 * FUZZ_MAP for HTML listings) on the input, reading every field of every
 * item so that a dangling or unterminated string shows up under ASan.
 * A target defines FUZZ_FORMAT, optionally FUZZ_MAP, then includes this.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "feed.h"

#ifndef FUZZ_MAP
#define FUZZ_MAP	NULL
#endif

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static volatile size_t	sink;

static int
touch(const struct feed_item *it, void *arg)
{
	const char	*f[] = { it->external_id, it->title, it->company,
			    it->contract, it->city, it->region, it->country,
			    it->description, it->url, it->email, it->date,
			    it->expires, it->salary, it->lang };
	size_t		 i;

	(void)arg;
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (f[i] != NULL)
			sink += strlen(f[i]);
	return (0);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	feed_init();
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct feed_opts	o;
	struct feed_result	r;

	memset(&o, 0, sizeof(o));
	o.max_bytes = 1024 * 1024;
	o.max_field = 4096;
	o.base_url = "https://partner.example/feed/";
	o.map = FUZZ_MAP;
	(void)feed_parse(FUZZ_FORMAT, (const char *)data, len, &o, touch,
	    NULL, &r);
	return (0);
}
