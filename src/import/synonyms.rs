//! The headers each field goes by in the files owners export — Russian and English, Excel,
//! Bitrix24, amoCRM, GetCourse, Tilda, shops and sending services — and how surely a phone or
//! e-mail column's header names the person's own. Table data: [`super::fields`] reads it.

use super::fields::Field;

/// Headers that name a contact key, in every kind of file.
pub(super) const KEY_SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::ExternalId,
        &[
            "id",
            "id клиента",
            "код клиента",
            "id контакта",
            "внешний id",
            "внешний код",
            "external id",
            "customer id",
            "client id",
            "crm id",
            "contact id",
            "клиент id",
            "ид клиента",
            "номер клиента",
        ],
    ),
    (
        Field::TgChatId,
        &[
            "telegram id",
            "tg id",
            "chat id",
            "telegram chat id",
            "tg chat id",
            "id телеграм",
            "телеграм id",
        ],
    ),
    (
        Field::TgUsername,
        &[
            "telegram",
            "телеграм",
            "телеграмм",
            "tg",
            "tg username",
            "telegram username",
            "ник в телеграм",
            "username",
            "логин telegram",
            "контакт telegram",
        ],
    ),
    // What an export of the base writes about itself: read back, it is the base's to keep.
    (Field::Ignore, &["adresat id", "demo data", "consent file"]),
];

pub(super) const CONTACT_SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "фио",
            "ф и о",
            "полное имя",
            "полное имя контакта",
            "имя фамилия",
            "фамилия имя",
            "фамилия имя отчество",
            "клиент",
            "контакт",
            "контактное лицо",
            "покупатель",
            "name",
            "full name",
            "fullname",
            "customer",
            "contact name",
        ],
    ),
    (
        Field::FirstName,
        &[
            "имя",
            "first name",
            "firstname",
            "given name",
            "имя клиента",
        ],
    ),
    (
        Field::LastName,
        &["фамилия", "last name", "lastname", "surname", "family name"],
    ),
    (
        Field::MiddleName,
        &["отчество", "second name", "middle name", "patronymic"],
    ),
    (
        Field::City,
        &[
            "город",
            "city",
            "address city",
            "населенный пункт",
            "город доставки",
            "город клиента",
            "town",
            "default address city",
        ],
    ),
    (
        Field::Region,
        &[
            "регион",
            "область",
            "region",
            "address province",
            "default address province",
            "субъект",
            "край",
            "state",
        ],
    ),
    (
        Field::Address,
        &[
            "адрес",
            "адрес клиента",
            "почтовый адрес",
            "фактический адрес",
            "адрес доставки",
            "адрес проживания",
            "address",
            "postal address",
            "full address",
        ],
    ),
    (
        Field::TimeZone,
        &["часовой пояс", "time zone", "timezone", "tz"],
    ),
    (Field::TzSource, &["tz source"]),
    (
        Field::Source,
        &[
            "источник",
            "source",
            "канал привлечения",
            "откуда",
            "source id",
            "откуда узнал",
            "канал",
        ],
    ),
    (Field::UtmSource, &["utm source", "utmsource"]),
    (Field::UtmMedium, &["utm medium", "utmmedium"]),
    (Field::UtmCampaign, &["utm campaign", "utmcampaign"]),
    (Field::UtmContent, &["utm content", "utmcontent"]),
    (Field::UtmTerm, &["utm term", "utmterm"]),
    (
        Field::Tags,
        &["теги", "тэги", "метки", "ярлыки", "tags", "tag", "labels"],
    ),
    (
        Field::Consent,
        &[
            "согласие на рассылку",
            "согласие",
            "согласие на получение рассылки",
            "согласие на рекламу",
            "подписка",
            "подписка на рассылку",
            "подписан на рассылку",
            "рассылка",
            "consent",
            "opt in",
            "marketing consent",
            "subscribed",
        ],
    ),
    (
        Field::ConsentSms,
        &[
            "accepts sms marketing",
            "согласие на смс",
            "согласие на sms",
            "подписка на смс",
            "sms consent",
            "sms marketing",
        ],
    ),
    (
        Field::ConsentWhatsapp,
        &[
            "accepts whatsapp marketing",
            "согласие на whatsapp",
            "подписка на whatsapp",
            "whatsapp consent",
            "whatsapp marketing",
        ],
    ),
    (
        Field::ConsentTelegram,
        &[
            "accepts telegram marketing",
            "согласие на telegram",
            "подписка на telegram",
            "telegram consent",
        ],
    ),
    (
        Field::TotalOrders,
        &[
            "total orders",
            "количество заказов",
            "кол во заказов",
            "число заказов",
            "всего заказов",
            "количество покупок",
            "orders count",
            // A salon's client base (YCLIENTS) counts visits, each of them a purchase.
            "визитов",
            "количество визитов",
            "число визитов",
        ],
    ),
    (
        Field::TotalSpent,
        &[
            "total spent",
            "сумма покупок",
            "сумма заказов",
            "общая сумма покупок",
            "сумма всех заказов",
            "потрачено",
            "ltv",
            "сумма расходов",
            "сумма продаж",
            "оплачено",
        ],
    ),
    (
        Field::LastOrderAt,
        &[
            "последний заказ",
            "дата последнего заказа",
            "дата последней покупки",
            "последняя покупка",
            "last order",
            "last order date",
            "последний визит",
            "дата последнего визита",
        ],
    ),
    (
        Field::Birthday,
        &[
            "дата рождения",
            "день рождения",
            "др",
            "birthday",
            "birth date",
            "date of birth",
            "birthdate",
            "dob",
        ],
    ),
    (
        Field::ConsentAt,
        &[
            "дата согласия",
            "consent date",
            "consent at",
            "дата подписки",
        ],
    ),
    (
        Field::ConsentSource,
        &["источник согласия", "consent source"],
    ),
    (Field::Status, &["статус", "status", "статус подписки"]),
    (
        Field::StatusAt,
        &["дата статуса", "status at", "status date", "дата отписки"],
    ),
    (
        Field::CreatedAt,
        &[
            "дата регистрации",
            "дата создания",
            "дата создания контакта",
            "дата добавления",
            "создан",
            "зарегистрирован",
            "created",
            "created at",
            "date create",
            "date created",
            "registered",
            "registration date",
            "signup date",
        ],
    ),
];

