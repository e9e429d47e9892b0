//! Export profiles: the layout a sending service takes a plan in — which columns, under which
//! headers, the phone's form, the moment's zone and format, the encoding, the file type and how
//! a plan is split into send batches. Five are shipped ([`shipped`]); the owner's own are saved by
//! name in the base. A profile is JSON (docs/plans.md, "Export profiles"):
//!
//! ```json
//! {"version": 1, "name": "Мой сервис",
//!  "columns": [{"field": "phone", "header": "Phone", "format": "digits"}, {"field": "text"}],
//!  "moment": {"zone": "contact", "format": "%Y-%m-%d %H:%M"},
//!  "encoding": "utf-8-bom", "separator": ";", "file_type": "csv", "split": "none",
//!  "missing": "fallback"}
//! ```

mod cells;
mod findings;
mod format;
mod saved;
mod shipped;

use serde::{Deserialize, Serialize};

pub(crate) use cells::{CellMaker, ColumnKind};
pub use findings::{Finding, Findings};
pub use format::Format;
pub use saved::{all, delete, find, is_shipped, save};
pub use shipped::{DEFAULT, shipped};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The profile format this build reads and writes.
pub const VERSION: u32 = 1;

/// A plan's file layout for one sending service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub version: u32,
    pub name: String,
    pub columns: Vec<Column>,
    #[serde(default)]
    pub moment: MomentSpec,
    #[serde(default)]
    pub encoding: Encoding,
    /// The CSV separator: `;`, `,` or a tab.
    #[serde(default = "semicolon")]
    pub separator: String,
    #[serde(default)]
    pub file_type: FileType,
    #[serde(default)]
    pub split: Split,
    #[serde(default)]
    pub missing: Missing,
    /// Whether the file starts with a header row (SMS gateways take bare `number;text` rows).
    #[serde(default = "yes")]
    pub header: bool,
    /// What the service refuses, checked before the file is written.
    #[serde(default)]
    pub rules: Rules,
    /// Adds the `demo_data` column to the rows of a demo base's plan (beside the `DEMO_` name
    /// every profile's files get).
    #[serde(default)]
    pub demo_column: bool,
}

fn semicolon() -> String {
    ";".to_owned()
}

fn yes() -> bool {
    true
}

/// One column: a fact of the plan under a header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// What the column holds: `phone`, `text`, `moment`, `var:bonus`, `custom:Менеджер`, …
    pub field: String,
    /// The header; the field's own name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// `phone`: `e164` (default), `digits` or `national`; `moment`: a strftime format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

impl Column {
    /// A column of `field` under its own name.
    pub fn of(field: &str) -> Column {
        Column {
            field: field.to_owned(),
            header: None,
            format: None,
        }
    }

    /// A column of `field` under `header`.
    pub fn named(field: &str, header: &str) -> Column {
        Column {
            header: Some(header.to_owned()),
            ..Column::of(field)
        }
    }

    /// The same column with `format`.
    pub fn formatted(self, format: &str) -> Column {
        Column {
            format: Some(format.to_owned()),
            ..self
        }
    }
}

/// The zone and format the `moment` column is written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MomentSpec {
    #[serde(default)]
    pub zone: MomentZone,
    /// A strftime format (`%Y-%m-%d %H:%M`).
    #[serde(default = "minutes")]
    pub format: String,
}

fn minutes() -> String {
    "%Y-%m-%d %H:%M".to_owned()
}

impl Default for MomentSpec {
    fn default() -> Self {
        MomentSpec {
            zone: MomentZone::Contact,
            format: minutes(),
        }
    }
}

/// Whose clock a moment is told by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MomentZone {
    /// The contact's own time.
    #[default]
    Contact,
    /// The owner's time zone (the base's setting).
    Owner,
    Utc,
}

/// The bytes of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark, so Excel shows Cyrillic.
    #[default]
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "utf-8")]
    Utf8,
    /// Windows-1251, which older SMS gateways take; it has no emoji.
    #[serde(rename = "cp1251")]
    Cp1251,
}

/// The file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    #[default]
    Csv,
    Xlsx,
    Jsonl,
}

impl FileType {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Csv => "csv",
            FileType::Xlsx => "xlsx",
            FileType::Jsonl => "jsonl",
        }
    }
}

/// How a plan is cut into send batches, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// One file.
    #[default]
    None,
    /// One file per send hour in UTC (moments rounded down to the hour).
    Hour,
    /// One file per the recipients' local day.
    Day,
    /// One file per time zone.
    Zone,
}

impl Split {
    /// Every split, in the order offered.
    pub const ALL: [Split; 4] = [Split::None, Split::Hour, Split::Day, Split::Zone];

