#!/usr/bin/env bash
# Segment counts on the demo base (not run by CI): every rule of benches/segments.rs compiled and
# counted as the builder does, against the same count written by hand in SQL; then the two rules
# the speed issue names against DuckDB reading the demo's CSV files (benches/segments_duckdb.py).
#
#   target/release/adresat demo --contacts 1000000 --out /tmp/demo1m
#   benches/segments.sh /tmp/demo1m
#
# Needs python3 (DuckDB is installed with pip when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: benches/segments.sh DEMO_DIR}
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet duckdb \
    || python3 -m pip install --quiet --break-system-packages duckdb
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cargo bench --quiet --bench segments -- "$dir/adresat-demo.sqlite" | tee "$out"
echo
printf '%-22s %10s %14s %12s %8s %10s %s\n' rule "adresat ms" "DuckDB CSV→s" "DuckDB ms" ratio count agree
python3 benches/segments_duckdb.py "$dir" | while read -r name whole query count; do
    read -r ours ours_count < <(awk -v n="$name" '$1 == n { print $2, $5 }' "$out")
    agree=$([ "$ours_count" = "$count" ] && echo yes || echo "NO ($ours_count)")
    ratio=$(awk -v a="$ours" -v b="$query" 'BEGIN { printf "%.2f", a / b }')
    printf '%-22s %10s %14s %12s %8s %10s %s\n' "$name" "$ours" "$whole" "$query" "$ratio" "$count" "$agree"
done
