//! Numbers and money the way Russian readers write them.

/// `1234567` → `1 234 567`, with no-break spaces so a number never wraps.
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// Kopecks as money: `123450` → `1 234,50 ₽`.
pub fn format_rubles(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "-" } else { "" };
    format!(
        "{sign}{},{:02}\u{a0}₽",
        group_thousands(kopecks.abs() / 100),
        kopecks.abs() % 100
    )
}

/// Kopecks as a file writes an amount for a program to read back: `123450` → `1234.50`.
pub fn kopecks_plain(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", kopecks.abs() / 100, kopecks.abs() % 100)
}
