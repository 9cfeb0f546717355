/*
 * bin/fashionjobs commands: one function per command, main-style: it gets
 * the command's own argv and returns the process's exit status (0 done,
 * 1 failed, 2 bad usage).  The helpers under a command return 0 or -1
 * (see scrape.h and db.h).
 */
#ifndef FJ_CLI_H
#define FJ_CLI_H

#include <signal.h>

#include <libpq-fe.h>

int	cmd_migrate(int, char **);
int	cmd_gazetteer(int, char **);
int	cmd_seed(int, char **);
int	cmd_partner(int, char **);
int	cmd_scrape(int, char **);
int	cmd_feed_check(int, char **);
int	cmd_expire(int, char **);
int	cmd_admin(int, char **);
int	cmd_apikey(int, char **);
int	cmd_mail(int, char **);
int	cmd_alerts(int, char **);

/*
 * mail.c, for the commands that queue mail: send what is due (of kind,
 * or every kind when NULL) until *halt is set; the count sent, or -1 at
 * the first failure.  mail_owner: this process's name for leases.
 */
int	mail_send_due(PGconn *, const char *owner, const char *kind,
	    volatile sig_atomic_t *halt);
void	mail_owner(char *, size_t);

#endif