pub(super) const ORDER_SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::OrderId,
        &[
            "номер заказа",
            "id заказа",
            "заказ",
            "№ заказа",
            "№",
            "order id",
            "order",
            "order number",
            "order no",
        ],
    ),
    (
        Field::OrderedAt,
        &[
            "дата заказа",
            "дата",
            "дата покупки",
            "дата оформления",
            "date",
            "order date",
            "ordered at",
            "created at",
        ],
    ),
    (
        Field::Amount,
        &[
            "сумма",
            "сумма заказа",
            "итого",
            "стоимость",
            "выручка",
            "amount",
            "total",
            "sum",
            "order total",
            "revenue",
        ],
    ),
    (Field::Product, PRODUCT_WORDS),
    (
        Field::Quantity,
        &[
            "количество",
            "кол во",
            "qty",
            "quantity",
            "lineitem quantity",
        ],
    ),
    (
        Field::Price,
        &[
            "цена",
            "цена за единицу",
            "цена товара",
            "price",
            "unit price",
            "item price",
            "lineitem price",
        ],
    ),
    (
        Field::Items,
        &[
            "товары",
            "состав заказа",
            "товары в заказе",
            "products",
            "order items",
            "line items",
        ],
    ),
    (
        Field::FirstName,
        &["имя", "first name", "billing first name"],
    ),
    (
        Field::LastName,
        &["фамилия", "last name", "billing last name"],
    ),
    (
        Field::Name,
        &[
            "фио",
            "фио покупателя",
            "имя покупателя",
            "покупатель",
            "клиент",
            "billing name",
            "customer name",
        ],
    ),
    (Field::Category, CATEGORY_WORDS),
];

/// What an orders or an events file calls the product.
const PRODUCT_WORDS: &[&str] = &[
    "товар",
    "продукт",
    "наименование",
    "позиция",
    "product",
    "product name",
    "item",
    "sku",
    "lineitem name",
];

/// What an orders or an events file calls the product's category.
const CATEGORY_WORDS: &[&str] = &[
    "категория",
    "категория товара",
    "раздел",
    "category",
    "product category",
];

