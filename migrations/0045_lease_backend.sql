-- A scraper's lease names the PostgreSQL backend that holds it, so that a
-- lease whose holder is gone (the scraper killed, its connection or the
-- whole server lost) is taken over at once instead of after 15 minutes.
ALTER TABLE partner ADD COLUMN lease_backend int;
