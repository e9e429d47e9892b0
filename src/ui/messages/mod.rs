//! The Messages screen: saved campaigns on the left; in the middle the campaign being edited —
//! channel, "never send to", variants with the contacts each gets after priority and exclusions,
//! the template editor with live validation and the buttons; on the right the message as the
//! chosen recipient will see it, the WhatsApp parameters, and who would get a gap.
//!
//! Everything that reads the base runs in the background: who gets which variant (again when the
//! targeting changes), the values of the recipient on screen, and the checks over every recipient
//! (again shortly after the texts stop changing, with progress and cancel).

mod editor;
mod extras;
mod files;
mod preview;
mod text;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use super::derived::Derived;
use super::jobs::{QueryJob, Work};
use crate::campaign::{Audience, Campaign, Channel, Checks, Renderer, Variant};
use crate::i18n::{Msg, tr};
use crate::segment::Today;
use crate::store::{ContactRow, FactNeeds, MessageFacts, Store};
use files::FileWindow;

/// How long the texts must rest before every recipient is checked again (seconds).
const CHECK_DELAY: f64 = 0.6;
/// How many recipients with a gap are listed per variable.
const GAP_ROWS: usize = 50;

/// What the screen offers from the base.
#[derive(Debug, Clone, Default)]
struct Base {
    campaigns: Vec<String>,
    segments: Vec<String>,
    tags: Vec<String>,
    tag_groups: Vec<String>,
    custom_fields: Vec<String>,
    flows: Vec<String>,
    tz: chrono_tz::Tz,
}

fn load_base(store: &Store) -> crate::Result<Base> {
    let tags: Vec<String> = store.tag_names()?.into_iter().map(|(_, n)| n).collect();
    let tag_groups = Store::tag_groups(&tags);
    Ok(Base {
        campaigns: store.campaign_names()?,
        segments: store.segments()?.into_iter().map(|s| s.name).collect(),
        tags,
        tag_groups,
        custom_fields: store.custom_field_names()?,
        flows: store.flows()?.into_iter().map(|(n, _)| n).collect(),
        tz: store.settings()?.owner_tz,
    })
}

/// What decides the audience: when it changes, the audience is decided again.
#[derive(Debug, Clone, PartialEq)]
struct Targeting {
    name: String,
    channel: Channel,
    variants: Vec<(String, Option<u8>)>,
    never: Vec<String>,
    sleeping: Option<u32>,
}

impl Targeting {
    fn of(c: &Campaign) -> Targeting {
        Targeting {
            name: c.name.clone(),
            channel: c.channel,
            variants: c
                .variants
                .iter()
                .map(|v| (v.segment.clone(), v.b.as_ref().map(|b| b.percent)))
                .collect(),
            never: c.never.clone(),
            sleeping: c.sleeping,
        }
    }
}

/// The checks over every recipient, with the first few of those who would get a gap.
struct Checked {
    checks: Checks,
    gaps: BTreeMap<String, Vec<ContactRow>>,
}

/// What a save button does, carried out in the background.
enum Save {
    /// Save under the campaign's name, renaming `from` first when it was saved as another.
    Store {
        campaign: Box<Campaign>,
        from: Option<String>,
    },
    Delete(String),
    Open(String),
}

/// What a finished save brings back.
enum Saved {
    Stored(String),
    Deleted,
    Opened(Box<Campaign>),
}

fn run_save(store: &mut Store, save: Save) -> crate::Result<Saved> {
    match save {
        Save::Store { campaign, from } => {
            crate::campaign::save(store, &campaign, from.as_deref(), chrono::Utc::now())?;
            Ok(Saved::Stored(campaign.name.trim().to_owned()))
        }
        Save::Delete(name) => {
            store.delete_campaign(&name)?;
            Ok(Saved::Deleted)
        }
        Save::Open(name) => match store.campaign(&name)? {
            Some(c) => Ok(Saved::Opened(Box::new(c))),
            None => Err(crate::Error::user(
                Msg::new("cli-no-campaign").arg("value", name),
            )),
        },
    }
}

