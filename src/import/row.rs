//! One row of a file, seen through the column mapping, and the contact keys it carries.

use super::fields::{Field, phone_rank};
use super::phone::{is_mobile, normalize_phone, numbers_in};
use super::values::{format_utc, parse_datetime};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{Contact, ContactKey, Writer};

/// Which column feeds each field, fixed for the whole file.
#[derive(Clone)]
pub(crate) struct Layout {
    positions: Vec<(Field, usize)>,
    custom: Vec<(String, usize)>,
    /// The phone columns, surest first ([`phone_rank`], then the file's order), with headers.
    phones: Vec<(String, usize)>,
}

impl Layout {
    pub fn new(headers: &[String], fields: &[Field]) -> Layout {
        let mut positions = Vec::new();
        let mut custom = Vec::new();
        let mut phones = Vec::new();
        for (i, (header, field)) in headers.iter().zip(fields).enumerate() {
            match field {
                Field::Custom => custom.push((header.clone(), i)),
                Field::Ignore => {}
                // A column the owner mapped to a phone without a phone's header comes first.
                Field::Phone => phones.push((phone_rank(header).unwrap_or(0), header.clone(), i)),
                f => positions.push((*f, i)),
            }
        }
        phones.sort_by_key(|(rank, _, i)| (*rank, *i));
        Layout {
            positions,
            custom,
            phones: phones.into_iter().map(|(_, h, i)| (h, i)).collect(),
        }
    }

    /// The phone columns' headers, in the order the number to message is looked for in them.
    pub fn phone_headers(&self) -> Vec<String> {
        self.phones.iter().map(|(h, _)| h.clone()).collect()
    }

    /// Whether some column feeds `field`.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Phone => !self.phones.is_empty(),
            _ => self.positions.iter().any(|(f, _)| *f == field),
        }
    }
}

/// The number to message a row names: E.164, and where it stood (the phone column among the
/// layout's, the number within the cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChosenPhone {
    pub e164: String,
    column: usize,
    nth: usize,
}

/// A row's values, read by field.
pub(crate) struct Row<'a> {
    pub layout: &'a Layout,
    pub values: &'a [String],
}

impl<'a> Row<'a> {
    /// The field's value, `None` when there is no such column or the cell is empty. For
    /// [`Field::Phone`]: the first phone cell that is not empty, as written ([`Row::phone`] is
    /// the number to message).
    pub fn get(&self, field: Field) -> Option<&'a str> {
        if field == Field::Phone {
            return self.phone_cells().next().map(|(_, _, v)| v);
        }
        let (_, i) = self.layout.positions.iter().find(|(f, _)| *f == field)?;
        self.cell(*i)
    }

    fn cell(&self, i: usize) -> Option<&'a str> {
        self.values
            .get(i)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The phone cells that are not empty, surest column first: (column among the layout's
    /// phones, header, value).
    fn phone_cells(&self) -> impl Iterator<Item = (usize, &'a str, &'a str)> + '_ {
        self.layout
            .phones
            .iter()
            .enumerate()
            .filter_map(|(n, (h, i))| Some((n, h.as_str(), self.cell(*i)?)))
    }

    /// The number to message (DESIGN.md, "Which phone"): of every number in the phone cells,
    /// surest column first and within a cell in order, the first mobile one, else the first
    /// valid one. `Ok(None)` when the row has no phone; the first number's fault when none is
    /// valid (an Excel-rounded `7,91235E+10` says so).
    pub fn phone(&self, default_country: &str) -> Result<Option<ChosenPhone>, Msg> {
        let mut first_valid = None;
        let mut first_fault = None;
        for (column, _, value) in self.phone_cells() {
            for (nth, number) in numbers_in(value).enumerate() {
                match normalize_phone(number, default_country) {
                    Ok(e164) if is_mobile(&e164) => {
                        return Ok(Some(ChosenPhone { e164, column, nth }));
                    }
                    Ok(e164) => {
                        first_valid.get_or_insert(ChosenPhone { e164, column, nth });
                    }
                    Err(fault) => {
                        first_fault.get_or_insert(fault);
                    }
                }
            }
        }
        match (first_valid, first_fault) {
            (Some(chosen), _) => Ok(Some(chosen)),
            (None, Some(fault)) => Err(fault),
            (None, None) => Ok(None),
        }
    }

    /// The phone numbers besides the one to message, kept as custom fields under their columns'
    /// headers: the other phone columns' cells as written, and the rest of the chosen number's
    /// cell.
    pub fn other_phones(&self, default_country: &str) -> Vec<(&'a str, String)> {
        let mut cells = self.phone_cells();
        let (Some(first), more) = (cells.next(), cells.next().is_some()) else {
            return Vec::new();
        };
        if !more && numbers_in(first.2).nth(1).is_none() {
            return Vec::new();
        }
        let chosen = self.phone(default_country).ok().flatten();
        let mut out = Vec::new();
        for (column, header, value) in self.phone_cells() {
            match &chosen {
                Some(c) if c.column == column => {
                    let rest: Vec<&str> = numbers_in(value)
                        .enumerate()
                        .filter(|(nth, _)| *nth != c.nth)
                        .map(|(_, n)| n)
                        .collect();
                    if !rest.is_empty() {
                        out.push((header, rest.join(", ")));
                    }
                }
                _ => out.push((header, value.to_owned())),
            }
        }
        out
    }

    /// The field's value, or the reason the row is rejected without it.
    pub fn required(&self, field: Field) -> Result<&'a str, Msg> {
        self.get(field)
            .ok_or_else(|| Msg::new("reject-missing").arg("field", field.name()))
    }

    /// A moment from the field, read in `tz` when it has no offset, in the stored form.
    pub fn moment(&self, field: Field, tz: chrono_tz::Tz) -> Result<String, Msg> {
        parse_datetime(self.required(field)?, tz)
            .map(format_utc)
            .map_err(|m| m.arg("field", field.name()))
    }

    /// The field's value as an owned string, `None` when empty.
    pub fn owned(&self, field: Field) -> Option<String> {
        self.get(field).map(str::to_owned)
    }

    /// Non-empty custom cells, by header.
    pub fn custom(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.layout.custom.iter().filter_map(|(h, i)| {
            self.values
                .get(*i)
                .filter(|v| !v.is_empty())
                .map(|v| (h.as_str(), v.as_str()))
        })
    }

    /// Whether the row holds any contact key (valid or not).
    pub fn has_key(&self) -> bool {
        [
            Field::ExternalId,
            Field::Phone,
            Field::TgChatId,
            Field::TgUsername,
        ]
        .iter()
        .any(|f| self.get(*f).is_some())
    }

    /// The contact keys in the row, strongest first (external id, phone, Telegram chat id,
    /// Telegram username). A key that is present but unusable rejects the row.
    pub fn keys(&self, default_country: &str) -> Result<Vec<ContactKey>, Msg> {
        let mut keys = Vec::with_capacity(2);
        if let Some(ext) = self.get(Field::ExternalId) {
            keys.push(ContactKey::External(ext.to_owned()));
        }
        if let Some(phone) = self.phone(default_country)? {
            keys.push(ContactKey::Phone(phone.e164));
        }
        if let Some(chat) = self.get(Field::TgChatId) {
            if chat.parse::<i64>().is_err() {
                return Err(Msg::new("reject-tg-chat-id").arg("value", chat));
            }
            keys.push(ContactKey::TgChatId(chat.to_owned()));
        }
        if let Some(user) = self.get(Field::TgUsername) {
            keys.push(ContactKey::TgUsername(normalize_tg_username(user)?));
        }
        if keys.is_empty() {
            return Err(Msg::new("reject-no-key"));
        }
        Ok(keys)
    }
}

