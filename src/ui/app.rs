//! The application shell: menu, navigation, status bar, toasts, and the one place where the
//! screens' actions are carried out.

use std::path::{Path, PathBuf};

use egui::RichText;

mod status;

use super::contacts::ContactsScreen;
use super::dialogs::{BaseDialog, DemoDialog, SettingsDialog};
use super::file_export::{ExportTexts, ExportWindow};
use super::import::ImportWizard;
use super::jobs::{Pending, Poll, Work};
use super::messages::MessagesScreen;
use super::plan::PlanScreen;
use super::results::ResultsScreen;
use super::rfm::RfmScreen;
use super::scenarios::ScenariosScreen;
use super::segments::SegmentsScreen;
use super::{Action, Prefs};
use crate::error::Result;
use crate::i18n::{self, Lang, Msg, tr};
use crate::store::{Setting, Settings, Stats, Store};

/// The screens of the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Contacts,
    Segments,
    Rfm,
    Messages,
    Plan,
    Results,
    Scenarios,
}

const SCREENS: &[(Screen, &str)] = &[
    (Screen::Contacts, "nav-contacts"),
    (Screen::Segments, "nav-segments"),
    (Screen::Rfm, "nav-rfm"),
    (Screen::Messages, "nav-messages"),
    (Screen::Plan, "nav-plan"),
    (Screen::Results, "nav-results"),
    (Screen::Scenarios, "nav-scenarios"),
];

/// A long job of the app's own (the demo base), shown in the status bar.
struct AppJob {
    label: String,
    pending: Pending<Result<PathBuf>>,
}

/// Every screen's state, all drawn from one base: opening another base starts them all afresh
/// together, so no screen can keep (and save or export into the new base) what it read from the
/// old one.
#[derive(Default)]
struct Screens {
    contacts: ContactsScreen,
    segments: SegmentsScreen,
    rfm: RfmScreen,
    messages: MessagesScreen,
    plan: PlanScreen,
    results: ResultsScreen,
    scenarios: ScenariosScreen,
}

impl Screens {
    /// Forgets what each screen read from the base, keeping what the owner typed.
    fn reload(&mut self) {
        self.contacts.reload();
        self.segments.reload();
        self.rfm.reload();
        self.messages.reload();
        self.plan.reload();
        self.results.reload();
        self.scenarios.reload();
    }

    /// Reads again, cheaply, the lists a screen offers that another screen or the CLI may have
    /// added to meanwhile (a campaign saved, a segment saved), when the owner turns to it.
    fn opened(&mut self, screen: Screen) {
        match screen {
            Screen::Messages => self.messages.opened(),
            Screen::Plan => self.plan.opened(),
            Screen::Scenarios => self.scenarios.opened(),
            Screen::Contacts | Screen::Segments | Screen::Rfm | Screen::Results => {}
        }
    }
}

/// The app's state.
pub struct AdresatApp {
    prefs: Prefs,
    db: PathBuf,
    stats: Option<(Stats, Settings)>,
    stats_job: Option<Pending<Result<(Stats, Settings)>>>,
    /// Saving the settings dialog's values: a busy base must not hold up the window.
    settings_job: Option<Pending<Result<()>>>,
    base_error: Option<String>,
    screen: Screen,
    screens: Screens,
    import: Option<ImportWizard>,
    settings: Option<SettingsDialog>,
    demo: Option<DemoDialog>,
    base_dialog: Option<BaseDialog>,
    consent_export: Option<ExportWindow>,
    job: Option<AppJob>,
    toasts: egui_notify::Toasts,
    /// Jobs that ended on an internal error, kept in the status bar until the owner has seen them.
    lost: Vec<super::jobs::Lost>,
    actions: Vec<Action>,
    fonts_installed: bool,
}

impl AdresatApp {
    /// An app on the base at `db`, with the remembered preferences. `asked`: the language the
    /// command line (`--lang`, `ADRESAT_LANG`) chose for this run, which wins over the one saved
    /// in the settings without replacing it.
    pub fn new(db: PathBuf, prefs: Prefs, asked: Option<Lang>) -> Self {
        if let Some(lang) = asked.or(prefs.lang) {
            i18n::set_current(lang);
        }
        AdresatApp {
            prefs,
            db,
            stats: None,
            stats_job: None,
            settings_job: None,
            base_error: None,
            screen: Screen::Contacts,
            screens: Screens::default(),
            import: None,
            settings: None,
            demo: None,
            base_dialog: None,
            consent_export: None,
            job: None,
            toasts: egui_notify::Toasts::default(),
            lost: Vec::new(),
            actions: Vec::new(),
            fonts_installed: false,
        }
    }

    /// What to remember between runs.
    pub fn prefs(&self) -> Prefs {
        Prefs {
            current_base: Some(self.db.clone()),
            ..self.prefs.clone()
        }
    }

    fn is_demo(&self) -> bool {
        self.stats.as_ref().is_some_and(|(s, _)| s.is_demo)
    }

