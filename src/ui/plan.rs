//! The Plan screen: a campaign, a day and the rules (local time or window, quiet hours, caps, the
//! WhatsApp tier, who goes first); the plan made in the background with progress and cancel; its
//! summary per variant and per day, sends per hour in UTC and local time, the exclusions per
//! reason (a click lists who), the first rows; and the export, after one clear warning when
//! someone would get a gap, a text is too long, or the limit moves people to later days.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::jobs::{Pending, QueryJob, Work};
use super::plan_export::ExportStep;
use super::widgets::optional_number;
use crate::campaign::{Checks, Renderer};
use crate::format::group_thousands;
use crate::i18n::{Msg, tr};
use crate::plan::{
    self, Options, Plan, PlanSettings, Priority, Reason, Span, Summary, TimeOfDay, Timing,
};
use crate::store::{ContactRow, PlanListed, Store, WHATSAPP_TIERS};

/// Rows of the plan shown on screen.
const PREVIEW_ROWS: usize = 50;
/// Contacts listed for a clicked exclusion reason.
const WHO_ROWS: usize = 200;
/// Days listed in the summary before "… and N more".
const DAYS_SHOWN: usize = 14;

/// The base's campaigns, saved plans and plan settings.
#[derive(Debug, Clone, Default)]
struct Base {
    campaigns: Vec<String>,
    plans: Vec<PlanListed>,
    rules: PlanSettings,
}

fn load_base(store: &Store) -> crate::Result<Base> {
    Ok(Base {
        campaigns: store.campaign_names()?,
        plans: store.plans()?,
        rules: PlanSettings::read(store)?,
    })
}

/// One row of the plan's preview.
struct Row {
    message_id: String,
    name: String,
    address: String,
    variant: String,
    local: String,
    zone: String,
    utc: String,
    text: String,
}

/// A made plan with what the screen shows of it.
struct Built {
    plan: Arc<Plan>,
    /// The saved plan it was read back from: exported again without being saved again.
    saved: Option<i64>,
    summary: Summary,
    hours: ([u64; 24], [u64; 24]),
    checks: Checks,
    rows: Vec<Row>,
}

/// Whose list is open under the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Left(Reason),
    /// Planned, but on a later day because of the limit.
    Moved,
}

/// The rules as the owner types them.
struct Form {
    campaign: String,
    date: NaiveDate,
    window: bool,
    at: String,
    window_text: String,
    quiet_on: bool,
    quiet: String,
    cap_hours: Option<u32>,
    cap_week: Option<u32>,
    tier: String,
    priority: Priority,
}

impl Form {
    /// The options, or what is wrong with the typed times.
    fn options(&self) -> Result<Options, String> {
        let timing = if self.window {
            Timing::Window(Span::parse(&self.window_text).map_err(|e| e.to_string())?)
        } else {
            Timing::At(TimeOfDay::parse(&self.at).map_err(|e| e.to_string())?)
        };
        let quiet = if self.quiet_on {
            Some(Span::parse(&self.quiet).map_err(|e| e.to_string())?)
        } else {
            None
        };
        Ok(Options {
            date: self.date,
            timing,
            quiet,
            cap_hours: self.cap_hours,
            cap_week: self.cap_week,
            daily_limit: self.tier.parse().ok(),
            priority: self.priority,
        })
    }

    /// Shows the base's rules: quiet hours, caps, the tier (the typed quiet hours stay when off).
    fn show_rules(&mut self, rules: PlanSettings) {
        self.quiet_on = rules.quiet.is_some();
        if let Some(q) = rules.quiet {
            self.quiet = q.to_string();
        }
        self.cap_hours = rules.cap_hours;
        self.cap_week = rules.cap_week;
        self.tier = rules
            .daily_limit
            .map_or("unlimited".to_owned(), |n| n.to_string());
    }
}

/// The screen's state.
pub struct PlanScreen {
    loaded: bool,
    base: Base,
    base_job: Option<QueryJob<Base>>,
    form: Form,
    build: Option<Pending<crate::Result<Built>>>,
    built: Option<Result<Arc<Built>, String>>,
    who: Option<(Who, Result<Vec<ContactRow>, String>)>,
    who_job: Option<(Who, QueryJob<Vec<ContactRow>>)>,
    export: ExportStep,
    delete_job: Option<QueryJob<bool>>,
}

