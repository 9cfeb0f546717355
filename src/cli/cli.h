/* bin/fashionjobs commands: one function per command, int main-style. */
#ifndef FJ_CLI_H
#define FJ_CLI_H

int	cmd_migrate(int, char **);
int	cmd_gazetteer(int, char **);
int	cmd_seed(int, char **);
int	cmd_partner(int, char **);
int	cmd_scrape(int, char **);
int	cmd_feed_check(int, char **);
int	cmd_admin(int, char **);
int	cmd_apikey(int, char **);
int	cmd_mail(int, char **);

#endif
