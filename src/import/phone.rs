//! Phone numbers to E.164.
//!
//! Russian and Kazakh numbers (+7) in every form people type take an exact fast path: the
//! `phonenumber` crate costs ~4 µs a number and turns `8 800 555 35 35` into an invalid
//! `+7005553535` (whisperfish/rust-phonenumber#76). Other countries go through `phonenumber`.

use crate::i18n::Msg;

/// `7,91235E+10`: Excel showed a long number in scientific notation and saved it so; digits are lost.
fn is_excel_rounded(raw: &str) -> bool {
    let s = raw.trim();
    let Some((mantissa, exp)) = s.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
}

/// Normalises `raw` to E.164 (`+79123456789`). `default_country` (ISO alpha-2) is the country of a
/// number written without a country code.
pub fn normalize_phone(raw: &str, default_country: &str) -> Result<String, Msg> {
    if is_excel_rounded(raw) {
        return Err(Msg::new("reject-phone-excel-rounded").arg("value", raw.trim()));
    }
    let bad = || Msg::new("reject-phone-invalid").arg("value", raw.trim());
    let trimmed = raw.trim();
    let plus = trimmed.starts_with('+');
    let mut digits = String::with_capacity(16);
    for c in trimmed.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '\u{a0}' | '-' | '(' | ')' | '.' | '+' | '\u{2011}' | '\u{2013}' => {}
            _ => return Err(bad()),
        }
    }
    if digits.is_empty() || trimmed.matches('+').count() > usize::from(plus) {
        return Err(bad());
    }
    let seven_zone = matches!(default_country, "RU" | "KZ");
    // +7 and ten digits; the first of them is never 0, 1 or 2 in Russia or Kazakhstan.
    let national_seven = |national: &str| -> Result<String, Msg> {
        match national.as_bytes().first() {
            Some(b'3'..=b'9') if national.len() == 10 => Ok(format!("+7{national}")),
            _ => Err(bad()),
        }
    };
    if plus {
        if let Some(national) = digits.strip_prefix('7') {
            return national_seven(national);
        }
        return parse_other(&format!("+{digits}"), default_country).ok_or_else(bad);
    }
    if seven_zone {
        match digits.len() {
            11 if digits.starts_with('8') || digits.starts_with('7') => {
                return national_seven(&digits[1..]);
            }
            10 => return national_seven(&digits),
            _ => {}
        }
        // 810 is Russia's old international prefix: 810 375 29 … is a Belarusian number.
        if let Some(international) = digits.strip_prefix("810") {
            return parse_other(&format!("+{international}"), default_country).ok_or_else(bad);
        }
        return Err(bad());
    }
    parse_other(&digits, default_country).ok_or_else(bad)
}

fn parse_other(number: &str, default_country: &str) -> Option<String> {
    let country = default_country.parse::<phonenumber::country::Id>().ok();
    let parsed = phonenumber::parse(country, number).ok()?;
    if !phonenumber::is_valid(&parsed) {
        return None;
    }
    Some(parsed.format().mode(phonenumber::Mode::E164).to_string())
}

/// Whether the E.164 number `e164` is a mobile one, which a messenger reaches; a landline only
/// takes calls. Russia's mobile numbers start `+79`, Kazakhstan's `+770`, `+747`, `+75`–`+77`
/// (its landlines `+771`, `+772`); other countries
/// as `phonenumber` knows them (a number that may be either counts as mobile).
pub fn is_mobile(e164: &str) -> bool {
    if let Some(national) = e164.strip_prefix("+7") {
        return matches!(
            national.as_bytes(),
            [b'9', ..] | [b'7', b'0' | b'4' | b'5' | b'6' | b'7', ..]
        );
    }
    let Ok(parsed) = phonenumber::parse(None, e164) else {
        return false;
    };
    matches!(
        parsed.number_type(&phonenumber::metadata::DATABASE),
        phonenumber::Type::Mobile | phonenumber::Type::FixedLineOrMobile
    )
}

/// The numbers of one cell: CRM exports join several with `, ` or `;` or a line break
/// (`+7 912 …, 8 916 …`). A cell Excel rounded (`7,91235E+10`) is one value, not two.
pub fn numbers_in(cell: &str) -> impl Iterator<Item = &str> {
    let whole = is_excel_rounded(cell);
    cell.split(move |c| !whole && matches!(c, ',' | ';' | '\n'))
        .map(str::trim)
        .filter(|n| !n.is_empty())
}
