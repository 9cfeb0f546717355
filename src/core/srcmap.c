/*
 * A partner's sources as last stored: which (external id, 64-bit hash)
 * pairs the database holds -- the scraper keeps the digest of each item as
 * read (feed_opts.known) -- so that it can tell an unchanged item before
 * cleaning and normalising it, and whether an id came twice in one feed.  Sized
 * once for a known count, 16 bytes a slot and two slots for three sources
 * (about 24 MB for 1 000 000 sources): the scraper's memory stays flat
 * whatever the feed.  The id is kept as 63 bits of its FNV-1a 64, not as
 * text, the 64th marking it seen; a false match needs both hashes to agree,
 * and the importer checks every match against the database anyway.
 */

#include <stdint.h>
#include <stdlib.h>

#include "core.h"

#define SEEN	(1ULL << 63)

static uint64_t	srcmap_key(const char *);
static size_t	srcmap_slot(const struct srcmap *, uint64_t);
static int	srcmap_put(struct srcmap *, uint64_t, uint64_t);

void
srcmap_init(struct srcmap *m, size_t n)
{
	m->n = 0;
	m->max = n;
	m->cap = n + n / 2 + 1;
	m->slots = xcalloc(m->cap, 2 * sizeof(uint64_t));
}

void
srcmap_free(struct srcmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->n = m->max = m->cap = 0;
}

/* FNV-1a 64 of the id less its top bit; 0 marks an empty slot. */
static uint64_t
srcmap_key(const char *s)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	h &= ~SEEN;
	return (h != 0 ? h : 1);
}

/* The first slot to probe: the 63-bit key scaled to cap (no modulo). */
static size_t
srcmap_slot(const struct srcmap *m, uint64_t key)
{
	return ((size_t)(((unsigned __int128)(key << 1) * m->cap) >> 64));
}

int
srcmap_add(struct srcmap *m, const char *id, uint64_t hash)
{
	return (srcmap_put(m, srcmap_key(id), hash));
}

/*
 * key may carry the seen bit.  A third of the slots stays empty: probes
 * stay short, and every one ends.
 */
static int
srcmap_put(struct srcmap *m, uint64_t key, uint64_t hash)
{
	size_t	i;

	if (m->n >= m->max)
		return (-1);
	for (i = srcmap_slot(m, key & ~SEEN); m->slots[2 * i] != 0;
	    i = (i + 1 == m->cap) ? 0 : i + 1)
		;
	m->slots[2 * i] = key;
	m->slots[2 * i + 1] = hash;
	m->n++;
	return (0);
}

/*
 * The first slot holding id is the one marked, whatever the hash, so that
 * an id seen with its stored hash and then with another (or the other way
 * round) is seen twice.
 */
enum srcmap_state
srcmap_see(struct srcmap *m, const char *id, uint64_t hash, int *again)
{
	enum srcmap_state	 st;
	uint64_t		 key, *first;
	size_t			 i;

	*again = 0;
	if (m->n == 0)
		return (SRCMAP_NEW);
	key = srcmap_key(id);
	st = SRCMAP_NEW;
	first = NULL;
	for (i = srcmap_slot(m, key); m->slots[2 * i] != 0;
	    i = (i + 1 == m->cap) ? 0 : i + 1) {
		if ((m->slots[2 * i] & ~SEEN) != key)
			continue;
		if (first == NULL)
			first = &m->slots[2 * i];
		st = SRCMAP_CHANGED;
		if (m->slots[2 * i + 1] == hash) {
			st = SRCMAP_SAME;
			break;
		}
	}
	if (first != NULL) {
		*again = (*first & SEEN) != 0;
		*first |= SEEN;
	}
	return (st);
}

/* Every id of such a set went in marked seen: found is given before. */
int
srcmap_once(struct srcmap *m, const char *id)
{
	int	again;

	if (srcmap_see(m, id, 0, &again) != SRCMAP_NEW)
		return (0);
	return (srcmap_put(m, srcmap_key(id) | SEEN, 0) == -1 ? -1 : 1);
}
