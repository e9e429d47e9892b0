//! The Results screen: campaigns on the left; for the chosen one, metric cards, bars per variant,
//! the A/B arms with a plain verdict, the health warnings in red, the trend of read / click /
//! block rates over campaigns, and one click to make a segment of who clicked a button or did not
//! read. Everything is computed in the background; a results file is loaded through the import.

use std::path::Path;

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Legend, Line as PlotLine, Plot, PlotPoints};

use std::collections::HashMap;
use std::sync::Arc;

use super::Action;
use super::derived::Derived;
use super::jobs::{QueryJob, Work};
use crate::format::group_thousands;
use crate::i18n::{Msg, tr};
use crate::results::{self, Metrics, Rates, Thresholds, percent};
use crate::store::{Setting, Store};

/// What the screen shows of one campaign.
struct Card {
    metrics: Metrics,
    /// The sleeping share before and after the last results import, when it grew.
    sleeping: Option<(f64, f64)>,
    /// The thresholds the warnings were checked against.
    thresholds: Thresholds,
    /// The campaign's buttons (for "clicked button X").
    buttons: Vec<String>,
}

fn card(store: &Store, campaign: &str) -> crate::Result<Card> {
    let thresholds = Thresholds::from_settings(store)?;
    let metrics = results::metrics(store, campaign, thresholds)?;
    let mut buttons: Vec<String> = store
        .campaign(campaign)?
        .map(|c| {
            c.variants
                .iter()
                .flat_map(|v| v.buttons.iter().chain(v.b.iter().flat_map(|b| &b.buttons)))
                .map(|b| b.text.clone())
                .collect()
        })
        .unwrap_or_default();
    buttons.sort();
    buttons.dedup();
    Ok(Card {
        metrics,
        sleeping: results::sleeping_growth(store)?,
        thresholds,
        buttons,
    })
}

/// What the screen has read of the base since the last import: the campaigns, the card of
/// each campaign opened (kept, so going back to one shows it at once), the trend over all.
/// Each is keyed by the base's generation, which [`ResultsScreen::reload`] moves on.
#[derive(Default)]
pub struct ResultsScreen {
    /// The warning thresholds as edited, in percent.
    block_pct: f64,
    unsubscribe_pct: f64,
    save_job: Option<QueryJob<()>>,
    /// Why the thresholds could not be kept.
    save_error: Option<String>,
    generation: u64,
    campaigns: Derived<u64, Vec<String>>,
    chosen: Option<String>,
    card: Derived<(u64, String), Arc<Card>>,
    /// The cards read in this generation, by campaign.
    cards: HashMap<String, Arc<Card>>,
    trend: Derived<u64, Vec<(String, Rates)>>,
}

impl ResultsScreen {
    /// Forgets what was read from the base (after an import, or on another base); what is on
    /// screen stays until the new answers come.
    pub fn reload(&mut self) {
        self.generation += 1;
        self.cards.clear();
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        let generation = self.generation;
        self.campaigns
            .want(ctx, Work::ReadBase, db, generation, |s, _| {
                results::campaigns(s).map(|mut names| {
                    names.reverse();
                    names
                })
            });
        self.campaigns.poll();
        if self.chosen.is_none() {
            self.chosen = self.campaigns.current().and_then(|n| n.first().cloned());
        }
        if let Some(name) = self.chosen.clone()
            && !self.cards.contains_key(&name)
        {
            self.card.want(
                ctx,
                Work::Results,
                db,
                (generation, name.clone()),
                move |s, _| card(s, &name).map(Arc::new),
            );
        }
        if self.card.poll()
            && let (Some(card), Some((_, name))) = (self.card.current(), self.card.key())
        {
            self.block_pct = card.thresholds.block * 100.0;
            self.unsubscribe_pct = card.thresholds.unsubscribe * 100.0;
            self.cards.insert(name.clone(), card.clone());
        }
        // The trend waits for the card: the owner looks at the card first.
        if !self.card.is_running() {
            self.trend
                .want(ctx, Work::Results, db, generation, |s, task| {
                    results::trend(s, task)
                });
        }
        self.trend.poll();
        if let Some(job) = &mut self.save_job
            && let Some(result) = job.pending.finished()
        {
            self.save_job = None;
            self.save_error = match result {
                Some(Err(e)) => Some(e.to_string()),
                Some(Ok(())) | None => None,
            };
            // The warnings change with the thresholds; the rates do not.
            self.cards.clear();
            self.card.forget();
        }
    }

