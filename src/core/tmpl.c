/*
 * A small mustache-like template language over jansson values (grammar in
 * core.h).  Templates are parsed once into a flat node array; rendering
 * walks it.  {{x}} is always HTML-escaped; only {{&x}} writes raw text.
 */

#define _GNU_SOURCE		/* memmem */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define CTX_MAX		64
#define PARTIAL_DEPTH	32
#define PATH_MAX_SEGS	8

enum node_type {
	N_TEXT,
	N_VAR,
	N_RAW,
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
	N_TRANS,		/* {{_ text}}: text in the reader's language */
	N_NTRANS		/* {{_n count|singular|plural}} */
};

#define ARGS_MAX	8

struct node {
	enum node_type	 type;
	char		*text;		/* text, name or partial name */
	size_t		 len;
	size_t		 end;		/* sections: index after the close */
	char		*segs[PATH_MAX_SEGS];
	size_t		 nsegs;		/* 0: "." (the current context) */
	/* Translations: the plural msgid, and the %(name) placeholders. */
	char		*plural;
	struct node	*args;
	size_t		 nargs;
};

struct tmpl {
	char		*name;
	struct node	*nodes;
	size_t		 n;
	struct tmpl	*next;
};

struct tmpl_set {
	struct tmpl	*head;
};

struct render {
	const struct tmpl_set	*set;
	const json_t		*ctx[CTX_MAX];
	size_t			 depth;
	int			 partials;
	struct sbuf		*out;
	const char		*lang;
};

static int	 parse(struct tmpl *, const char *, size_t, char *, size_t);
static int	 split_path(struct node *, const char *, size_t);
static const struct tmpl *find(const struct tmpl_set *, const char *);
static const json_t *lookup(const struct render *, const struct node *);
static int	 truthy(const json_t *);
static void	 put_value(struct render *, const json_t *, int);
static void	 render_range(struct render *, const struct tmpl *, size_t,
		    size_t);
static void	 render_tmpl(struct render *, const struct tmpl *);
static void	 tmpl_free(struct tmpl *);
static size_t	 line_of(const char *, const char *);
static int	 parse_trans(struct node *, const char *, size_t);
static size_t	 find_arg(const struct node *, const char *, size_t);
static int	 parse_args(struct node *, const char *);
static void	 put_trans(struct render *, const struct node *);
static void	 node_free(struct node *);

struct tmpl_set *
tmpl_set_new(void)
{
	return (xcalloc(1, sizeof(struct tmpl_set)));
}

static size_t
line_of(const char *start, const char *p)
{
	size_t	line = 1;

	for (; start < p; start++)
		if (*start == '\n')
			line++;
	return (line);
}

/* "a.b.c" into segments; "." is the current context (no segment). */
static int
split_path(struct node *nd, const char *s, size_t n)
{
	const char	*dot;
	size_t		 len;

	nd->nsegs = 0;
	if (n == 1 && s[0] == '.')
		return (0);
	while (n > 0) {
		if ((dot = memchr(s, '.', n)) == NULL)
			dot = s + n;
		len = (size_t)(dot - s);
		if (len == 0 || nd->nsegs == PATH_MAX_SEGS)
			return (-1);
		nd->segs[nd->nsegs++] = xstrndup(s, len);
		n -= len;
		s += len;
		if (n > 0) {
			n--;
			s++;
			if (n == 0)
				return (-1);
		}
	}
	return (0);
}

