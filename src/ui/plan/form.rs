//! The Plan screen's rules as the owner types them: the campaign, the day, a time, a window or
//! each contact's best hour within a window, quiet hours, caps, the WhatsApp tier and who goes
//! first.

use chrono::NaiveDate;

use crate::format::group_thousands;
use crate::i18n::{Msg, tr};
use crate::model::reaction_hours::BestHour;
use crate::plan::{Options, PlanSettings, Priority, Span, TimeOfDay, Timing};
use crate::store::WHATSAPP_TIERS;
use crate::ui::widgets::optional_number;

/// How the send time is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    At,
    Window,
    BestHour,
}

/// The rules as typed.
pub struct Form {
    pub campaign: String,
    date: NaiveDate,
    choice: Choice,
    at: String,
    window_text: String,
    /// The window each contact's best hour is kept in.
    best_window: String,
    quiet_on: bool,
    quiet: String,
    cap_hours: Option<u32>,
    cap_week: Option<u32>,
    tier: String,
    priority: Priority,
}

impl Default for Form {
    /// Tomorrow at 10:00, the base's defaults for the rest.
    fn default() -> Self {
        let mut form = Form {
            campaign: String::new(),
            date: chrono::Local::now().date_naive() + chrono::Duration::days(1),
            choice: Choice::At,
            at: "10:00".to_owned(),
            window_text: "10:00-12:00".to_owned(),
            best_window: "09:00-20:00".to_owned(),
            quiet_on: true,
            quiet: String::new(),
            cap_hours: None,
            cap_week: None,
            tier: String::new(),
            priority: Priority::Variant,
        };
        form.show_rules(PlanSettings::default());
        form
    }
}

impl Form {
    /// The options, or what is wrong with the typed times.
    pub fn options(&self) -> Result<Options, String> {
        let span = |text: &str| Span::parse(text).map_err(|e| e.to_string());
        let at = || TimeOfDay::parse(&self.at).map_err(|e| e.to_string());
        let timing = match self.choice {
            Choice::At => Timing::At(at()?),
            Choice::Window => Timing::Window(span(&self.window_text)?),
            Choice::BestHour => Timing::BestHour(BestHour::new(span(&self.best_window)?, at()?)),
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
    pub fn show_rules(&mut self, rules: PlanSettings) {
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

    /// Draws the form; `campaigns`: the base's saved campaigns to pick from.
    pub fn show(&mut self, ui: &mut egui::Ui, campaigns: &[String]) {
        egui::Grid::new("plan-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label(tr("plan-campaign"));
                if campaigns.is_empty() {
                    ui.weak(tr("plan-no-campaigns"));
                } else {
                    crate::ui::pickers::pick_one(
                        ui,
                        ui.scope_id().with("plan-campaign"),
                        &mut self.campaign,
                        campaigns,
                        &tr("plan-campaign"),
                    );
                }
                ui.end_row();
                ui.label(tr("plan-date"));
                crate::ui::widgets::date_picker(ui, "plan-date", &mut self.date, &tr("plan-date"));
                ui.end_row();
                ui.label(tr("plan-time"));
                ui.horizontal(|ui| self.timing_ui(ui));
                ui.end_row();
                ui.label(tr("plan-quiet"));
                ui.horizontal(|ui| {
                    ui.checkbox(&mut self.quiet_on, tr("plan-quiet-on"));
                    let quiet = egui::TextEdit::singleline(&mut self.quiet).desired_width(110.0);
                    labelled(ui.add_enabled(self.quiet_on, quiet), tr("plan-quiet"));
                });
                ui.end_row();
                ui.label(tr("plan-caps"));
                ui.horizontal(|ui| {
                    optional_number(ui, &mut self.cap_hours, 24, 1..=999, &tr("plan-cap-hours"));
                    optional_number(ui, &mut self.cap_week, 3, 1..=999, &tr("plan-cap-week"));
                });
                ui.end_row();
                ui.label(tr("plan-tier"));
                ui.horizontal(|ui| self.tier_ui(ui));
                ui.end_row();
                ui.label(tr("plan-priority"));
                ui.horizontal(|ui| {
                    let p = &mut self.priority;
                    ui.radio_value(p, Priority::Variant, tr("plan-priority-variant"));
                    ui.radio_value(p, Priority::Rfm, tr("plan-priority-rfm"));
                });
                ui.end_row();
            });
    }

    /// Whether the owner chose each contact's best hour.
    pub fn best_hour(&self) -> bool {
        self.choice == Choice::BestHour
    }

    /// One local time, a window the sends are spread over, or each contact's best hour within
    /// a window (the time for those with none learned).
    fn timing_ui(&mut self, ui: &mut egui::Ui) {
        ui.radio_value(&mut self.choice, Choice::At, tr("plan-at"));
        let at = egui::TextEdit::singleline(&mut self.at).desired_width(60.0);
        let at_used = self.choice != Choice::Window;
        let at = ui.add_enabled(at_used, at);
        labelled(
            at.on_hover_text(tr("plan-best-hour-fallback")),
            tr("plan-at"),
        );
        ui.radio_value(&mut self.choice, Choice::Window, tr("plan-window"));
        let window = egui::TextEdit::singleline(&mut self.window_text).desired_width(110.0);
        labelled(
            ui.add_enabled(self.choice == Choice::Window, window),
            tr("plan-window"),
        );
        ui.radio_value(&mut self.choice, Choice::BestHour, tr("plan-best-hour"))
            .on_hover_text(tr("plan-best-hour-hint"));
        let chosen = self.best_hour();
        let best = egui::TextEdit::singleline(&mut self.best_window).desired_width(110.0);
        labelled(ui.add_enabled(chosen, best), tr("plan-best-hour"));
    }

    /// The WhatsApp tier: unique people per rolling 24 hours.
    fn tier_ui(&mut self, ui: &mut egui::Ui) {
        let tiers: Vec<(usize, String)> = WHATSAPP_TIERS
            .iter()
            .enumerate()
            .map(|(i, t)| (i, tier_label(t)))
            .collect();
        let mut i = WHATSAPP_TIERS
            .iter()
            .position(|t| *t == self.tier)
            .unwrap_or(0);
        if crate::ui::pickers::pick_fixed(
            ui,
            ui.scope_id().with("plan-tier"),
            &mut i,
            &tiers,
            &tr("plan-tier-hint"),
        ) {
            self.tier = WHATSAPP_TIERS[i].to_owned();
        }
        ui.weak(tr("plan-tier-hint"));
    }
}

/// Names a text field for screen readers (and the tests) by the label beside it.
fn labelled(response: egui::Response, label: String) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
}

fn tier_label(tier: &str) -> String {
    match tier.parse::<i64>() {
        Ok(n) => Msg::new("plan-tier-n")
            .arg("n", group_thousands(n))
            .to_string(),
        Err(_) => tr("plan-tier-unlimited"),
    }
}
