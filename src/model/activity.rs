//! What a customer did on the site, in the shop or in a CRM (DESIGN.md, "events": activity):
//! viewed a product, put it in the cart, began the checkout, added it to favourites, ordered —
//! or a kind the owner names in their own word. A kind is kept by its name: the five every
//! shop reports under one English name each, the owner's own as they wrote it, in lower case.

/// The names of the kinds of activity every shop reports, in the order the builder offers them.
pub const ACTIVITY_KINDS: [&str; 5] = ["viewed", "carted", "checkout", "favourited", "ordered"];

/// The words sites, shops and CRMs write for each of [`ACTIVITY_KINDS`], lower case.
const SYNONYMS: [(&str, &[&str]); 5] = [
    (
        "viewed",
        &[
            "viewed",
            "view",
            "product_view",
            "view_item",
            "просмотр",
            "просмотр товара",
            "просмотрел",
            "просмотрела",
            "просмотрел товар",
            "просмотрела товар",
            "посмотрел товар",
            "посмотрела товар",
        ],
    ),
    (
        "carted",
        &[
            "carted",
            "cart",
            "add_to_cart",
            "added_to_cart",
            "abandoned_cart",
            "корзина",
            "в корзине",
            "добавил в корзину",
            "добавила в корзину",
            "брошенная корзина",
        ],
    ),
    (
        "checkout",
        &[
            "checkout",
            "begin_checkout",
            "abandoned_checkout",
            "оформление",
            "начал оформление",
            "начала оформление",
            "брошенное оформление",
        ],
    ),
    (
        "favourited",
        &[
            "favourited",
            "favorited",
            "favourite",
            "favorite",
            "wishlist",
            "add_to_wishlist",
            "избранное",
            "в избранном",
            "добавил в избранное",
            "добавила в избранное",
        ],
    ),
    (
        "ordered",
        &[
            "ordered",
            "order",
            "purchase",
            "purchased",
            "заказ",
            "заказал",
            "заказала",
            "оформил заказ",
            "оформила заказ",
            "покупка",
            "купил",
            "купила",
        ],
    ),
];

/// The kind a file's word names: one of [`ACTIVITY_KINDS`] for the words shops use for them,
/// else the owner's own kind, the word itself in lower case with its spaces tidied. `None` for
/// an empty word.
pub fn activity_kind(word: &str) -> Option<String> {
    let word = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if word.is_empty() {
        return None;
    }
    let known = SYNONYMS
        .iter()
        .find(|(_, words)| words.contains(&word.as_str()))
        .map(|(name, _)| (*name).to_owned());
    Some(known.unwrap_or(word))
}

/// Whether `name` is one of the kinds every shop reports (not the owner's own).
pub fn is_built_in(name: &str) -> bool {
    ACTIVITY_KINDS.contains(&name)
}
