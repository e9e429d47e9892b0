#!/usr/bin/env bash
# A scenario run on the demo base (not run by CI): the demo's site activity topped up to 5 million
# events (benches/more_activity.py), five of the presets saved (abandoned cart, abandoned view,
# first purchase, win-back, birthday), then two runs timed with their peak memory — the first,
# which reads 72 hours of triggers, and the next day's — against the bare reading of the first
# run's activity triggers in SQLite (the same summary-then-key path), measured in the same run.
#
#   target/release/adresat demo --contacts 1000000 --out /tmp/demo1m
#   benches/scenario_run.sh /tmp/demo1m
#
# Needs python3 and sqlite3 (apt install sqlite3); GNU time for the memory (apt install time).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: benches/scenario_run.sh DEMO_DIR}
cargo build --quiet --release
bin=$PWD/target/release/adresat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/more_activity.py "$dir" 5000000
cp "$dir/adresat-demo.sqlite" "$work/base.sqlite"
"$bin" --db "$work/base.sqlite" import events "$dir/more_activity.csv" >/dev/null
for name in "Брошенная корзина" "Смотрел, но не купил" "Первая покупка" "Давно не покупал" \
    "День рождения"; do
    "$bin" scenario preset "$name" >"$work/preset.json"
    "$bin" --db "$work/base.sqlite" scenario save "$work/preset.json" >/dev/null
done
echo "activity events: $(sqlite3 "$work/base.sqlite" 'SELECT count(*) FROM activity')"
cp "$work/base.sqlite" "$work/fresh.sqlite"

timed() { # label, then the command: prints seconds and peak MiB
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
    read -r secs kib <"$work/time"
    printf '%-34s %8s s %8d MiB\n' "$label" "$secs" $((kib / 1024))
}
for round in 1 2 3; do
    cp "$work/fresh.sqlite" "$work/base.sqlite"
    timed "run 1 (72 h of triggers)" "$bin" --db "$work/base.sqlite" scenario run \
        --now "2026-11-30 12:00" --until "2026-12-01 12:00" --out "$work/run1.csv"
    timed "run 2 (the next day)" "$bin" --db "$work/base.sqlite" scenario run \
        --now "2026-12-01 12:00" --until "2026-12-02 12:00" --out "$work/run2.csv"
    since=$(date -d "2026-11-27 12:00 MSK" +%s); until=$(date -d "2026-11-30 12:00 MSK" +%s)
    timed "anchor: SQLite reads the triggers" sqlite3 "$work/fresh.sqlite" \
        "SELECT count(*) FROM contact_kinds x
         JOIN activity a ON a.contact_id = x.contact_id AND a.kind = x.kind
         WHERE x.kind IN (8, 9) AND x.last_at > $since AND a.at > $since AND a.at <= $until"
done
