/*
 * Templates, table-driven: every construct of the grammar in core.h over
 * one model, partials resolved at render time, bounded recursion, and the
 * syntax errors with the line they name.
 */

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"

static const char	model_json[] =
	"{\"title\": \"<b> & \\\"x\\\" 'y'\","
	" \"attr\": \"\\\" onmouseover='x'\","
	" \"jobs\": [{\"name\": \"a\", \"tags\": [\"x\", \"y\"]},"
	"     {\"name\": \"b\", \"tags\": []}],"
	" \"none\": [], \"words\": [\"one\", \"<two>\"],"
	" \"obj\": {\"k\": \"v\", \"deep\": {\"er\": \"z\"}},"
	" \"site\": {\"name\": \"FJ\"},"
	" \"yes\": true, \"no\": false, \"nil\": null, \"empty\": \"\","
	" \"zero\": 0, \"fzero\": 0.0, \"total\": 2, \"pi\": 3.5, \"neg\": -7}";

/* Added first, in order: partials, and one used before it exists. */
static const struct {
	const char	*name, *src;
} partials[] = {
	{ "item", "<li>{{name}}</li>" },
	{ "uses_late", "[{{>late}}]" },
	{ "late", "L{{total}}" },
	{ "loop", "x{{>loop}}" },
	{ "ping", "p{{>pong}}" },
	{ "pong", "q{{>ping}}" },
};

static const struct {
	const char	*src, *want;
} cases[] = {
	/* Values and escaping. */
	{ "{{title}}", "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;" },
	{ "{{&title}}", "<b> & \"x\" 'y'" },
	{ "{{ title }}|{{& title }}", "&lt;b&gt; &amp; &quot;x&quot; "
	    "&#39;y&#39;|<b> & \"x\" 'y'" },
	{ "<a title=\"{{attr}}\" data-x='{{attr}}'>",
	    "<a title=\"&quot; onmouseover=&#39;x&#39;\" "
	    "data-x='&quot; onmouseover=&#39;x&#39;'>" },
	{ "{{total}} {{pi}} {{neg}} {{yes}} {{no}} [{{nil}}] [{{missing}}]",
	    "2 3.5 -7 true false [] []" },
	{ "{{obj}}{{jobs}}|", "|" },
	/* Dotted names: first segment up the stack, then down. */
	{ "{{obj.deep.er}} {{obj.k}} {{jobs.1.name}}", "z v b" },
	{ "[{{obj.nope.x}}][{{missing.x}}][{{jobs.9.name}}][{{total.x}}]",
	    "[][][][]" },
	{ "{{#jobs}}{{site.name}}/{{total}}/{{name}} {{/jobs}}",
	    "FJ/2/a FJ/2/b " },
	{ "{{#obj}}{{k}}{{deep.er}}{{#deep}}{{er}}{{k}}{{/deep}}{{/obj}}",
	    "vzzv" },
	/* Sections over arrays, nested, with {{.}}. */
	{ "{{#jobs}}[{{name}}]{{/jobs}}", "[a][b]" },
	{ "{{#jobs}}{{name}}:{{#tags}}{{.}},{{/tags}}{{^tags}}none{{/tags}};"
	    "{{/jobs}}", "a:x,y,;b:none;" },
	{ "{{#words}}<{{.}}>{{/words}}", "<one><&lt;two&gt;>" },
	{ "{{#total}}{{.}}{{/total}}", "2" },
	{ "{{#none}}X{{/none}}{{^none}}empty{{/none}}", "empty" },
	{ "{{#obj}}{{#obj}}{{k}}{{/obj}}{{/obj}}", "v" },
	{ "{{#site}}{{name}}{{/site}}", "FJ" },
	/* Truth. */
	{ "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#nil}}L{{/nil}}"
	    "{{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}{{#fzero}}F{{/fzero}}"
	    "{{#missing}}M{{/missing}}{{#title}}T{{/title}}{{#pi}}P{{/pi}}"
	    "{{#obj}}O{{/obj}}", "YTPO" },
	{ "{{^yes}}Y{{/yes}}{{^no}}n{{/no}}{{^nil}}l{{/nil}}"
	    "{{^empty}}e{{/empty}}{{^zero}}z{{/zero}}{{^fzero}}f{{/fzero}}"
	    "{{^missing}}m{{/missing}}{{^jobs}}J{{/jobs}}", "nlezfm" },
	/* Comments, whitespace, stray braces. */
	{ "a{{! comment }}b{{!\nmulti\nline}}c", "abc" },
	{ "  {{#yes}}\n  x\n{{/yes}}\n", "  \n  x\n\n" },
	{ "{ } }} {x} {{& title}}", "{ } }} {x} <b> & \"x\" 'y'" },
	{ "", "" },
	/* Partials, with the caller's context. */
	{ "<ul>{{#jobs}}{{>item}}{{/jobs}}</ul>",
	    "<ul><li>a</li><li>b</li></ul>" },
	{ "{{>uses_late}}", "[L2]" },
	{ "({{>nosuch}})", "()" },
};