static int
parse(struct tmpl *t, const char *src, size_t len, char *err, size_t errlen)
{
	const char	*p, *end, *open, *close, *name, *open_at[CTX_MAX];
	struct node	*nd;
	size_t		 open_sections[CTX_MAX], nopen, nlen, cap;
	char		 sigil;

	p = src;
	end = src + len;
	nopen = 0;
	cap = 0;
	while (p < end) {
		open = memmem(p, (size_t)(end - p), "{{", 2);
		if (open == NULL)
			open = end;
		if (open > p) {
			if (t->n == cap) {
				cap = cap ? cap * 2 : 32;
				t->nodes = xrealloc(t->nodes,
				    cap * sizeof(*t->nodes));
			}
			nd = &t->nodes[t->n++];
			memset(nd, 0, sizeof(*nd));
			nd->type = N_TEXT;
			nd->text = xstrndup(p, (size_t)(open - p));
			nd->len = (size_t)(open - p);
		}
		if (open == end)
			break;
		close = memmem(open + 2, (size_t)(end - open - 2), "}}", 2);
		if (close == NULL) {
			(void)snprintf(err, errlen, "line %zu: unclosed tag",
			    line_of(src, open));
			return (-1);
		}
		p = close + 2;
		name = open + 2;
		sigil = *name;
		if (sigil == '!')
			continue;
		/* strchr() would find the NUL of a NUL byte in the source. */
		if (sigil != '\0' && strchr("#^/&>_", sigil) != NULL)
			name++;
		while (name < close && *name == ' ')
			name++;
		nlen = (size_t)(close - name);
		while (nlen > 0 && name[nlen - 1] == ' ')
			nlen--;
		if (nlen == 0) {
			(void)snprintf(err, errlen, "line %zu: empty tag",
			    line_of(src, open));
			return (-1);
		}
		if (sigil == '/') {
			if (nopen == 0 || strlen(t->nodes[open_sections[
			    nopen - 1]].text) != nlen || strncmp(t->nodes[
			    open_sections[nopen - 1]].text, name, nlen) != 0) {
				(void)snprintf(err, errlen, "line %zu: "
				    "mismatched section close '%.*s'",
				    line_of(src, open), (int)nlen, name);
				return (-1);
			}
			t->nodes[open_sections[--nopen]].end = t->n;
			continue;
		}
		if (t->n == cap) {
			cap = cap ? cap * 2 : 32;
			t->nodes = xrealloc(t->nodes, cap * sizeof(*t->nodes));
		}
		nd = &t->nodes[t->n++];
		memset(nd, 0, sizeof(*nd));
		nd->text = xstrndup(name, nlen);
		nd->len = nlen;
		switch (sigil) {
		case '#': nd->type = N_SECTION; break;
		case '^': nd->type = N_INVERTED; break;
		case '&': nd->type = N_RAW; break;
		case '>': nd->type = N_PARTIAL; break;
		case '_': nd->type = N_TRANS; break;
		default: nd->type = N_VAR; break;
		}
		if (nd->type == N_TRANS) {
			if (parse_trans(nd, name, nlen) == -1) {
				(void)snprintf(err, errlen, "line %zu: bad "
				    "translation '%.*s'", line_of(src, open),
				    (int)nlen, name);
				return (-1);
			}
			continue;
		}
		if (nd->type != N_PARTIAL && split_path(nd, name, nlen) == -1) {
			(void)snprintf(err, errlen, "line %zu: bad name '%.*s'",
			    line_of(src, open), (int)nlen, name);
			return (-1);
		}
		if (nd->type == N_SECTION || nd->type == N_INVERTED) {
			if (nopen == CTX_MAX) {
				(void)snprintf(err, errlen, "line %zu: "
				    "sections nested too deep",
				    line_of(src, open));
				return (-1);
			}
			open_at[nopen] = open;
			open_sections[nopen++] = t->n - 1;
		}
	}
	if (nopen > 0) {
		(void)snprintf(err, errlen, "line %zu: unclosed section '%s'",
		    line_of(src, open_at[nopen - 1]),
		    t->nodes[open_sections[nopen - 1]].text);
		return (-1);
	}
	return (0);
}

/*
 * "{{_ text}}" (name is "text") or "{{_n count|singular|plural}}" (name
 * "n count|singular|plural"): the msgid in text, the plural in plural,
 * the count in segs, and each %(x) or %(&x) of the msgid and of the
 * plural in args (a plural may name the count that its singular does not).
 */
static int
parse_trans(struct node *nd, const char *name, size_t nlen)
{
	const char	*bar, *bar2, *end;

	end = name + nlen;
	free(nd->text);
	nd->text = NULL;
	if (nlen > 2 && name[0] == 'n' && name[1] == ' ') {
		nd->type = N_NTRANS;
		name += 2;
		while (name < end && *name == ' ')
			name++;
		if ((bar = memchr(name, '|', (size_t)(end - name))) == NULL ||
		    (bar2 = memchr(bar + 1, '|', (size_t)(end - bar - 1))) ==
		    NULL || bar2 == bar + 1 || bar2 + 1 == end ||
		    split_path(nd, name, (size_t)(bar - name)) == -1)
			return (-1);
		nd->text = xstrndup(bar + 1, (size_t)(bar2 - bar - 1));
		nd->plural = xstrndup(bar2 + 1, (size_t)(end - bar2 - 1));
	} else
		nd->text = xstrndup(name, nlen);
	nd->len = strlen(nd->text);
	if (nd->len == 0 || parse_args(nd, nd->text) == -1 ||
	    (nd->plural != NULL && parse_args(nd, nd->plural) == -1))
		return (-1);
	return (0);
}

