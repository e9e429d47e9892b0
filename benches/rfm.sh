#!/usr/bin/env bash
# RFM benchmark (not run by CI): `adresat rfm` on a demo base against the same computation in
# vectorised pandas and in DuckDB, each reading the demo's orders CSV. Checks that the three agree
# on every customer's R/F/M values and scores, and prints the times (median of three runs; ours
# of the whole command, theirs both inside Python and as the whole command) and ratios.
#
#   target/release/adresat demo --contacts 1000000 --out /tmp/demo1m
#   benches/rfm.sh /tmp/demo1m [AS_OF]
#
# Needs: sudo apt-get install -y python3-pandas time (DuckDB is installed with pip when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: benches/rfm.sh DEMO_DIR [AS_OF]}
as_of=${2:-$(date +%F)}
cargo build --release --quiet
/usr/bin/python3 -c 'import duckdb' 2>/dev/null || /usr/bin/python3 -m pip install --quiet duckdb \
    || /usr/bin/python3 -m pip install --quiet --break-system-packages duckdb
bin=target/release/adresat
db="$dir/adresat-demo.sqlite"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Each is run three times (the machine is shared and noisy) and its median shown.
median() { sort -n | sed -n 2p; }
timed() { # the median seconds and peak KB of three runs of a command
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null
        cat "$tmp/time"
    done | sort -n | sed -n 2p
}
read -r stored stored_kb < <(timed "$bin" --db "$db" rfm --as-of "$as_of" --json)
read -r ours ours_kb < <(timed "$bin" --db "$db" rfm --as-of "$as_of" --out "$tmp/adresat.csv")
pandas=$(for _ in 1 2 3; do /usr/bin/python3 benches/rfm_pandas.py "$dir/orders.csv" "$as_of" "$tmp/pandas.csv"; done | median)
duck=$(for _ in 1 2 3; do /usr/bin/python3 benches/rfm_duckdb.py "$dir/orders.csv" "$as_of" "$tmp/duckdb.csv"; done | median)
# The same two as whole commands, as ours are timed: the interpreter and the libraries loading too.
read -r pandas_all _ < <(timed /usr/bin/python3 benches/rfm_pandas.py "$dir/orders.csv" "$as_of" "$tmp/pandas.csv")
read -r duck_all _ < <(timed /usr/bin/python3 benches/rfm_duckdb.py "$dir/orders.csv" "$as_of" "$tmp/duckdb.csv")

/usr/bin/python3 - "$tmp" <<'PY'
import csv, sys
d = sys.argv[1]
def load(name, key, cols):
    with open(f"{d}/{name}", encoding="utf-8-sig") as f:
        return {r[key]: tuple(r[c] for c in cols) for r in csv.DictReader(f)}
ours = {k: (v[0], v[1], str(round(float(v[2]) * 100)), v[3], v[4], v[5])
        for k, v in load("adresat.csv", "customer_id", ["recency_days", "frequency", "monetary", "r", "f", "m"]).items()}
for other in ["pandas.csv", "duckdb.csv"]:
    theirs = load(other, "customer", ["recency", "frequency", "monetary", "r", "f", "m"])
    same = ours == theirs
    print(f"{other}: {len(theirs)} customers, identical to adresat: {same}")
    if not same:
        diff = [k for k in ours if ours[k] != theirs.get(k)][:5]
        print("  first differences:", [(k, ours[k], theirs.get(k)) for k in diff])
PY
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "adresat rfm (computed and stored): ${stored} s, peak $((stored_kb / 1024)) MB"
echo "adresat rfm --out (and the file):  ${ours} s, peak $((ours_kb / 1024)) MB"
echo "pandas (reading the CSV):         ${pandas} s inside Python, ${pandas_all} s the whole command  (adresat / pandas = $(ratio "$ours" "$pandas") / $(ratio "$ours" "$pandas_all"))"
echo "DuckDB (reading the CSV):         ${duck} s inside Python, ${duck_all} s the whole command  (adresat / DuckDB = $(ratio "$ours" "$duck") / $(ratio "$ours" "$duck_all"))"