static const struct {
	const char	*src, *err;
} bad[] = {
	{ "{{#a}}never closed", "line 1: unclosed section" },
	{ "one\ntwo\n{{#a}}\n{{#b}}{{/b}}\n", "line 3: unclosed section" },
	{ "{{/b}}", "line 1: mismatched section close" },
	{ "a\n{{#a}}\n{{/b}}", "line 3: mismatched section close" },
	{ "{{#a}}{{#b}}{{/a}}{{/b}}", "line 1: mismatched section close" },
	{ "{{x", "line 1: unclosed tag" },
	{ "x\n\n{{title}\n}", "line 3: unclosed tag" },
	{ "{{}}", "line 1: empty tag" },
	{ "{{  }}", "line 1: empty tag" },
	{ "{{#}}x{{/}}", "line 1: empty tag" },
	{ "{{a..b}}", "line 1: bad name" },
	{ "{{.a}}", "line 1: bad name" },
	{ "\n{{a.}}", "line 2: bad name" },
};

int
main(void)
{
	struct tmpl_set	*set;
	struct sbuf	 b;
	json_t		*model;
	char		 name[64], label[128], err[128];
	size_t		 i;

	model = json_loads(model_json, 0, NULL);
	CHECK("tmpl: model parses", model != NULL);
	set = tmpl_set_new();
	for (i = 0; i < sizeof(partials) / sizeof(partials[0]); i++) {
		(void)snprintf(label, sizeof(label), "tmpl: add \"%s\"",
		    partials[i].name);
		CHECK(label, tmpl_set_add(set, partials[i].name,
		    partials[i].src, strlen(partials[i].src), err,
		    sizeof(err)) == 0);
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		(void)snprintf(name, sizeof(name), "t%zu", i);
		/* Up to the first newline: the harness reads lines. */
		(void)snprintf(label, sizeof(label), "tmpl #%zu: %s", i,
		    cases[i].src);
		label[strcspn(label, "\n")] = '\0';
		if (tmpl_set_add(set, name, cases[i].src,
		    strlen(cases[i].src), err, sizeof(err)) == -1) {
			CHECK(label, 0);
			continue;
		}
		/* Twice: the parsed tree is walked again, appending. */
		sbuf_init(&b);
		CHECK(label, tmpl_render(set, name, model, &b) == 0);
		CHECK_STR(label, b.data, cases[i].want);
		sbuf_reset(&b);
		(void)tmpl_render(set, name, model, &b);
		CHECK_STR(label, b.data, cases[i].want);
		sbuf_free(&b);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		(void)snprintf(label, sizeof(label), "tmpl refuses #%zu: %s", i,
		    bad[i].src);
		label[strcspn(label, "\n")] = '\0';
		err[0] = '\0';
		CHECK(label, tmpl_set_add(set, "bad", bad[i].src,
		    strlen(bad[i].src), err, sizeof(err)) == -1);
		CHECK(label, strncmp(err, bad[i].err, strlen(bad[i].err)) == 0);
		if (strncmp(err, bad[i].err, strlen(bad[i].err)) != 0)
			printf("# error was \"%s\"\n", err);
	}

	sbuf_init(&b);
	CHECK("tmpl: a refused template is not added",
	    tmpl_render(set, "bad", model, &b) == -1 && b.len == 0);
	CHECK("tmpl: unknown template is an error",
	    tmpl_render(set, "nope", model, &b) == -1 && b.len == 0);
	CHECK("tmpl: a short error buffer is cut, not overrun",
	    tmpl_set_add(set, "bad", "{{#a}}", 6, err, 8) == -1 &&
	    strcmp(err, "line 1:") == 0);
	(void)tmpl_render(set, "loop", model, &b);
	CHECK("tmpl: self-recursive partial stops at depth 32", b.len == 33);
	sbuf_reset(&b);
	(void)tmpl_render(set, "ping", model, &b);
	CHECK("tmpl: mutual recursion stops at depth 32", b.len == 33);
	sbuf_reset(&b);
	(void)tmpl_render(set, "t0", json_null(), &b);
	CHECK_STR("tmpl: a null model renders empty values", b.data, "");
	sbuf_free(&b);

	/* A later template of the same name replaces the first. */
	CHECK("tmpl: redefine a template", tmpl_set_add(set, "late", "M", 1,
	    err, sizeof(err)) == 0);
	sbuf_init(&b);
	(void)tmpl_render(set, "uses_late", model, &b);
	CHECK_STR("tmpl: partials are looked up when rendering", b.data,
	    "[M]");
	sbuf_free(&b);

	json_decref(model);
	tmpl_set_free(set);
	tmpl_set_free(NULL);
	return (DONE());
}
