//! The Plan screen: a campaign, a day and the rules (local time or window, quiet hours, caps, the
//! WhatsApp tier, who goes first); the plan made in the background with progress and cancel; its
//! summary per variant and per day, sends per hour in UTC and local time, the exclusions per
//! reason (a click lists who), the first rows; and the export, after one clear warning when
//! someone would get a gap, a text is too long, or the limit moves people to later days. The
//! making and reviewing is the library's ([`crate::plan::review`]); this draws it.

pub(crate) mod export;
mod form;
mod profile_dialog;
mod summary;
mod tables;

use std::path::Path;
use std::sync::Arc;

use crate::format::group_thousands;
use crate::i18n::{Msg, tr};
use crate::model::reaction_hours::Hours;
use crate::plan::review::{Review, Who};
use crate::plan::{Options, PlanSettings, Timing};
use crate::store::{ContactRow, PlanListed, Store};
use crate::ui::derived::Derived;
use crate::ui::jobs::{Pending, QueryJob, Work};
use export::ExportStep;
use form::Form;

/// Contacts listed for a clicked exclusion reason.
const WHO_ROWS: usize = 200;

/// The base's campaigns, saved plans and plan settings.
#[derive(Debug, Clone, Default)]
struct Base {
    campaigns: Vec<String>,
    plans: Vec<PlanListed>,
    rules: PlanSettings,
    /// The base's telling reactions by local hour, and how many contacts have a best hour.
    reactions: (Hours, u64),
}

fn load_base(store: &Store) -> crate::Result<Base> {
    Ok(Base {
        campaigns: store.campaign_names()?,
        plans: store.plans()?,
        rules: PlanSettings::read(store)?,
        reactions: store.base_reaction_hours()?,
    })
}

/// The screen's state.
#[derive(Default)]
pub struct PlanScreen {
    /// The base's campaigns, saved plans and plan settings.
    base: Derived<(), Base>,
    /// Whether the form shows the base's rules yet: read again on returning to the screen, the
    /// rules do not overwrite what the owner typed.
    rules_shown: bool,
    form: Form,
    build: Option<Pending<crate::Result<Review>>>,
    built: Option<Result<Arc<Review>, String>>,
    /// The contacts of a clicked reason.
    who: Derived<Who, Vec<ContactRow>>,
    export: ExportStep,
    delete_job: Option<QueryJob<bool>>,
    /// Why deleting a saved plan failed.
    delete_error: Option<String>,
    /// Before planning: how long the send takes, for (campaign, options), in words.
    estimate: Derived<(String, String), Vec<Msg>>,
}

impl PlanScreen {
    /// Forgets what was read from the base (after an import, or on another base).
    pub fn reload(&mut self) {
        self.base.forget();
        self.rules_shown = false;
        self.built = None;
        self.who.clear();
        self.estimate.clear();
    }

    /// Reads the campaigns, saved plans and profiles again when the owner turns to the screen:
    /// a campaign saved on the Messages screen or by the CLI is offered at once.
    pub fn opened(&mut self) {
        self.base.forget();
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        if self
            .base
            .want(ctx, Work::ReadBase, db, (), |s, _| load_base(s))
        {
            self.export.reload(ctx, db);
        }
        if self.base.poll()
            && let Some(base) = self.base.current()
        {
            if !self.rules_shown {
                self.form.show_rules(base.rules);
                self.rules_shown = true;
            }
            if !base.campaigns.contains(&self.form.campaign) {
                self.form.campaign = base.campaigns.first().cloned().unwrap_or_default();
            }
        }
        if let Some(job) = &mut self.build
            && let Some(result) = job.finished()
        {
            self.build = None;
            self.built = match result {
                Some(Ok(built)) => {
                    if self.export.path.text.trim().is_empty() {
                        self.export.suggest_path(&built.plan);
                    }
                    Some(Ok(Arc::new(built)))
                }
                Some(Err(crate::Error::Cancelled)) | None => None,
                Some(Err(e)) => Some(Err(e.to_string())),
            };
        }
        self.who.poll();
        if let Some(job) = &mut self.delete_job
            && let Some(result) = job.pending.finished()
        {
            self.delete_job = None;
            self.delete_error = match result {
                Some(Err(e)) => Some(e.to_string()),
                // A job that panicked is named in the status bar.
                Some(Ok(_)) | None => None,
            };
            self.base.forget();
        }
    }

