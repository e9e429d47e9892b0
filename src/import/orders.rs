//! Loading orders: each for a stored customer, amounts in kopecks.

use chrono_tz::Tz;

use super::fields::Field;
use super::report::ImportReport;
use super::row::{Identity, Row, identify};
use super::values::parse_amount;
use super::{Loader, Outcome, Preparer};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{ContactKey, Order, Writer};

pub(crate) struct OrdersLoader {
    customers: Customers,
    tz: Tz,
}

impl OrdersLoader {
    pub fn new(country: String, tz: Tz) -> Self {
        OrdersLoader {
            customers: Customers::new(country),
            tz,
        }
    }
}

/// An order row read on its own: the customer's keys and the order (its customer still 0), each
/// or the reason the row is rejected.
pub(crate) struct PreparedOrder {
    keys: Result<Vec<ContactKey>, Msg>,
    order: Result<Order, Msg>,
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

    /// The stored contact a row's keys lead to, or why there is none.
    pub fn find(
        &mut self,
        w: &Writer,
        keys: Result<Vec<ContactKey>, Msg>,
    ) -> Result<Result<i64, Msg>> {
        let keys = match keys {
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

/// An order as a row states it, for customer 0.
fn read_order(row: &Row, tz: Tz) -> Result<Order, Msg> {
    Ok(Order {
        contact_id: 0,
        order_id: row.owned(Field::OrderId),
        ordered_at: row.moment(Field::OrderedAt, tz)?,
        amount_kop: parse_amount(row.required(Field::Amount)?)?,
        product: row.owned(Field::Product),
        category: row.owned(Field::Category),
    })
}

impl Loader for OrdersLoader {
    type Prepared = PreparedOrder;

    fn preparer(&self) -> Preparer<PreparedOrder> {
        let country = self.customers.country().to_owned();
        let tz = self.tz;
        Box::new(move |row| PreparedOrder {
            keys: row.keys(&country),
            order: read_order(row, tz),
        })
    }

    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        _row: &Row,
        prepared: PreparedOrder,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let order = self.customers.find(w, prepared.keys)?.and_then(|id| {
            prepared.order.map(|mut order| {
                order.contact_id = id;
                order
            })
        });
        match order {
            Ok(order) => Ok(Outcome::Saved(w.save_order(&order)?)),
            Err(msg) => Ok(Outcome::Rejected(msg)),
        }
    }

    fn preview(
        &mut self,
        _line: u64,
        _row: &Row,
        prepared: PreparedOrder,
    ) -> Result<Vec<(Field, String)>, Msg> {
        let keys = prepared.keys?;
        let order = prepared.order?;
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