/*
 * The index in nd->args of the placeholder p (n bytes, "name" or
 * "&name"), or nd->nargs when it has none.
 */
static size_t
find_arg(const struct node *nd, const char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < nd->nargs; i++)
		if (nd->args[i].len + (nd->args[i].type == N_RAW) == n &&
		    memcmp(nd->args[i].text, p + n - nd->args[i].len,
		    nd->args[i].len) == 0)
			break;
	return (i);
}

/*
 * The placeholders of msgid added to nd's: %(name) escaped, %(&name) raw
 * (one already there is not added twice).
 */
static int
parse_args(struct node *nd, const char *msgid)
{
	const char	*p, *close;
	struct node	*a;

	for (p = msgid; (p = strstr(p, "%(")) != NULL; p = close + 1) {
		if ((close = strchr(p, ')')) == NULL || nd->nargs == ARGS_MAX)
			return (-1);
		if (nd->args == NULL)
			nd->args = xcalloc(ARGS_MAX, sizeof(*nd->args));
		p += 2;
		if (find_arg(nd, p, (size_t)(close - p)) < nd->nargs)
			continue;
		a = &nd->args[nd->nargs++];
		a->type = N_VAR;
		if (*p == '&') {
			a->type = N_RAW;
			p++;
		}
		a->text = xstrndup(p, (size_t)(close - p));
		a->len = (size_t)(close - p);
		if (a->len == 0 || split_path(a, p, a->len) == -1)
			return (-1);
	}
	return (0);
}

int
tmpl_set_add(struct tmpl_set *set, const char *name, const char *src,
    size_t len, char *err, size_t errlen)
{
	struct tmpl	*t;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	if (parse(t, src, len, err, errlen) == -1) {
		tmpl_free(t);
		return (-1);
	}
	t->next = set->head;
	set->head = t;
	return (0);
}

static const struct tmpl *
find(const struct tmpl_set *set, const char *name)
{
	const struct tmpl	*t;

	for (t = set->head; t != NULL; t = t->next)
		if (strcmp(t->name, name) == 0)
			return (t);
	return (NULL);
}

/*
 * The first segment is looked up from the innermost context outwards; the
 * rest descend into objects, or into arrays by index ("jobs.0").
 */
static const json_t *
lookup(const struct render *r, const struct node *nd)
{
	const json_t	*v;
	size_t		 i, d;
	char		*end;
	long		 idx;

	if (nd->nsegs == 0)
		return (r->depth > 0 ? r->ctx[r->depth - 1] : NULL);
	v = NULL;
	for (d = r->depth; d > 0 && v == NULL; d--)
		v = json_object_get(r->ctx[d - 1], nd->segs[0]);
	for (i = 1; i < nd->nsegs && v != NULL; i++) {
		if (json_is_array(v)) {
			idx = strtol(nd->segs[i], &end, 10);
			v = (*end == '\0' && idx >= 0) ?
			    json_array_get(v, (size_t)idx) : NULL;
		} else
			v = json_object_get(v, nd->segs[i]);
	}
	return (v);
}

static int
truthy(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return (1);
	case JSON_ARRAY:
		return (json_array_size(v) > 0);
	case JSON_STRING:
		return (json_string_length(v) > 0);
	case JSON_INTEGER:
		return (json_integer_value(v) != 0);
	case JSON_REAL:
		return (json_real_value(v) != 0.0);
	case JSON_TRUE:
		return (1);
	default:
		return (0);
	}
}

static void
put_value(struct render *r, const json_t *v, int raw)
{
	char	num[64];

	switch (json_typeof(v)) {
	case JSON_STRING:
		if (raw)
			sbuf_append(r->out, json_string_value(v),
			    json_string_length(v));
		else
			esc_html(r->out, json_string_value(v));
		break;
	case JSON_INTEGER:
		(void)snprintf(num, sizeof(num), "%lld",
		    (long long)json_integer_value(v));
		sbuf_puts(r->out, num);
		break;
	case JSON_REAL:
		(void)snprintf(num, sizeof(num), "%g", json_real_value(v));
		sbuf_puts(r->out, num);
		break;
	case JSON_TRUE:
		sbuf_puts(r->out, "true");
		break;
	case JSON_FALSE:
		sbuf_puts(r->out, "false");
		break;
	default:
		break;
	}
}

