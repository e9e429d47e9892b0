"""RFM in DuckDB SQL, for benches/rfm.sh: the same R/F/M values and scores as `adresat rfm`.

usage: rfm_duckdb.py ORDERS.csv AS_OF OUT.csv   (prints the seconds it took)
"""
import sys
import time

import duckdb

import rfm_cuts

path, as_of, out = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
con = duckdb.connect()
con.execute(f"""
CREATE TABLE per AS
WITH orders AS (
    SELECT column0 AS customer,
           strptime(column2, '%d.%m.%Y %H:%M') AS ts,
           CAST(round(CAST(replace(replace(column3, ' ', ''), ',', '.') AS DOUBLE) * 100) AS BIGINT) AS kop
    FROM read_csv('{path}', delim=';', header=false, skip=1, all_varchar=true)
)
SELECT customer, date_diff('day', CAST(max(ts) AS DATE), DATE '{as_of}') AS recency,
       count(*) AS frequency, sum(kop) AS monetary
FROM orders WHERE ts < DATE '{as_of}' + INTERVAL 1 DAY GROUP BY customer
""")


def cut_points(column):
    """The column's cut points from its distinct values and their counts, as adresat takes them."""
    rows = con.execute(f"SELECT {column}, count(*) FROM per GROUP BY 1 ORDER BY 1").fetchall()
    return rfm_cuts.cuts([r[0] for r in rows], [r[1] for r in rows])


def above(column, cuts):
    return " + ".join(f"({column} > {c})::INT" for c in cuts)


r, f, m = (cut_points(c) for c in ("recency", "frequency", "monetary"))
con.execute(f"""
CREATE TABLE scored AS
SELECT customer, recency, frequency, monetary,
       5 - ({above("recency", r)}) AS r,
       1 + ({above("frequency", f)}) AS f,
       1 + ({above("monetary", m)}) AS m
FROM per
""")
seconds = time.perf_counter() - start
con.execute(f"COPY (SELECT * FROM scored ORDER BY customer) TO '{out}' (HEADER)")
print(f"{seconds:.2f}")
