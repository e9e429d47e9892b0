//! What the base says of a contact: consent, status, where the time zone came from, and what
//! happened to a message sent to them. Each is stored as a word (`yes`, `active`, `city`, `read`).

/// Whether a contact agreed to receive mailings (38-FZ). Unknown counts as no when planning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Consent {
    Yes,
    No,
    Unknown,
}

/// Whether a contact may be written to at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Unsubscribed,
    Blocked,
}

/// Where a contact's time zone came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TzSource {
    /// An explicit IANA zone column.
    Column,
    /// Looked up from the city.
    City,
    /// Looked up from the city named in the address.
    Address,
    /// The one zone of the phone number's country.
    PhoneCountry,
    /// The owner's zone, for lack of anything better.
    Default,
}

macro_rules! text_enum {
    ($ty:ty { $($variant:ident = $text:literal),+ }) => {
        impl $ty {
            /// The word stored in the base and written to exports.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $text),+ }
            }
            /// The stored word, in a place that lives as long as the program (for a statement's
            /// parameters).
            pub fn word(self) -> &'static &'static str {
                match self { $(<$ty>::$variant => &$text),+ }
            }
            /// Reads the stored word back.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some(<$ty>::$variant),)+ _ => None }
            }
        }
    };
}
text_enum!(Consent { Yes = "yes", No = "no", Unknown = "unknown" });
text_enum!(Status { Active = "active", Unsubscribed = "unsubscribed", Blocked = "blocked" });
text_enum!(TzSource {
    Column = "column", City = "city", Address = "address", PhoneCountry = "phone_country",
    Default = "default"
});

/// What happened to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Sent,
    Delivered,
    Read,
    Clicked,
    Replied,
    Unsubscribed,
    Blocked,
}
text_enum!(EventKind {
    Sent = "sent", Delivered = "delivered", Read = "read", Clicked = "clicked",
    Replied = "replied", Unsubscribed = "unsubscribed", Blocked = "blocked"
});

impl EventKind {
    /// The message id of the kind's word (`event-delivered`: «доставлено»), wherever an event
    /// is named: the contact's card, a scenario's timeline, the builder's drop-down.
    pub fn word_id(self) -> &'static str {
        match self {
            EventKind::Sent => "event-sent",
            EventKind::Delivered => "event-delivered",
            EventKind::Read => "event-read",
            EventKind::Clicked => "event-clicked",
            EventKind::Replied => "event-replied",
            EventKind::Unsubscribed => "event-unsubscribed",
            EventKind::Blocked => "event-blocked",
        }
    }

    pub const ALL: [EventKind; 7] = [
        EventKind::Sent,
        EventKind::Delivered,
        EventKind::Read,
        EventKind::Clicked,
        EventKind::Replied,
        EventKind::Unsubscribed,
        EventKind::Blocked,
    ];
}
