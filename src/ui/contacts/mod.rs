//! The Contacts screen: the whole base in a virtualised table, searched and filtered in the
//! background, with one contact's card beside it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono_tz::Tz;
use egui_extras::{Column, TableBuilder};

mod card;

use super::Action;
use super::derived::Derived;
use super::jobs::{Pending, Work};
use crate::error::Result;
use crate::i18n::{Msg, tr};
use crate::store::{Consent, ContactCard, ContactQuery, ContactRow, SortColumn, Status, Store};

const ROW_HEIGHT: f32 = 22.0;

/// The columns of the table, with the order each sorts by.
const COLUMNS: &[(&str, Option<SortColumn>)] = &[
    ("col-id", Some(SortColumn::Id)),
    ("col-name", Some(SortColumn::Name)),
    ("col-phone", Some(SortColumn::Phone)),
    ("col-city", Some(SortColumn::City)),
    ("col-zone", Some(SortColumn::TimeZone)),
    ("col-consent", Some(SortColumn::Consent)),
    ("col-status", Some(SortColumn::Status)),
    ("col-tags", None),
];

/// The screen's state: the query, the matching ids, the rows fetched so far, the open card.
#[derive(Default)]
pub struct ContactsScreen {
    query: ContactQuery,
    /// The ids the query finds; a newer query interrupts the running search, so keystrokes
    /// never pile up scans.
    ids: Derived<ContactQuery, Arc<Vec<i64>>>,
    /// The rows read so far, by id: the table reads those in view as it scrolls.
    rows: HashMap<i64, ContactRow>,
    rows_job: Option<Pending<Result<Vec<ContactRow>>>>,
    selected: Option<i64>,
    /// The card of the selected contact.
    card: Derived<i64, Option<ContactCard>>,
    /// Why the rows in view could not be read.
    error: Option<String>,
}

impl ContactsScreen {
    /// Forgets everything read from the base (after an import or on another base).
    pub fn reload(&mut self) {
        self.ids.forget();
        self.rows.clear();
        self.rows_job = None;
        self.card.forget();
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        self.ids.poll();
        let query = self.query.clone();
        self.ids
            .want(ctx, Work::Search, db, query.clone(), move |store, _| {
                store.contact_ids(&query).map(Arc::new)
            });
        if let Some(job) = &mut self.rows_job
            && let Some(result) = job.finished()
        {
            self.rows_job = None;
            match result {
                Some(Ok(rows)) => self.rows.extend(rows.into_iter().map(|r| (r.id, r))),
                Some(Err(e)) => self.error = Some(e.to_string()),
                None => {}
            }
        }
        self.card.poll();
        self.read_card(ctx, db);
    }

    /// Reads the card of the selected contact, unless it is read or being read.
    fn read_card(&mut self, ctx: &egui::Context, db: &Path) {
        if let Some(id) = self.selected {
            self.card
                .want(ctx, Work::ReadContacts, db, id, move |store, _| {
                    store.contact_card(id)
                });
        }
    }

    /// Fetches the rows in view that are not loaded yet, one request at a time.
    fn fetch(&mut self, ctx: &egui::Context, db: &Path, visible: std::ops::Range<usize>) {
        if self.rows_job.is_some() {
            return;
        }
        // A screen and a half around the view, so a scroll finds its rows ready.
        let margin = visible.len();
        let start = visible.start.saturating_sub(margin);
        let ids = self.ids();
        let end = (visible.end + margin).min(ids.len());
        let missing: Vec<i64> = ids[start..end]
            .iter()
            .filter(|id| !self.rows.contains_key(id))
            .copied()
            .collect();
        if missing.is_empty() {
            return;
        }
        if self.rows.len() > 50_000 {
            self.rows.clear();
        }
        let db = db.to_owned();
        self.rows_job = Some(Pending::spawn(ctx, Work::ReadContacts, move |_| {
            Store::open(&db)?.contact_rows(&missing)
        }));
    }

    /// The ids of the last search done.
    fn ids(&self) -> Arc<Vec<i64>> {
        self.ids.last().cloned().unwrap_or_default()
    }