/*
 * The translation, written as it is (catalogs are ours, like templates),
 * its placeholders as values (escaped unless %(&x)).  A placeholder the
 * msgid does not have is written as it stands.
 */
static void
put_trans(struct render *r, const struct node *nd)
{
	const char	*s, *p, *close;
	const json_t	*v;
	size_t		 i, n;
	long long	 count;

	if (nd->type == N_NTRANS) {
		v = lookup(r, nd);
		count = json_is_integer(v) ? (long long)json_integer_value(v) :
		    0;
		s = trn(r->lang, nd->text, nd->plural, count);
	} else
		s = tr(r->lang, nd->text);
	while ((p = strstr(s, "%(")) != NULL &&
	    (close = strchr(p, ')')) != NULL) {
		sbuf_append(r->out, s, (size_t)(p - s));
		n = (size_t)(close - p - 2);
		if ((i = find_arg(nd, p + 2, n)) == nd->nargs)
			sbuf_append(r->out, p, (size_t)(close + 1 - p));
		else if ((v = lookup(r, &nd->args[i])) != NULL)
			put_value(r, v, nd->args[i].type == N_RAW);
		s = close + 1;
	}
	sbuf_puts(r->out, s);
}

static void
render_range(struct render *r, const struct tmpl *t, size_t from, size_t to)
{
	const struct node	*nd;
	const struct tmpl	*partial;
	const json_t		*v, *el;
	size_t			 i, j;

	for (i = from; i < to; i++) {
		nd = &t->nodes[i];
		switch (nd->type) {
		case N_TEXT:
			sbuf_append(r->out, nd->text, nd->len);
			break;
		case N_VAR:
		case N_RAW:
			if ((v = lookup(r, nd)) != NULL)
				put_value(r, v, nd->type == N_RAW);
			break;
		case N_TRANS:
		case N_NTRANS:
			put_trans(r, nd);
			break;
		case N_PARTIAL:
			if ((partial = find(r->set, nd->text)) != NULL &&
			    r->partials < PARTIAL_DEPTH) {
				r->partials++;
				render_tmpl(r, partial);
				r->partials--;
			}
			break;
		case N_INVERTED:
			v = lookup(r, nd);
			if (v == NULL || !truthy(v))
				render_range(r, t, i + 1, nd->end);
			i = nd->end - 1;
			break;
		case N_SECTION:
			v = lookup(r, nd);
			if (v != NULL && truthy(v) && r->depth < CTX_MAX) {
				if (json_is_array(v)) {
					json_array_foreach(v, j, el) {
						r->ctx[r->depth++] = el;
						render_range(r, t, i + 1,
						    nd->end);
						r->depth--;
					}
				} else {
					r->ctx[r->depth++] = v;
					render_range(r, t, i + 1, nd->end);
					r->depth--;
				}
			}
			i = nd->end - 1;
			break;
		}
	}
}

static void
render_tmpl(struct render *r, const struct tmpl *t)
{
	render_range(r, t, 0, t->n);
}

int
tmpl_render(const struct tmpl_set *set, const char *name,
    const json_t *model, struct sbuf *out)
{
	const struct tmpl	*t;
	struct render		 r;
	const json_t		*v;

	if ((t = find(set, name)) == NULL)
		return (-1);
	memset(&r, 0, sizeof(r));
	r.set = set;
	r.out = out;
	v = json_object_get(model, "lang_ui");
	r.lang = json_is_string(v) ? json_string_value(v) : NULL;
	r.ctx[r.depth++] = model;
	render_tmpl(&r, t);
	return (0);
}

static void
node_free(struct node *nd)
{
	size_t	j;

	free(nd->text);
	free(nd->plural);
	for (j = 0; j < nd->nsegs; j++)
		free(nd->segs[j]);
	for (j = 0; j < nd->nargs; j++)
		node_free(&nd->args[j]);
	free(nd->args);
}

static void
tmpl_free(struct tmpl *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		node_free(&t->nodes[i]);
	free(t->nodes);
	free(t->name);
	free(t);
}

void
tmpl_set_free(struct tmpl_set *set)
{
	struct tmpl	*t, *next;

	if (set == NULL)
		return;
	for (t = set->head; t != NULL; t = next) {
		next = t->next;
		tmpl_free(t);
	}
	free(set);
}