    /// Draws the screen.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path) {
        self.poll(ui.ctx(), db);
        egui::ScrollArea::vertical()
            .id_salt("plan-scroll")
            .show(ui, |ui| {
                ui.heading(tr("plan-title"));
                self.form_ui(ui, db);
                self.reactions_ui(ui);
                self.saved_plans(ui, db);
                ui.separator();
                match self.built.clone() {
                    Some(Ok(built)) => {
                        if built.saved.is_some() {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                Msg::new("plan-saved-again")
                                    .arg("campaign", built.plan.campaign.name.as_str())
                                    .arg(
                                        "date",
                                        built.plan.options.date.format("%d.%m.%Y").to_string(),
                                    )
                                    .to_string(),
                            );
                        }
                        self.summary_ui(ui, db, &built);
                        ui.separator();
                        let warnings: Vec<String> =
                            built.warnings().iter().map(Msg::to_string).collect();
                        let busy = self.export.busy();
                        self.export
                            .show(ui, db, &built.plan, &warnings, built.saved.is_none());
                        if busy && !self.export.busy() {
                            // A plan saved: the list of saved plans grows.
                            self.base.forget();
                        }
                        ui.separator();
                        summary::hours_chart(ui, built.hours);
                        ui.separator();
                        summary::rows(ui, &built);
                    }
                    Some(Err(e)) => {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    None if self.build.is_none() => {
                        ui.weak(tr("plan-not-built"));
                    }
                    None => {}
                }
            });
    }

    /// On "each contact's best hour": the base's reactions by local hour, and the plan's sends
    /// beside them once it is made that way.
    fn reactions_ui(&self, ui: &mut egui::Ui) {
        let Some(base) = self.base.last().filter(|_| self.form.best_hour()) else {
            return;
        };
        let planned = match &self.built {
            Some(Ok(built)) if matches!(built.plan.options.timing, Timing::BestHour(_)) => {
                Some(&built.hours.1)
            }
            _ => None,
        };
        let (reactions, learned) = &base.reactions;
        summary::reactions_chart(ui, reactions, *learned, planned);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, db: &Path) {
        let campaigns = self.base.last().map_or(&[][..], |b| b.campaigns.as_slice());
        self.form.show(ui, campaigns);
        let options = self.form.options();
        if let Err(e) = &options {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            let ready = options.is_ok() && !self.form.campaign.is_empty() && self.build.is_none();
            if ui
                .add_enabled(ready, egui::Button::new(tr("plan-build")))
                .clicked()
                && let Ok(options) = options
            {
                self.start_build(ui.ctx(), db, options);
            }
            if let Some(job) = &self.build {
                crate::ui::widgets::progress_with_cancel(ui, &job.progress, 240.0);
            }
        });
        if let Ok(options) = self.form.options()
            && !self.form.campaign.is_empty()
        {
            self.estimate_ui(ui, db, options);
        }
    }

    /// How many would get the campaign, how many days the tier needs, when the last message
    /// goes — estimated in the background whenever the campaign or the rules change.
    fn estimate_ui(&mut self, ui: &mut egui::Ui, db: &Path, options: Options) {
        let key = (
            self.form.campaign.clone(),
            serde_json::to_string(&options).unwrap_or_default(),
        );
        let name = key.0.clone();
        self.estimate
            .want(ui.ctx(), Work::Audience, db, key, move |store, task| {
                let campaign = store.campaign(&name)?.ok_or_else(|| {
                    crate::Error::user(Msg::new("cli-no-campaign").arg("value", name.as_str()))
                })?;
                let e = crate::plan::estimate::estimate(store, &campaign, &options, task)?;
                let owner = store.settings()?.owner_tz;
                let mut lines = vec![crate::plan::estimate::describe(&e, owner)];
                lines.extend(
                    e.higher_tiers
                        .iter()
                        .map(|t| crate::plan::estimate::describe_tier(t, owner)),
                );
                Ok(lines)
            });
        self.estimate.poll();
        ui.horizontal_wrapped(|ui| {
            if self.estimate.is_running() {
                ui.spinner();
            }
            match self.estimate.answer() {
                Some(Ok(lines)) => {
                    for (i, line) in lines.iter().enumerate() {
                        match i {
                            0 => ui.label(line.to_string()),
                            _ => ui.weak(line.to_string()),
                        };
                    }
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
        });
    }

    /// The plans saved in the base: what caps and limits count, and what results are matched to.
    fn saved_plans(&mut self, ui: &mut egui::Ui, db: &Path) {
        let plans = self.base.last().map_or(&[][..], |b| b.plans.as_slice());
        if plans.is_empty() {
            return;
        }
        let mut delete = None;
        let mut again = None;
        egui::CollapsingHeader::new(
            Msg::new("plan-saved")
                .arg("count", plans.len() as i64)
                .to_string(),
        )
        .show(ui, |ui| {
            ui.weak(tr("plan-saved-hint"));
            egui::Grid::new("plan-saved").striped(true).show(ui, |ui| {
                for p in plans {
                    ui.label(&p.campaign);
                    ui.label(&p.plan_date);
                    ui.label(group_thousands(p.messages as i64));
                    if ui
                        .add_enabled(
                            self.build.is_none(),
                            egui::Button::new(tr("plan-again")).small(),
                        )
                        .on_hover_text(tr("plan-again-hint"))
                        .clicked()
                    {
                        again = Some(p.id);
                    }
                    if ui
                        .add_enabled(self.delete_job.is_none(), egui::Button::new("✕").small())
                        .on_hover_text(tr("plan-delete"))
                        .clicked()
                    {
                        delete = Some((p.campaign.clone(), p.plan_date.clone()));
                    }
                    ui.end_row();
                }
            });
        });
        if let Some(id) = again {
            let db = db.to_owned();
            self.built = None;
            self.who.clear();
            self.export.forget();
            self.build = Some(Pending::spawn(ui.ctx(), Work::Plan, move |task| {
                Review::of_saved(&Store::open(&db)?, id, task)
            }));
        }
        if let Some(e) = &self.delete_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if let Some((campaign, date)) = delete {
            self.delete_job = Some(QueryJob::spawn(ui.ctx(), Work::Save, db, move |s| {
                s.delete_plan(&campaign, &date)
            }));
        }
    }

    fn start_build(&mut self, ctx: &egui::Context, db: &Path, options: Options) {
        let db = db.to_owned();
        let campaign = self.form.campaign.clone();

        self.built = None;
        self.who.clear();
        self.export.forget();
        self.build = Some(Pending::spawn(ctx, Work::Plan, move |task| {
            Review::make(&Store::open(&db)?, &campaign, &options, task)
        }));
    }

    /// The summary; a click on a reason reads who it left out.
    fn summary_ui(&mut self, ui: &mut egui::Ui, db: &Path, review: &Review) {
        if let Some(which) = summary::summary(ui, &review.summary) {
            let ids = review.who(which, WHO_ROWS);
            self.who
                .want(ui.ctx(), Work::ReadContacts, db, which, move |s, _| {
                    s.contact_rows(&ids)
                });
        }
        if let (Some(which), Some(who)) = (self.who.key(), self.who.answer())
            && !self.who.is_running()
        {
            summary::who_list(ui, *which, who);
        }
    }
}