    fn refresh_stats(&mut self, ctx: &egui::Context) {
        let db = self.db.clone();
        self.stats_job = Some(Pending::spawn(ctx, Work::ReadBase, move |task| {
            // A base of an earlier version is converted here, with the bar the window shows.
            let store = Store::open_with(&db, task)?;
            Ok((store.stats()?, store.settings()?))
        }));
    }

    /// Draws the whole window into `ui` and carries out what the screens asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            super::fonts::install(&ctx);
            self.fonts_installed = true;
        }
        if self.stats.is_none() && self.stats_job.is_none() && self.base_error.is_none() {
            self.refresh_stats(&ctx);
        }
        self.poll_jobs(&ctx);
        self.take_dropped_files(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| self.navigation(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(error) = &self.base_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
                if ui.button(tr("base-open-again")).clicked() {
                    self.base_error = None;
                }
                return;
            }
            if self.converting(ui) {
                return;
            }
            let screens = &mut self.screens;
            match self.screen {
                Screen::Contacts => {
                    let tz = self
                        .stats
                        .as_ref()
                        .map_or(Settings::default().owner_tz, |(_, s)| s.owner_tz);
                    screens.contacts.show(ui, &self.db, tz, &mut self.actions)
                }
                Screen::Segments => screens.segments.show(ui, &self.db),
                Screen::Rfm => screens.rfm.show(ui, &self.db, &mut self.actions),
                Screen::Messages => screens.messages.show(ui, &self.db, &mut self.actions),
                Screen::Plan => screens.plan.show(ui, &self.db),
                Screen::Results => screens.results.show(ui, &self.db, &mut self.actions),
                Screen::Scenarios => screens.scenarios.show(ui, &self.db),
            }
        });

        if let Some(wizard) = &mut self.import
            && !wizard.show(&ctx, &self.db, &mut self.actions)
        {
            self.import = None;
        }
        if let Some(dialog) = &mut self.settings
            && !dialog.show(&ctx, &mut self.actions)
        {
            self.settings = None;
        }
        if let Some(dialog) = &mut self.demo
            && !dialog.show(&ctx, &mut self.actions)
        {
            self.demo = None;
        }
        if let Some(dialog) = &mut self.base_dialog
            && !dialog.show(&ctx, &mut self.actions)
        {
            self.base_dialog = None;
        }
        let db = &self.db;
        if let Some(window) = &mut self.consent_export
            && !window.show(&ctx, |path| spawn_consent_export(&ctx, db, path))
        {
            self.consent_export = None;
        }
        self.drop_overlay(&ctx);
        self.toasts.show(&ctx);
        for action in std::mem::take(&mut self.actions) {
            self.run(&ctx, action);
        }
    }

    fn poll_jobs(&mut self, ctx: &egui::Context) {
        for lost in super::jobs::take_lost(ctx) {
            self.toasts.error(lost.message());
            self.lost.push(lost);
        }
        if let Some(job) = &mut self.stats_job {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(Ok(stats)) => {
                    // The owner's own base is the last one opened that is not a demo.
                    if !stats.0.is_demo {
                        self.prefs.real_base = Some(self.db.clone());
                    }
                    self.stats = Some(stats);
                    self.base_error = None;
                    self.stats_job = None;
                }
                Poll::Done(Err(e)) => {
                    self.base_error = Some(e.to_string());
                    self.stats_job = None;
                }
                Poll::Lost => {
                    // Said once by the toast; starting it again every frame would not help.
                    self.base_error = Some(
                        Msg::new("job-lost-short")
                            .arg("work", Work::ReadBase.name())
                            .to_string(),
                    );
                    self.stats_job = None;
                }
            }
        }
        if let Some(job) = &mut self.settings_job
            && let Some(result) = job.finished()
        {
            self.settings_job = None;
            match result {
                Some(Ok(())) => {
                    self.toasts.success(tr("settings-saved"));
                }
                Some(Err(e)) => {
                    self.toasts.error(e.to_string());
                }
                None => {}
            }
            self.refresh_stats(ctx);
        }
        if let Some(job) = &mut self.job {
            match job.pending.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    self.job = None;
                    match result {
                        Ok(path) => self.actions.push(Action::OpenBase(path)),
                        Err(e) => {
                            self.toasts.error(e.to_string());
                        }
                    }
                }
                Poll::Lost => self.job = None,
            }
        }
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.actions.push(Action::OpenImport(Some(path)));
        }
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            tr("drop-here"),
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
    }

    fn menu(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr("menu-file"), |ui| {
                if ui.button(tr("menu-import")).clicked() {
                    self.actions.push(Action::OpenImport(None));
                }
                if ui.button(tr("menu-consent-export")).clicked() {
                    self.consent_export = Some(ExportWindow::new(
                        CONSENT_EXPORT,
                        &format!("{}.csv", tr("consent-export-default")),
                    ));
                }
                ui.separator();
                if ui.button(tr("menu-open-base")).clicked() {
                    self.base_dialog = Some(BaseDialog::new(false));
                }
                if ui.button(tr("menu-new-base")).clicked() {
                    self.base_dialog = Some(BaseDialog::new(true));
                }
                ui.separator();
                if ui.button(tr("menu-demo")).clicked() {
                    self.actions.push(Action::OpenDemo);
                }
                let real = self.prefs.real_base.clone();
                if let Some(real) = real.filter(|r| *r != self.db)
                    && ui.button(tr("menu-back-to-real")).clicked()
                {
                    self.actions.push(Action::OpenBase(real));
                }
                ui.separator();
                if ui.button(tr("menu-settings")).clicked() {
                    self.open_settings();
                }
            });
            if self.is_demo() {
                ui.separator();
                ui.label(
                    RichText::new(tr("demo-badge"))
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
                let real = self.prefs.real_base.clone();
                if let Some(real) = real.filter(|r| *r != self.db)
                    && ui.button(tr("menu-back-to-real")).clicked()
                {
                    self.actions.push(Action::OpenBase(real));
                }
            }
        });
    }

    fn open_settings(&mut self) {
        let settings = self
            .stats
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        self.settings = Some(SettingsDialog::new(&settings, i18n::current()));
    }

    fn navigation(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        ui.heading(tr("app-title"));
        ui.add_space(6.0);
        for (screen, label) in SCREENS {
            let response = ui.add(
                egui::Button::selectable(self.screen == *screen, tr(label))
                    .min_size(egui::vec2(130.0, 28.0)),
            );
            if response.clicked() && self.screen != *screen {
                self.screen = *screen;
                self.screens.opened(*screen);
            }
        }
    }

    /// Carries out one action.
    fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenImport(path) => {
                if self.import.as_ref().is_none_or(ImportWizard::can_close) {
                    self.import = Some(ImportWizard::new(path));
                }
            }
            Action::BaseChanged => {
                self.screens.reload();
                self.refresh_stats(ctx);
            }
            Action::OpenRule { rule, name, notes } => {
                self.screens.segments.open_rule(rule, name, notes);
                self.screen = Screen::Segments;
            }
            Action::ExplainContact { segment, contact } => {
                self.screens.segments.explain(segment, contact);
                self.screen = Screen::Segments;
            }
            Action::Notice(text) => {
                self.toasts.info(text);
            }
            Action::OpenBase(path) => {
                self.db = path;
                self.stats = None;
                self.base_error = None;
                self.screens = Screens::default();
                // The settings dialog holds the old base's values; an import not yet started
                // would load into the new base what was checked against the old one.
                self.settings = None;
                if self.import.as_ref().is_some_and(ImportWizard::can_close) {
                    self.import = None;
                }
                self.refresh_stats(ctx);
            }
            Action::OpenDemo => self.demo = Some(DemoDialog::default()),
            Action::CreateDemo(size) => {
                let real = self
                    .prefs
                    .real_base
                    .clone()
                    .unwrap_or_else(|| self.db.clone());
                let db = crate::demo::default_demo_path(&real);
                let label = Msg::counted("job-demo", size as i64).to_string();
                let pending = Pending::spawn(ctx, Work::Demo, move |task| {
                    let files = tempfile_dir(&db)?;
                    let result = crate::demo::create_base(&db, size, &files, task);
                    // The generated CSV files served their purpose once loaded.
                    let _ = std::fs::remove_dir_all(&files);
                    result.map(|_| db)
                });
                self.job = Some(AppJob { label, pending });
            }
            Action::SaveSettings {
                owner_tz,
                country,
                lang,
            } => {
                i18n::set_current(lang);
                self.prefs.lang = Some(lang);
                let db = self.db.clone();
                self.settings_job = Some(Pending::spawn(ctx, Work::SaveSettings, move |_| {
                    let store = Store::open(&db)?;
                    store.set_setting(Setting::OwnerTz.key(), &owner_tz)?;
                    store.set_setting(Setting::DefaultCountry.key(), &country)
                }));
            }
        }
    }
}

/// A scratch folder beside the demo base for its generated CSV files.
fn tempfile_dir(db: &Path) -> Result<PathBuf> {
    let dir = db.with_extension("files");
    std::fs::create_dir_all(&dir).map_err(|e| crate::Error::io(&dir, e))?;
    Ok(dir)
}

impl eframe::App for AdresatApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, super::PREFS_KEY, &self.prefs());
    }
}

/// The words of the consent records' export window.
const CONSENT_EXPORT: ExportTexts = ExportTexts {
    title: "consent-export-title",
    about: Some("consent-export-about"),
    file: "consent-export-file",
    go: "consent-export-go",
    done: "consent-exported",
};

/// Writes every contact's consent record of the base at `db` to `path`, in the background.
fn spawn_consent_export(
    ctx: &egui::Context,
    db: &std::path::Path,
    path: PathBuf,
) -> Pending<Result<u64>> {
    let db = db.to_owned();
    Pending::spawn(ctx, Work::ConsentExport, move |task| {
        let store = Store::open(&db)?;
        crate::export::export_consent(&store, &path, b';', task)
    })
}
