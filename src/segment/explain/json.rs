//! The explanation as JSON for scripts: `matches` at the top, then the rule's tree with each
//! node's verdict, the contact's values by name, and what decided each group.

use serde_json::{Map, Value, json};

use super::{Explanation, Node};
use crate::i18n::Lang;

impl Explanation {
    /// `{"matches", "contact": {"id", "who"}, "rule": node}`; each node
    /// `{"spot", "type", "holds", "decisive", "values", …}` with, for a group, `"mode"`,
    /// `"decided_by"` (a spot or `null`), `"why"` and `"items"`, and for a `segment`
    /// condition the saved segment's own tree under `"segment"`.
    pub fn json(&self, lang: Lang) -> Value {
        json!({
            "matches": self.matches,
            "contact": {"id": self.contact, "who": self.who},
            "rule": node(&self.root, lang),
        })
    }
}

fn node(n: &Node, lang: Lang) -> Value {
    let values: Map<String, Value> = n.facts.iter().map(|f| (f.key(), f.json())).collect();
    let mut out = json!({
        "spot": n.spot.to_string(),
        "type": n.kind,
        "holds": n.holds,
        "decisive": n.decisive,
        "values": values,
    });
    let fields = out.as_object_mut().expect("an object");
    if let Some(mode) = n.mode {
        fields.insert("mode".into(), json!(mode));
        let decided = n.decided_by.map(|i| n.spot.child(i).to_string());
        fields.insert("decided_by".into(), json!(decided));
        if let Some(why) = n.reason() {
            fields.insert("why".into(), json!(why.render(lang)));
        }
        let items: Vec<Value> = n.items.iter().map(|i| node(i, lang)).collect();
        fields.insert("items".into(), Value::Array(items));
    }
    if let Some((name, inner)) = &n.segment {
        fields.insert(
            "segment".into(),
            json!({"name": name, "rule": node(inner, lang)}),
        );
    }
    out
}
