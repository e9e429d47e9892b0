//! What the mapping step tells the owner before anything is written: which tool wrote the file,
//! where the number to message comes from, which columns are kept as custom fields, and which
//! column choices of theirs for files with these headers are applied again.
//!
//! The tools are told by headers only they write, from the export formats their help pages and
//! the files they produce document: amoCRM's contacts export (`Полное имя контакта`, `Дата
//! создания контакта`, `Кем создан контакт`), Bitrix24's contacts export (`Обращение`, `Тип
//! контакта`, `Дополнительно об источнике`, `Кем создан`, `UF_…` fields), Tilda's form leads
//! (`tranid`, `formid`, `formname`), Shopify's customers (`Customer ID`, `Accepts Email
//! Marketing`, `Total Spent`) and orders (`Lineitem name`, `Lineitem quantity`, `Financial
//! Status`) exports, WooCommerce's orders export (`order_number`, `order_subtotal`,
//! `shipping_tax_total`, `customer_user`).

use super::fields::{ColumnMap, Field, ImportKind, normalize_header};
use crate::i18n::Msg;

/// A tool whose export the import recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    AmoCrmContacts,
    Bitrix24Contacts,
    TildaLeads,
    ShopifyCustomers,
    ShopifyOrders,
    WooCommerceOrders,
}

impl Origin {
    const ALL: [Origin; 6] = [
        Origin::AmoCrmContacts,
        Origin::Bitrix24Contacts,
        Origin::TildaLeads,
        Origin::ShopifyCustomers,
        Origin::ShopifyOrders,
        Origin::WooCommerceOrders,
    ];

    /// Headers (normalised) that only this tool's export writes; two of them tell it.
    fn signature(self) -> &'static [&'static str] {
        match self {
            Origin::AmoCrmContacts => &[
                "полное имя контакта",
                "дата создания контакта",
                "кем создан контакт",
                "дата редактирования",
                "кем редактирован",
            ],
            Origin::Bitrix24Contacts => &[
                "обращение",
                "тип контакта",
                "дополнительно об источнике",
                "кем создан",
                "кем изменен",
                "телефон для рассылок",
            ],
            Origin::TildaLeads => &["tranid", "formid", "formname"],
            Origin::ShopifyCustomers => &[
                "customer id",
                "accepts email marketing",
                "total spent",
                "total orders",
                "default address city",
            ],
            Origin::ShopifyOrders => &[
                "lineitem name",
                "lineitem quantity",
                "lineitem price",
                "financial status",
                "fulfillment status",
            ],
            Origin::WooCommerceOrders => &[
                "order number",
                "order subtotal",
                "shipping tax total",
                "fee tax total",
                "customer user",
                "customer ip address",
            ],
        }
    }

    /// The system the export's ids belong to (DESIGN.md, "Who is who"): `amocrm:5012` and
    /// `bitrix24:5012` are two people.
    pub fn id_system(self) -> &'static str {
        match self {
            Origin::AmoCrmContacts => "amocrm",
            Origin::Bitrix24Contacts => "bitrix24",
            Origin::TildaLeads => "tilda",
            Origin::ShopifyCustomers | Origin::ShopifyOrders => "shopify",
            Origin::WooCommerceOrders => "woocommerce",
        }
    }

    /// Whether the export writes dates month first (`9/6/2016 6:29:00` is the 6th of September),
    /// as WooCommerce's order exports do.
    pub fn month_first(self) -> bool {
        self == Origin::WooCommerceOrders
    }

    /// The tool and export in words: «экспорт контактов amoCRM».
    pub fn msg(self) -> Msg {
        Msg::new(match self {
            Origin::AmoCrmContacts => "origin-amocrm-contacts",
            Origin::Bitrix24Contacts => "origin-bitrix24-contacts",
            Origin::TildaLeads => "origin-tilda-leads",
            Origin::ShopifyCustomers => "origin-shopify-customers",
            Origin::ShopifyOrders => "origin-shopify-orders",
            Origin::WooCommerceOrders => "origin-woocommerce-orders",
        })
    }
}

/// The tool that wrote a file with these headers, if the import knows it.
pub fn origin(headers: &[String]) -> Option<Origin> {
    let normalised: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let bitrix_fields = headers.iter().any(|h| h.starts_with("UF_CRM_"));
    Origin::ALL.into_iter().find(|o| {
        let found = o
            .signature()
            .iter()
            .filter(|s| normalised.iter().any(|h| h == *s))
            .count();
        found >= 2 || (*o == Origin::Bitrix24Contacts && bitrix_fields && found >= 1)
    })
}