    /// The owner's warning thresholds, kept in the base when changed.
    fn thresholds(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal_wrapped(|ui| {
            ui.weak(tr("results-thresholds"));
            let block = ui.add(
                egui::DragValue::new(&mut self.block_pct)
                    .range(0.1..=100.0)
                    .speed(0.1)
                    .suffix(" %"),
            );
            let block = block.on_hover_text(tr("results-block-threshold"));
            ui.weak(tr("results-thresholds-or"));
            let unsubscribe = ui
                .add(
                    egui::DragValue::new(&mut self.unsubscribe_pct)
                        .range(0.1..=100.0)
                        .speed(0.1)
                        .suffix(" %"),
                )
                .on_hover_text(tr("results-unsubscribe-threshold"));
            ui.weak(tr("results-thresholds-end"));
            let done = |r: &egui::Response| r.drag_stopped() || r.lost_focus();
            if let Some(e) = &self.save_error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if done(&block) || done(&unsubscribe) {
                let (b, u) = (self.block_pct, self.unsubscribe_pct);
                self.save_job = Some(QueryJob::spawn(ui.ctx(), Work::Save, db, move |s| {
                    s.set_setting(Setting::BlockThreshold.key(), &format!("{b:.1}"))?;
                    s.set_setting(Setting::UnsubscribeThreshold.key(), &format!("{u:.1}"))
                }));
            }
        });
    }

    /// Draws the screen.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path, actions: &mut Vec<Action>) {
        self.poll(ui.ctx(), db);
        egui::Panel::left("results-list")
            .resizable(true)
            .default_size(200.0)
            .show(ui, |ui| {
                ui.heading(tr("results-title"));
                if ui.button(tr("results-import")).clicked() {
                    actions.push(Action::OpenImport(None));
                }
                ui.separator();
                let names = self.campaigns.last().map_or(&[][..], Vec::as_slice);
                if names.is_empty() && !self.campaigns.is_running() {
                    ui.weak(tr("results-none"));
                }
                if let Some(e) = self.campaigns.error() {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                let open = super::widgets::name_list(
                    ui,
                    "results-campaigns",
                    names,
                    self.chosen.as_deref(),
                );
                if open.is_some() {
                    self.chosen = open;
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("results-scroll")
                .show(ui, |ui| self.chosen_card(ui, db, actions))
        });
    }

    /// The chosen campaign's card, or why it is not there yet.
    fn chosen_card(&mut self, ui: &mut egui::Ui, db: &Path, actions: &mut Vec<Action>) {
        let Some(name) = &self.chosen else {
            ui.weak(tr("results-choose"));
            return;
        };
        if let Some(card) = self.cards.get(name).cloned() {
            shown(ui, &card, &self.trend, actions);
            ui.separator();
            self.thresholds(ui, db);
        } else if let (Some(e), Some((_, failed))) = (self.card.error(), self.card.key())
            && failed == name
        {
            ui.colored_label(ui.visuals().error_fg_color, e);
        } else {
            ui.spinner();
        }
    }
}

fn shown(
    ui: &mut egui::Ui,
    loaded: &Card,
    over_campaigns: &Derived<u64, Vec<(String, Rates)>>,
    actions: &mut Vec<Action>,
) {
    let m = &loaded.metrics;
    ui.heading(&m.campaign);
    let mut alarms: Vec<String> = m.warnings.iter().map(|w| w.msg().to_string()).collect();
    if let Some((before, now)) = loaded.sleeping {
        alarms.push(results::sleeping_msg(before, now).to_string());
    }
    for text in alarms {
        ui.colored_label(
            ui.visuals().error_fg_color,
            RichText::new(format!("⚠ {text}")).strong(),
        );
    }
    cards(ui, m);
    if !m.reads_reported {
        ui.weak(tr("results-no-reads"));
    }
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("results-make-segment"));
        for button in &loaded.buttons {
            if ui
                .button(
                    Msg::new("results-clicked")
                        .arg("button", button.as_str())
                        .to_string(),
                )
                .clicked()
            {
                actions.push(Action::OpenRule {
                    rule: results::clicked_segment(&m.campaign, button),
                    name: Msg::new("results-clicked-name")
                        .arg("button", button.as_str())
                        .arg("campaign", m.campaign.as_str())
                        .to_string(),
                    notes: String::new(),
                });
            }
        }
        if ui.button(tr("results-unread")).clicked() {
            actions.push(Action::OpenRule {
                rule: results::unread_segment(&m.campaign),
                name: Msg::new("results-unread-name")
                    .arg("campaign", m.campaign.as_str())
                    .to_string(),
                notes: String::new(),
            });
        }
    });
    ui.separator();
    lines_table(ui, m);
    for t in &m.ab {
        ui.label(format!("A/B «{}»: {}", t.variant, t.msg()));
    }
    ui.separator();
    ui.columns(2, |cols| {
        cols[0].strong(tr("results-per-variant"));
        variant_bars(&mut cols[0], m);
        cols[1].strong(tr("results-trend"));
        match over_campaigns.last() {
            Some(points) if !over_campaigns.is_running() => trend(&mut cols[1], points),
            _ => {
                cols[1].horizontal(|ui| {
                    ui.spinner();
                    ui.weak(tr("results-trend-counting"));
                });
            }
        }
        if let Some(e) = over_campaigns.error() {
            cols[1].colored_label(cols[1].visuals().error_fg_color, e);
        }
    });
}

