-- Job alerts record what they counted compactly: per alert, the postings
-- of its search that its next run's window still holds (listed less than
-- an hour before its last run) and that a run already counted or mailed,
-- instead of one alert_sent row per match forever (76 a day per alert on
-- a busy board).  The window itself (since_at, checked_upto) is the
-- high-water mark; the worker (src/cli/alerts.c) writes seen_ids in the
-- transaction that queues the digest, so a posting still goes at most
-- once to an alert.
ALTER TABLE alert ADD COLUMN seen_ids bigint[] NOT NULL DEFAULT '{}';

UPDATE alert a SET seen_ids = s.ids
    FROM (SELECT alert_id, array_agg(posting_id ORDER BY posting_id) AS ids
    FROM alert_sent GROUP BY alert_id) s
    WHERE s.alert_id = a.id;

DROP TABLE alert_sent;
