//! How the model's own value types go in and out of a column: a [`Moment`] as its stored text,
//! checked on the way out; a stored word ([`EventKind`], …) as that word.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::contact::{Consent, EventKind, Status, TzSource};
use crate::model::time::Moment;

impl FromSql for Moment {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Moment::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("not a stored moment: {text:?}").into()))
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
stored_word!(Consent, Status, TzSource, EventKind);
