"""The segment counts of benches/segments.sh in DuckDB, reading the demo's CSV files: the anchor
an analyst's tool gives for the same question.

usage: segments_duckdb.py DEMO_DIR

Prints one line per rule: its name, the seconds DuckDB took from the CSV files to the count, the
milliseconds of the count alone on the loaded tables (median of 7), and the count.
"""
import statistics
import sys
import time

import duckdb

demo = sys.argv[1]


def csv(name):
    return f"read_csv('{demo}/{name}.csv', delim=';', header=true, all_varchar=true)"


LOAD = f"""
CREATE TABLE contacts AS SELECT "ID клиента" AS id, "Согласие на рассылку" AS consent,
       "Источник" AS source, coalesce("Теги", '') AS tags FROM {csv('contacts')};
CREATE TABLE events AS SELECT "ID клиента" AS id, "Событие" AS kind FROM {csv('events')};
CREATE TABLE orders AS SELECT "ID клиента" AS id,
       CAST(round(CAST(replace(replace("Сумма", ' ', ''), ',', '.') AS DOUBLE) * 100) AS BIGINT) AS kop
       FROM {csv('orders')};
"""

RULES = {
    # Never read, and consent given.
    "never_read_consent": """
        SELECT count(*) FROM contacts
        WHERE consent = 'да' AND id NOT IN (SELECT id FROM events WHERE kind = 'read')""",
    # any(an "интерес:" tag, orders total >= 5000 ₽) and none(source QR, read >= 3 times).
    "tag_total_not_qr_read": """
        SELECT count(*) FROM contacts
        WHERE (tags LIKE '%интерес:%'
               OR id IN (SELECT id FROM orders GROUP BY id HAVING sum(kop) >= 500000))
          AND NOT (source = 'QR-код в магазине'
                   OR id IN (SELECT id FROM events WHERE kind = 'read'
                             GROUP BY id HAVING count(*) >= 3))""",
}

for name, sql in RULES.items():
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute(LOAD)
    count = con.execute(sql).fetchone()[0]
    whole = time.perf_counter() - start
    runs = []
    for _ in range(7):
        t = time.perf_counter()
        con.execute(sql).fetchone()
        runs.append((time.perf_counter() - t) * 1000)
    print(f"{name} {whole:.2f} {statistics.median(runs):.1f} {count}")
