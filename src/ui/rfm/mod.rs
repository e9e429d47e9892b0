//! The RFM screen: recency against frequency as a scatter (or, for many customers, a binned
//! density), the 5×5 R×F grid as a heat map with the named groups outlined, and a table of groups
//! with what to send them. A click on a group or a cell opens it as a new segment.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{Heatmap, Legend, Plot, PlotPoint, PlotPoints, Points};

mod panels;

use super::Action;
use super::derived::Derived;
use super::jobs::{Task, Work};
use crate::format::{format_rubles, group_thousands};
use crate::i18n::{Msg, tr};
use crate::rfm::{self, Analysis, Dimension, Group, GroupSummary};
use crate::segment::{Item, Rule};
use crate::store::{RfmRow, Setting, Store};
use panels::{grid, groups_table, money};

/// Above this many customers the scatter becomes a binned density: egui_plot draws every point
/// as its own circle.
const POINTS_MAX: usize = 50_000;

/// Bins of the density plot across and up.
const BINS: (usize, usize) = (60, 40);

/// A binned density of (recency, frequency).
struct Density {
    values: Vec<f64>,
    origin: PlotPoint,
    tile: (f32, f32),
}

/// Everything the screen shows, worked out in the background.
struct Loaded {
    analysis: Analysis,
    rows: Vec<RfmRow>,
    summary: Vec<GroupSummary>,
    /// Customers and revenue (kopecks) per cell, indexed [r − 1][f − 1].
    cells: [[(u64, i64); 5]; 5],
    /// For the scatter: each group's customers by their M score (the point size), as points on
    /// the linear and on the log scale.
    series: Vec<(Group, u8, [Vec<PlotPoint>; 2])>,
    density: [Option<Density>; 2],
}

fn axis(value: i64, log: bool) -> f64 {
    if log {
        (value.max(0) as f64 + 1.0).log10()
    } else {
        value as f64
    }
}

fn density(rows: &[RfmRow], log: bool) -> Density {
    let xs: Vec<f64> = rows
        .iter()
        .map(|r| axis(r.scored.recency_days, log))
        .collect();
    let ys: Vec<f64> = rows.iter().map(|r| axis(r.scored.frequency, log)).collect();
    let span = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo, (hi - lo).max(1.0))
    };
    let (x0, w) = span(&xs);
    let (mut y0, mut h) = span(&ys);
    // Frequency is a whole number: on a linear scale with few values, one row per value.
    let mut rows_n = BINS.1;
    if !log && h < BINS.1 as f64 {
        rows_n = h as usize + 1;
        y0 -= 0.5;
        h = rows_n as f64;
    }
    let mut counts = vec![0u32; BINS.0 * rows_n];
    for (x, y) in xs.iter().zip(&ys) {
        let cx = (((x - x0) / w) * BINS.0 as f64).min(BINS.0 as f64 - 1.0) as usize;
        let cy = (((y - y0) / h) * rows_n as f64).min(rows_n as f64 - 1.0) as usize;
        counts[cy * BINS.0 + cx] += 1;
    }
    Density {
        values: counts.iter().map(|c| (*c as f64 + 1.0).ln()).collect(),
        origin: PlotPoint::new(x0, y0),
        tile: ((w / BINS.0 as f64) as f32, (h / rows_n as f64) as f32),
    }
}

