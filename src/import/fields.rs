//! What each column of an imported file means: header synonyms in Russian and English
//! (Excel, Bitrix24, amoCRM, sending services), and the user's `--map COLUMN=FIELD` overrides.

use super::synonyms::{
    CONTACT_SYNONYMS, EMAIL_COLUMNS, EVENT_SYNONYMS, KEY_SYNONYMS, ORDER_SYNONYMS, PHONE_COLUMNS,
};
use crate::error::{Error, Result};
use crate::geo::normalize_place;
use crate::i18n::Msg;

/// The three kinds of file the base takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImportKind {
    Contacts,
    Orders,
    Events,
}

/// A field a column can feed. `Custom` keeps an unknown contacts column under its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ExternalId,
    IdSystem,
    Email,
    Name,
    FirstName,
    LastName,
    MiddleName,
    Phone,
    TgChatId,
    TgUsername,
    City,
    Region,
    Address,
    TimeZone,
    TzSource,
    Source,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    UtmContent,
    UtmTerm,
    Tags,
    Consent,
    ConsentAt,
    ConsentSource,
    Status,
    StatusAt,
    CreatedAt,
    Birthday,
    ConsentWhatsapp,
    ConsentTelegram,
    ConsentSms,
    TotalOrders,
    TotalSpent,
    LastOrderAt,
    OrderId,
    OrderedAt,
    Amount,
    Product,
    Category,
    Quantity,
    Price,
    Items,
    Campaign,
    MessageId,
    EventKind,
    Button,
    /// What an activity event was worth: a cart's total, a viewed product's price.
    Value,
    /// The page of an activity event: the product's, the cart's.
    Url,
    At,
    Custom,
    Ignore,
}

/// Canonical names: what `--map` accepts and what `contacts export` writes as headers.
const CANONICAL: &[(Field, &str)] = &[
    (Field::ExternalId, "external_id"),
    (Field::IdSystem, "id_system"),
    (Field::Email, "email"),
    (Field::Name, "name"),
    (Field::FirstName, "first_name"),
    (Field::LastName, "last_name"),
    (Field::MiddleName, "middle_name"),
    (Field::Phone, "phone"),
    (Field::TgChatId, "tg_chat_id"),
    (Field::TgUsername, "tg_username"),
    (Field::City, "city"),
    (Field::Region, "region"),
    (Field::Address, "address"),
    (Field::TimeZone, "time_zone"),
    (Field::TzSource, "tz_source"),
    (Field::Source, "source"),
    (Field::UtmSource, "utm_source"),
    (Field::UtmMedium, "utm_medium"),
    (Field::UtmCampaign, "utm_campaign"),
    (Field::UtmContent, "utm_content"),
    (Field::UtmTerm, "utm_term"),
    (Field::Tags, "tags"),
    (Field::Consent, "consent"),
    (Field::ConsentAt, "consent_at"),
    (Field::ConsentSource, "consent_source"),
    (Field::Status, "status"),
    (Field::StatusAt, "status_at"),
    (Field::CreatedAt, "created_at"),
    (Field::Birthday, "birthday"),
    (Field::ConsentWhatsapp, "consent_whatsapp"),
    (Field::ConsentTelegram, "consent_telegram"),
    (Field::ConsentSms, "consent_sms"),
    (Field::TotalOrders, "total_orders"),
    (Field::TotalSpent, "total_spent"),
    (Field::LastOrderAt, "last_order_at"),
    (Field::OrderId, "order_id"),
    (Field::OrderedAt, "ordered_at"),
    (Field::Amount, "amount"),
    (Field::Product, "product"),
    (Field::Category, "category"),
    (Field::Quantity, "quantity"),
    (Field::Price, "price"),
    (Field::Items, "items"),
    (Field::Campaign, "campaign"),
    (Field::MessageId, "message_id"),
    (Field::EventKind, "kind"),
    (Field::Button, "button"),
    (Field::Value, "value"),
    (Field::Url, "url"),
    (Field::At, "at"),
    (Field::Custom, "custom"),
    (Field::Ignore, "ignore"),
];

impl Field {
    /// The canonical name (`phone`, `utm_source`, …).
    pub fn name(self) -> &'static str {
        CANONICAL
            .iter()
            .find(|(f, _)| *f == self)
            .map(|(_, n)| *n)
            .expect("every field has a name")
    }

    /// The field of a canonical name.
    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim().to_lowercase();
        CANONICAL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// Every field, in the order the mapping step lists them.
    pub fn all() -> impl Iterator<Item = Field> {
        CANONICAL.iter().map(|(f, _)| *f)
    }

    /// The fields a file of `kind` can use.
    pub fn applies_to(self, kind: ImportKind) -> bool {
        use Field::*;
        match self {
            ExternalId | IdSystem | Email | Phone | TgChatId | TgUsername | Custom | Ignore => true,
            // An orders file names its customers too: a shop's export may be the only file.
            Name | FirstName | LastName | MiddleName => {
                matches!(kind, ImportKind::Contacts | ImportKind::Orders)
            }
            City | Region | Address | TimeZone | TzSource | Source | UtmSource | UtmMedium
            | UtmCampaign | UtmContent | UtmTerm | Tags | Consent | ConsentAt | ConsentSource
            | Status | StatusAt | CreatedAt | Birthday | ConsentWhatsapp | ConsentTelegram
            | ConsentSms | TotalOrders | TotalSpent | LastOrderAt => kind == ImportKind::Contacts,
            OrderId | OrderedAt | Amount | Quantity | Price | Items => kind == ImportKind::Orders,
            // An activity event is about a product too.
            Product | Category => matches!(kind, ImportKind::Orders | ImportKind::Events),
            Campaign | MessageId | EventKind | Button | At | Value | Url => {
                kind == ImportKind::Events
            }
        }
    }
}

