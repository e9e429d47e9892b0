//! E-mail addresses as contact keys (DESIGN.md, "Who is who"): trimmed and lower-cased; a role
//! address (`info@`, `sales@`, `zakaz@` …) names a company's mailbox, which several people read,
//! and is kept without identifying anyone.

use crate::i18n::Msg;

/// Mailbox names that belong to a role or a company rather than to a person.
const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "sales",
    "sale",
    "office",
    "zakaz",
    "zakazy",
    "order",
    "orders",
    "shop",
    "store",
    "support",
    "help",
    "helpdesk",
    "service",
    "admin",
    "administrator",
    "hello",
    "mail",
    "mailbox",
    "post",
    "postmaster",
    "webmaster",
    "contact",
    "contacts",
    "kontakt",
    "feedback",
    "manager",
    "marketing",
    "reklama",
    "pr",
    "press",
    "hr",
    "job",
    "jobs",
    "buh",
    "buhgalteria",
    "accounting",
    "billing",
    "finance",
    "noreply",
    "no-reply",
    "reception",
    "priemnaya",
    "secretary",
    "team",
    "welcome",
    "opt",
    "dostavka",
    "delivery",
    "tender",
];

/// `  Anna.Petrova@Mail.RU ` → `anna.petrova@mail.ru`; `mailto:` dropped. A value that is not an
/// address (no `@`, no dot in the domain, spaces inside) says so.
pub fn normalize_email(raw: &str) -> Result<String, Msg> {
    let trimmed = raw.trim();
    let s = trimmed
        .strip_prefix("mailto:")
        .unwrap_or(trimmed)
        .trim_matches(|c| matches!(c, '<' | '>'))
        .to_lowercase();
    let valid = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s
                    .chars()
                    .any(|c| c.is_whitespace() || matches!(c, ',' | ';'))
        }
        None => false,
    };
    if valid {
        Ok(s)
    } else {
        Err(Msg::new("reject-email").arg("value", trimmed))
    }
}

/// Whether the normalised address `email` is a role's or a company's mailbox (`info@`,
/// `sales@`, `zakaz@`, `info.msk@`), which identifies nobody.
pub fn is_role_address(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("");
    let first = local.split(['.', '-', '_', '+']).next().unwrap_or("");
    ROLE_MAILBOXES.contains(&local) || ROLE_MAILBOXES.contains(&first)
}

/// The addresses of one cell: exports join several with `, ` or `;` or a line break.
pub fn addresses_in(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|a| !a.is_empty())
}