/// A new campaign: one variant for the first saved segment, the sleeping left out.
fn new_campaign(segments: &[String]) -> Campaign {
    Campaign {
        name: String::new(),
        channel: Channel::Whatsapp,
        values: BTreeMap::new(),
        interest_group: None,
        variants: vec![new_variant(segments, 1)],
        never: Vec::new(),
        sleeping: Some(3),
        triggered: false,
    }
}

fn new_variant(segments: &[String], n: usize) -> Variant {
    Variant {
        name: Msg::new("messages-variant-default")
            .arg("n", n as i64)
            .to_string(),
        segment: segments.first().cloned().unwrap_or_default(),
        text: tr("messages-text-default"),
        buttons: Vec::new(),
        b: None,
        whatsapp_template: None,
    }
}

/// The screen's state.
pub struct MessagesScreen {
    campaign: Campaign,
    /// The saved campaign being edited, by its stored name; `None` for a new one.
    original: Option<String>,
    base: Base,
    base_job: Option<QueryJob<Base>>,
    loaded: bool,
    /// The variant whose text is being edited, and whether its B arm's.
    variant: usize,
    arm_b: bool,
    /// Who gets the campaign, for its targeting.
    audience: Derived<Targeting, Arc<Audience>>,
    /// Every recipient's message checked, for the campaign as it was.
    checked: Derived<Campaign, Checked>,
    /// When the campaign last changed (egui time), to let typing rest before the checks.
    edited_at: f64,
    last_seen: Option<Campaign>,
    /// The recipient on screen: an index into the audience.
    cursor: usize,
    /// The values of the recipient on screen, for them and what the texts need.
    facts: Derived<(i64, FactNeeds), Option<MessageFacts>>,
    search: String,
    /// The contacts the search found, for the text searched.
    found: Derived<String, Vec<ContactRow>>,
    save_job: Option<QueryJob<Saved>>,
    notice: Option<Result<String, String>>,
    confirm_delete: bool,
    file: Option<FileWindow>,
}

impl Default for MessagesScreen {
    fn default() -> Self {
        MessagesScreen {
            campaign: new_campaign(&[]),
            original: None,
            base: Base::default(),
            base_job: None,
            loaded: false,
            variant: 0,
            arm_b: false,
            audience: Derived::default(),
            checked: Derived::default(),
            edited_at: 0.0,
            last_seen: None,
            cursor: 0,
            facts: Derived::default(),
            search: String::new(),
            found: Derived::default(),
            save_job: None,
            notice: None,
            confirm_delete: false,
            file: None,
        }
    }
}

impl MessagesScreen {
    /// Forgets what was read from the base (after an import, or on another base).
    pub fn reload(&mut self) {
        self.loaded = false;
        self.audience.forget();
        self.checked.forget();
        self.facts.forget();
    }

    /// Reads the campaigns, segments, tags and flows again when the owner turns to the screen
    /// (a segment saved on the Segments screen is offered at once); the campaign being edited
    /// and its audience stay.
    pub fn opened(&mut self) {
        self.loaded = false;
    }

