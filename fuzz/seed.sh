#!/usr/bin/env bash
# Fills the fuzz corpora's starting points from the project's own examples: the import fixtures
# (a first byte choosing the kind, the file's extension and the consent statement, as the
# import target reads it), the JSON blocks of docs/*.md, the shipped scenario presets and
# export profiles, and the documented templates. Run from fuzz/ after `cargo build --release`.
set -euo pipefail
cd "$(dirname "$0")"
bin=../target/release/adresat
db=$(mktemp -d)/seed.sqlite
mkdir -p corpus/{import,rule,template,campaign,scenario,profile}
python3 - <<'PY'
import json, os, re
kinds = {"contacts": 0, "orders": 1, "events": 2}
exts = ["csv", "xlsx", "xls", "tsv", "txt"]
fx = "../tests/fixtures/import"
for f in sorted(os.listdir(fx)):
    k, e = kinds[f.split("-")[0]], exts.index(f.rsplit(".", 1)[1])
    pick = next(p for p in range(256) if p % 3 == k and (p // 3) % 5 == e and p & 0x80)
    open(f"corpus/import/{f}", "wb").write(bytes([pick]) + open(f"{fx}/{f}", "rb").read())
n = 0
for doc in sorted(os.listdir("../docs")):
    if not doc.endswith(".md"):
        continue
    for block in re.findall(r"```json\n(.*?)```", open(f"../docs/{doc}").read(), re.S):
        try:
            value = json.loads(block)
        except ValueError:
            continue
        if not isinstance(value, dict):
            continue
        kind = ("campaign" if "variants" in value else "scenario" if "trigger" in value
                else "profile" if "columns" in value else "rule" if "items" in value else None)
        if kind:
            n += 1
            open(f"corpus/{kind}/{doc[:-3]}-{n}.json", "w").write(block)
        texts = [v.get("text", "") for v in value.get("variants", []) + value.get("steps", [])]
        for i, text in enumerate(t for t in texts if t):
            open(f"corpus/template/{doc[:-3]}-{n}-{i}.txt", "w").write(text)
PY
"$bin" scenario preset | cut -f1 | while read -r name; do
    "$bin" --db "$db" scenario preset "$name" > "corpus/scenario/preset-$(echo "$name" | md5sum | cut -c1-8).json"
done
"$bin" --db "$db" profile list | cut -f1 | while read -r name; do
    "$bin" --db "$db" profile show "$name" > "corpus/profile/shipped-$(echo "$name" | md5sum | cut -c1-8).json" || true
done
ls corpus/* | head -50
