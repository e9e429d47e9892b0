//! The cut points of a dimension from its values. Quintiles where they give every score some
//! customers; where ties collapse them — most customers of a small business bought once, so
//! the frequency quintiles read `1 | 1 | 1 | 3` and scores 2 and 3 hold nobody — cut points
//! chosen among the distinct values instead, each as near its quintile as the ties allow, so no
//! score is empty while there are at least five distinct values. Equal values always share a
//! score: a cut point is a value, and a score is "above so many cut points".

/// The cut points of `values` (sorted here), and whether they had to be moved off the
/// quintiles so that no score is empty.
pub fn balanced_cuts(values: &mut [i64]) -> ([i64; 4], bool) {
    let quintiles = quintile_cuts(values);
    let distinct = distinct_counts(values);
    let d = distinct.len();
    let every_score_filled = quintiles.windows(2).all(|w| w[0] < w[1])
        && distinct.last().is_some_and(|(top, _)| *top > quintiles[3]);
    if every_score_filled || d < 5 {
        return (quintiles, false);
    }
    let n = values.len();
    let mut cumulative = Vec::with_capacity(d);
    let mut total = 0;
    for (_, count) in &distinct {
        total += count;
        cumulative.push(total);
    }
    let mut cuts = [0; 4];
    let mut previous: Option<usize> = None;
    for (k, cut) in cuts.iter_mut().enumerate() {
        // The k-th quintile's rank, as the quintiles take it.
        let target = quintile_rank(n, k + 1);
        // Room below for the earlier cut points and above for the later ones and a top score.
        let lo = previous.map_or(0, |p| p + 1);
        let hi = d - 5 + k;
        let j = nearest(&cumulative, target, lo, hi);
        *cut = distinct[j].0;
        previous = Some(j);
    }
    (cuts, true)
}

/// The quintile cut points of `values` (sorted here): the values at 20, 40, 60 and 80 % of them.
fn quintile_cuts(values: &mut [i64]) -> [i64; 4] {
    values.sort_unstable();
    let n = values.len();
    if n == 0 {
        return [0; 4];
    }
    std::array::from_fn(|k| values[quintile_rank(n, k + 1) - 1])
}

/// The rank (from 1) of the `k`-th quintile of `n` values.
fn quintile_rank(n: usize, k: usize) -> usize {
    (n * k).div_ceil(5).max(1)
}

/// Each distinct value of the sorted `values` with how many there are.
fn distinct_counts(values: &[i64]) -> Vec<(i64, usize)> {
    let mut out: Vec<(i64, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((last, count)) if last == v => *count += 1,
            _ => out.push((*v, 1)),
        }
    }
    out
}

/// The index in `lo..=hi` whose cumulative count is nearest `target` (the lower one of two as
/// near). `cumulative` ascends, so the nearest is beside the first that reaches `target`.
fn nearest(cumulative: &[usize], target: usize, lo: usize, hi: usize) -> usize {
    let reach = cumulative.partition_point(|c| *c < target);
    let candidates = [reach.saturating_sub(1), reach].map(|j| j.clamp(lo, hi));
    let distance = |j: usize| cumulative[j].abs_diff(target);
    if distance(candidates[0]) <= distance(candidates[1]) {
        candidates[0]
    } else {
        candidates[1]
    }
}