    /// Draws the screen.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path, actions: &mut Vec<crate::ui::Action>) {
        self.poll(ui.ctx(), db);
        egui::Panel::left("campaign-list")
            .resizable(true)
            .default_size(170.0)
            .show(ui, |ui| self.list_panel(ui, db));
        egui::Panel::right("message-preview")
            .resizable(true)
            .default_size(350.0)
            .min_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("preview-scroll")
                    .show(ui, |ui| self.preview_panel(ui, actions))
            });
        egui::CentralPanel::default().show(ui, |ui| {
            // Text and chips wrap at the visible width; only the variants' table, which cannot,
            // scrolls sideways on a narrow window.
            egui::ScrollArea::vertical()
                .id_salt("campaign-scroll")
                .show(ui, |ui| self.editor(ui, db))
        });
        self.file_window(ui.ctx());
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        if !self.loaded {
            self.loaded = true;
            self.base_job = Some(QueryJob::spawn(ctx, Work::ReadBase, db, |s| load_base(s)));
        }
        if let Some(job) = &mut self.base_job
            && let Some(result) = job.pending.finished()
        {
            self.base_job = None;
            match result {
                Some(Ok(base)) => {
                    let fresh = self.base.segments.is_empty()
                        && self.original.is_none()
                        && self.campaign.variants.iter().all(|v| v.segment.is_empty());
                    self.base = base;
                    if fresh {
                        self.campaign = new_campaign(&self.base.segments);
                    }
                }
                Some(Err(e)) => self.notice = Some(Err(e.to_string())),
                None => {}
            }
        }
        self.poll_save(ctx, db);
        self.poll_audience(ctx, db);
        self.poll_checks(ctx, db);
        self.poll_facts(ctx, db);
        self.poll_search(ctx, db);
    }

    fn poll_save(&mut self, _ctx: &egui::Context, _db: &Path) {
        let Some(job) = &mut self.save_job else {
            return;
        };
        let Some(result) = job.pending.finished() else {
            return;
        };
        self.save_job = None;
        match result {
            Some(Ok(Saved::Stored(name))) => {
                self.notice = Some(Ok(Msg::new("campaign-saved")
                    .arg("name", name.clone())
                    .to_string()));
                self.original = Some(name);
                self.loaded = false;
            }
            Some(Ok(Saved::Deleted)) => {
                self.open(new_campaign(&self.base.segments), None);
                self.loaded = false;
            }
            Some(Ok(Saved::Opened(c))) => {
                let name = c.name.clone();
                self.open(*c, Some(name));
            }
            Some(Err(e)) => self.notice = Some(Err(e.to_string())),
            None => {}
        }
    }

    /// Decides the audience again when the targeting changed.
    fn poll_audience(&mut self, ctx: &egui::Context, db: &Path) {
        if self.loaded && self.base_job.is_none() {
            let campaign = self.campaign.clone();
            let targeting = Targeting::of(&campaign);
            self.audience
                .want(ctx, Work::Audience, db, targeting, move |store, task| {
                    let today = Today::at(task.now(), store.settings()?.owner_tz);
                    crate::campaign::audience(store, &campaign, today, task).map(Arc::new)
                });
        }
        if self.audience.poll() {
            // The recipient on screen stays on screen when they still get the campaign.
            let shown = self.shown_facts().map(|f| f.contact_id);
            self.cursor = match (self.audience.current(), shown) {
                (Some(a), Some(id)) => a
                    .assigned
                    .binary_search_by_key(&id, |x| x.contact_id)
                    .unwrap_or(0),
                _ => 0,
            };
            self.checked.forget();
        }
    }

    /// The audience, when it is decided and current.
    fn audience(&self) -> Option<&Arc<Audience>> {
        self.audience.current()
    }

    /// The values read of the recipient on screen (or of the one before, while they are read).
    fn shown_facts(&self) -> Option<&MessageFacts> {
        self.facts.last().and_then(Option::as_ref)
    }

    /// Checks every recipient again once the texts have rested.
    fn poll_checks(&mut self, ctx: &egui::Context, db: &Path) {
        let now = ctx.input(|i| i.time);
        if self.last_seen.as_ref() != Some(&self.campaign) {
            self.last_seen = Some(self.campaign.clone());
            self.edited_at = now;
        }
        self.checked.poll();
        let Some(audience) = self.audience().cloned() else {
            return;
        };
        if self.checked.is_for(&self.campaign) {
            return;
        }
        if now - self.edited_at < CHECK_DELAY {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(CHECK_DELAY));
            return;
        }
        let campaign = self.campaign.clone();
        let key = campaign.clone();
        self.checked
            .restart(ctx, Work::Checks, db, key, move |store, task| {
                let renderer = Renderer::new(store, &campaign)?;
                let mut checks = Checks::new(campaign.channel);
                renderer.each(store, &audience.assigned, task, &mut |r, _| {
                    checks.add(r);
                    Ok(true)
                })?;
                let mut gaps = BTreeMap::new();
                for (name, ids) in &checks.missing {
                    let shown = &ids[..ids.len().min(GAP_ROWS)];
                    gaps.insert(name.clone(), store.contact_rows(shown)?);
                }
                Ok(Checked { checks, gaps })
            });
    }

    /// Reads the values of the recipient on screen when they change.
    fn poll_facts(&mut self, ctx: &egui::Context, db: &Path) {
        self.facts.poll();
        let Some(who) = self
            .audience()
            .and_then(|a| a.assigned.get(self.cursor))
            .copied()
        else {
            return;
        };
        let needs = FactNeeds {
            last_order: true,
            rfm: true,
            custom: true,
            interest_prefix: self
                .campaign
                .interest_group
                .as_ref()
                .map(|g| g.trim_end_matches('*').to_owned()),
        };
        let key = (who.contact_id, needs.clone());
        self.facts
            .want(ctx, Work::MessagePreview, db, key, move |store, _| {
                let mut found = None;
                store.each_message_facts(&[who.contact_id], &needs, &mut |f| {
                    found = Some(f);
                    Ok(false)
                })?;
                Ok(found)
            });
    }

    /// Looks up contacts by what is typed in the recipient search.
    fn poll_search(&mut self, ctx: &egui::Context, db: &Path) {
        self.found.poll();
        let search = self.search.trim().to_owned();
        if search.is_empty() {
            self.found.clear();
            return;
        }
        self.found
            .want(ctx, Work::Search, db, search.clone(), move |store, _| {
                let query = crate::store::ContactQuery {
                    search,
                    ..Default::default()
                };
                let ids = store.contact_ids(&query)?;
                store.contact_rows(&ids[..ids.len().min(12)])
            });
    }

    /// Opens `campaign` in the editor (`original`: its saved name).
    fn open(&mut self, campaign: Campaign, original: Option<String>) {
        self.campaign = campaign;
        self.original = original;
        self.variant = 0;
        self.arm_b = false;
        self.cursor = 0;
        self.confirm_delete = false;
    }

    fn save(&mut self, ctx: &egui::Context, db: &Path, save: Save) {
        self.notice = None;
        self.save_job = Some(QueryJob::spawn(ctx, Work::Save, db, move |store| {
            run_save(store, save)
        }));
    }

    fn list_panel(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.heading(tr("messages-title"));
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr("messages-new")).clicked() {
                self.open(new_campaign(&self.base.segments), None);
            }
            if ui.button(tr("messages-load-file")).clicked() {
                self.file = Some(FileWindow::open());
            }
        });
        ui.separator();
        if self.base_job.is_some() && self.base.campaigns.is_empty() {
            ui.spinner();
        } else if self.base.campaigns.is_empty() {
            ui.weak(tr("messages-none"));
        }
        let open = super::widgets::name_list(
            ui,
            "campaign-names",
            &self.base.campaigns,
            self.original.as_deref(),
        );
        if let Some(name) = open {
            self.save(ui.ctx(), db, Save::Open(name));
        }
    }

    fn file_window(&mut self, ctx: &egui::Context) {
        let Some(window) = &mut self.file else {
            return;
        };
        match window.show(ctx, &self.campaign) {
            files::Outcome::Open => {}
            files::Outcome::Closed => self.file = None,
            files::Outcome::Loaded(c) => {
                self.file = None;
                self.notice = Some(Ok(Msg::new("campaign-loaded")
                    .arg("name", c.name.clone())
                    .to_string()));
                self.open(*c, None);
            }
        }
    }
}