pub(super) const EVENT_SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Campaign,
        &[
            "кампания",
            "рассылка",
            "название рассылки",
            "название кампании",
            "campaign",
            "campaign name",
            "broadcast",
        ],
    ),
    (
        Field::MessageId,
        &["message id", "id сообщения", "msg id", "ид сообщения"],
    ),
    (
        Field::EventKind,
        &[
            "событие",
            "статус",
            "тип",
            "тип события",
            "статус сообщения",
            "event",
            "kind",
            "status",
            "type",
            "action",
        ],
    ),
    (
        Field::Button,
        &["кнопка", "нажатая кнопка", "button", "button text"],
    ),
    (Field::Product, PRODUCT_WORDS),
    (Field::Category, CATEGORY_WORDS),
    (
        Field::Value,
        &[
            "сумма",
            "стоимость",
            "сумма корзины",
            "стоимость корзины",
            "цена",
            "value",
            "cart value",
            "cart total",
            "price",
            "amount",
            "revenue",
        ],
    ),
    (
        Field::Url,
        &[
            "ссылка",
            "ссылка на товар",
            "адрес страницы",
            "страница",
            "url",
            "link",
            "page",
            "page url",
            "product url",
        ],
    ),
    (
        Field::At,
        &[
            "время",
            "дата",
            "дата время",
            "дата и время",
            "date",
            "time",
            "at",
            "timestamp",
            "datetime",
        ],
    ),
];

/// Phone columns by how surely they hold the number to message, surest first (DESIGN.md, "Which
/// phone"): one "for mailings", then mobile, WhatsApp, a generic phone, an address's phone, work,
/// home, and last one that is only "another". Every one of them is a phone column; the messaging number is chosen among them row by
/// row, the others kept as custom fields. A fax or a pager is not a phone to message.
pub(super) const PHONE_COLUMNS: &[(u8, &[&str])] = &[
    (
        0,
        &[
            "телефон для рассылок",
            "телефон для рассылки",
            "телефон для смс",
            "phone for mailings",
            "mailing phone",
            "sms phone",
        ],
    ),
    (
        1,
        &[
            "мобильный телефон",
            "моб телефон",
            "мобильный",
            "сотовый",
            "сотовый телефон",
            "телефон мобильный",
            "mobile",
            "mobile phone",
            "phone mobile",
            "cell",
            "cell phone",
        ],
    ),
    (
        2,
        &[
            "whatsapp",
            "номер whatsapp",
            "телефон whatsapp",
            "ватсап",
            "whatsapp phone",
        ],
    ),
    (
        3,
        &[
            "телефон",
            "тел",
            "номер телефона",
            "контактный телефон",
            "телефон клиента",
            "phone",
            "phone number",
        ],
    ),
    (
        4,
        &[
            "default address phone",
            "billing phone",
            "shipping phone",
            "телефон доставки",
            "телефон получателя",
        ],
    ),
    (
        5,
        &[
            "рабочий телефон",
            "рабочий прямой телефон",
            "work phone",
            "business phone",
            "office phone",
        ],
    ),
    (6, &["домашний телефон", "home phone"]),
    (
        7,
        &["другой телефон", "other phone", "дополнительный телефон"],
    ),
];

/// E-mail columns by how surely they hold the person's own address, surest first: one "for
/// mailings", then a personal one, then "another". A work or company address (`Рабочий e-mail`)
/// is kept as a custom field and identifies nobody (DESIGN.md, "Who is who").
pub(super) const EMAIL_COLUMNS: &[(u8, &[&str])] = &[
    (
        0,
        &[
            "e mail для рассылок",
            "email для рассылок",
            "почта для рассылок",
        ],
    ),
    (
        1,
        &[
            "email",
            "e mail",
            "личный email",
            "личный e mail",
            "частный e mail",
            "частный email",
            "почта",
            "эл почта",
            "электронная почта",
            "адрес электронной почты",
            "емейл",
            "имейл",
            "email address",
            "e mail address",
            "customer email",
            "billing email",
            "personal email",
            "mail",
        ],
    ),
    (2, &["другой email", "другой e mail", "other email"]),
];
