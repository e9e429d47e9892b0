//! One row of a file, seen through the column mapping, and the contact keys it carries.

use super::email::{addresses_in, is_role_address, normalize_email};
use super::fields::{Field, email_rank, phone_rank};
use super::name::{first_name_from_full, tidy_word};
use super::phone::{is_mobile, normalize_phone, numbers_in};
use super::values::{parse_datetime, parse_month_first};
use crate::error::Result;
use crate::i18n::Msg;
use crate::model::time::Moment;
use crate::store::{Contact, ContactKey, Writer};

/// Which column feeds each field, fixed for the whole file.
#[derive(Clone)]
pub(crate) struct Layout {
    /// The column that feeds each field (not custom, ignored, phone or e-mail), by the field's
    /// number: a row is asked for a dozen fields, a million rows over.
    positions: Vec<Option<usize>>,
    headers: Vec<String>,
    custom: Vec<(String, usize)>,
    /// The phone columns, surest first ([`phone_rank`], then the file's order), with headers.
    phones: Vec<(String, usize)>,
    /// The e-mail columns, surest first ([`email_rank`], then the file's order), with headers.
    emails: Vec<(String, usize)>,
    /// The system the file's external ids belong to (a row's `id_system` cell wins).
    id_system: String,
    /// Whether that system was recognised from the file (not named by the owner): only then
    /// may the file take over the owner's own ids it matches.
    recognised_system: bool,
    /// Whether the file writes `1/2/2026` for the 2nd of January (a US shop's export).
    month_first: bool,
}

/// Columns of one kind of key in the order they are tried, by `rank` (a column the owner mapped
/// without a header of that kind comes first), then the file's order.
fn ranked(mut columns: Vec<(u8, String, usize)>) -> Vec<(String, usize)> {
    columns.sort_by_key(|(rank, _, i)| (*rank, *i));
    columns.into_iter().map(|(_, h, i)| (h, i)).collect()
}

impl Layout {
    /// The layout of a file whose external ids belong to `id_system`.
    pub fn new(headers: &[String], fields: &[Field], id_system: &str) -> Layout {
        // `Ignore` is the last field.
        let mut positions = vec![None; Field::Ignore as usize + 1];
        let mut custom = Vec::new();
        let mut phones = Vec::new();
        let mut emails = Vec::new();
        for (i, (header, field)) in headers.iter().zip(fields).enumerate() {
            match field {
                Field::Custom => custom.push((header.clone(), i)),
                Field::Ignore => {}
                Field::Phone => phones.push((phone_rank(header).unwrap_or(0), header.clone(), i)),
                Field::Email => emails.push((email_rank(header).unwrap_or(0), header.clone(), i)),
                f => {
                    let slot = &mut positions[*f as usize];
                    slot.get_or_insert(i);
                }
            }
        }
        Layout {
            positions,
            headers: headers.to_vec(),
            custom,
            phones: ranked(phones),
            emails: ranked(emails),
            id_system: id_system.to_owned(),
            recognised_system: false,
            month_first: false,
        }
    }

    /// This layout, for a file that writes dates month first.
    pub fn with_month_first(mut self) -> Layout {
        self.month_first = true;
        self
    }

    /// This layout, for a file whose id system was recognised from what wrote it.
    pub fn with_recognised_system(mut self) -> Layout {
        self.recognised_system = true;
        self
    }

    /// The system whose ids may take over the owner's own ids the file matches, if any: the
    /// recognised tool's.
    pub fn adopting_system(&self) -> Option<&str> {
        self.recognised_system.then_some(self.id_system.as_str())
    }

    /// The system the file's external ids belong to.
    pub fn id_system(&self) -> &str {
        &self.id_system
    }

    /// The phone columns' headers, in the order the number to message is looked for in them.
    pub fn phone_headers(&self) -> Vec<String> {
        self.phones.iter().map(|(h, _)| h.clone()).collect()
    }

    /// The header of the column that feeds `field`.
    pub fn header_of(&self, field: Field) -> Option<&str> {
        let i = self.positions.get(field as usize).copied().flatten()?;
        self.headers.get(i).map(String::as_str)
    }