impl Default for PlanScreen {
    fn default() -> Self {
        let mut screen = PlanScreen {
            loaded: false,
            base: Base::default(),
            base_job: None,
            form: Form {
                campaign: String::new(),
                date: chrono::Local::now().date_naive() + chrono::Duration::days(1),
                window: false,
                at: "10:00".to_owned(),
                window_text: "10:00-12:00".to_owned(),
                quiet_on: true,
                quiet: String::new(),
                cap_hours: None,
                cap_week: None,
                tier: String::new(),
                priority: Priority::Variant,
            },
            build: None,
            built: None,
            who: None,
            who_job: None,
            export: ExportStep::default(),
            delete_job: None,
        };
        screen.form.show_rules(PlanSettings::default());
        screen
    }
}

/// Makes the plan, then renders every message once for the checks and the first rows.
fn make(
    db: &Path,
    campaign: &str,
    options: &Options,
    progress: &super::jobs::Progress,
) -> crate::Result<Built> {
    let store = Store::open(db)?;
    // Kept as the base's settings, so the command line plans the same way.
    options.rules().save(&store)?;
    let c = store
        .campaign(campaign)?
        .ok_or_else(|| crate::Error::user(Msg::new("cli-no-campaign").arg("value", campaign)))?;
    let made = plan::build(
        &store,
        &c,
        options,
        chrono::Utc::now(),
        progress.cancel_flag(),
        &mut |f| progress.set(f * 0.4, 0),
    )?;
    describe(&store, made, None, progress, 0.4)
}

/// Renders every message of `made` once for the checks and the first rows (progress from `from`
/// to the end); `saved`: the id of the saved plan it was read back from.
fn describe(
    store: &Store,
    made: Plan,
    saved: Option<i64>,
    progress: &super::jobs::Progress,
    from: f32,
) -> crate::Result<Built> {
    let c = &made.campaign;
    let renderer = Renderer::new(store, c)?;
    let who = Plan::recipients(&made.items);
    let mut checks = Checks::new(c.channel);
    let mut rows = Vec::new();
    let total = who.len().max(1) as f32;
    let mut next = 0;
    renderer.each(
        store,
        &who,
        progress.cancel_flag(),
        &mut |done| progress.set(from + (1.0 - from) * done as f32 / total, done as u64),
        &mut |r, facts| {
            checks.add(r);
            if rows.len() < PREVIEW_ROWS {
                while made.items[next].contact_id < r.contact_id {
                    next += 1;
                }
                let p = &made.items[next];
                let at = chrono::DateTime::from_timestamp(p.send_at, 0).unwrap_or_default();
                rows.push(Row {
                    message_id: made.message_id(p.contact_id),
                    name: facts.name.clone().unwrap_or_default(),
                    address: facts
                        .phone
                        .clone()
                        .or_else(|| facts.telegram.clone())
                        .unwrap_or_default(),
                    variant: format!("{} {}", r.variant, r.arm),
                    local: at.with_timezone(&p.tz).format("%d.%m %H:%M").to_string(),
                    zone: p.tz.name().to_owned(),
                    utc: at.format("%d.%m %H:%M").to_string(),
                    text: r.text.clone(),
                });
            }
            Ok(true)
        },
    )?;
    let settings_tz = store.settings()?.owner_tz;
    Ok(Built {
        summary: made.summary(settings_tz),
        hours: made.hours(),
        plan: Arc::new(made),
        saved,
        checks,
        rows,
    })
}

/// Reads the saved plan `id` back as it stands today, for an export without planning again.
fn reload(db: &Path, id: i64, progress: &super::jobs::Progress) -> crate::Result<Built> {
    let store = Store::open(db)?;
    let reloaded = plan::saved::reload(&store, id)?;
    describe(&store, reloaded.plan, Some(id), progress, 0.2)
}

