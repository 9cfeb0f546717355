-- Accounts and sign-in: settings read by SQL and the login throttle.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_setting(k text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT value FROM setting WHERE key = k $$;

CREATE OR REPLACE FUNCTION public.fj_login_blocked(e text, addr inet) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
	WITH w AS (SELECT now() - make_interval(mins =>
	    fj_setting('login_window_minutes')::int) AS since)
	SELECT (SELECT count(*) FROM login_attempt l, w WHERE l.email = e
		AND NOT l.ok AND l.at > w.since AND l.at > coalesce((SELECT
		max(o.at) FROM login_attempt o WHERE o.email = e AND o.ok),
		'-infinity')) >= fj_setting('login_max_account')::int
	    OR (SELECT count(*) FROM login_attempt l, w WHERE l.ip = addr
		AND NOT l.ok AND l.at > w.since) >=
		fj_setting('login_max_ip')::int
$$;
