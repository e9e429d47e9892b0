//! The scenarios an owner starts from (issue: abandoned cart, abandoned view, welcome with a
//! cross-sell, win-back, "became at risk", birthday), as the files the owner would write: each
//! is checked like any other before it is saved.

use super::Scenario;

/// Every preset's file, in the order the screen offers them.
const PRESETS: [&str; 6] = [
    r#"{
  "version": 1,
  "name": "Брошенная корзина",
  "channel": "whatsapp",
  "trigger": { "type": "activity", "kind": "carted" },
  "cooldown_days": 7,
  "exits": { "order": true, "click": "Не интересно" },
  "steps": [
    {
      "delay": { "hours": 2 },
      "expires_hours": 24,
      "text": "{{first_name|Здравствуйте}}, вы оставили в корзине «{{product|товар}}» — он ещё ждёт вас.",
      "buttons": [{ "text": "Оформить" }, { "text": "Не интересно" }]
    },
    {
      "delay": { "next_day_at": "10:00" },
      "if": "no_reaction",
      "expires_hours": 48,
      "text": "Для вас скидка 10% на корзину ({{cart_value|ваш заказ}}) до конца недели."
    }
  ]
}"#,
    r#"{
  "version": 1,
  "name": "Смотрел, но не купил",
  "channel": "whatsapp",
  "trigger": { "type": "activity", "kind": "viewed" },
  "cooldown_days": 14,
  "exits": { "order": true },
  "steps": [
    {
      "delay": { "hours": 3 },
      "expires_hours": 24,
      "text": "{{first_name|Здравствуйте}}, подобрали для вас похожие товары — загляните, пока они в наличии.",
      "buttons": [{ "text": "Посмотреть" }]
    }
  ]
}"#,
    r#"{
  "version": 1,
  "name": "Первая покупка",
  "channel": "whatsapp",
  "trigger": { "type": "order", "first": true },
  "cooldown_days": 365,
  "exits": { "order": false },
  "steps": [
    {
      "delay": { "hours": 1 },
      "expires_hours": 24,
      "text": "{{first_name|Здравствуйте}}, спасибо за первую покупку! Будем рады видеть вас снова."
    },
    {
      "delay": { "days": 7 },
      "expires_hours": 72,
      "text": "К вашей покупке хорошо подойдут аксессуары из новой коллекции — для вас скидка 5%.",
      "buttons": [{ "text": "Хочу скидку", "tag": "цена:скидки" }]
    }
  ]
}"#,
    r#"{
  "version": 1,
  "name": "Давно не покупал",
  "channel": "whatsapp",
  "trigger": { "type": "no_order_for", "days": 30 },
  "cooldown_days": 30,
  "exits": { "order": true },
  "steps": [
    {
      "delay": { "next_day_at": "11:00" },
      "expires_hours": 48,
      "text": "{{first_name|Здравствуйте}}, давно вас не видели! У нас много нового — загляните."
    },
    {
      "delay": { "days": 30 },
      "if": "no_reaction",
      "expires_hours": 72,
      "text": "Соскучились! Вот скидка 15% на любой заказ в течение недели."
    }
  ]
}"#,
    r#"{
  "version": 1,
  "name": "Под угрозой ухода",
  "channel": "whatsapp",
  "trigger": { "type": "rfm", "group": "at_risk" },
  "cooldown_days": 60,
  "exits": { "order": true },
  "steps": [
    {
      "delay": { "next_day_at": "12:00" },
      "expires_hours": 72,
      "text": "{{first_name|Здравствуйте}}, вы наш постоянный покупатель — для вас персональная скидка 10% до конца месяца."
    }
  ]
}"#,
    r#"{
  "version": 1,
  "name": "День рождения",
  "channel": "whatsapp",
  "trigger": { "type": "yearly", "field": "birthday", "days_before": 3 },
  "cooldown_days": 300,
  "exits": { "order": false },
  "steps": [
    {
      "delay": { "next_day_at": "10:00" },
      "expires_hours": 48,
      "text": "{{first_name|Здравствуйте}}, скоро ваш день рождения! Дарим скидку 20% на неделю праздника."
    }
  ]
}"#,
];

/// The presets, each a scenario to open, check and save.
pub fn presets() -> Vec<Scenario> {
    PRESETS
        .iter()
        .map(|text| Scenario::from_json(text).expect("a preset reads"))
        .collect()
}

/// The abandoned cart, the scenario a new one starts from.
pub fn starter() -> Scenario {
    presets().swap_remove(0)
}