    /// Draws the screen; dates are shown in `tz`, the owner's zone.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path, tz: Tz, actions: &mut Vec<Action>) {
        self.poll(ui.ctx(), db);
        self.toolbar(ui, actions);
        if let Some(error) = self.error.as_deref().or(self.ids.error()) {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if self.selected.is_some() {
            egui::Panel::right("card")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| self.card_panel(ui, tz));
        }
        egui::CentralPanel::default().show(ui, |ui| self.table(ui, db, actions));
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            if ui.button(tr("import-button")).clicked() {
                actions.push(Action::OpenImport(None));
            }
            ui.separator();
            let label = ui.label(tr("search"));
            ui.add(
                egui::TextEdit::singleline(&mut self.query.search)
                    .hint_text(tr("search-hint"))
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
            filter(
                ui,
                "filter-status",
                &mut self.query.status,
                &[Status::Active, Status::Unsubscribed, Status::Blocked],
                status_label,
            );
            filter(
                ui,
                "filter-consent",
                &mut self.query.consent,
                &[Consent::Yes, Consent::No, Consent::Unknown],
                consent_label,
            );
            if self.ids.is_running() {
                ui.spinner();
            }
            ui.label(Msg::counted("found-contacts", self.ids().len() as i64).to_string());
        });
        ui.separator();
    }

    fn table(&mut self, ui: &mut egui::Ui, db: &Path, actions: &mut Vec<Action>) {
        if self.ids().is_empty() && !self.ids.is_running() {
            nothing_shown(ui, self.query == ContactQuery::default(), actions);
            return;
        }
        let ids = self.ids();
        let mut visible: Option<std::ops::Range<usize>> = None;
        let mut clicked = None;
        let mut sort_by = None;
        // On a laptop with the card open (~870 px) name, city and zone start narrower, so consent,
        // status and some tags still show; the table keeps its widths apart for either layout.
        let spacing = 8.0 * ui.spacing().item_spacing.x;
        let fixed = 60.0 + 130.0 + 90.0 + 110.0 + 100.0 + spacing;
        let scale = ((ui.available_width() - fixed) / (240.0 + 140.0 + 140.0)).clamp(0.6, 1.0);
        TableBuilder::new(ui)
            .id_salt(("contacts-table", self.selected.is_some()))
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::auto().at_least(60.0))
            .column(Column::initial(240.0 * scale).clip(true).resizable(true))
            .column(Column::initial(130.0).resizable(true))
            .column(Column::initial(140.0 * scale).clip(true).resizable(true))
            .column(Column::initial(140.0 * scale).clip(true).resizable(true))
            .column(Column::initial(90.0))
            .column(Column::initial(110.0))
            .column(Column::remainder().clip(true))
            .header(24.0, |mut header| {
                for (label, sort) in COLUMNS {
                    header.col(|ui| {
                        if header_cell(ui, label, *sort, &self.query) {
                            sort_by = *sort;
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, ids.len(), |mut row| {
                    let index = row.index();
                    let seen = visible.get_or_insert(index..index + 1);
                    seen.start = seen.start.min(index);
                    seen.end = seen.end.max(index + 1);
                    let id = ids[index];
                    row.set_selected(self.selected == Some(id));
                    let Some(c) = self.rows.get(&id) else {
                        row.col(|ui| {
                            ui.label(id.to_string());
                        });
                        row.col(|ui| {
                            ui.label("…");
                        });
                        return;
                    };
                    let cells = [
                        c.id.to_string(),
                        c.name.clone().unwrap_or_default(),
                        c.phone.clone().unwrap_or_default(),
                        c.city.clone().unwrap_or_default(),
                        c.time_zone.clone(),
                        consent_label(Some(c.consent)),
                        status_label(Some(c.status)),
                        c.tags.clone(),
                    ];
                    for text in cells {
                        row.col(|ui| {
                            ui.add(egui::Label::new(text).selectable(false).truncate());
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some(id);
                    }
                });
            });
        if let Some(visible) = visible {
            self.fetch(ui.ctx(), db, visible);
        }
        if let Some(id) = clicked {
            self.selected = Some(id);
            self.read_card(ui.ctx(), db);
        }
        if let Some(sort) = sort_by {
            if self.query.sort == sort {
                self.query.descending = !self.query.descending;
            } else {
                self.query.sort = sort;
                self.query.descending = false;
            }
        }
    }

    fn card_panel(&mut self, ui: &mut egui::Ui, tz: Tz) {
        ui.horizontal(|ui| {
            ui.heading(tr("card-title"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr("close")).clicked() {
                    self.selected = None;
                    self.card.clear();
                }
            });
        });
        // The card of the contact selected, not of the one before while it is read.
        let card = self
            .card
            .last()
            .and_then(Option::as_ref)
            .filter(|c| Some(c.contact.id) == self.selected);
        let Some(card) = card else {
            if self.card.is_running() {
                ui.spinner();
            }
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| card::contact_card(ui, card, tz));
    }
}

/// An empty table: an empty base offers an import or the demo; a search says nothing matched.
fn nothing_shown(ui: &mut egui::Ui, empty_base: bool, actions: &mut Vec<Action>) {
    ui.add_space(20.0);
    ui.vertical_centered(|ui| {
        ui.label(tr(if empty_base {
            "base-empty"
        } else {
            "nothing-found"
        }));
        if empty_base {
            ui.add_space(10.0);
            if ui.button(tr("menu-import")).clicked() {
                actions.push(Action::OpenImport(None));
            }
            if ui.button(tr("menu-demo")).clicked() {
                actions.push(Action::OpenDemo);
            }
        }
    });
}

/// A column's heading, marked ▲/▼ when the table is sorted by it; true when a sortable one
/// was clicked.
fn header_cell(
    ui: &mut egui::Ui,
    label: &str,
    sort: Option<SortColumn>,
    query: &ContactQuery,
) -> bool {
    let mut text = tr(label);
    if sort.is_some() && sort == Some(query.sort) {
        text.push_str(if query.descending { " ▼" } else { " ▲" });
    }
    if sort.is_none() {
        ui.strong(text);
        return false;
    }
    let button = egui::Button::new(egui::RichText::new(text).strong()).frame(false);
    ui.add(button).clicked()
}

/// A labelled drop-down that narrows the table to one of `options`, or to any.
fn filter<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &'static str,
    value: &mut Option<T>,
    options: &[T],
    text: fn(Option<T>) -> String,
) {
    let label = ui.label(tr(label));
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(text(*value))
        .show_ui(ui, |ui| {
            for option in std::iter::once(None).chain(options.iter().copied().map(Some)) {
                ui.selectable_value(value, option, text(option));
            }
        })
        .response
        .labelled_by(label.id);
}

pub fn status_label(status: Option<Status>) -> String {
    tr(match status {
        None => "filter-any",
        Some(Status::Active) => "status-active",
        Some(Status::Unsubscribed) => "status-unsubscribed",
        Some(Status::Blocked) => "status-blocked",
    })
}

pub fn consent_label(consent: Option<Consent>) -> String {
    tr(match consent {
        None => "filter-any",
        Some(Consent::Yes) => "consent-yes",
        Some(Consent::No) => "consent-no",
        Some(Consent::Unknown) => "consent-unknown",
    })
}
