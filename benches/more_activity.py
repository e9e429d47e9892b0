"""More of the demo's site activity, for the scenario-run benchmark: given the demo's folder
and a total, writes `more_activity.csv` with enough further rows (views, carts, checkouts,
favourites of the demo's own contacts and products, in its last 30 days) that the demo's
activity.csv and it hold that many together.

    python3 benches/more_activity.py /tmp/demo1m 5000000
"""

import csv
import random
import sys
from datetime import datetime, timedelta, timezone

folder, total = sys.argv[1], int(sys.argv[2])
with open(f"{folder}/activity.csv", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, have = rows[0], rows[1:]
products = sorted({(r[2], r[3], r[4], r[5]) for r in have})
with open(f"{folder}/contacts.csv", encoding="utf-8-sig") as f:
    phones = [r[2] for r in list(csv.reader(f, delimiter=";"))[1:] if r[2]]
kinds = ["просмотр товара"] * 6 + ["добавил в корзину"] * 2 + ["начал оформление", "избранное"]
end = datetime(2026, 12, 1, tzinfo=timezone.utc)
rng = random.Random(19)
with open(f"{folder}/more_activity.csv", "w", encoding="utf-8-sig", newline="") as out:
    w = csv.writer(out, delimiter=";")
    w.writerow(header)
    for _ in range(max(0, total - len(have))):
        product, category, value, url = rng.choice(products)
        at = end - timedelta(minutes=rng.randrange(30 * 24 * 60))
        w.writerow([rng.choice(phones), rng.choice(kinds), product, category, value, url,
                    at.strftime("%Y-%m-%dT%H:%M:00Z")])
