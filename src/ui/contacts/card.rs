//! A contact's card beside the table: every field the base holds for them, their tags, orders
//! and engagement.

use crate::model::time::Moment;
use chrono_tz::Tz;

use super::{consent_label, status_label};
use crate::format::format_rubles;
use crate::i18n::{Msg, tr};
use crate::store::{Contact, ContactCard};

/// A stored UTC moment in the owner's zone, as Russians write dates: `31.12.2024 10:00`.
fn moment(at: &Moment, tz: Tz) -> String {
    at.local(tz).format("%d.%m.%Y %H:%M").to_string()
}

/// A stored birthday as the owner reads it: `12.03.1990`, or `12.03` without a year.
fn birthday(stored: &str) -> String {
    match stored.strip_prefix("--").and_then(|md| md.split_once('-')) {
        Some((month, day)) => format!("{day}.{month}"),
        None => chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d")
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_else(|_| stored.to_owned()),
    }
}

/// The contact's card: every field it holds, its tags, orders and what it did with campaigns.
pub fn contact_card(ui: &mut egui::Ui, card: &ContactCard, tz: Tz) {
    fields(ui, &card.contact, tz);
    ui.add_space(6.0);
    ui.strong(tr("field-tags"));
    ui.horizontal_wrapped(|ui| {
        for tag in &card.tags {
            ui.label(egui::RichText::new(tag).background_color(ui.visuals().faint_bg_color));
        }
    });
    ui.add_space(6.0);
    orders(ui, card, tz);
    ui.add_space(6.0);
    engagement(ui, card, tz);
}

/// Every field the contact has a value in, with its label.
fn fields(ui: &mut egui::Ui, c: &Contact, tz: Tz) {
    egui::Grid::new("card-fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut field = |label: &str, value: Option<String>| {
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    ui.label(tr(label));
                    ui.add(egui::Label::new(value).wrap());
                    ui.end_row();
                }
            };
            field("col-id", Some(c.id.to_string()));
            field(
                "field-external_id",
                c.external_id
                    .as_ref()
                    .map(|id| format!("{id} ({})", c.id_system)),
            );
            field("field-name", c.name.clone());
            field("field-first_name", c.first_name.clone());
            field("field-phone", c.phone.clone());
            field("field-email", c.email.clone());
            field("field-tg_chat_id", c.tg_chat_id.clone());
            field(
                "field-tg_username",
                c.tg_username.clone().map(|u| format!("@{u}")),
            );
            field("field-city", c.city.clone());
            field("field-region", c.region.clone());
            field(
                "field-time_zone",
                Some(format!(
                    "{} ({})",
                    c.time_zone,
                    tr(&format!("tz-source-{}", c.tz_source.as_str()))
                )),
            );
            field("field-source", c.source.clone());
            field("field-utm_source", c.utm_source.clone());
            field("field-utm_medium", c.utm_medium.clone());
            field("field-utm_campaign", c.utm_campaign.clone());
            field("field-utm_content", c.utm_content.clone());
            field("field-utm_term", c.utm_term.clone());
            field("field-consent", Some(consent_label(Some(c.consent))));
            field(
                "field-consent_at",
                c.consent_at.as_ref().map(|at| moment(at, tz)),
            );
            field("field-consent_source", c.consent_source.clone());
            field("field-consent_file", c.consent_file.clone());
            let channels = &c.channel_consent;
            for (label, consent) in [
                ("field-consent_whatsapp", channels.whatsapp),
                ("field-consent_telegram", channels.telegram),
                ("field-consent_sms", channels.sms),
            ] {
                field(label, consent.map(|c| consent_label(Some(c))));
            }
            field("field-status", Some(status_label(Some(c.status))));
            field(
                "field-status_at",
                c.status_at.as_ref().map(|at| moment(at, tz)),
            );
            field("field-created_at", Some(moment(&c.created_at, tz)));
            field("field-birthday", c.birthday.as_deref().map(birthday));
            for (k, v) in &c.custom {
                ui.label(k);
                ui.label(v);
                ui.end_row();
            }
        });
}

/// How many orders, for how much, and each one.
fn orders(ui: &mut egui::Ui, card: &ContactCard, tz: Tz) {
    ui.strong(
        Msg::new("card-orders")
            .arg("count", card.order_count)
            .arg("total", format_rubles(card.order_total_kop))
            .to_string(),
    );
    for o in &card.orders {
        ui.label(format!(
            "{}  {}  {}  {}",
            moment(&o.ordered_at, tz),
            o.order_id.as_deref().unwrap_or(""),
            format_rubles(o.amount_kop),
            o.product.as_deref().unwrap_or("")
        ));
    }
}

/// The contact's engagement with campaigns and its events.
fn engagement(ui: &mut egui::Ui, card: &ContactCard, tz: Tz) {
    ui.strong(tr("card-engagement"));
    match &card.engagement {
        Some(e) => {
            ui.label(
                Msg::new("card-engagement-line")
                    .arg("delivered", e.campaigns_delivered)
                    .arg("streak", e.unengaged_streak)
                    .to_string(),
            );
            for (label, at) in [
                ("card-last-sent", &e.last_sent_at),
                ("card-last-read", &e.last_read_at),
                ("card-last-click", &e.last_click_at),
            ] {
                if let Some(at) = at {
                    ui.label(format!("{}: {}", tr(label), moment(at, tz)));
                }
            }
            let hours = &card.reaction_hours;
            ui.label(
                match hours.best() {
                    Some(h) => Msg::new("card-best-hour")
                        .arg("hour", format!("{h:02}:00"))
                        .arg("count", i64::from(hours.total())),
                    None => Msg::new("card-no-best-hour").arg("count", i64::from(hours.total())),
                }
                .to_string(),
            );
        }
        None => {
            ui.label(tr("card-no-events"));
        }
    }
    for e in &card.events {
        ui.label(format!(
            "{}  {}  {} {}",
            moment(&e.at, tz),
            e.campaign,
            tr(e.kind.word_id()),
            e.button
        ));
    }
}
