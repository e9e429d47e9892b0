//! How the model's own value types go in and out of a column: a [`Moment`] as its stored text
//! (or, where a table keeps unix seconds, read from them), checked on the way out; a stored word
//! ([`Consent`], …) as that word; an [`EventKind`] as its row in `event_kinds`.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::contact::{Consent, EventKind, Status, TzSource};
use crate::model::time::Moment;

impl FromSql for Moment {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        if let ValueRef::Integer(seconds) = value {
            return chrono::DateTime::from_timestamp(seconds, 0)
                .map(Moment::of)
                .ok_or(FromSqlError::OutOfRange(seconds));
        }
        let text = value.as_str()?;
        Moment::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("not a stored moment: {text:?}").into()))
    }
}

/// The row of `kind` in `event_kinds` (the order of [`EventKind::ALL`], from 1).
/// The number of the first kind of activity in `event_kinds` (`viewed`); the kinds a sending
/// service reports come before it.
pub(crate) const FIRST_ACTIVITY_KIND: i64 = EventKind::ALL.len() as i64 + 1;

pub(crate) fn kind_id(kind: EventKind) -> i64 {
    EventKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("every kind is in ALL") as i64
        + 1
}

impl FromSql for EventKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let id = value.as_i64()?;
        usize::try_from(id - 1)
            .ok()
            .and_then(|i| EventKind::ALL.get(i).copied())
            .ok_or(FromSqlError::OutOfRange(id))
    }
}

impl ToSql for EventKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(kind_id(*self).into())
    }
}

impl ToSql for Moment {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// A type stored as one of its words (`as_str` / `parse`), refused on any other text.
macro_rules! stored_word {
    ($($ty:ty),+) => {$(
        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                <$ty>::parse(text).ok_or_else(|| {
                    FromSqlError::Other(format!("not a stored word: {text:?}").into())
                })
            }
        }

        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
    )+};
}
stored_word!(Consent, Status, TzSource);
