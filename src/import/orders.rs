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
    /// Rows without an order id seen so far, by a hash of everything they say: how many. The
    /// n-th identical row is the customer's n-th identical purchase.
    seen: rustc_hash::FxHashMap<u64, u32>,
}

impl OrdersLoader {
    pub fn new(country: String, tz: Tz) -> Self {
        OrdersLoader {
            customers: Customers::new(country),
            tz,
            seen: Default::default(),
        }
    }

    /// Which of the file's identical rows `order` is, from 1 (always 1 with an order id).
    fn nth(&mut self, order: &Order) -> u32 {
        if order.order_id.is_some() {
            return 1;
        }
        use std::hash::BuildHasher;
        let hash = rustc_hash::FxBuildHasher.hash_one(order.row_key());
        let n = self.seen.entry(hash).or_insert(0);
        *n += 1;
        *n
    }
}

/// A row of an orders or events file read on its own: the customer's keys, and the order or
/// event it states (for customer 0), each or the reason the row is rejected.
pub(crate) struct Keyed<T> {
    pub keys: Result<Vec<ContactKey>, Msg>,
    pub value: Result<T, Msg>,
}

/// Reads rows into their keys and what `read` makes of them, on the reading thread.
pub(crate) fn keyed_preparer<T: 'static>(
    customers: &Customers,
    tz: Tz,
    read: fn(&Row, Tz) -> Result<T, Msg>,
) -> Preparer<Keyed<T>> {
    let country = customers.country().to_owned();
    Box::new(move |row| Keyed {
        keys: row.keys(&country),
        value: read(row, tz),
    })
}

/// The strongest key of a row, for a preview.
pub(crate) fn key_preview(keys: &[crate::store::ContactKey]) -> (Field, String) {
    use crate::store::ContactKey::*;
    let field = match keys[0] {
        External { .. } => Field::ExternalId,
        Phone(_) => Field::Phone,
        Email(_) => Field::Email,
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
            // An orders file cannot change who is who: the contact the row's phone found is the
            // customer, and one known only by the same e-mail stays until a contacts import.
            Ok(Identity::Existing(id) | Identity::Join { into: id, .. }) => {
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
    type Prepared = Keyed<Order>;

    fn preparer(&self) -> Preparer<Keyed<Order>> {
        keyed_preparer(&self.customers, self.tz, read_order)
    }

    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        _row: &Row,
        prepared: Keyed<Order>,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let order = self.customers.find(w, prepared.keys)?.and_then(|id| {
            prepared.value.map(|mut order| {
                order.contact_id = id;
                order
            })
        });
        match order {
            Ok(order) => {
                let nth = self.nth(&order);
                Ok(Outcome::Saved(w.save_order(&order, nth)?))
            }
            Err(msg) => Ok(Outcome::Rejected(msg)),
        }
    }

    fn preview(
        &mut self,
        _line: u64,
        _row: &Row,
        prepared: Keyed<Order>,
    ) -> Result<Vec<(Field, String)>, Msg> {
        let keys = prepared.keys?;
        let order = prepared.value?;
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
