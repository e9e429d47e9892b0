//! What a sending service would refuse or lose in a plan's file, found before it is written:
//! characters Windows-1251 has not (emoji in an SMS), WhatsApp parameters with a line break, a
//! tab or five spaces in a row (Meta refuses them), moments outside a scheduling API's range, a
//! number twice for an SMS gateway, and variables empty where the profile refuses a gap.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::{ColumnKind, Encoding, Field, Missing, Profile};
use crate::i18n::Msg;

/// Contacts named in a finding; the count says how many there are in all.
const NAMED: usize = 10;

/// One thing the owner must know before the file is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub msg: Msg,
    /// No file can be written while it holds (the service refuses it, or the profile does).
    pub blocking: bool,
    /// The cure the window offers: writing in UTF-8 instead.
    pub offers_utf8: bool,
}

/// Contacts found by one check: how many, the first few.
#[derive(Debug, Clone, Default, PartialEq)]
struct Found {
    count: u64,
    first: Vec<i64>,
}

impl Found {
    fn add(&mut self, contact: i64) {
        self.count += 1;
        if self.first.len() < NAMED {
            self.first.push(contact);
        }
    }

    fn merge(&mut self, other: Found) {
        self.count += other.count;
        let room = NAMED.saturating_sub(self.first.len());
        self.first.extend(other.first.into_iter().take(room));
    }

    fn named(&self) -> String {
        let ids: Vec<String> = self.first.iter().map(|id| format!("№{id}")).collect();
        ids.join(", ")
    }
}

/// The findings of one plan in one profile, gathered row by row.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    cp1251: bool,
    unique_phone: bool,
    refuse_missing: bool,
    min_minutes: u32,
    max_days: u32,
    earliest: Option<i64>,
    latest: Option<i64>,
    unencodable: Found,
    chars: BTreeSet<char>,
    whitespace: Found,
    too_soon: Found,
    too_late: Found,
    phones: Phones,
    repeated: Found,
    empty: Found,
}

/// The digests of the numbers written so far (for `unique_phone`); its debug form is the count.
#[derive(Clone, Default)]
struct Phones(FxHashSet<u64>);

impl std::fmt::Debug for Phones {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} numbers", self.0.len())
    }
}

/// The characters above ASCII that Windows-1251 holds (read from encoding_rs's table).
static CP1251_UPPER: LazyLock<Vec<char>> = LazyLock::new(|| {
    let bytes: Vec<u8> = (0x80..=0xff).collect();
    let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(&bytes);
    let mut chars: Vec<char> = text.chars().filter(|c| *c != '\u{fffd}').collect();
    chars.sort_unstable();
    chars
});

/// Whether Windows-1251 can encode `c`.
fn in_cp1251(c: char) -> bool {
    // ASCII and the Russian alphabet А…я first: nearly every character of a Russian text.
    c.is_ascii() || ('А'..='я').contains(&c) || CP1251_UPPER.binary_search(&c).is_ok()
}

/// A WhatsApp parameter Meta refuses: a line break, a tab or more than four spaces in a row.
fn refused_by_whatsapp(value: &str) -> bool {
    value.contains(['\n', '\r', '\t']) || value.contains("     ")
}

impl Findings {
    /// The checks `profile` asks for; `now` is the moment the file is made (Unix seconds), for
    /// the lead-time rules.
    pub fn new(profile: &Profile, now: Option<i64>) -> Findings {
        let rules = &profile.rules;
        Findings {
            cp1251: profile.encoding == Encoding::Cp1251,
            unique_phone: rules.unique_phone,
            refuse_missing: profile.missing == Missing::Refuse,
            min_minutes: rules.min_minutes_ahead.unwrap_or(0),
            max_days: rules.max_days_ahead.unwrap_or(0),
            earliest: now
                .zip(rules.min_minutes_ahead)
                .map(|(n, m)| n + i64::from(m) * 60),
            latest: now
                .zip(rules.max_days_ahead)
                .map(|(n, d)| n + i64::from(d) * 86_400),
            ..Findings::default()
        }
    }