    /// Its name in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Split::None => "none",
            Split::Hour => "hour",
            Split::Day => "day",
            Split::Zone => "zone",
        }
    }
}

/// What a `var:` column or a WhatsApp parameter holds for a contact without the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The fallback the text gives the variable (`{{name|друг}}`), else empty.
    #[default]
    Fallback,
    /// Empty.
    Empty,
    /// No file: the export stops, naming the contacts.
    Refuse,
}

/// What a service refuses, checked before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// A number may appear once (a gateway keeps only the first row of a number).
    #[serde(default)]
    pub unique_phone: bool,
    /// Moments must lie this many minutes ahead at least (a scheduling API's lead time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_minutes_ahead: Option<u32>,
    /// … and this many days ahead at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days_ahead: Option<u32>,
    /// Headers of Latin letters, digits and `_` only (WhatsApp providers' bulk uploads).
    #[serde(default)]
    pub plain_headers: bool,
}

/// What a column's field names, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    MessageId,
    ContactId,
    ExternalId,
    Phone(PhoneForm),
    /// The Telegram chat id (or @username when that is all the base has).
    Telegram,
    Name,
    FirstName,
    City,
    Channel,
    Campaign,
    Variant,
    Arm,
    Text,
    /// How many SMS parts the text takes.
    SmsParts,
    /// The moment in the profile's zone and format (or the column's own format).
    Moment(Option<String>),
    /// The contact's local time, `YYYY-MM-DD HH:MM`.
    LocalTime,
    /// The moment in UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    SendAtUtc,
    TimeZone,
    /// The variant's approved WhatsApp template's name, and its language.
    WaTemplate,
    WaLanguage,
    /// The WhatsApp parameters, one column each (`param_1`, `param_2`, …).
    WaParams,
    /// A template variable's value (`var:bonus`).
    Var(String),
    /// A custom field (`custom:Менеджер`).
    Custom(String),
}

/// The three forms a phone is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneForm {
    /// `+79123456789`.
    E164,
    /// `79123456789`: the country code, no `+`.
    Digits,
    /// `89123456789` for Russia and Kazakhstan; the country's national digits elsewhere.
    National,
}

/// The fields a column may name, for the profile dialog's picker (without `var:`/`custom:`).
pub const FIELDS: [&str; 23] = [
    "message_id",
    "contact_id",
    "external_id",
    "phone",
    "telegram",
    "name",
    "first_name",
    "city",
    "channel",
    "campaign",
    "variant",
    "arm",
    "text",
    "sms_parts",
    "moment",
    "local_time",
    "send_at_utc",
    "time_zone",
    "wa_template",
    "wa_language",
    "wa_params",
    "var:",
    "custom:",
];

impl Field {
    /// Parses a column's field and format; the error names the column.
    pub fn parse(column: &Column) -> std::result::Result<Field, Msg> {
        let bad = || Msg::new("profile-error-field").arg("field", column.field.as_str());
        let format = column.format.as_deref().map(str::trim);
        let field = column.field.trim();
        if let Some(name) = field.strip_prefix("var:") {
            return non_empty(name).map(Field::Var).ok_or_else(bad);
        }
        if let Some(name) = field.strip_prefix("custom:") {
            return non_empty(name).map(Field::Custom).ok_or_else(bad);
        }
        Ok(match field {
            "message_id" => Field::MessageId,
            "contact_id" => Field::ContactId,
            "external_id" => Field::ExternalId,
            "phone" => Field::Phone(match format {
                None | Some("e164") => PhoneForm::E164,
                Some("digits") => PhoneForm::Digits,
                Some("national") => PhoneForm::National,
                Some(other) => {
                    return Err(Msg::new("profile-error-phone-format").arg("format", other));
                }
            }),
            "telegram" => Field::Telegram,
            "name" => Field::Name,
            "first_name" => Field::FirstName,
            "city" => Field::City,
            "channel" => Field::Channel,
            "campaign" => Field::Campaign,
            "variant" => Field::Variant,
            "arm" => Field::Arm,
            "text" => Field::Text,
            "sms_parts" => Field::SmsParts,
            "moment" => Field::Moment(format.map(str::to_owned)),
            "local_time" => Field::LocalTime,
            "send_at_utc" => Field::SendAtUtc,
            "time_zone" => Field::TimeZone,
            "wa_template" => Field::WaTemplate,
            "wa_language" => Field::WaLanguage,
            "wa_params" => Field::WaParams,
            _ => return Err(bad()),
        })
    }

    /// The header a column of this field gets when the profile names none.
    fn default_header(&self, field: &str) -> String {
        match self {
            Field::Var(name) | Field::Custom(name) => name.clone(),
            Field::WaParams => "param".to_owned(),
            _ => field.trim().to_owned(),
        }
    }
}

