//! Loading orders: each for a stored customer, amounts in kopecks.

use chrono_tz::Tz;

use super::fields::Field;
use super::report::ImportReport;
use super::row::{Identity, Row, identify};
use super::values::parse_amount;
use super::{Loader, Outcome};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{ContactKey, Order, Writer};

pub(crate) struct OrdersLoader {
    pub customers: Customers,
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

/// Finds the stored customers of an orders or events file. Such files hold many rows per
/// customer, usually one after another, and cannot change who is who: the last answer is kept.
pub(crate) struct Customers {
    country: String,
    last: Option<(Vec<ContactKey>, i64)>,
}

impl Customers {
    pub fn new(country: String) -> Self {
        Customers {
            country,
            last: None,
        }
    }

    /// The stored contact a row is about, or why there is none.
    pub fn find(&mut self, w: &Writer, row: &Row) -> Result<Result<i64, Msg>> {
        let keys = match row.keys(&self.country) {
            Ok(keys) => keys,
            Err(msg) => return Ok(Err(msg)),
        };
        if let Some((last, id)) = &self.last
            && *last == keys
        {
            return Ok(Ok(*id));
        }
        Ok(match identify(&mut &*w, &keys)? {
            Ok(Identity::Existing(id)) => {
                self.last = Some((keys, id));
                Ok(id)
            }
            Ok(Identity::New) => {
                Err(Msg::new("reject-unknown-customer").arg("key", keys[0].value()))
            }
            Err(msg) => Err(msg),
        })
    }

    pub fn country(&self) -> &str {
        &self.country
    }
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
        let order = match self
            .customers
            .find(w, row)?
            .and_then(|id| self.read(row, id))
        {
            Ok(order) => order,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        Ok(Outcome::Saved(w.save_order(&order)?))
    }

    fn preview(&mut self, _line: u64, row: &Row) -> Result<Vec<(Field, String)>, Msg> {
        let keys = row.keys(self.customers.country())?;
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
