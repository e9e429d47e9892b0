//! Loading orders: each for a stored customer, amounts in kopecks, with their items. A shop's
//! export writes one row per line item, the order's own columns on its first row only: the rows
//! that follow with the same order id are items of that order, folded into it.

use chrono_tz::Tz;

use super::customers::{Customers, Newcomer};
use super::fields::Field;
use super::report::ImportReport;
use super::report::Warning;
use super::row::Row;
use super::values::{parse_amount, parse_items};
use super::{Loader, Outcome, Preparer};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{ContactKey, Order, OrderItem, Saved, Writer};

pub(crate) struct OrdersLoader {
    customers: Customers,
    tz: Tz,
    /// The order the last row opened, while the rows after it may be its line items.
    open: Option<OpenOrder>,
    /// The order id of the last row rejected: the item rows after it go with it.
    rejected: Option<String>,
    /// Contacts the file's rows created: customers the base did not know.
    new_contacts: u64,
    /// Rows without an order id seen so far, by a hash of everything they say: how many. The
    /// n-th identical row is the customer's n-th identical purchase.
    seen: rustc_hash::FxHashMap<u64, u32>,
}

impl OrdersLoader {
    pub fn new(country: String, tz: Tz) -> Self {
        OrdersLoader {
            customers: Customers::new(country),
            tz,
            open: None,
            rejected: None,
            new_contacts: 0,
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

/// The order the rows are in: its id in the file, its row in the base, and how many items it
/// has been given so far.
struct OpenOrder {
    order_id: String,
    row: i64,
    items: u32,
}

/// What an orders row says: an order with its items, or (a row with only an order id and item
/// columns) more items of the order above.
pub(crate) struct OrderRow {
    order_id: Option<String>,
    /// Who the customer is, should the base not know them yet.
    newcomer: Option<Newcomer>,
    order: Result<Order, Msg>,
    /// Whether the row may be a line item of the order above: an order id and no amount (a
    /// shop's export leaves the order's columns empty on its items' rows).
    maybe_item: bool,
    items: Result<Vec<OrderItem>, Msg>,
}

/// An order row as read, for customer 0.
fn read_order_row(row: &Row, tz: Tz) -> Result<OrderRow, Msg> {
    let order_id = row.owned(Field::OrderId);
    let maybe_item = order_id.is_some() && row.get(Field::Amount).is_none();
    let order = (|| {
        Ok(Order {
            contact_id: 0,
            order_id: order_id.clone(),
            ordered_at: row.moment(Field::OrderedAt, tz)?,
            amount_kop: parse_amount(row.required(Field::Amount)?)?,
            product: row.owned(Field::Product),
            category: row.owned(Field::Category),
        })
    })();
    let newcomer = order.as_ref().ok().map(|order| {
        let (name, first_name) = row.person(&[Field::FirstName, Field::LastName]);
        Newcomer {
            name,
            first_name,
            created_at: order.ordered_at.clone(),
        }
    });
    Ok(OrderRow {
        order_id,
        newcomer,
        order,
        maybe_item,
        items: read_items(row),
    })
}

/// The items a row names: its own line item (when the file gives a quantity or a price, or
/// the row adds to an order), and those its items cell lists.
fn read_items(row: &Row) -> Result<Vec<OrderItem>, Msg> {
    let mut items = match row.get(Field::Items) {
        Some(cell) => parse_items(cell)?,
        None => Vec::new(),
    };
    let itemised = row.get(Field::Quantity).is_some() || row.get(Field::Price).is_some();
    if itemised {
        let quantity = match row.get(Field::Quantity) {
            Some(q) => q
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|q| *q > 0)
                .ok_or_else(|| Msg::new("reject-quantity").arg("value", q))?,
            None => 1,
        };
        let price_kop = row.get(Field::Price).map(parse_amount).transpose()?;
        items.insert(
            0,
            OrderItem {
                product: row.owned(Field::Product),
                category: row.owned(Field::Category),
                quantity,
                price_kop,
            },
        );
    }
    Ok(items)
}

impl OrdersLoader {
    /// Saves the items of the order in `open`, numbered on from those it has; returns whether
    /// any was new or changed.
    fn save_items(w: &Writer, open: &mut OpenOrder, items: &[OrderItem]) -> Result<bool> {
        let mut changed = false;
        for item in items {
            open.items += 1;
            changed |= w.save_item(open.row, open.items, item)?;
        }
        Ok(changed)
    }

    /// The order a line item's row of `order_id` belongs to: the one the rows above opened.
    fn open_order(&mut self, order_id: Option<&str>) -> Option<&mut OpenOrder> {
        self.open
            .as_mut()
            .filter(|open| Some(open.order_id.as_str()) == order_id)
    }
}

impl Loader for OrdersLoader {
    type Prepared = Keyed<OrderRow>;

    fn preparer(&self) -> Preparer<Keyed<OrderRow>> {
        keyed_preparer(&self.customers, self.tz, read_order_row)
    }

    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        _row: &Row,
        prepared: Keyed<OrderRow>,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let read = match prepared.value {
            Ok(read) => read,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        let items = match read.items {
            Ok(items) => items,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        if read.maybe_item {
            if let Some(open) = self.open_order(read.order_id.as_deref()) {
                Self::save_items(w, open, &items)?;
                return Ok(Outcome::Folded);
            }
            if read.order_id.is_some() && read.order_id == self.rejected {
                let id = read.order_id.unwrap_or_default();
                return Ok(Outcome::Rejected(
                    Msg::new("reject-item-of-rejected-order").arg("order", id),
                ));
            }
        }
        let order = read.order;
        let newcomer = read.newcomer.as_ref().map(|n| (n, self.tz));
        let found = self.customers.find(w, prepared.keys, newcomer)?;
        if let Ok(found) = &found
            && found.created
        {
            self.new_contacts += 1;
        }
        let order = found.and_then(|found| {
            order.map(|mut order| {
                order.contact_id = found.id;
                order
            })
        });
        let order = match order {
            Ok(order) => order,
            Err(msg) => {
                self.open = None;
                self.rejected = read.order_id;
                return Ok(Outcome::Rejected(msg));
            }
        };
        let nth = self.nth(&order);
        let (mut saved, row) = w.save_order(&order, nth)?;
        let mut open = OpenOrder {
            order_id: order.order_id.clone().unwrap_or_default(),
            row,
            items: 0,
        };
        if Self::save_items(w, &mut open, &items)? && saved == Saved::Unchanged {
            saved = Saved::Updated;
        }
        self.open = order.order_id.is_some().then_some(open);
        Ok(Outcome::Saved(saved))
    }

    fn preview(
        &mut self,
        _line: u64,
        _row: &Row,
        prepared: Keyed<OrderRow>,
    ) -> Result<Vec<(Field, String)>, Msg> {
        let read = prepared.value?;
        let items = read.items?;
        let products: Vec<String> = items
            .iter()
            .map(|i| match &i.product {
                Some(p) if i.quantity > 1 => format!("{p} × {}", i.quantity),
                Some(p) => p.clone(),
                None => String::new(),
            })
            .collect();
        let mut shown = vec![(Field::OrderId, read.order_id.unwrap_or_default())];
        // A line item's row shows its items only.
        if !read.maybe_item {
            let order = read.order?;
            shown.push(key_preview(&prepared.keys?));
            shown.push((Field::OrderedAt, order.ordered_at.into()));
            shown.push((
                Field::Amount,
                crate::format::format_rubles(order.amount_kop),
            ));
        }
        shown.push((Field::Items, products.join(", ")));
        Ok(shown)
    }

    fn finish(&mut self, _w: &Writer, report: &mut ImportReport) -> Result<()> {
        report.new_contacts = self.new_contacts;
        if self.new_contacts > 0 {
            report.warnings.push(Warning {
                line: None,
                msg: Msg::new("warn-orders-new-contacts").arg("count", self.new_contacts as i64),
            });
        }
        Ok(())
    }
}
