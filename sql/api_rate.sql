-- The API's rate limit, shared by every Kore worker and instance (the
-- table api_rate is migration 0080's).
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

-- Count one request against slots a and b (b may be NULL) in the window
-- of secs seconds now falls in.  0 when both are within lim, else the
-- seconds until the window ends (for Retry-After).  The slots are
-- locked in sorted order, so two requests never deadlock.  About one
-- call in a thousand also drops the rows of windows that are over: the
-- table holds the clients of the last minute or two, not every address
-- ever seen.
CREATE OR REPLACE FUNCTION public.fj_api_hit(a text, b text, lim integer, secs integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
	t	bigint := extract(epoch FROM now())::bigint;
	w	bigint := t - t % secs;
	m	integer;
BEGIN
	WITH up AS (
		INSERT INTO public.api_rate AS r (slot, win, n)
		SELECT s, w, 1 FROM unnest(ARRAY[a, b]) s
		WHERE s IS NOT NULL ORDER BY s
		ON CONFLICT (slot) DO UPDATE SET win = w,
		    n = CASE WHEN r.win = w THEN r.n + 1 ELSE 1 END
		RETURNING r.n)
	SELECT max(up.n) INTO m FROM up;
	IF random() < 0.001 THEN
		DELETE FROM public.api_rate WHERE win < w;
	END IF;
	RETURN CASE WHEN m > lim THEN (w + secs - t)::integer ELSE 0 END;
END
$$;
