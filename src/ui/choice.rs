//! Drop-downs over a closed set of values: each value named by a message id, all offered in one
//! order. A type says its values and their ids once (`choice!`), and [`pick`] draws it, instead
//! of every screen listing `(value, label)` pairs by hand.

use crate::i18n::tr;
use crate::segment::{
    ConditionKind, DateOp, Membership, Mode, OrderMeasure, Purchase, RecencyOp, TagOp, TextOp,
};
use crate::store::{Consent, EventKind, Status};
use crate::ui::pickers::pick_fixed;

/// A closed set of values a drop-down offers.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order the drop-down lists them.
    const ALL: &'static [Self];
    /// The message id of the value's name in the interface.
    fn label_id(self) -> &'static str;
}

/// A drop-down of every value of `T` but those `hide` names; true when the owner picked
/// another one.
pub fn pick_but<T: Choice>(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut T,
    hint: &str,
    hide: &[T],
) -> bool {
    let options: Vec<(T, String)> = T::ALL
        .iter()
        .filter(|v| !hide.contains(v))
        .map(|v| (*v, tr(v.label_id())))
        .collect();
    pick_fixed(ui, id, value, &options, hint)
}

/// A drop-down of every value of `T`; true when the owner picked another one.
pub fn pick<T: Choice>(ui: &mut egui::Ui, id: egui::Id, value: &mut T, hint: &str) -> bool {
    pick_but(ui, id, value, hint, &[])
}

/// `impl Choice for T` from its values and their message ids, in the drop-down's order.
macro_rules! choice {
    ($ty:ty { $($variant:ident => $id:literal),+ $(,)? }) => {
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$variant),+];
            fn label_id(self) -> &'static str {
                match self { $(<$ty>::$variant => $id),+ }
            }
        }
    };
}

choice!(Mode { All => "mode-all", Any => "mode-any", None => "mode-none" });
choice!(Consent { Yes => "consent-yes", No => "consent-no", Unknown => "consent-unknown" });
choice!(Status {
    Active => "status-active",
    Unsubscribed => "status-unsubscribed",
    Blocked => "status-blocked",
});
choice!(TagOp {
    Has => "tag-op-has",
    HasNot => "tag-op-has_not",
    HasAny => "tag-op-has_any",
    HasAll => "tag-op-has_all",
});
choice!(OrderMeasure {
    Count => "measure-count",
    Total => "measure-total",
    Average => "measure-average",
    DaysSinceLast => "measure-days_since_last",
});
choice!(Purchase { Category => "bought-category", Product => "bought-product" });
choice!(Membership { In => "member-in", NotIn => "member-not_in" });
impl Choice for EventKind {
    const ALL: &'static [Self] = &EventKind::ALL;
    fn label_id(self) -> &'static str {
        self.word_id()
    }
}
choice!(RecencyOp {
    MoreThan => "recency-more_than",
    LessThan => "recency-less_than",
    Never => "recency-never",
});
choice!(TextOp {
    Equals => "text-op-equals",
    NotEquals => "text-op-not_equals",
    OneOf => "text-op-one_of",
    Contains => "text-op-contains",
    IsEmpty => "text-op-is_empty",
});
choice!(DateOp {
    Before => "date-op-before",
    After => "date-op-after",
    WithinDays => "date-op-within_days",
});
choice!(ConditionKind {
    Field => "cond-type-field",
    Created => "cond-type-created",
    Consent => "cond-type-consent",
    Status => "cond-type-status",
    Tags => "cond-type-tags",
    Events => "cond-type-events",
    LastEvent => "cond-type-last_event",
    Activity => "cond-type-activity",
    LastActivityValue => "cond-type-last_activity_value",
    Sleeping => "cond-type-sleeping",
    Flow => "cond-type-flow",
    Orders => "cond-type-orders",
    NeverOrdered => "cond-type-never_ordered",
    Bought => "cond-type-bought",
    Segment => "cond-type-segment",
    Rfm => "cond-type-rfm",
});
