//! Loading orders: each for a stored customer, amounts in kopecks.

use chrono_tz::Tz;

use super::fields::Field;
use super::report::ImportReport;
use super::row::{Identity, Row, identify};
use super::values::parse_amount;
use super::{Loader, Outcome};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{Order, Writer};

pub(crate) struct OrdersLoader {
    pub country: String,
    pub tz: Tz,
}

/// The strongest key of a row, for a preview.
pub(crate) fn key_preview(keys: &[crate::store::ContactKey]) -> (Field, String) {
    use crate::store::ContactKey::*;
    let field = match keys[0] {
        External(_) => Field::ExternalId,
        Phone(_) => Field::Phone,
        TgChatId(_) => Field::TgChatId,
        TgUsername(_) => Field::TgUsername,
    };
    (field, keys[0].value().to_owned())
}

/// The stored contact a row of an orders or events file is about, or why there is none.
pub(crate) fn customer(w: &Writer, row: &Row, country: &str) -> Result<Result<i64, Msg>> {
    let keys = match row.keys(country) {
        Ok(keys) => keys,
        Err(msg) => return Ok(Err(msg)),
    };
    Ok(match identify(&mut &*w, &keys)? {
        Ok(Identity::Existing(c)) => Ok(c.id),
        Ok(Identity::New) => Err(Msg::new("reject-unknown-customer").arg("key", keys[0].value())),
        Err(msg) => Err(msg),
    })
}

impl OrdersLoader {
    fn read(&self, row: &Row, contact_id: i64) -> Result<Order, Msg> {
        Ok(Order {
            contact_id,
            order_id: row.owned(Field::OrderId),
            ordered_at: row.moment(Field::OrderedAt, self.tz)?,
            amount_kop: parse_amount(row.required(Field::Amount)?)?,
            product: row.owned(Field::Product),
            category: row.owned(Field::Category),
        })
    }
}

impl Loader for OrdersLoader {
    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        row: &Row,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let order = match customer(w, row, &self.country)?.and_then(|id| self.read(row, id)) {
            Ok(order) => order,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        Ok(Outcome::Saved(w.save_order(&order)?))
    }

    fn preview(&mut self, _line: u64, row: &Row) -> Result<Vec<(Field, String)>, Msg> {
        let keys = row.keys(&self.country)?;
        let order = self.read(row, 0)?;
        Ok(vec![
            key_preview(&keys),
            (Field::OrderedAt, order.ordered_at),
            (
                Field::Amount,
                crate::format::format_rubles(order.amount_kop),
            ),
        ])
    }
}