/// The headline numbers as cards.
fn cards(ui: &mut egui::Ui, m: &Metrics) {
    let c = &m.total.counts;
    let r = &m.total.rates;
    let rate = |x: Option<f64>| x.map_or("—".to_owned(), percent);
    let cards = [
        ("results-planned", group_thousands(c.planned as i64), false),
        ("results-sent", group_thousands(c.sent as i64), false),
        (
            "results-delivered",
            group_thousands(c.delivered as i64),
            false,
        ),
        ("results-read", rate(r.read), false),
        ("results-click", rate(r.click), false),
        ("results-reply", rate(r.reply), false),
        ("results-unsubscribe", rate(r.unsubscribe), false),
        (
            "results-block",
            rate(r.block),
            m.warnings.iter().any(|w| w.kind == "block"),
        ),
    ];
    // Frames do not wrap in a wrapping row: as many equal cards per row as the width holds.
    const CARD: f32 = 104.0;
    let gap = ui.spacing().item_spacing.x;
    // A group frame's margin is 6 and its stroke 1 on each side.
    let outer = CARD + 2.0 * 7.0 + gap;
    let per_row = ((ui.available_width() + gap) / outer).floor().max(1.0) as usize;
    for row in cards.chunks(per_row) {
        ui.horizontal(|ui| {
            for (title, value, alarm) in row {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(CARD);
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(RichText::new(tr(title)).weak()).truncate());
                        let text = RichText::new(value).size(22.0).strong();
                        if *alarm {
                            ui.label(text.color(ui.visuals().error_fg_color));
                        } else {
                            ui.label(text);
                        }
                    });
                });
            }
        });
    }
}

