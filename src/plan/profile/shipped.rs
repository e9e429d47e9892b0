//! The profiles Adresat ships, each after the sending services' documented upload layouts
//! (docs/plans.md, "Export profiles").

use super::{
    Column, Encoding, FileType, Missing, MomentSpec, MomentZone, Profile, Rules, Split, VERSION,
};

/// The profile a plan is exported in unless the owner picks another.
pub const DEFAULT: &str = "adresat";

/// Every shipped profile, the default first.
pub fn shipped() -> Vec<Profile> {
    vec![
        adresat(),
        whatsapp_provider(),
        sms_gateway(),
        telegram(),
        api_utc(),
    ]
}

fn base(name: &str, columns: Vec<Column>) -> Profile {
    Profile {
        version: VERSION,
        name: name.to_owned(),
        columns,
        moment: MomentSpec::default(),
        encoding: Encoding::Utf8Bom,
        separator: ";".to_owned(),
        file_type: FileType::Csv,
        split: Split::None,
        missing: Missing::Fallback,
        header: true,
        rules: Rules::default(),
        demo_column: false,
    }
}

/// Moments in UTC as scheduling APIs take them: `2026-12-04T07:00:00Z`.
fn utc_moment() -> MomentSpec {
    MomentSpec {
        zone: MomentZone::Utc,
        format: "%Y-%m-%dT%H:%M:%SZ".to_owned(),
    }
}

/// Every fact of the plan, as the first rounds exported it: what the owner's own scripts read.
fn adresat() -> Profile {
    let columns = crate::plan::export::COLUMNS
        .iter()
        .chain(&["wa_params"])
        .copied()
        .map(Column::of)
        .collect();
    Profile {
        demo_column: true,
        ..base(DEFAULT, columns)
    }
}

/// WhatsApp Business API providers' bulk upload: the number as digits with the country code and
/// no `+`, the approved template's name and language, then its parameters in order; headers of
/// letters, digits and `_`, UTF-8, one sheet.
fn whatsapp_provider() -> Profile {
    let columns = vec![
        Column::named("phone", "phone").formatted("digits"),
        Column::named("wa_template", "template_name"),
        Column::named("wa_language", "language"),
        Column::named("wa_params", "param"),
    ];
    Profile {
        encoding: Encoding::Utf8,
        separator: ",".to_owned(),
        rules: Rules {
            plain_headers: true,
            ..Rules::default()
        },
        ..base("whatsapp-provider", columns)
    }
}

/// SMS gateways' file import: bare `number;text` rows in Windows-1251; the start, the window and
/// "in the subscriber's time zone" are set per upload, so the plan comes one file per send hour.
fn sms_gateway() -> Profile {
    let columns = vec![
        Column::named("phone", "number").formatted("digits"),
        Column::of("text"),
    ];
    Profile {
        encoding: Encoding::Cp1251,
        header: false,
        split: Split::Hour,
        rules: Rules {
            unique_phone: true,
            ..Rules::default()
        },
        ..base("sms-gateway", columns)
    }
}

/// A Telegram bot's sender: the chat id and the text, the moment in UTC.
fn telegram() -> Profile {
    let columns = vec![
        Column::named("telegram", "chat_id"),
        Column::of("text"),
        Column::named("moment", "send_at"),
    ];
    Profile {
        encoding: Encoding::Utf8,
        separator: ",".to_owned(),
        moment: utc_moment(),
        ..base("telegram", columns)
    }
}

/// Scheduling APIs (Twilio-style): E.164, the text and the moment in UTC, at least 15 minutes
/// and at most 35 days ahead.
fn api_utc() -> Profile {
    let columns = vec![
        Column::named("phone", "to"),
        Column::named("text", "body"),
        Column::named("moment", "send_at"),
        Column::of("message_id"),
    ];
    Profile {
        encoding: Encoding::Utf8,
        separator: ",".to_owned(),
        moment: utc_moment(),
        rules: Rules {
            min_minutes_ahead: Some(15),
            max_days_ahead: Some(35),
            ..Rules::default()
        },
        ..base("api-utc", columns)
    }
}
