//! The RFM screen's panels beside the scatter: the 5×5 R×F grid, the money per group, and the
//! table of groups with what to send them. A click on a cell or a group opens it as a segment.

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Plot};

use super::{Loaded, color, group_name, rule_of};
use crate::format::{format_rubles, group_thousands};
use crate::i18n::{Msg, tr};
use crate::rfm::GRID;
use crate::segment::Item;
use crate::ui::Action;

/// The 5×5 R×F grid: each cell's share of customers as its shade, customers and revenue share as
/// text, a coloured edge for the group it belongs to. A click opens the cell as a segment.
pub(super) fn grid(ui: &mut egui::Ui, data: &Loaded, actions: &mut Vec<Action>) {
    ui.strong(tr("rfm-grid-title"));
    ui.weak(tr("rfm-grid-hint"));
    let total: u64 = data.cells.iter().flatten().map(|c| c.0).sum::<u64>().max(1);
    let revenue: i64 = data.cells.iter().flatten().map(|c| c.1).sum::<i64>().max(1);
    let max = data
        .cells
        .iter()
        .flatten()
        .map(|c| c.0)
        .max()
        .unwrap_or(1)
        .max(1);
    // The five rows R 5…1 share the height under the header, so a laptop's window shows them all.
    let row = ((ui.available_height() - 24.0) / 5.0 - 2.0).clamp(32.0, 52.0);
    let size = egui::vec2(64.0, row);
    // Below the smallest cells the grid scrolls rather than hiding its bottom rows.
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("rfm-cells")
            .spacing([2.0, 2.0])
            .show(ui, |ui| {
                ui.label("R \\ F");
                for f in 1..=5 {
                    ui.strong(f.to_string());
                }
                ui.end_row();
                for r in (1..=5u8).rev() {
                    ui.strong(r.to_string());
                    for f in 1..=5u8 {
                        let (n, kop) = data.cells[r as usize - 1][f as usize - 1];
                        let group = GRID[5 - r as usize][f as usize - 1];
                        let shade = (40.0 + 160.0 * n as f32 / max as f32) as u8;
                        let text = format!(
                            "{}\n{:.0}% / {:.0}%",
                            group_thousands(n as i64),
                            100.0 * n as f64 / total as f64,
                            100.0 * kop as f64 / revenue as f64
                        );
                        let button =
                            egui::Button::new(RichText::new(text).small().color(Color32::WHITE))
                                .fill(Color32::from_rgb(20, shade / 2 + 20, shade))
                                .stroke(egui::Stroke::new(2.0, color(group)))
                                .min_size(size);
                        let response = ui.add(button).on_hover_text(
                            Msg::new("rfm-cell-hint")
                                .arg("r", r as i64)
                                .arg("f", f as i64)
                                .arg("group", group_name(group))
                                .to_string(),
                        );
                        if response.clicked() {
                            actions.push(Action::OpenRule {
                                rule: rule_of(Item::Rfm {
                                    groups: Vec::new(),
                                    r: Some([r, r]),
                                    f: Some([f, f]),
                                    m: None,
                                }),
                                name: format!("RFM R{r} F{f}"),
                                notes: group_name(group),
                            });
                        }
                    }
                    ui.end_row();
                }
            });
    });
}

/// Money per group as a second plot: what an average customer of each group has spent in all.
pub(super) fn money(ui: &mut egui::Ui, data: &Loaded) {
    ui.strong(tr("rfm-money-title"));
    let bars: Vec<Bar> = data
        .summary
        .iter()
        .enumerate()
        .filter(|(_, g)| g.customers > 0)
        .map(|(i, g)| {
            let average = g.revenue_kop as f64 / g.customers as f64 / 100.0;
            Bar::new(i as f64, average)
                .name(group_name(g.group))
                .fill(color(g.group))
                .width(0.8)
        })
        .collect();
    Plot::new("rfm-money")
        .height((ui.available_height() - 4.0).max(80.0))
        .show_x(false)
        .x_axis_formatter(|_, _| String::new())
        .y_axis_formatter(|mark, _| format!("{:.0} ₽", mark.value))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new(tr("rfm-money-title"), bars))
        });
}

/// The groups: customers, shares, average order value and what to send them; a click on a
/// group's name opens it as a segment.
pub(super) fn groups_table(ui: &mut egui::Ui, data: &Loaded, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        // Six columns declared, so the last one (the advice) wraps in the width that is left.
        egui::Grid::new("rfm-groups")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                crate::ui::widgets::heading_row(
                    ui,
                    &[
                        "rfm-col-group",
                        "rfm-col-customers",
                        "rfm-col-share",
                        "rfm-col-revenue",
                        "rfm-col-aov",
                        "rfm-col-advice",
                    ],
                );
                for g in &data.summary {
                    let name = group_name(g.group);
                    if ui
                        .add(
                            egui::Button::new(RichText::new(&name).color(color(g.group)))
                                .frame(false),
                        )
                        .on_hover_text(tr("rfm-open-segment"))
                        .clicked()
                    {
                        actions.push(Action::OpenRule {
                            rule: rule_of(Item::Rfm {
                                groups: vec![g.group],
                                r: None,
                                f: None,
                                m: None,
                            }),
                            name: tr(&format!("preset-rfm-{}", g.group.as_str())),
                            notes: tr(&format!("preset-rfm-{}-about", g.group.as_str())),
                        });
                    }
                    ui.label(group_thousands(g.customers as i64));
                    ui.label(format!("{:.1}%", g.customer_share * 100.0));
                    ui.label(format!("{:.1}%", g.revenue_share * 100.0));
                    ui.label(format_rubles(g.average_order_kop));
                    ui.add(
                        egui::Label::new(tr(&format!("preset-rfm-{}-about", g.group.as_str())))
                            .wrap(),
                    );
                    ui.end_row();
                }
            });
    });
}
