-- The counts of benches/segments.rs written by hand in plain SQL over the base, the yardstick the
-- compiled rules are timed against (a single tag or field costs a few ms either way; the rules
-- with groups are where the compiled sets gain). Named parameters are bound by the benchmark:
-- :since30 is the start of the day 29 days ago in the owner's zone, in unix seconds (UTC).

-- name: tag
SELECT count(*) FROM tags WHERE tag_id = (SELECT id FROM tag_names WHERE name = 'цена:скидки');

-- name: field
SELECT count(*) FROM contacts WHERE city = 'Москва';

-- name: events
SELECT count(*) FROM (SELECT DISTINCT contact_id FROM events
                      WHERE kind = (SELECT id FROM event_kinds WHERE name = 'clicked') AND at >= :since30);

-- name: sleeping
SELECT count(*) FROM engagement WHERE unengaged_streak >= 3;

-- name: nested
SELECT count(*) FROM contacts c
WHERE c.consent = 'yes'
  AND (c.id IN (SELECT contact_id FROM tags WHERE tag_id IN (SELECT id FROM tag_names WHERE name LIKE 'интерес:%'))
       AND (c.city IN ('Москва', 'Санкт-Петербург')
            OR c.id NOT IN (SELECT contact_id FROM engagement WHERE unengaged_streak >= 3)));

-- name: never_read_consent
SELECT count(*) FROM contacts c
WHERE c.consent = 'yes'
  AND c.id NOT IN (SELECT contact_id FROM events WHERE kind = (SELECT id FROM event_kinds WHERE name = 'read'));

-- name: tag_total_not_qr_read
SELECT count(*) FROM contacts c
WHERE (c.id IN (SELECT contact_id FROM tags WHERE tag_id IN (SELECT id FROM tag_names WHERE name LIKE 'интерес:%'))
       OR c.id IN (SELECT contact_id FROM orders GROUP BY contact_id HAVING sum(amount_kop) >= 500000))
  AND NOT (c.source IS 'QR-код в магазине'
           OR c.id IN (SELECT contact_id FROM events WHERE kind = (SELECT id FROM event_kinds WHERE name = 'read')
                       GROUP BY contact_id HAVING count(*) >= 3));