fn non_empty(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// A strftime format chrono can write; an unknown `%` directive is an error, not a panic.
fn check_time_format(format: &str) -> std::result::Result<(), Msg> {
    use chrono::format::{Item, StrftimeItems};
    if format.trim().is_empty() || StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        return Err(Msg::new("profile-error-moment-format").arg("format", format));
    }
    Ok(())
}

impl Profile {
    /// Reads a profile from its JSON; every fault is an error saying what and where.
    pub fn from_json(text: &str) -> Result<Profile> {
        let profile: Profile = serde_json::from_str(text).map_err(|e| {
            Error::user(
                Msg::new("profile-error-json")
                    .arg("line", e.line() as i64)
                    .arg("reason", e.to_string()),
            )
        })?;
        profile.validate().map_err(Error::user)?;
        Ok(profile)
    }

    /// The profile as pretty JSON, as `profile show` prints it and the dialog edits it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks everything a file needs: a name, known fields, formats chrono and the phone know,
    /// a one-character separator, headers the service's rule allows, and no header twice.
    pub fn validate(&self) -> std::result::Result<(), Msg> {
        if self.version != VERSION {
            return Err(Msg::new("profile-error-version").arg("version", i64::from(self.version)));
        }
        if self.name.trim().is_empty() {
            return Err(Msg::new("profile-error-name"));
        }
        if self.columns.is_empty() {
            return Err(Msg::new("profile-error-no-columns"));
        }
        if !matches!(self.separator.as_str(), ";" | "," | "\t" | "|") {
            return Err(Msg::new("profile-error-separator").arg("value", self.separator.as_str()));
        }
        check_time_format(&self.moment.format)?;
        let mut seen: Vec<String> = Vec::new();
        for column in &self.columns {
            let field = Field::parse(column)?;
            if let Field::Moment(Some(format)) = &field {
                check_time_format(format)?;
            }
            let mut header = self.header_of(column, &field);
            if field == Field::WaParams {
                header = param_header(&header, 0);
            }
            if self.rules.plain_headers && !is_plain(&header) {
                return Err(Msg::new("profile-error-plain-header").arg("header", header));
            }
            if seen.contains(&header) {
                return Err(Msg::new("profile-error-header-twice").arg("header", header));
            }
            seen.push(header);
        }
        Ok(())
    }

    /// The header of `column` (whose field is `field`).
    fn header_of(&self, column: &Column, field: &Field) -> String {
        column
            .header
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map_or_else(|| field.default_header(&column.field), str::to_owned)
    }

    /// Whether a file in this profile, of a campaign on `channel`, can hold anything
    /// [`Findings`] reports: then the window renders the plan once to check it before the export.
    /// WhatsApp parameters exist only on WhatsApp, so `wa_params` alone asks nothing of an SMS plan.
    pub fn has_checks(&self, channel: crate::model::campaign::Channel) -> bool {
        let r = &self.rules;
        let params = channel == crate::model::campaign::Channel::Whatsapp
            && self.columns.iter().any(|c| c.field.trim() == "wa_params");
        self.encoding == Encoding::Cp1251
            || self.missing == Missing::Refuse
            || r.unique_phone
            || r.min_minutes_ahead.is_some()
            || r.max_days_ahead.is_some()
            || params
    }

    /// The CSV separator's byte.
    pub fn separator_byte(&self) -> u8 {
        self.separator.as_bytes().first().copied().unwrap_or(b';')
    }

    /// The columns with their fields parsed and headers decided, the WhatsApp parameters
    /// expanded to `params` columns. The profile must be valid.
    pub(crate) fn layout(&self, params: usize) -> Vec<(String, ColumnKind)> {
        let mut out = Vec::new();
        for column in &self.columns {
            let Ok(field) = Field::parse(column) else {
                continue;
            };
            let header = self.header_of(column, &field);
            match field {
                Field::WaParams => {
                    out.extend(
                        (0..params).map(|i| (param_header(&header, i), ColumnKind::Param(i))),
                    );
                }
                field => out.push((header, ColumnKind::Field(field))),
            }
        }
        out
    }
}

/// The header of the `i`-th WhatsApp parameter's column: `{n}` in the profile's header stands for
/// its number (`body_variable{n}` → `body_variable1`), else `_1`, `_2`, … follow it (`param_1`).
fn param_header(header: &str, i: usize) -> String {
    if header.contains("{n}") {
        header.replace("{n}", &(i + 1).to_string())
    } else {
        format!("{header}_{}", i + 1)
    }
}

/// Latin letters, digits and `_` only, not empty.
fn is_plain(header: &str) -> bool {
    !header.is_empty()
        && header
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
}
