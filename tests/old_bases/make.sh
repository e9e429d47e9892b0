#!/usr/bin/env bash
# Makes tests/old_bases/vN.sqlite: for each schema version N before the current one, the base
# that the binary built at the last commit of version N makes from the import fixtures (contacts,
# orders, events), a segment, a campaign and a plan — whatever of these that version could do.
# tests/it/old_bases.rs opens each with the current build. A version whose base is already
# there is skipped; run from anywhere in the repository. Needs git, cargo and sqlite3; builds
# in WORK (default /tmp/adresat-old-bases), one worktree and one target folder for all.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
out=$repo/tests/old_bases
fixtures=$repo/tests/fixtures/import
work=${WORK:-/tmp/adresat-old-bases}
mkdir -p "$work"

# The last commit of each schema version: the version read from the number of migrations the
# schema lists (one "// N: …" comment each), the file where that commit kept it.
versions() {
    for c in $(git -C "$repo" rev-list --reverse HEAD); do
        local n=0 f
        for f in src/store/schema.rs src/store/mod.rs src/store.rs; do
            if git -C "$repo" cat-file -e "$c:$f" 2>/dev/null; then
                n=$(git -C "$repo" show "$c:$f" | grep -cE '^    // [0-9]+: ' || true)
                [ "$n" -gt 0 ] && break
            fi
        done
        echo "$n $c"
    done | awk '$1 > 0 { if ($1 != prev && NR > 1 && prev > 0) print prev, last; prev = $1; last = $2 }'
}

cat > "$work/rule.json" <<'JSON'
{ "version": 1, "mode": "all", "items": [ { "type": "consent", "is": "yes" } ] }
JSON
cat > "$work/campaign.json" <<'JSON'
{ "name": "Зима", "channel": "whatsapp",
  "variants": [ { "name": "Все", "segment": "С согласием", "text": "{{first_name|Здравствуйте}}, новая коллекция!" } ] }
JSON

versions | while read -r n commit; do
    [ -f "$out/v$n.sqlite" ] && continue
    echo "== version $n: $commit"
    if [ -d "$work/tree" ]; then
        git -C "$work/tree" checkout --quiet --force --detach "$commit"
    else
        git -C "$repo" worktree add --quiet --detach "$work/tree" "$commit"
    fi
    (cd "$work/tree" && CARGO_TARGET_DIR="$work/target" cargo build --quiet --bin adresat)
    bin=$work/target/debug/adresat
    db=$work/base.sqlite
    rm -f "$db" "$db-wal" "$db-shm" "$work"/*plan.csv
    try() { "$bin" --lang en --db "$db" "$@" >>"$work/v$n.log" 2>&1; }
    step() { try "$@" || echo "   (version $n: '$*' failed, see $work/v$n.log)"; }
    # Versions before the owner's consent statement take the file as it is.
    try import contacts "$fixtures/contacts-own.csv" --consent-source "форма на сайте" --consent-date 01.11.2026 ||
        step import contacts "$fixtures/contacts-own.csv"
    step import orders "$fixtures/orders-own.csv"
    step import events "$fixtures/events-own.csv"
    step segment save "С согласием" "$work/rule.json"
    step campaign save "$work/campaign.json"
    step plan "Зима" --date 2030-01-15 --out "$work/plan.csv"
    actual=$(sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version;" | tail -1)
    sqlite3 "$db" "VACUUM;"
    cp "$db" "$out/v$actual.sqlite"
    echo "   -> v$actual.sqlite ($(stat -c %s "$out/v$actual.sqlite") bytes)"
done
git -C "$repo" worktree remove --force "$work/tree" 2>/dev/null || true
