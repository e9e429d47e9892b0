//! `adresat campaign save|preview`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::json;

use crate::campaign::{self, Campaign};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Check CAMPAIGN.json and save it in the base under its name.
    Save {
        file: PathBuf,
        /// Replace the saved campaign of the same name (without it, that name is refused).
        #[arg(long)]
        replace: bool,
    },
    /// Show who gets which variant and text (CAMPAIGN.json or a saved campaign's name).
    Preview {
        campaign: String,
        /// Only this contact (a phone in any form).
        #[arg(long, value_name = "PHONE")]
        contact: Option<String>,
        /// At most this many recipients.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

fn read(path: &Path) -> Result<Campaign> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Campaign::from_json(&text)
}

/// The campaign in the file `arg`, or saved under the name `arg`.
pub(super) fn resolve(store: &Store, arg: &str) -> Result<Campaign> {
    let path = Path::new(arg);
    if path.is_file() {
        return read(path);
    }
    store
        .campaign(arg)?
        .ok_or_else(|| Error::user(Msg::new("cli-no-campaign").arg("value", arg)))
}

pub fn run(store: &mut Store, command: CampaignCommand, lang: Lang) -> Result<()> {
    match command {
        CampaignCommand::Save { file, replace } => {
            let c = read(&file)?;
            let replacing = replace.then(|| c.name.trim());
            campaign::save(store, &c, replacing, chrono::Utc::now())?;
            out!(
                "{}",
                Msg::new("cli-campaign-saved")
                    .arg("name", c.name.clone())
                    .render(lang)
            );
            Ok(())
        }
        CampaignCommand::Preview {
            campaign,
            contact,
            limit,
            json,
        } => {
            let c = resolve(store, &campaign)?;
            let settings = store.settings()?;
            let only = contact
                .map(|phone| crate::who::find(store, &crate::who::Who::Phone(phone)))
                .transpose()?;
            // The checks look at every recipient; the listing shows the first `limit`.
            let today = crate::segment::Today::at(chrono::Utc::now(), settings.owner_tz);
            let mut recipients =
                campaign::preview(store, &c, today, only, usize::MAX, super::task())?;
            let checks = campaign::checks(c.channel, &recipients);
            recipients.truncate(limit);
            if json {
                let items: Vec<_> = recipients
                    .iter()
                    .map(|r| {
                        json!({
                            "contact_id": r.contact_id,
                            "variant": r.variant,
                            "arm": r.arm.to_string(),
                            "text": r.text,
                            "whatsapp_parameters": r.whatsapp_parameters,
                            "warnings": r.missing.iter().map(|m| Msg::new("campaign-missing").arg("name", m.as_str()).render(lang)).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                out!("{}", serde_json::Value::Array(items));
            } else {
                for r in &recipients {
                    out!(
                        "#{} {} {}: {}",
                        r.contact_id,
                        r.variant,
                        r.arm,
                        r.text.replace('\n', " ⏎ ")
                    );
                }
                print_checks(&checks, c.channel, lang);
            }
            Ok(())
        }
    }
}

/// The longest message and the gaps, in lines.
pub(super) fn print_checks(checks: &campaign::Checks, channel: campaign::Channel, lang: Lang) {
    if let Some((id, n)) = checks.longest {
        let id_msg = match (channel, checks.limit) {
            (campaign::Channel::Sms, _) => Msg::new("campaign-sms-parts").arg("parts", n as i64),
            (_, Some(limit)) if n > limit => Msg::new("campaign-too-long")
                .arg("length", n as i64)
                .arg("limit", limit as i64),
            (_, Some(limit)) => Msg::new("campaign-length")
                .arg("length", n as i64)
                .arg("limit", limit as i64),
            (_, None) => return,
        };
        out!("{}", id_msg.arg("id", id).render(lang));
    }
    for (name, ids) in &checks.missing {
        let shown: Vec<String> = ids.iter().take(10).map(|i| format!("#{i}")).collect();
        out!(
            "{}",
            Msg::counted("campaign-missing-count", ids.len() as i64)
                .arg("name", name.as_str())
                .arg("ids", shown.join(", "))
                .render(lang)
        );
    }
}
