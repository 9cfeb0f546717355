-- Job alerts record what they mailed compactly: per alert, the postings
-- its digests listed that are still inside its next run's window (listed
-- less than an hour before its last run), instead of one alert_sent row
-- per match (76 a day per alert on a busy board, most of them never
-- mailed).  The window itself (since_at, checked_upto) is the high-water
-- mark; the worker (src/cli/alerts.c) writes sent_ids in the transaction
-- that queues the digest, so a posting still goes at most once to an
-- alert.
ALTER TABLE alert ADD COLUMN sent_ids bigint[] NOT NULL DEFAULT '{}';

UPDATE alert a SET sent_ids = s.ids
    FROM (SELECT alert_id, array_agg(posting_id ORDER BY posting_id) AS ids
    FROM alert_sent GROUP BY alert_id) s
    WHERE s.alert_id = a.id;

DROP TABLE alert_sent;