    /// Whether some column feeds `field`.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Phone => !self.phones.is_empty(),
            Field::Email => !self.emails.is_empty(),
            _ => self
                .positions
                .get(field as usize)
                .is_some_and(Option::is_some),
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
        if field == Field::Email {
            return cells(self, &self.layout.emails).next().map(|(_, _, v)| v);
        }
        let i = self
            .layout
            .positions
            .get(field as usize)
            .copied()
            .flatten()?;
        self.cell(i)
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
        cells(self, &self.layout.phones)
    }

    /// The person's own e-mail address (DESIGN.md, "Who is who"): of every address in the
    /// e-mail cells, surest column first, the first that is not a role's mailbox. Role
    /// addresses and values that are no address are left to [`Row::other_emails`].
    pub fn email(&self) -> Option<String> {
        cells(self, &self.layout.emails)
            .flat_map(|(_, _, v)| addresses_in(v))
            .filter_map(|a| normalize_email(a).ok())
            .find(|a| !is_role_address(a))
    }

    /// The e-mail cells' values besides `key` (the address [`Row::email`] took), kept as custom
    /// fields under their columns' headers; and the first value that is no address at all, if
    /// any.
    pub fn other_emails(&self, key: Option<&str>) -> (Vec<(&'a str, String)>, Option<&'a str>) {
        let mut out = Vec::new();
        let mut fault = None;
        for (_, header, value) in cells(self, &self.layout.emails) {
            let parts: Vec<(&str, Option<String>)> = addresses_in(value)
                .map(|a| (a, normalize_email(a).ok()))
                .collect();
            if parts.iter().all(|(_, norm)| norm.is_none()) {
                fault.get_or_insert(value);
            }
            // The cell as written, but for the key's address when it is one of them.
            if key.is_none() || !parts.iter().any(|(_, norm)| norm.as_deref() == key) {
                out.push((header, value.to_owned()));
                continue;
            }
            let rest: Vec<&str> = parts
                .iter()
                .filter(|(_, norm)| norm.as_deref() != key)
                .map(|(a, norm)| {
                    if norm.is_none() {
                        fault.get_or_insert(a);
                    }
                    *a
                })
                .collect();
            if !rest.is_empty() {
                out.push((header, rest.join(", ")));
            }
        }
        (out, fault)
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

    /// The phone numbers besides `chosen` (the one to message, [`Row::phone`]), kept as custom
    /// fields under their columns' headers: the other phone columns' cells as written, and the
    /// rest of the chosen number's cell.
    pub fn other_phones(&self, chosen: Option<&ChosenPhone>) -> Vec<(&'a str, String)> {
        let mut cells = self.phone_cells();
        let (Some(first), more) = (cells.next(), cells.next().is_some()) else {
            return Vec::new();
        };
        if !more && numbers_in(first.2).nth(1).is_none() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (column, header, value) in self.phone_cells() {
            match chosen {
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

    /// The person's full name and the name to greet them by: the name column, else the name
    /// parts in the order `parts` gives (`Фамилия Имя Отчество` in a CRM's export, `First Last`
    /// in a shop's); the first name column, else the first name read from the full name.
    pub fn person(&self, parts: &[Field]) -> (Option<String>, Option<String>) {
        let words: Vec<&str> = parts.iter().filter_map(|f| self.get(*f)).collect();
        let name = self
            .owned(Field::Name)
            .or_else(|| (!words.is_empty()).then(|| words.join(" ")));
        let first_name = match self.get(Field::FirstName) {
            Some(first) => Some(tidy_word(first)),
            None => name.as_deref().and_then(first_name_from_full),
        };
        (name, first_name)
    }

    /// The field's value, or the reason the row is rejected without it.
    pub fn required(&self, field: Field) -> Result<&'a str, Msg> {
        self.get(field)
            .ok_or_else(|| Msg::new("reject-missing").arg("field", field.name()))
    }

    /// A moment from the field, read in `tz` when it has no offset, in the stored form.
    pub fn moment(&self, field: Field, tz: chrono_tz::Tz) -> Result<Moment, Msg> {
        let raw = self.required(field)?;
        if self.layout.month_first
            && let Some(moment) = parse_month_first(raw, tz)
        {
            return Ok(Moment::of(moment));
        }
        parse_datetime(raw, tz)
            .map(Moment::of)
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
            Field::Email,
            Field::TgChatId,
            Field::TgUsername,
        ]
        .iter()
        .any(|f| self.get(*f).is_some())
    }

    /// The contact keys in the row, strongest first (external id, phone, e-mail, Telegram chat
    /// id, Telegram username). A key that is present but unusable rejects the row; an e-mail
    /// cell that holds no usable address is kept as a custom field instead, unless the row has
    /// nothing else to tell who it is.
    pub fn keys(&self, default_country: &str) -> Result<Vec<ContactKey>, Msg> {
        let phone = self.phone(default_country)?;
        self.keys_with(phone.as_ref(), self.email().as_deref())
    }

    /// The contact keys in the row, its number to message and its e-mail address already found
    /// ([`Row::phone`], [`Row::email`]): for a reader that needs them again beside the keys.
    pub fn keys_with(
        &self,
        phone: Option<&ChosenPhone>,
        email: Option<&str>,
    ) -> Result<Vec<ContactKey>, Msg> {
        let mut keys = Vec::with_capacity(2);
        // An id 0 is nobody's: WooCommerce gives it to every guest who bought without an account.
        if let Some(ext) = self.get(Field::ExternalId).filter(|id| id.trim() != "0") {
            let system = match self.get(Field::IdSystem) {
                Some(named) => named.trim().to_lowercase(),
                None => self.layout.id_system.clone(),
            };
            keys.push(ContactKey::External {
                system,
                id: ext.to_owned(),
            });
        }
        if let Some(phone) = phone {
            keys.push(ContactKey::Phone(phone.e164.clone()));
        }
        if let Some(email) = email {
            keys.push(ContactKey::Email(email.to_owned()));
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
            return Err(match self.other_emails(None) {
                (_, Some(fault)) => Msg::new("reject-email").arg("value", fault),
                (others, None) if !others.is_empty() => {
                    Msg::new("reject-role-email").arg("value", others[0].1.as_str())
                }
                _ => Msg::new("reject-no-key"),
            });
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

/// The non-empty cells of `columns`: (column among them, header, value).
fn cells<'r, 'a>(
    row: &'r Row<'a>,
    columns: &'a [(String, usize)],
) -> impl Iterator<Item = (usize, &'a str, &'a str)> + 'r {
    columns
        .iter()
        .enumerate()
        .filter_map(|(n, (h, i))| Some((n, h.as_str(), row.cell(*i)?)))
}

fn key_kind(key: &ContactKey) -> &'static str {
    match key {
        ContactKey::External { .. } => "external",
        ContactKey::Phone(_) => "phone",
        ContactKey::Email(_) => "email",
        ContactKey::TgChatId(_) => "tg_chat_id",
        ContactKey::TgUsername(_) => "tg_username",
    }
}

/// How many kinds of contact key there are: a row has at most one of each.
const KEY_KINDS: usize = 5;

/// Who a row is about.
pub(crate) enum Identity {
    /// No contact holds any of the keys.
    New,
    /// One contact, by its id.
    Existing(i64),
    /// The contact the row's phone finds (`into`), and a contact known only by the row's
    /// e-mail, which joins it.
    Join { into: i64, absorbed: i64 },
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
/// lead to two contacts, naming both — but for a contact known only by the row's e-mail, which
/// joins the one the row's phone finds when that one has no e-mail — and a row whose stronger
/// key contradicts the contact a weaker key found (CRM id `A` with the phone of the contact
/// whose CRM id is `B`).
pub(crate) fn identify(
    contacts: &mut impl Contacts,
    keys: &[ContactKey],
) -> Result<Result<Identity, Msg>> {
    // At most one key of each kind: the holders fit in place, with no allocation per row.
    let mut holders = [(0, 0); KEY_KINDS];
    let mut n = 0;
    for (i, key) in keys.iter().enumerate().take(KEY_KINDS) {
        if let Some(id) = contacts.find(key)? {
            holders[n] = (i, id);
            n += 1;
        }
    }
    let found = &holders[..n];
    let Some(&(by, id)) = found.first() else {
        return Ok(Ok(Identity::New));
    };
    let mut absorbed = None;
    for &(i, other) in &found[1..] {
        if other == id || absorbed == Some(other) {
            continue;
        }
        if absorbed.is_none() && email_joins(contacts, keys, found, i, id, other)? {
            absorbed = Some(other);
            continue;
        }
        return Ok(Err(Msg::new("reject-two-contacts")
            .arg("first", id)
            .arg("first_kind", key_kind(&keys[by]))
            .arg("first_key", keys[by].shown())
            .arg("second", other)
            .arg("second_kind", key_kind(&keys[i]))
            .arg("second_key", keys[i].shown())));
    }
    if by > 0 {
        let contact = contacts.load(id)?;
        for key in &keys[..by] {
            if let Some(stored) = key.of_same_kind(&contact)
                && stored != key.shown()
            {
                return Ok(Err(Msg::new("reject-key-mismatch")
                    .arg("id", id)
                    .arg("by_kind", key_kind(&keys[by]))
                    .arg("by_key", keys[by].shown())
                    .arg("kind", key_kind(key))
                    .arg("value", key.shown())
                    .arg("stored", stored)));
            }
        }
    }
    Ok(Ok(match absorbed {
        Some(absorbed) => Identity::Join { into: id, absorbed },
        None => Identity::Existing(id),
    }))
}

/// Whether contact `other`, which the row's e-mail (`keys[i]`) found, is known only by that
/// e-mail and joins contact `into`, which the row's phone found and which has no e-mail.
fn email_joins(
    contacts: &mut impl Contacts,
    keys: &[ContactKey],
    found: &[(usize, i64)],
    i: usize,
    into: i64,
    other: i64,
) -> Result<bool> {
    if !matches!(keys[i], ContactKey::Email(_)) {
        return Ok(false);
    }
    let by_phone = found
        .iter()
        .any(|&(j, c)| c == into && matches!(keys[j], ContactKey::Phone(_)));
    if !by_phone {
        return Ok(false);
    }
    let absorbed = contacts.load(other)?;
    if absorbed.phone.is_some() || absorbed.external_id.is_some() {
        return Ok(false);
    }
    Ok(contacts.load(into)?.email.is_none())
}