/// How surely an e-mail column's header names the person's own address (0 surest), or `None`.
pub fn email_rank(header: &str) -> Option<u8> {
    let norm = normalize_header(header);
    EMAIL_COLUMNS
        .iter()
        .find(|(_, names)| names.contains(&norm.as_str()))
        .map(|(rank, _)| *rank)
}

/// How surely a phone column's header names the number to message (0 surest), or `None` for a
/// header that names no phone. A column the owner mapped to `phone` themselves comes first.
pub fn phone_rank(header: &str) -> Option<u8> {
    let norm = normalize_header(header);
    PHONE_COLUMNS
        .iter()
        .find(|(_, names)| names.contains(&norm.as_str()))
        .map(|(rank, _)| *rank)
}

/// The form headers are compared in: `Моб. телефон` → `моб телефон`, `UTM_SOURCE` → `utm source`.
pub fn normalize_header(header: &str) -> String {
    normalize_place(&header.replace(['_', '/', ':'], " "))
}

/// The field a header names for `kind`, by canonical name or synonym.
pub fn field_for_header(header: &str, kind: ImportKind) -> Option<Field> {
    let norm = normalize_header(header);
    if let Some(field) = CANONICAL
        .iter()
        .find(|(_, n)| normalize_header(n) == norm)
        .map(|(f, _)| *f)
        .filter(|f| f.applies_to(kind) && !matches!(f, Field::Custom | Field::Ignore))
    {
        return Some(field);
    }
    if phone_rank(header).is_some() {
        return Some(Field::Phone);
    }
    if email_rank(header).is_some() {
        return Some(Field::Email);
    }
    // An orders file's bare `Id` is the order's (Shopify writes its own order id there), never
    // the customer's.
    if kind == ImportKind::Orders && norm == "id" {
        return Some(Field::OrderId);
    }
    let specific = match kind {
        ImportKind::Contacts => CONTACT_SYNONYMS,
        ImportKind::Orders => ORDER_SYNONYMS,
        ImportKind::Events => EVENT_SYNONYMS,
    };
    specific
        .iter()
        .chain(KEY_SYNONYMS)
        .find(|(_, names)| names.contains(&norm.as_str()))
        .map(|(f, _)| *f)
}

/// A user's override: column (by header, case-insensitive) → field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ColumnMap {
    pub column: String,
    pub field: Field,
}

impl std::str::FromStr for ColumnMap {
    type Err = Error;

    /// `Телефон клиента=phone`.
    fn from_str(s: &str) -> Result<Self> {
        let (column, field) = s
            .rsplit_once('=')
            .ok_or_else(|| Error::user(Msg::new("error-map-syntax").arg("value", s)))?;
        let field = Field::from_name(field).ok_or_else(|| {
            let names: Vec<&str> = CANONICAL.iter().map(|(_, n)| *n).collect();
            Error::user(
                Msg::new("error-map-field")
                    .arg("field", field)
                    .arg("fields", names.join(", ")),
            )
        })?;
        Ok(ColumnMap {
            column: column.trim().to_owned(),
            field,
        })
    }
}

/// Decides every column's field: overrides first, then synonyms; unknown contact columns become
/// custom fields, unknown columns of orders and events are ignored (and reported). A field named
/// by two columns keeps the first, but for phones: every phone column stays one, and the number
/// to message is chosen among them ([`phone_rank`]). Bitrix24's `NAME` beside `LAST_NAME` is a
/// first name.
pub fn map_columns(
    headers: &[String],
    kind: ImportKind,
    overrides: &[ColumnMap],
) -> Result<Vec<Field>> {
    for o in overrides {
        if !headers
            .iter()
            .any(|h| normalize_header(h) == normalize_header(&o.column))
        {
            return Err(Error::user(
                Msg::new("error-map-column")
                    .arg("column", o.column.as_str())
                    .arg("columns", headers.join(", ")),
            ));
        }
        if !o.field.applies_to(kind) {
            return Err(Error::user(
                Msg::new("error-map-kind").arg("field", o.field.name()),
            ));
        }
    }
    let unknown = if kind == ImportKind::Contacts {
        Field::Custom
    } else {
        Field::Ignore
    };
    let mut fields: Vec<Field> = Vec::with_capacity(headers.len());
    for header in headers {
        let chosen = overrides
            .iter()
            .find(|o| normalize_header(&o.column) == normalize_header(header))
            .map(|o| o.field)
            .or_else(|| field_for_header(header, kind))
            .unwrap_or(unknown);
        let taken = !matches!(
            chosen,
            Field::Custom | Field::Ignore | Field::Phone | Field::Email
        ) && fields.contains(&chosen);
        fields.push(if taken { unknown } else { chosen });
    }
    let bitrix_style = fields.contains(&Field::LastName) && !fields.contains(&Field::FirstName);
    if bitrix_style && let Some(f) = fields.iter_mut().find(|f| **f == Field::Name) {
        *f = Field::FirstName;
    }
    Ok(fields)
}
