/*
 * bin/fashionjobs: the command-line side of the board.  Every command
 * reads DATABASE_URL (without it, the checkout's own cluster: see
 * db_connect) and returns 0 on success, non-zero on failure.
 */

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli.h"

struct command {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*usage;
};

static const struct command	commands[] = {
	{ "migrate",	cmd_migrate,	"migrate" },
	{ "gazetteer",	cmd_gazetteer,	"gazetteer [--force] [FILE]" },
	{ "seed",	cmd_seed,	"seed [--demo] [--count N] [--if-empty] [--seed S]" },
	{ "partner",	cmd_partner,	"partner add --name N --url U --format F "
	    "[--every 1h] [--map FILE] [--close-after 2] [--max-bytes N] | "
	    "list | disable NAME | runs NAME" },
	{ "scrape",	cmd_scrape,	"scrape --once [--partner NAME] | --loop" },
	{ "feed-check",	cmd_feed_check,	"feed-check FORMAT FILE [MAPFILE]" },
	{ "expire",	cmd_expire,	"expire" },
	{ "admin",	cmd_admin,	"admin create EMAIL < password" },
	{ "apikey",	cmd_apikey,	"apikey create NAME | list | revoke NAME" },
	{ "mail",	cmd_mail,	"mail --once | --loop" },
	{ "alerts",	cmd_alerts,	"alerts --once [--all] | --loop" },
};

static void	usage(void);

static void
usage(void)
{
	size_t	i;

	fprintf(stderr, "usage:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(stderr, "  fashionjobs %s\n", commands[i].usage);
}

int
main(int argc, char **argv)
{
	size_t	i;

	if (argc < 2) {
		usage();
		return (2);
	}
	xmlInitParser();
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) == 0)
			return (commands[i].fn(argc - 1, argv + 1));
	}
	fprintf(stderr, "fashionjobs: unknown command '%s'\n", argv[1]);
	usage();
	return (2);
}
