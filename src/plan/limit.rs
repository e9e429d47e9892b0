//! The messengers' limits on a plan.
//!
//! **WhatsApp**: a number may start conversations with at most L unique people in any rolling
//! 24 hours (its tier). [`RollingLimit`] keeps, per minute `s`, how many messages fall in the
//! 24 hours from `s`; a message at minute `t` fits when every window holding `t` (those starting
//! in `t − 1439 … t`) still has room. A lazy segment tree answers "the fullest of those windows"
//! and adds a message to all of them in O(log n), so a million recipients are placed exactly —
//! no rolling window of the plan, earlier plans included, ever exceeds L.
//!
//! **Telegram**: a bot sends about 30 messages a second; [`pace`] spaces the moments so no second
//! holds more.

/// Minutes in a rolling window.
pub const WINDOW: i64 = 24 * 60;

/// Window counts per starting minute over a range of minutes, with range add and range max.
pub struct RollingLimit {
    limit: u32,
    /// The first minute covered (unix minutes).
    origin: i64,
    size: usize,
    max: Vec<u32>,
    add: Vec<u32>,
}

impl RollingLimit {
    /// A limit of `limit` messages per rolling 24 hours for moments in `first..=last` (unix
    /// minutes); earlier plans' messages inside that span are added with [`RollingLimit::take`].
    pub fn new(limit: u32, first: i64, last: i64) -> RollingLimit {
        let origin = first - WINDOW;
        let size = usize::try_from(last - origin + 1).unwrap_or(1).max(1);
        let nodes = size.next_power_of_two() * 2;
        RollingLimit {
            limit,
            origin,
            size,
            max: vec![0; nodes],
            add: vec![0; nodes],
        }
    }

    /// The windows that hold minute `t`, as leaf indexes, clipped to the covered span.
    fn windows_of(&self, t: i64) -> Option<(usize, usize)> {
        let hi = t - self.origin;
        let lo = (hi - WINDOW + 1).max(0);
        let hi = hi.min(self.size as i64 - 1);
        (hi >= 0 && lo <= hi).then_some((lo as usize, hi as usize))
    }

    /// Whether one more message at minute `t` keeps every window within the limit.
    pub fn fits(&self, t: i64) -> bool {
        match self.windows_of(t) {
            Some((lo, hi)) => self.query(1, 0, self.leaves() - 1, lo, hi) < self.limit,
            None => true,
        }
    }

    /// Counts a message at minute `t` (whether or not it fits: earlier plans are what they are).
    pub fn take(&mut self, t: i64) {
        if let Some((lo, hi)) = self.windows_of(t) {
            let last = self.leaves() - 1;
            self.update(1, 0, last, lo, hi);
        }
    }

    /// The fullest window's count.
    pub fn fullest(&self) -> u32 {
        self.max[1]
    }

    fn leaves(&self) -> usize {
        self.max.len() / 2
    }

    fn query(&self, node: usize, l: usize, r: usize, lo: usize, hi: usize) -> u32 {
        if hi < l || r < lo {
            return 0;
        }
        if lo <= l && r <= hi {
            return self.max[node];
        }
        let mid = (l + r) / 2;
        self.add[node]
            + self
                .query(node * 2, l, mid, lo, hi)
                .max(self.query(node * 2 + 1, mid + 1, r, lo, hi))
    }

    fn update(&mut self, node: usize, l: usize, r: usize, lo: usize, hi: usize) {
        if hi < l || r < lo {
            return;
        }
        if lo <= l && r <= hi {
            self.max[node] += 1;
            self.add[node] += 1;
            return;
        }
        let mid = (l + r) / 2;
        self.update(node * 2, l, mid, lo, hi);
        self.update(node * 2 + 1, mid + 1, r, lo, hi);
        self.max[node] = self.add[node] + self.max[node * 2].max(self.max[node * 2 + 1]);
    }
}

/// The most messages a Telegram bot sends in one second.
pub const TELEGRAM_PER_SECOND: usize = 30;

/// Moves moments (unix seconds) forward so that no second holds more than `per_second`; the
/// order of equal moments is kept. Returns the new moments, index for index.
pub fn pace(moments: &[i64], per_second: usize) -> Vec<i64> {
    let mut order: Vec<usize> = (0..moments.len()).collect();
    order.sort_by_key(|&i| moments[i]);
    let mut out = moments.to_vec();
    let (mut second, mut used) = (i64::MIN, 0);
    for i in order {
        let wanted = moments[i];
        if wanted > second {
            second = wanted;
            used = 0;
        }
        if used == per_second {
            second += 1;
            used = 0;
        }
        out[i] = second;
        used += 1;
    }
    out
}