/// `@Ivan_Petrov`, `t.me/ivan_petrov`, `https://t.me/Ivan_Petrov` → `ivan_petrov`.
pub fn normalize_tg_username(raw: &str) -> Result<String, Msg> {
    let mut s = raw.trim();
    for prefix in ["https://", "http://", "www."] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    for prefix in ["t.me/", "telegram.me/", "@"] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    let valid =
        (3..=32).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(Msg::new("reject-tg-username").arg("value", raw.trim()))
    }
}

fn key_kind(key: &ContactKey) -> &'static str {
    match key {
        ContactKey::External(_) => "external",
        ContactKey::Phone(_) => "phone",
        ContactKey::TgChatId(_) => "tg_chat_id",
        ContactKey::TgUsername(_) => "tg_username",
    }
}

/// Who a row is about.
pub(crate) enum Identity {
    /// No contact holds any of the keys.
    New,
    /// One contact, by its id.
    Existing(i64),
}

/// Where contacts are looked up: the base, and for the contacts import also the new contacts
/// it has not written yet.
pub(crate) trait Contacts {
    /// The id of the contact holding `key`.
    fn find(&mut self, key: &ContactKey) -> Result<Option<i64>>;
    /// The contact `id`, which `find` returned.
    fn load(&mut self, id: i64) -> Result<Contact>;
}

impl Contacts for &Writer<'_> {
    fn find(&mut self, key: &ContactKey) -> Result<Option<i64>> {
        Writer::find(self, key)
    }

    fn load(&mut self, id: i64) -> Result<Contact> {
        Writer::load(self, id)
    }
}

/// Finds the one contact the keys identify (DESIGN.md, "Who is who"). Rejects a row whose keys
/// lead to two contacts, naming both, and a row whose stronger key contradicts the contact a
/// weaker key found (CRM id `A` with the phone of the contact whose CRM id is `B`).
pub(crate) fn identify(
    contacts: &mut impl Contacts,
    keys: &[ContactKey],
) -> Result<Result<Identity, Msg>> {
    let mut found: Option<(usize, i64)> = None;
    for (i, key) in keys.iter().enumerate() {
        let Some(id) = contacts.find(key)? else {
            continue;
        };
        match found {
            None => found = Some((i, id)),
            Some((j, first)) if first != id => {
                return Ok(Err(Msg::new("reject-two-contacts")
                    .arg("first", first)
                    .arg("first_kind", key_kind(&keys[j]))
                    .arg("first_key", keys[j].value())
                    .arg("second", id)
                    .arg("second_kind", key_kind(key))
                    .arg("second_key", key.value())));
            }
            Some(_) => {}
        }
    }
    let Some((by, id)) = found else {
        return Ok(Ok(Identity::New));
    };
    if by == 0 {
        // Found by the strongest key the row has: nothing stronger can contradict it.
        return Ok(Ok(Identity::Existing(id)));
    }
    let contact = contacts.load(id)?;
    for key in &keys[..by] {
        if let Some(stored) = key.of_same_kind(&contact)
            && stored != key.value()
        {
            return Ok(Err(Msg::new("reject-key-mismatch")
                .arg("id", id)
                .arg("by_kind", key_kind(&keys[by]))
                .arg("by_key", keys[by].value())
                .arg("kind", key_kind(key))
                .arg("value", key.value())
                .arg("stored", stored)));
        }
    }
    Ok(Ok(Identity::Existing(id)))
}
