//! Message templates: text with variables in double braces, each with an optional fallback for an
//! empty value, checked with positions, rendered for many recipients, and measured the way the
//! messengers and SMS count.
//!
//! Syntax: `{{name}}` is a variable; `{{first_name|друг}}` falls back to "друг" when the value is
//! empty or only whitespace. A single `{` or `}` is an ordinary character; `{{` always opens a
//! variable. Variable names are letters, digits, `_`, `-`, `.`, spaces and `:` (custom fields keep
//! their column names), trimmed.

use std::ops::Range;

use crate::i18n::Msg;

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Var {
        name: String,
        fallback: Option<String>,
        /// Where the variable stands in the template text (bytes).
        span: Range<usize>,
    },
}

/// A parsed template: parse once, render for every recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

/// A fault in a template, at its place (byte range of the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub span: Range<usize>,
    pub msg: Msg,
}

/// Parses `text`; `known` says which variable names exist. Faults are returned with their place;
/// the template is still usable (a faulty variable renders as its text).
pub fn parse(text: &str, known: &dyn Fn(&str) -> bool) -> (Template, Vec<Problem>) {
    let mut pieces = Vec::new();
    let mut problems = Vec::new();
    let mut literal = String::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find("{{").map(|i| rest + i) {
        literal.push_str(&text[rest..open]);
        let Some(close) = text[open + 2..].find("}}").map(|i| open + 2 + i) else {
            problems.push(Problem {
                span: open..text.len(),
                msg: Msg::new("template-unclosed"),
            });
            literal.push_str(&text[open..]);
            rest = text.len();
            break;
        };
        let inner = &text[open + 2..close];
        let span = open..close + 2;
        let (name, fallback) = match inner.split_once('|') {
            Some((n, f)) => (n.trim(), Some(f)),
            None => (inner.trim(), None),
        };
        let fault = if name.is_empty() {
            Some(Msg::new("template-empty-name"))
        } else if inner.contains("{{") {
            Some(Msg::new("template-unclosed"))
        } else if fallback.is_some_and(|f| f.trim().is_empty()) {
            Some(Msg::new("template-empty-fallback").arg("name", name))
        } else if !known(name) {
            Some(Msg::new("template-unknown").arg("name", name))
        } else {
            None
        };
        match fault {
            Some(msg) => {
                problems.push(Problem {
                    span: span.clone(),
                    msg,
                });
                literal.push_str(&text[span]);
            }
            None => {
                if !literal.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Var {
                    name: name.to_owned(),
                    fallback: fallback.map(|f| f.trim().to_owned()),
                    span,
                });
            }
        }
        rest = close + 2;
    }
    literal.push_str(&text[rest..]);
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    (Template { pieces }, problems)
}

impl Template {
    /// The text for one recipient; `value` gives a variable's value. An empty or whitespace-only
    /// value takes the fallback; without one it stays empty.
    pub fn render(&self, value: &mut dyn FnMut(&str) -> Option<String>) -> String {
        let mut out = String::new();
        self.render_into(value, &mut out);
        out
    }

    /// [`Template::render`] into a reused buffer (cleared first): for rendering a million.
    pub fn render_into(&self, value: &mut dyn FnMut(&str) -> Option<String>, out: &mut String) {
        out.clear();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Var { name, fallback, .. } => {
                    match value(name).filter(|v| !v.trim().is_empty()) {
                        Some(v) => out.push_str(&v),
                        None => out.push_str(fallback.as_deref().unwrap_or("")),
                    }
                }
            }
        }
    }

    /// The variables without a fallback whose value is empty for this recipient.
    pub fn missing(&self, value: &mut dyn FnMut(&str) -> Option<String>) -> Vec<String> {
        let mut missing = Vec::new();
        for piece in &self.pieces {
            if let Piece::Var {
                name,
                fallback: None,
                ..
            } = piece
                && value(name).is_none_or(|v| v.trim().is_empty())
                && !missing.contains(name)
            {
                missing.push(name.clone());
            }
        }
        missing
    }

    /// The template as WhatsApp takes it: each variable replaced by `{{1}}`, `{{2}}`, … in order
    /// of first use, with the variables those numbers stand for. WhatsApp has no fallbacks and
    /// refuses an empty parameter: [`Template::whatsapp_parameters`] gives the values to send.
    pub fn whatsapp(&self) -> (String, Vec<String>) {
        let mut names: Vec<String> = Vec::new();
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => text.push_str(t),
                Piece::Var { name, fallback, .. } => {
                    let key = format!("{name}|{}", fallback.as_deref().unwrap_or(""));
                    let n = match names.iter().position(|k| *k == key) {
                        Some(i) => i + 1,
                        None => {
                            names.push(key);
                            names.len()
                        }
                    };
                    text.push_str(&format!("{{{{{n}}}}}"));
                }
            }
        }
        let names = names
            .into_iter()
            .map(|k| k.split_once('|').map_or(k.clone(), |(n, _)| n.to_owned()))
            .collect();
        (text, names)
    }

    /// The values of the WhatsApp parameters for one recipient, fallbacks applied, in the order
    /// of [`Template::whatsapp`].
    pub fn whatsapp_parameters(
        &self,
        value: &mut dyn FnMut(&str) -> Option<String>,
    ) -> Vec<String> {
        let mut seen: Vec<(String, Option<String>)> = Vec::new();
        let mut out = Vec::new();
        for piece in &self.pieces {
            if let Piece::Var { name, fallback, .. } = piece {
                let key = (name.clone(), fallback.clone());
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                let v = value(name).filter(|v| !v.trim().is_empty());
                out.push(v.or_else(|| fallback.clone()).unwrap_or_default());
            }
        }
        out
    }
}

/// The length as WhatsApp and Telegram count it: UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The GSM 03.38 default alphabet (each character one septet).
const GSM7: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Its extension table: each takes an escape and the character, two septets.
const GSM7_EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// How an SMS is encoded and how many parts it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SmsSize {
    /// GSM-7 when every character is in the GSM alphabet; else UCS-2 (Cyrillic, emoji).
    pub gsm7: bool,
    /// Septets (GSM-7) or UTF-16 units (UCS-2).
    pub units: usize,
    pub parts: usize,
}

/// The size of `text` as an SMS: GSM-7 fits 160 septets in one part or 153 per part of a long
/// message (extension characters count 2); UCS-2 fits 70 units, or 67 per part.
pub fn sms_size(text: &str) -> SmsSize {
    let mut septets = 0;
    let mut gsm7 = true;
    for c in text.chars() {
        if GSM7.contains(c) {
            septets += 1;
        } else if GSM7_EXTENSION.contains(c) {
            septets += 2;
        } else {
            gsm7 = false;
            break;
        }
    }
    let (units, single, part) = if gsm7 {
        (septets, 160, 153)
    } else {
        (utf16_len(text), 70, 67)
    };
    let parts = match units {
        0 => 0,
        n if n <= single => 1,
        n => n.div_ceil(part),
    };
    SmsSize { gsm7, units, parts }
}