fn load(store: &mut Store, as_of: NaiveDate, recompute: bool, task: Task) -> crate::Result<Loaded> {
    let stored = if recompute {
        None
    } else {
        rfm::stored(store, as_of)?
    };
    let (analysis, rows) = match stored {
        Some(found) => found,
        None => {
            let analysis = rfm::recompute(store, as_of, task)?;
            (analysis, store.rfm_rows()?)
        }
    };
    let mut cells = [[(0u64, 0i64); 5]; 5];
    for r in &rows {
        let cell = &mut cells[r.scored.r as usize - 1][r.scored.f as usize - 1];
        cell.0 += 1;
        cell.1 += r.scored.monetary_kop;
    }
    let many = rows.len() > POINTS_MAX;
    let mut series = Vec::new();
    if !many {
        for g in Group::ALL {
            for m in 1..=5u8 {
                let here: Vec<&RfmRow> = rows
                    .iter()
                    .filter(|r| r.scored.group == g && r.scored.m == m)
                    .collect();
                if !here.is_empty() {
                    let at = |log: bool| {
                        here.iter()
                            .map(|r| {
                                PlotPoint::new(
                                    axis(r.scored.recency_days, log),
                                    axis(r.scored.frequency, log),
                                )
                            })
                            .collect()
                    };
                    series.push((g, m, [at(false), at(true)]));
                }
            }
        }
    }
    let density = if many {
        [Some(density(&rows, false)), Some(density(&rows, true))]
    } else {
        [None, None]
    };
    Ok(Loaded {
        summary: rfm::summary(&analysis.customers),
        analysis,
        rows,
        cells,
        series,
        density,
    })
}

/// A colour per group, for the plot, the grid outline and the table.
fn color(g: Group) -> Color32 {
    let i = Group::ALL.iter().position(|x| *x == g).unwrap_or(0);
    const PALETTE: [Color32; 11] = [
        Color32::from_rgb(46, 160, 67),
        Color32::from_rgb(88, 166, 255),
        Color32::from_rgb(121, 192, 255),
        Color32::from_rgb(163, 113, 247),
        Color32::from_rgb(210, 168, 255),
        Color32::from_rgb(227, 179, 65),
        Color32::from_rgb(240, 136, 62),
        Color32::from_rgb(248, 81, 73),
        Color32::from_rgb(219, 97, 162),
        Color32::from_rgb(139, 148, 158),
        Color32::from_rgb(110, 118, 129),
    ];
    PALETTE[i]
}

fn group_name(g: Group) -> String {
    g.label(crate::i18n::current())
}

/// A rule of one RFM condition, opened as a new segment.
fn rule_of(item: Item) -> Rule {
    Rule::all_of(vec![item])
}

/// The screen's state.
pub struct RfmScreen {
    as_of: NaiveDate,
    /// The as-of date was read from the base's settings.
    dated: bool,
    /// The analysis, for the owner's latest request (counted from 1).
    data: Derived<u64, Arc<Loaded>>,
    asked: u64,
    log_scale: bool,
    cuts: [String; 3],
}

impl Default for RfmScreen {
    fn default() -> Self {
        RfmScreen {
            as_of: chrono::Local::now().date_naive(),
            dated: false,
            data: Derived::default(),
            asked: 0,
            log_scale: false,
            cuts: Default::default(),
        }
    }
}

impl RfmScreen {
    /// Forgets the results (after an import, or on another base).
    pub fn reload(&mut self) {
        self.data.forget();
    }

    fn start(
        &mut self,
        ctx: &egui::Context,
        db: &Path,
        recompute: bool,
        cuts: Option<[String; 3]>,
    ) {
        let as_of = self.dated.then_some(self.as_of);
        self.asked += 1;
        self.data
            .restart(ctx, Work::Rfm, db, self.asked, move |store, task| {
                if let Some(cuts) = &cuts {
                    for (d, text) in Dimension::ALL.into_iter().zip(cuts) {
                        store.set_setting(d.setting(), text)?;
                    }
                }
                let as_of = match as_of {
                    Some(d) => {
                        store.set_setting(Setting::RfmAsOf.key(), &d.to_string())?;
                        d
                    }
                    None => rfm::as_of_date(store, chrono::Utc::now())?,
                };
                load(store, as_of, recompute || cuts.is_some(), task).map(Arc::new)
            });
    }

    /// Shows the date and the owner's cut points the analysis `data` was made with.
    fn show_choices_of(&mut self, data: &Loaded) {
        self.as_of = data.analysis.as_of;
        self.dated = true;
        for (i, d) in Dimension::ALL.into_iter().enumerate() {
            if data.analysis.cuts.custom[i] {
                let cuts = data.analysis.cuts.get(d);
                self.cuts[i] = match d {
                    Dimension::Monetary => cuts.map(|k| (k / 100).to_string()).join(", "),
                    _ => cuts.map(|k| k.to_string()).join(", "),
                };
            } else {
                self.cuts[i].clear();
            }
        }
    }