impl PlanScreen {
    /// Forgets what was read from the base (after an import, or on another base).
    pub fn reload(&mut self) {
        self.loaded = false;
        self.built = None;
        self.who = None;
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        if !self.loaded {
            self.loaded = true;
            self.base_job = Some(QueryJob::spawn(ctx, Work::ReadBase, db, |s| load_base(s)));
            self.export.reload(ctx, db);
        }
        if let Some(job) = &mut self.base_job
            && let Some(result) = job.pending.finished()
        {
            self.base_job = None;
            if let Some(Ok(base)) = result {
                self.form.show_rules(base.rules);
                if !base.campaigns.contains(&self.form.campaign) {
                    self.form.campaign = base.campaigns.first().cloned().unwrap_or_default();
                }
                self.base = base;
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
        if let Some((reason, job)) = &mut self.who_job
            && let Some(result) = job.pending.finished()
        {
            let reason = *reason;
            self.who_job = None;
            if let Some(r) = result {
                self.who = Some((reason, r.map_err(|e| e.to_string())));
            }
        }
        if let Some(job) = &mut self.delete_job
            && job.pending.finished().is_some()
        {
            self.delete_job = None;
            self.loaded = false;
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
                        let warnings = warnings(&built);
                        let busy = self.export.busy();
                        self.export
                            .show(ui, db, &built.plan, &warnings, built.saved.is_none());
                        if busy && !self.export.busy() {
                            // A plan saved: the list of saved plans grows.
                            self.loaded = false;
                        }
                        ui.separator();
                        hours_chart(ui, built.hours);
                        ui.separator();
                        rows_ui(ui, &built);
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

    fn form_ui(&mut self, ui: &mut egui::Ui, db: &Path) {
        let f = &mut self.form;
        egui::Grid::new("plan-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label(tr("plan-campaign"));
                if self.base.campaigns.is_empty() {
                    ui.weak(tr("plan-no-campaigns"));
                } else {
                    crate::ui::pickers::pick_one(
                        ui,
                        ui.scope_id().with("plan-campaign"),
                        &mut f.campaign,
                        &self.base.campaigns,
                        &tr("plan-campaign"),
                    );
                }
                ui.end_row();
                ui.label(tr("plan-date"));
                crate::ui::widgets::date_picker(ui, "plan-date", &mut f.date, &tr("plan-date"));
                ui.end_row();
                ui.label(tr("plan-time"));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut f.window, false, tr("plan-at"));
                    let at = tr("plan-at");
                    ui.add_enabled(
                        !f.window,
                        egui::TextEdit::singleline(&mut f.at).desired_width(60.0),
                    )
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &at));
                    ui.radio_value(&mut f.window, true, tr("plan-window"));
                    let window = tr("plan-window");
                    ui.add_enabled(
                        f.window,
                        egui::TextEdit::singleline(&mut f.window_text).desired_width(110.0),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, &window)
                    });
                });
                ui.end_row();
                ui.label(tr("plan-quiet"));
                ui.horizontal(|ui| {
                    ui.checkbox(&mut f.quiet_on, tr("plan-quiet-on"));
                    let quiet = tr("plan-quiet");
                    ui.add_enabled(
                        f.quiet_on,
                        egui::TextEdit::singleline(&mut f.quiet).desired_width(110.0),
                    )
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &quiet));
                });
                ui.end_row();
                ui.label(tr("plan-caps"));
                ui.horizontal(|ui| {
                    optional_number(ui, &mut f.cap_hours, 24, 1..=999, &tr("plan-cap-hours"));
                    optional_number(ui, &mut f.cap_week, 3, 1..=999, &tr("plan-cap-week"));
                });
                ui.end_row();
                ui.label(tr("plan-tier"));
                ui.horizontal(|ui| {
                    let tiers: Vec<(usize, String)> = WHATSAPP_TIERS
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (i, tier_label(t)))
                        .collect();
                    let mut i = WHATSAPP_TIERS
                        .iter()
                        .position(|t| *t == f.tier)
                        .unwrap_or(0);
                    if crate::ui::pickers::pick_fixed(
                        ui,
                        ui.scope_id().with("plan-tier"),
                        &mut i,
                        &tiers,
                        &tr("plan-tier-hint"),
                    ) {
                        f.tier = WHATSAPP_TIERS[i].to_owned();
                    }
                    ui.weak(tr("plan-tier-hint"));
                });
                ui.end_row();
                ui.label(tr("plan-priority"));
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut f.priority,
                        Priority::Variant,
                        tr("plan-priority-variant"),
                    );
                    ui.radio_value(&mut f.priority, Priority::Rfm, tr("plan-priority-rfm"));
                });
                ui.end_row();
            });
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
    }

    /// The plans saved in the base: what caps and limits count, and what results are matched to.
    fn saved_plans(&mut self, ui: &mut egui::Ui, db: &Path) {
        if self.base.plans.is_empty() {
            return;
        }
        let mut delete = None;
        let mut again = None;
        egui::CollapsingHeader::new(
            Msg::new("plan-saved")
                .arg("count", self.base.plans.len() as i64)
                .to_string(),
        )
        .show(ui, |ui| {
            ui.weak(tr("plan-saved-hint"));
            egui::Grid::new("plan-saved").striped(true).show(ui, |ui| {
                for p in &self.base.plans {
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
            self.who = None;
            self.export.forget();
            self.build = Some(Pending::spawn(ui.ctx(), Work::Plan, move |progress| {
                reload(&db, id, progress)
            }));
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
        self.who = None;
        self.export.forget();
        self.build = Some(Pending::spawn(ctx, Work::Plan, move |progress| {
            make(&db, &campaign, &options, progress)
        }));
    }

    fn summary_ui(&mut self, ui: &mut egui::Ui, db: &Path, built: &Built) {
        let s = &built.summary;
        ui.strong(
            Msg::new("plan-summary")
                .arg("planned", group_thousands(s.planned as i64))
                .arg("of", group_thousands(s.segments_size as i64))
                .to_string(),
        );
        ui.columns(3, |cols| {
            cols[0].label(tr("plan-per-variant"));
            egui::Grid::new("plan-variants")
                .striped(true)
                .show(&mut cols[0], |ui| {
                    for (variant, arm, n) in &s.per_variant {
                        ui.label(format!("{variant} {arm}"));
                        ui.label(group_thousands(*n as i64));
                        ui.end_row();
                    }
                });
            cols[1].label(tr("plan-per-day"));
            egui::Grid::new("plan-days")
                .striped(true)
                .show(&mut cols[1], |ui| {
                    for (day, n) in s.per_day.iter().take(DAYS_SHOWN) {
                        ui.label(day.format("%d.%m.%Y").to_string());
                        ui.label(group_thousands(*n as i64));
                        ui.end_row();
                    }
                });
            if s.per_day.len() > DAYS_SHOWN
                && let Some((last, _)) = s.per_day.last()
            {
                cols[1].weak(
                    Msg::new("plan-more-days")
                        .arg("count", (s.per_day.len() - DAYS_SHOWN) as i64)
                        .arg("last", last.format("%d.%m.%Y").to_string())
                        .to_string(),
                );
            }
            cols[2].label(tr("plan-excluded"));
            let mut clicked = None;
            egui::Grid::new("plan-reasons")
                .striped(true)
                .show(&mut cols[2], |ui| {
                    for (reason, n) in &s.excluded {
                        if *n > 0 {
                            if ui
                                .link(reason.msg().to_string())
                                .on_hover_text(tr("plan-who-hint"))
                                .clicked()
                            {
                                clicked = Some(Who::Left(*reason));
                            }
                        } else {
                            ui.weak(reason.msg().to_string());
                        }
                        ui.label(group_thousands(*n as i64));
                        ui.end_row();
                    }
                    if s.moved_later > 0 {
                        let moved = egui::RichText::new(tr("plan-moved"))
                            .color(ui.visuals().warn_fg_color)
                            .underline();
                        if ui
                            .add(egui::Button::new(moved).frame(false))
                            .on_hover_text(tr("plan-who-hint"))
                            .clicked()
                        {
                            clicked = Some(Who::Moved);
                        }
                        ui.label(group_thousands(s.moved_later as i64));
                        ui.end_row();
                    }
                });
            if let Some(which) = clicked {
                let plan = &built.plan;
                let ids: Vec<i64> = match which {
                    Who::Left(reason) => plan
                        .left
                        .iter()
                        .filter(|l| l.reason == reason)
                        .take(WHO_ROWS)
                        .map(|l| l.contact_id)
                        .collect(),
                    Who::Moved => plan
                        .items
                        .iter()
                        .filter(|p| p.moved)
                        .take(WHO_ROWS)
                        .map(|p| p.contact_id)
                        .collect(),
                };
                let reason = which;
                let job = QueryJob::spawn(cols[2].ctx(), Work::ReadContacts, db, move |s| {
                    s.contact_rows(&ids)
                });
                self.who_job = Some((reason, job));
            }
        });
        if let Some((which, who)) = &self.who {
            let title = match which {
                Who::Left(reason) => reason.msg().to_string(),
                Who::Moved => tr("plan-moved"),
            };
            egui::CollapsingHeader::new(Msg::new("plan-who").arg("reason", title).to_string())
                .default_open(true)
                .show(ui, |ui| match who {
                    Ok(rows) => {
                        for r in rows {
                            ui.label(format!(
                                "№{} {} {}",
                                r.id,
                                r.name.as_deref().unwrap_or_default(),
                                r.phone.as_deref().unwrap_or_default()
                            ));
                        }
                    }
                    Err(e) => {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                });
        }
    }
}

/// What the owner must know before exporting `built`.
fn warnings(built: &Built) -> Vec<String> {
    let mut out = Vec::new();
    for (name, ids) in &built.checks.missing {
        out.push(
            Msg::new("plan-warning-gap")
                .arg("name", name.as_str())
                .arg("count", group_thousands(ids.len() as i64))
                .to_string(),
        );
    }
    if built.checks.too_long()
        && let (Some((id, n)), Some(limit)) = (built.checks.longest, built.checks.limit)
    {
        out.push(
            Msg::new("campaign-too-long")
                .arg("id", id)
                .arg("length", n as i64)
                .arg("limit", limit as i64)
                .to_string(),
        );
    }
    let s = &built.summary;
    if s.moved_later > 0 {
        out.push(
            Msg::new("plan-warning-moved")
                .arg("count", group_thousands(s.moved_later as i64))
                .arg("days", s.per_day.len() as i64)
                .to_string(),
        );
    }
    if let (Some(fullest), Some(limit)) = (s.fullest_window, s.daily_limit)
        && fullest > limit
    {
        out.push(
            Msg::new("plan-warning-limit")
                .arg("fullest", i64::from(fullest))
                .arg("limit", i64::from(limit))
                .to_string(),
        );
    }
    out
}

fn tier_label(tier: &str) -> String {
    match tier.parse::<i64>() {
        Ok(n) => Msg::new("plan-tier-n")
            .arg("n", group_thousands(n))
            .to_string(),
        Err(_) => tr("plan-tier-unlimited"),
    }
}

/// Sends per hour of the day, in UTC and in the recipients' own time, side by side.
fn hours_chart(ui: &mut egui::Ui, (utc, local): ([u64; 24], [u64; 24])) {
    ui.label(tr("plan-hours"));
    let bars = |values: &[u64; 24], shift: f64, color: egui::Color32| -> Vec<Bar> {
        values
            .iter()
            .enumerate()
            .map(|(h, n)| Bar::new(h as f64 + shift, *n as f64).width(0.4).fill(color))
            .collect()
    };
    Plot::new("plan-hours")
        .height(180.0)
        .legend(Legend::default())
        .x_axis_formatter(|mark, _| format!("{:02}:00", mark.value.round() as i64))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            let (blue, green) = (
                egui::Color32::from_rgb(0x5b, 0x8d, 0xef),
                egui::Color32::from_rgb(0x3c, 0xb3, 0x71),
            );
            plot_ui
                .bar_chart(BarChart::new(tr("plan-hours-utc"), bars(&utc, -0.2, blue)).color(blue));
            plot_ui.bar_chart(
                BarChart::new(tr("plan-hours-local"), bars(&local, 0.2, green)).color(green),
            );
        });
}

/// The first rows of the plan, as the file will hold them.
fn rows_ui(ui: &mut egui::Ui, built: &Built) {
    ui.strong(
        Msg::new("plan-first-rows")
            .arg("count", built.rows.len() as i64)
            .to_string(),
    );
    egui::Grid::new("plan-rows").striped(true).show(ui, |ui| {
        for h in [
            "plan-col-id",
            "plan-col-name",
            "plan-col-address",
            "plan-col-variant",
            "plan-col-local",
            "plan-col-zone",
            "plan-col-utc",
            "plan-col-text",
        ] {
            ui.strong(tr(h));
        }
        ui.end_row();
        for r in &built.rows {
            ui.monospace(&r.message_id);
            ui.label(&r.name);
            ui.label(&r.address);
            ui.label(&r.variant);
            ui.label(&r.local);
            ui.label(&r.zone);
            ui.label(&r.utc);
            let short: String = r.text.chars().take(60).collect();
            ui.label(short.replace('\n', " ")).on_hover_text(&r.text);
            ui.end_row();
        }
    });
}
