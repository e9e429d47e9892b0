//! Loading orders: each for a stored customer, amounts in kopecks.

use chrono_tz::Tz;

use super::fields::Field;
use super::report::ImportReport;
use super::row::{Identity, Row, identify};
use super::values::{format_utc, parse_amount, parse_datetime};
use super::{Loader, Outcome};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{Order, Writer};

pub(crate) struct OrdersLoader {
    pub country: String,
    pub tz: Tz,
}

/// The stored contact a row of an orders or events file is about, or why there is none.
pub(crate) fn customer(w: &Writer, row: &Row, country: &str) -> Result<Result<i64, Msg>> {
    let keys = match row.keys(country) {
        Ok(keys) => keys,
        Err(msg) => return Ok(Err(msg)),
    };
    Ok(match identify(w, &keys)? {
        Ok(Identity::Existing(c)) => Ok(c.id),
        Ok(Identity::New) => Err(Msg::new("reject-unknown-customer").arg("key", keys[0].value())),
        Err(msg) => Err(msg),
    })
}

impl Loader for OrdersLoader {
    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        row: &Row,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let contact_id = match customer(w, row, &self.country)? {
            Ok(id) => id,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        let ordered_at = match row.get(Field::OrderedAt) {
            None => {
                return Ok(Outcome::Rejected(
                    Msg::new("reject-missing").arg("field", Field::OrderedAt.name()),
                ));
            }
            Some(v) => match parse_datetime(v, self.tz) {
                Ok(dt) => format_utc(dt),
                Err(msg) => {
                    return Ok(Outcome::Rejected(msg.arg("field", Field::OrderedAt.name())));
                }
            },
        };
        let amount_kop = match row.get(Field::Amount).map(parse_amount) {
            None => {
                return Ok(Outcome::Rejected(
                    Msg::new("reject-missing").arg("field", Field::Amount.name()),
                ));
            }
            Some(Err(msg)) => return Ok(Outcome::Rejected(msg)),
            Some(Ok(kop)) => kop,
        };
        let order = Order {
            contact_id,
            order_id: row.owned(Field::OrderId),
            ordered_at,
            amount_kop,
            product: row.owned(Field::Product),
            category: row.owned(Field::Category),
        };
        Ok(Outcome::Saved(w.save_order(&order)?))
    }
}
