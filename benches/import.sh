#!/usr/bin/env bash
# Import benchmark (not run by CI): 1,000,000 demo contacts into an empty base, then the same file
# again into the filled base, against SQLite's own `.import --csv` of the same file into a bare table;
# then the demo's orders and its events (4.7M rows), the events against a bare load of their file
# too, and the size of the base that holds all three.
#
#   benches/import.sh [CONTACTS]        (default 1000000; needs the sqlite3 and time packages)
#
# The demo file is `;`-separated as Russian Excel writes it, so sqlite3 reads it in csv mode with
# that separator (`.import --csv` would force commas).
# Prints each time, the ratio to the bare load, and the importer's peak memory. It also times SQLite
# alone storing the rows the import produced (read from the filled base) into an empty base of the
# same schema, dropping and rebuilding the indexes the way the import does: the least any importer
# writing this base could take, whatever it did to read and normalise the file.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "install it first: sudo apt-get install -y sqlite3 time" >&2; exit 1; }
done
cargo build --release --quiet
bin=target/release/adresat
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" demo --contacts "$n" --out "$dir" --files-only >/dev/null
file="$dir/contacts.csv"
echo "file: $(du -h "$file" | cut -f1), $n contacts"

seconds() { /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null; cat "$dir/time"; }

read -r bare _ < <(seconds sqlite3 "$dir/bare.sqlite" ".mode csv" ".separator ;" ".import $file t")
read -r first first_kb < <(seconds "$bin" --db "$dir/base.sqlite" import contacts "$file")
read -r again again_kb < <(seconds "$bin" --db "$dir/base.sqlite" import contacts "$file")

# The floor: an empty base of the current schema (opening creates it), then SQLite copying the
# stored rows in (a WHERE keeps it from copying pages wholesale), indexes built at the end.
"$bin" --db "$dir/floor.sqlite" stats >/dev/null
index_sql() {
    sqlite3 "$dir/floor.sqlite" "SELECT $1 FROM sqlite_schema WHERE type = 'index'
        AND tbl_name IN ('contacts', 'tags') AND sql IS NOT NULL"
}
drops=$(index_sql "'DROP INDEX ' || name || ';'")
creates=$(index_sql "sql || ';'")
read -r floor _ < <(seconds sqlite3 "$dir/floor.sqlite" "PRAGMA cache_size = -131072;" \
    "ATTACH '$dir/base.sqlite' AS src;" "BEGIN;" "$drops" \
    "INSERT INTO contacts SELECT * FROM src.contacts WHERE id > 0;" \
    "INSERT INTO tag_names SELECT * FROM src.tag_names;" \
    "INSERT INTO tags SELECT * FROM src.tags WHERE contact_id > 0;" \
    "$creates" "COMMIT;")
read -r orders orders_kb < <(seconds "$bin" --db "$dir/base.sqlite" import orders "$dir/orders.csv")
read -r bare_events _ < <(seconds sqlite3 "$dir/bare.sqlite" ".mode csv" ".separator ;" \
    ".import $dir/events.csv e")
read -r events events_kb < <(seconds "$bin" --db "$dir/base.sqlite" import events "$dir/events.csv")
ratio() { awk -v a="$1" -v b="${2:-$bare}" 'BEGIN { printf "%.2f", a / b }'; }
echo "sqlite3 .import into a bare table: ${bare} s"
echo "adresat import into an empty base: ${first} s  (x$(ratio "$first") the bare load), peak $((first_kb / 1024)) MB"
echo "adresat re-import into the filled base: ${again} s  (x$(ratio "$again") the bare load), peak $((again_kb / 1024)) MB"
echo "SQLite alone storing those rows into an empty base: ${floor} s  (x$(ratio "$floor") the bare load)"
echo "adresat import of the orders: ${orders} s, peak $((orders_kb / 1024)) MB"
echo "sqlite3 .import of the events file into a bare table: ${bare_events} s"
echo "adresat import of the events: ${events} s  (x$(ratio "$events" "$bare_events") the bare load), peak $((events_kb / 1024)) MB"
echo "the base holding them: $(( $(stat -c %s "$dir/base.sqlite") / 1000000 )) MB"
