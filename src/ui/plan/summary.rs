//! What the Plan screen shows of a made plan: the counts per variant, per day and per reason
//! left out (a click lists who), where the best hours came from, sends per hour in UTC and local
//! time, and the first rows; and, on "each contact's best hour", the base's reactions by local
//! hour beside the plan's sends.

use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::format::group_thousands;
use crate::i18n::{Msg, tr};
use crate::model::reaction_hours::Hours;
use crate::plan::Summary;
use crate::plan::review::{Review, Who};
use crate::store::ContactRow;

/// Days listed in the summary before "… and N more".
const DAYS_SHOWN: usize = 14;

/// Draws the summary in three columns; returns whose list the owner asked for.
pub fn summary(ui: &mut egui::Ui, s: &Summary) -> Option<Who> {
    ui.strong(
        Msg::new("plan-summary")
            .arg("planned", group_thousands(s.planned as i64))
            .arg("of", group_thousands(s.segments_size as i64))
            .to_string(),
    );
    if let Some(counts) = &s.best_hours {
        ui.label(counts.msg().to_string());
    }
    let mut clicked = None;
    ui.columns(3, |cols| {
        per_variant(&mut cols[0], s);
        per_day(&mut cols[1], s);
        clicked = left_out(&mut cols[2], s);
    });
    clicked
}

fn per_variant(ui: &mut egui::Ui, s: &Summary) {
    ui.label(tr("plan-per-variant"));
    egui::Grid::new("plan-variants")
        .striped(true)
        .show(ui, |ui| {
            for (variant, arm, n) in &s.per_variant {
                ui.label(format!("{variant} {arm}"));
                ui.label(group_thousands(*n as i64));
                ui.end_row();
            }
        });
}

fn per_day(ui: &mut egui::Ui, s: &Summary) {
    ui.label(tr("plan-per-day"));
    egui::Grid::new("plan-days").striped(true).show(ui, |ui| {
        for (day, n) in s.per_day.iter().take(DAYS_SHOWN) {
            ui.label(day.format("%d.%m.%Y").to_string());
            ui.label(group_thousands(*n as i64));
            ui.end_row();
        }
    });
    if s.per_day.len() > DAYS_SHOWN
        && let Some((last, _)) = s.per_day.last()
    {
        ui.weak(
            Msg::new("plan-more-days")
                .arg("count", (s.per_day.len() - DAYS_SHOWN) as i64)
                .arg("last", last.format("%d.%m.%Y").to_string())
                .to_string(),
        );
    }
}

/// The reasons people were left out, and those moved to later days; returns the one clicked.
fn left_out(ui: &mut egui::Ui, s: &Summary) -> Option<Who> {
    ui.label(tr("plan-excluded"));
    let mut clicked = None;
    egui::Grid::new("plan-reasons")
        .striped(true)
        .show(ui, |ui| {
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
    clicked
}

/// The contacts of `which`, as read from the base.
pub fn who_list(ui: &mut egui::Ui, which: Who, who: Result<&Vec<ContactRow>, &str>) {
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

/// Sends per hour of the day, in UTC and in the recipients' own time, side by side.
pub fn hours_chart(ui: &mut egui::Ui, (utc, local): ([u64; 24], [u64; 24])) {
    ui.label(tr("plan-hours"));
    let bars = |values: &[u64; 24], shift: f64, color: egui::Color32| {
        hour_bars(values.map(|n| n as f64), shift, color)
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

/// A bar per hour, shifted off the hour's mark by `shift`.
fn hour_bars(values: [f64; 24], shift: f64, color: egui::Color32) -> Vec<Bar> {
    values
        .iter()
        .enumerate()
        .map(|(h, n)| Bar::new(h as f64 + shift, *n).width(0.4).fill(color))
        .collect()
}

/// Each hour's share of `values`, in per cent.
fn shares(values: [f64; 24]) -> [f64; 24] {
    let total: f64 = values.iter().sum();
    values.map(|v| if total > 0.0 { 100.0 * v / total } else { 0.0 })
}

/// The base's telling reactions by local hour (`learned`: how many contacts have a best hour of
/// their own) and, once made, the plan's sends by local hour — both as shares of the day.
pub fn reactions_chart(
    ui: &mut egui::Ui,
    reactions: &Hours,
    learned: u64,
    planned: Option<&[u64; 24]>,
) {
    if reactions.total() == 0 {
        ui.weak(tr("plan-reactions-none"));
        return;
    }
    ui.label(
        Msg::new("plan-reactions")
            .arg("reactions", group_thousands(i64::from(reactions.total())))
            .arg("learned", group_thousands(learned as i64))
            .to_string(),
    );
    let (orange, green) = (
        egui::Color32::from_rgb(0xef, 0x8f, 0x3b),
        egui::Color32::from_rgb(0x3c, 0xb3, 0x71),
    );
    let base = shares(reactions.reactions.map(f64::from));
    let plan = planned.map(|planned| shares(planned.map(|n| n as f64)));
    let highest = base
        .iter()
        .chain(plan.iter().flatten())
        .fold(0.0_f64, |a, b| a.max(*b));
    Plot::new("plan-reactions")
        .height(160.0)
        .legend(Legend::default())
        // Room above the tallest bar for the legend, so it hides no bar.
        .include_y(highest * 1.35)
        .x_axis_formatter(|mark, _| format!("{:02}:00", mark.value.round() as i64))
        .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            let bars = hour_bars(base, -0.2, orange);
            plot_ui.bar_chart(BarChart::new(tr("plan-reactions-series"), bars).color(orange));
            if let Some(plan) = plan {
                let bars = hour_bars(plan, 0.2, green);
                plot_ui.bar_chart(BarChart::new(tr("plan-reactions-plan"), bars).color(green));
            }
        });
}

/// The first rows of the plan, as the file will hold them.
pub fn rows(ui: &mut egui::Ui, review: &Review) {
    ui.strong(
        Msg::new("plan-first-rows")
            .arg("count", review.rows.len() as i64)
            .to_string(),
    );
    egui::Grid::new("plan-rows").striped(true).show(ui, |ui| {
        crate::ui::widgets::heading_row(
            ui,
            &[
                "plan-col-id",
                "plan-col-name",
                "plan-col-address",
                "plan-col-variant",
                "plan-col-local",
                "plan-col-zone",
                "plan-col-utc",
                "plan-col-text",
            ],
        );
        for r in &review.rows {
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