    /// Checks one row: contact `contact`, sent at `send_at`, with `cells` in `columns`.
    pub(crate) fn add(
        &mut self,
        contact: i64,
        send_at: i64,
        columns: &[(String, ColumnKind)],
        cells: &[String],
    ) {
        if self.cp1251 {
            let mut bad = false;
            for c in cells
                .iter()
                .flat_map(|c| c.chars())
                .filter(|c| !in_cp1251(*c))
            {
                bad = true;
                if self.chars.len() < 8 {
                    self.chars.insert(c);
                }
            }
            if bad {
                self.unencodable.add(contact);
            }
        }
        if self.earliest.is_some_and(|e| send_at < e) {
            self.too_soon.add(contact);
        }
        if self.latest.is_some_and(|l| send_at > l) {
            self.too_late.add(contact);
        }
        let mut whitespace = false;
        let mut empty = false;
        for ((_, kind), cell) in columns.iter().zip(cells) {
            match kind {
                ColumnKind::Param(_) => {
                    whitespace |= refused_by_whatsapp(cell);
                    empty |= self.refuse_missing && cell.trim().is_empty();
                }
                ColumnKind::Field(Field::Var(_)) => {
                    empty |= self.refuse_missing && cell.trim().is_empty();
                }
                ColumnKind::Field(Field::Phone(_)) if self.unique_phone && !cell.is_empty() => {
                    use std::hash::{BuildHasher, BuildHasherDefault};
                    let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(cell);
                    if !self.phones.0.insert(hash) {
                        self.repeated.add(contact);
                    }
                }
                _ => {}
            }
        }
        if whitespace {
            self.whitespace.add(contact);
        }
        if empty {
            self.empty.add(contact);
        }
    }

    /// Adds the findings of the other half of a plan written in two.
    pub(crate) fn merge(&mut self, other: Findings) {
        self.unencodable.merge(other.unencodable);
        self.chars.extend(other.chars);
        self.whitespace.merge(other.whitespace);
        self.too_soon.merge(other.too_soon);
        self.too_late.merge(other.too_late);
        self.empty.merge(other.empty);
        let mut repeated = other.repeated;
        repeated.count += other.phones.0.intersection(&self.phones.0).count() as u64;
        self.repeated.merge(repeated);
        self.phones.0.extend(other.phones.0);
    }

    /// Whether anything stops the file from being written.
    pub fn blocking(&self) -> bool {
        self.list().iter().any(|f| f.blocking)
    }

    /// What was found, in words.
    pub fn list(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut push = |found: &Found, msg: Msg, blocking: bool, offers_utf8: bool| {
            if found.count > 0 {
                out.push(Finding {
                    msg: msg
                        .arg("count", found.count as i64)
                        .arg("shown", crate::format::group_thousands(found.count as i64))
                        .arg("who", found.named()),
                    blocking,
                    offers_utf8,
                });
            }
        };
        let chars: String = self.chars.iter().collect();
        push(
            &self.unencodable,
            Msg::new("profile-finding-cp1251").arg("chars", chars),
            false,
            true,
        );
        push(
            &self.whitespace,
            Msg::new("profile-finding-wa-space"),
            false,
            false,
        );
        push(
            &self.too_soon,
            Msg::new("profile-finding-too-soon").arg("minutes", i64::from(self.min_minutes)),
            true,
            false,
        );
        push(
            &self.too_late,
            Msg::new("profile-finding-too-late").arg("days", i64::from(self.max_days)),
            true,
            false,
        );
        push(
            &self.repeated,
            Msg::new("profile-finding-repeated"),
            false,
            false,
        );
        push(&self.empty, Msg::new("profile-finding-empty"), true, false);
        out
    }
}
