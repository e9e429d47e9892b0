"""The cut points `adresat rfm` takes (src/rfm/cuts.rs), for the RFM benchmark's pandas and DuckDB
versions: the quintiles where every score holds someone; where ties empty a score (most
customers bought once), cut points among the distinct values, each as near its quintile as the
ties allow.

cuts(distinct, counts): the sorted distinct values and how many customers have each.
"""
import bisect


def quintile_rank(n, k):
    return max((n * k + 4) // 5, 1)


def cuts(distinct, counts):
    n = sum(counts)
    cumulative = []
    total = 0
    for c in counts:
        total += c
        cumulative.append(total)

    def value_at(rank):
        return distinct[bisect.bisect_left(cumulative, rank)]

    quintiles = [value_at(quintile_rank(n, k)) for k in (1, 2, 3, 4)]
    filled = all(a < b for a, b in zip(quintiles, quintiles[1:])) and distinct[-1] > quintiles[3]
    d = len(distinct)
    if filled or d < 5:
        return quintiles
    out, previous = [], None
    for k in range(4):
        target = quintile_rank(n, k + 1)
        lo = 0 if previous is None else previous + 1
        hi = d - 5 + k
        reach = bisect.bisect_left(cumulative, target)
        below, at = (min(max(j, lo), hi) for j in (max(reach - 1, 0), reach))
        j = below if abs(cumulative[below] - target) <= abs(cumulative[at] - target) else at
        out.append(distinct[j])
        previous = j
    return out