/// The system a file's external ids belong to: the one the owner named, else the tool's that
/// wrote it, else the owner's own. A name the owner gives is a short word: letters, digits, `-`
/// and `_`, lower-cased.
pub fn id_system(named: Option<&str>, origin: Option<Origin>) -> Result<String, Msg> {
    let Some(named) = named.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(origin
            .map(Origin::id_system)
            .unwrap_or(crate::store::OWN_SYSTEM)
            .to_owned());
    };
    let word = named.to_lowercase();
    let fits = word.chars().count() <= 32
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if fits {
        Ok(word)
    } else {
        Err(Msg::new("error-id-system").arg("value", named))
    }
}

/// The column choices a recognised export needs beyond the synonyms, where the owner chose
/// nothing: Shopify's orders name the order in `Name` (`#1001`, on every line item's row) and
/// keep their own id in `Id` (the first row only), so `Name` is the order id, `Id` is left, and
/// the customer's name is the `Billing Name`.
pub fn adjust(
    origin: Option<Origin>,
    headers: &[String],
    fields: &mut [Field],
    chosen: &[ColumnMap],
) {
    if origin != Some(Origin::ShopifyOrders) {
        return;
    }
    let was_chosen = |h: &str| {
        chosen
            .iter()
            .any(|c| normalize_header(&c.column) == normalize_header(h))
    };
    for (header, field) in headers.iter().zip(fields.iter_mut()) {
        match normalize_header(header).as_str() {
            _ if was_chosen(header) => {}
            "name" => *field = Field::OrderId,
            "id" => *field = Field::Ignore,
            "billing name" => *field = Field::Name,
            _ => {}
        }
    }
}

/// What the mapping step says it recognised in a file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Recognised {
    pub origin: Option<Origin>,
    /// The system the file's external ids belong to.
    pub id_system: String,
    /// The phone columns, in the order the number to message is looked for in them.
    pub phones: Vec<String>,
    /// The columns kept as custom fields.
    pub custom: Vec<String>,
    /// The owner's column choices for files with these headers, applied again.
    pub remembered: Vec<ColumnMap>,
}

/// Where the column choices for files of `kind` with `headers` are remembered: the same headers
/// in any order, case or spacing.
pub fn memo_key(kind: ImportKind, headers: &[String]) -> String {
    let mut names: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    names.sort();
    // FNV-1a, 64 bits: a short, stable key for the set of headers.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in names.join("\u{1f}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let kind = match kind {
        ImportKind::Contacts => "contacts",
        ImportKind::Orders => "orders",
        ImportKind::Events => "events",
    };
    format!("import.mapping.{kind}.{hash:016x}")
}

/// The remembered choices as stored: `[["Моб. тел.", "phone"], …]`.
pub fn memo_text(choices: &[ColumnMap]) -> String {
    let pairs: Vec<(&str, &str)> = choices
        .iter()
        .map(|c| (c.column.as_str(), c.field.name()))
        .collect();
    serde_json::to_string(&pairs).unwrap_or_default()
}

/// The stored choices read back; what no longer reads is left out.
pub fn parse_memo(text: &str) -> Vec<ColumnMap> {
    let pairs: Vec<(String, String)> = serde_json::from_str(text).unwrap_or_default();
    pairs
        .into_iter()
        .filter_map(|(column, field)| {
            Some(ColumnMap {
                column,
                field: Field::from_name(&field)?,
            })
        })
        .collect()
}

/// The owner's `choices` over the `remembered` ones, a column chosen now winning: the remembered
/// choices that still apply, and all the choices to map the columns with.
pub fn with_remembered(
    remembered: Vec<ColumnMap>,
    choices: &[ColumnMap],
) -> (Vec<ColumnMap>, Vec<ColumnMap>) {
    let norm = |c: &ColumnMap| normalize_header(&c.column);
    let applied: Vec<ColumnMap> = remembered
        .into_iter()
        .filter(|r| choices.iter().all(|c| norm(c) != norm(r)))
        .collect();
    let all = applied.iter().chain(choices).cloned().collect();
    (applied, all)
}