/// Per variant (its segment) and per arm: the counts and rates.
fn lines_table(ui: &mut egui::Ui, m: &Metrics) {
    let rate = |x: Option<f64>| x.map_or("—".to_owned(), percent);
    egui::Grid::new("results-lines")
        .striped(true)
        .show(ui, |ui| {
            crate::ui::widgets::heading_row(
                ui,
                &[
                    "results-col-variant",
                    "results-col-segment",
                    "results-planned",
                    "results-delivered",
                    "results-read",
                    "results-click",
                    "results-reply",
                    "results-unsubscribe",
                    "results-block",
                ],
            );
            for l in m.per_variant.iter().chain(&m.per_arm) {
                match l.arm {
                    Some(arm) => ui.label(format!("  {} {arm}", l.variant)),
                    None => ui.label(&l.variant),
                };
                ui.label(&l.segment);
                ui.label(group_thousands(l.counts.planned as i64));
                ui.label(group_thousands(l.counts.delivered as i64));
                ui.label(rate(l.rates.read));
                ui.label(rate(l.rates.click));
                ui.label(rate(l.rates.reply));
                ui.label(rate(l.rates.unsubscribe));
                let warned = m
                    .warnings
                    .iter()
                    .any(|w| w.kind == "block" && w.variant == l.variant && l.arm.is_none());
                if warned {
                    ui.colored_label(ui.visuals().error_fg_color, rate(l.rates.block));
                } else {
                    ui.label(rate(l.rates.block));
                }
                ui.end_row();
            }
        });
}

const READ: Color32 = Color32::from_rgb(0x5b, 0x8d, 0xef);
const CLICK: Color32 = Color32::from_rgb(0x3c, 0xb3, 0x71);
const BLOCK: Color32 = Color32::from_rgb(0xe0, 0x4f, 0x4f);

/// A fixed plot of rates in percent, with `labels` under the whole x positions 0, 1, …, up to
/// half again above the highest of `rates`, so the legend in the top corner sits over empty space
/// rather than over a line or bar.
fn rates_plot<'a>(
    id: &str,
    labels: Vec<String>,
    rates: impl Iterator<Item = &'a Rates>,
) -> Plot<'static> {
    let top = rates
        .flat_map(|r| [r.read, r.click, r.block])
        .flatten()
        .fold(0.0, f64::max)
        * 100.0;
    Plot::new(id)
        .height(220.0)
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(top * 1.5)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 0.01 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
}

/// Read, click and block rates per variant, as grouped bars.
fn variant_bars(ui: &mut egui::Ui, m: &Metrics) {
    let names: Vec<String> = m.per_variant.iter().map(|l| l.variant.clone()).collect();
    let series = |pick: fn(&Rates) -> Option<f64>, shift: f64, color: Color32| -> Vec<Bar> {
        m.per_variant
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Bar::new(i as f64 + shift, pick(&l.rates).unwrap_or(0.0) * 100.0)
                    .width(0.25)
                    .fill(color)
            })
            .collect()
    };
    let rates = m.per_variant.iter().map(|l| &l.rates);
    rates_plot("results-variants", names, rates).show(ui, |plot_ui| {
        plot_ui.bar_chart(
            BarChart::new(tr("results-read"), series(|r| r.read, -0.27, READ)).color(READ),
        );
        plot_ui.bar_chart(
            BarChart::new(tr("results-click"), series(|r| r.click, 0.0, CLICK)).color(CLICK),
        );
        plot_ui.bar_chart(
            BarChart::new(tr("results-block"), series(|r| r.block, 0.27, BLOCK)).color(BLOCK),
        );
    });
}

/// Read, click and block rates over campaigns, oldest first; the campaigns numbered under it.
fn trend(ui: &mut egui::Ui, points: &[(String, Rates)]) {
    let line = |pick: fn(&Rates) -> Option<f64>| -> PlotPoints {
        points
            .iter()
            .enumerate()
            .filter_map(|(i, (_, r))| pick(r).map(|v| [i as f64, v * 100.0]))
            .collect()
    };
    let numbers = (1..=points.len()).map(|n| n.to_string()).collect();
    let rates = points.iter().map(|(_, r)| r);
    rates_plot("results-trend", numbers, rates).show(ui, |plot_ui| {
        plot_ui.line(PlotLine::new(tr("results-read"), line(|r| r.read)).color(READ));
        plot_ui.line(PlotLine::new(tr("results-click"), line(|r| r.click)).color(CLICK));
        plot_ui.line(PlotLine::new(tr("results-block"), line(|r| r.block)).color(BLOCK));
    });
    ui.horizontal_wrapped(|ui| {
        for (i, (name, _)) in points.iter().enumerate() {
            ui.weak(format!("{} — {name}", i + 1));
        }
    });
}
