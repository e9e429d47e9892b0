"""RFM in DuckDB SQL, for benches/rfm.sh: the same R/F/M values and scores as `adresat rfm`.

usage: rfm_duckdb.py ORDERS.csv AS_OF OUT.csv   (prints the seconds it took)
"""
import sys
import time

import duckdb

path, as_of, out = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
con = duckdb.connect()
con.execute(f"""
CREATE TABLE scored AS
WITH orders AS (
    SELECT column0 AS customer,
           strptime(column2, '%d.%m.%Y %H:%M') AS ts,
           CAST(round(CAST(replace(replace(column3, ' ', ''), ',', '.') AS DOUBLE) * 100) AS BIGINT) AS kop
    FROM read_csv('{path}', delim=';', header=false, skip=1, all_varchar=true)
), per AS (
    SELECT customer, date_diff('day', CAST(max(ts) AS DATE), DATE '{as_of}') AS recency,
           count(*) AS frequency, sum(kop) AS monetary
    FROM orders WHERE ts < DATE '{as_of}' + INTERVAL 1 DAY GROUP BY customer
), cuts AS (
    SELECT list_sort(list(recency)) AS rl, list_sort(list(frequency)) AS fl,
           list_sort(list(monetary)) AS ml, count(*) AS n FROM per
)
SELECT customer, recency, frequency, monetary,
       5 - ((recency > rl[greatest((n+4)//5,1)])::INT + (recency > rl[greatest((2*n+4)//5,1)])::INT
          + (recency > rl[greatest((3*n+4)//5,1)])::INT + (recency > rl[greatest((4*n+4)//5,1)])::INT) AS r,
       1 + ((frequency > fl[greatest((n+4)//5,1)])::INT + (frequency > fl[greatest((2*n+4)//5,1)])::INT
          + (frequency > fl[greatest((3*n+4)//5,1)])::INT + (frequency > fl[greatest((4*n+4)//5,1)])::INT) AS f,
       1 + ((monetary > ml[greatest((n+4)//5,1)])::INT + (monetary > ml[greatest((2*n+4)//5,1)])::INT
          + (monetary > ml[greatest((3*n+4)//5,1)])::INT + (monetary > ml[greatest((4*n+4)//5,1)])::INT) AS m
FROM per, cuts
""")
seconds = time.perf_counter() - start
con.execute(f"COPY (SELECT * FROM scored ORDER BY customer) TO '{out}' (HEADER)")
print(f"{seconds:.2f}")