    /// Draws the screen.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path, actions: &mut Vec<Action>) {
        if self.data.key().is_none() {
            self.start(ui.ctx(), db, false, None);
        }
        if self.data.poll()
            && let Some(data) = self.data.current().cloned()
        {
            self.show_choices_of(&data);
        }
        self.toolbar(ui, db);
        if !self.data.is_running()
            && let Some(e) = self.data.error()
        {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let Some(data) = self.data.last().cloned() else {
            if self.data.is_running() {
                ui.spinner();
            }
            return;
        };
        if data.rows.is_empty() {
            ui.add_space(20.0);
            ui.label(tr("rfm-empty"));
            return;
        }
        // On a laptop's 768 rows the table takes a third of the screen, not half of it.
        let table_height = (ui.available_height() * 0.35).clamp(160.0, 300.0);
        egui::Panel::bottom("rfm-table")
            .resizable(true)
            .default_size(table_height)
            .show(ui, |ui| groups_table(ui, &data, actions));
        egui::Panel::right("rfm-grid")
            .resizable(false)
            .exact_size(380.0)
            .show(ui, |ui| grid(ui, &data, actions));
        egui::CentralPanel::default().show(ui, |ui| {
            let height = ui.available_height();
            self.scatter(ui, &data, height * 0.64);
            money(ui, &data);
        });
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("rfm-as-of"));
            if super::widgets::date_picker(ui, "rfm-as-of", &mut self.as_of, &tr("rfm-as-of-hint"))
            {
                self.dated = true;
                self.start(ui.ctx(), db, true, None);
            }
            if ui.button(tr("rfm-recompute")).clicked() {
                self.start(ui.ctx(), db, true, None);
            }
            if let Some(fraction) = self.data.progress().map(|p| p.fraction()) {
                let bar = egui::ProgressBar::new(fraction);
                ui.add(bar.desired_width(160.0).show_percentage());
                if ui.button(tr("cancel")).clicked() {
                    self.data.cancel();
                }
            }
            ui.separator();
            ui.checkbox(&mut self.log_scale, tr("rfm-log-scale"));
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("rfm-own-cuts"));
            for (i, d) in Dimension::ALL.into_iter().enumerate() {
                let label = ui.label(d.label(crate::i18n::current()));
                ui.add(
                    egui::TextEdit::singleline(&mut self.cuts[i])
                        .hint_text(
                            self.data
                                .last()
                                .map_or(String::new(), |data| shown_cuts(&data.analysis, d)),
                        )
                        .desired_width(150.0),
                )
                .labelled_by(label.id);
            }
            if ui
                .button(tr("rfm-apply-cuts"))
                .on_hover_text(tr("rfm-cuts-hint"))
                .clicked()
            {
                let cuts = self.cuts.clone();
                self.start(ui.ctx(), db, true, Some(cuts));
            }
        });
        if let Some(data) = self.data.last() {
            let a = &data.analysis;
            ui.label(
                Msg::new("rfm-head")
                    .arg("as_of", a.as_of.format("%d.%m.%Y").to_string())
                    .arg("scored", group_thousands(a.customers.len() as i64))
                    .arg("without", group_thousands(a.without_orders as i64))
                    .to_string(),
            );
            if a.from_totals != crate::rfm::FromTotals::default() {
                ui.label(
                    Msg::new("rfm-from-totals")
                        .arg("scored", a.from_totals.scored as i64)
                        .arg("undated", a.from_totals.undated as i64)
                        .to_string(),
                );
            }
            ui.horizontal_wrapped(|ui| {
                for (i, d) in Dimension::ALL.into_iter().enumerate() {
                    let note = if a.cuts.custom[i] {
                        format!(" ({})", tr("rfm-own"))
                    } else if a.cuts.balanced[i] {
                        format!(" ({})", tr("rfm-balanced"))
                    } else {
                        String::new()
                    };
                    ui.weak(format!(
                        "{}: {}{note}",
                        d.label(crate::i18n::current()),
                        shown_cuts(a, d),
                    ));
                }
            });
            if a.cuts.balanced.contains(&true) {
                ui.weak(tr("rfm-balanced-why"));
            }
        }
        ui.separator();
    }

    fn scatter(&mut self, ui: &mut egui::Ui, data: &Loaded, height: f32) {
        let log = self.log_scale;
        let fmt = move |v: f64| {
            if log {
                format!("{:.0}", 10f64.powf(v) - 1.0)
            } else {
                format!("{v:.0}")
            }
        };
        let rows = &data.rows;
        let plot = Plot::new("rfm-scatter")
            .height(height)
            .legend(Legend::default().text_style(egui::TextStyle::Small))
            .x_axis_label(tr("rfm-x-axis"))
            .y_axis_label(tr("rfm-y-axis"))
            .x_axis_formatter(move |mark, _| fmt(mark.value))
            .y_axis_formatter(move |mark, _| fmt(mark.value))
            .label_formatter(move |hover| match hover {
                // The customers at the point: several may share one recency and frequency.
                egui_plot::HoverPosition::NearDataPoint { position, .. } => {
                    let mut here = rows.iter().filter(|r| {
                        (axis(r.scored.recency_days, log) - position.x).abs() < 1e-9
                            && (axis(r.scored.frequency, log) - position.y).abs() < 1e-9
                    });
                    let first = here.next()?;
                    let more = here.count();
                    let mut text = describe(first);
                    if more > 0 {
                        text += &format!("\n{}", Msg::counted("rfm-hover-more", more as i64));
                    }
                    Some(text)
                }
                egui_plot::HoverPosition::Elsewhere { .. } => None,
            });
        plot.show(ui, |plot_ui| {
            if let Some(d) = &data.density[usize::from(log)] {
                plot_ui.heatmap(
                    Heatmap::new(d.values.clone(), BINS.0)
                        .at(d.origin)
                        .tile_size(d.tile.0, d.tile.1)
                        .show_labels(false)
                        .name(tr("rfm-density"))
                        .custom_mapping(Box::new(|v| {
                            if v <= 0.0 {
                                Color32::TRANSPARENT
                            } else {
                                let t = (v / 8.0).min(1.0) as f32;
                                Color32::from_rgb(
                                    (30.0 + 200.0 * t) as u8,
                                    (80.0 + 120.0 * t) as u8,
                                    (160.0 - 100.0 * t) as u8,
                                )
                            }
                        })),
                );
            }
            // One series per group and M score: the size shows the money, the legend the group.
            for (g, m, points) in &data.series {
                plot_ui.points(
                    Points::new(
                        group_name(*g),
                        PlotPoints::Borrowed(&points[usize::from(log)]),
                    )
                    .color(color(*g))
                    .radius(1.0 + 0.9 * *m as f32),
                );
            }
        });
    }
}

fn shown_cuts(a: &Analysis, d: Dimension) -> String {
    let cuts = a.cuts.get(d);
    match d {
        Dimension::Monetary => cuts
            .iter()
            .map(|k| format_rubles(*k))
            .collect::<Vec<_>>()
            .join(" | "),
        _ => cuts
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

fn describe(row: &RfmRow) -> String {
    let s = &row.scored;
    Msg::new("rfm-hover")
        .arg("id", s.contact_id)
        .arg("customer", row.external_id.clone().unwrap_or_default())
        .arg("phone", row.phone.clone().unwrap_or_default())
        .arg("recency", s.recency_days)
        .arg("frequency", s.frequency)
        .arg("monetary", format_rubles(s.monetary_kop))
        .arg("score", format!("{}{}{}", s.r, s.f, s.m))
        .arg("group", group_name(s.group))
        .to_string()
}
