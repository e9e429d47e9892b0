//! The builder's tree told for one contact ("Why?"): each row tinted green where its condition
//! holds and red where it does not, a mark before it, the contact's values after it, and under
//! a group's mode what decided the group.

use crate::i18n;
use crate::segment::explain::Node;
use crate::ui::segments::why::{failed_color, held_color};

/// The node of the explanation at the builder's `path` (0-based positions).
pub fn node_at<'a>(root: Option<&'a Node>, path: &[usize]) -> Option<&'a Node> {
    let spot: Vec<usize> = path.iter().map(|i| i + 1).collect();
    root?.at(&spot)
}

fn color(ui: &egui::Ui, node: &Node) -> egui::Color32 {
    if node.holds {
        held_color(ui)
    } else {
        failed_color(ui)
    }
}

/// ✓ or ✗ in the verdict's colour, bold where the item decided its group.
pub fn mark(ui: &mut egui::Ui, node: &Node) {
    let text = egui::RichText::new(if node.holds { "✓" } else { "✗" })
        .strong()
        .color(color(ui, node));
    let response = ui.label(text);
    if node.decisive {
        response.on_hover_text(i18n::tr("why-decisive"));
    }
}

/// The contact's values behind a condition (for a saved segment, what decided it), in one
/// wrapping line after the condition.
pub fn facts(ui: &mut egui::Ui, node: &Node) {
    let lang = i18n::current();
    let mut parts: Vec<String> = node.facts.iter().map(|f| f.render(lang)).collect();
    if let Some((_, inner)) = &node.segment
        && let Some(reason) = inner.reason()
    {
        parts.push(reason.render(lang));
    }
    if node.decisive {
        parts.push(i18n::tr("why-decisive"));
    }
    if !parts.is_empty() {
        let text = egui::RichText::new(format!("→ {}", parts.join(" · "))).color(color(ui, node));
        ui.label(text);
    }
}

/// What decided a group, after its mode line.
pub fn reason(ui: &mut egui::Ui, node: &Node) {
    if let Some(reason) = node.reason() {
        mark(ui, node);
        ui.label(egui::RichText::new(reason.to_string()).color(color(ui, node)));
    }
}

/// A faint fill in the verdict's colour behind the row at `rect`, drawn where `slot` keeps
/// room under the row's widgets.
pub fn tint(ui: &egui::Ui, slot: egui::layers::ShapeIdx, rect: egui::Rect, node: &Node) {
    let fill = color(ui, node).gamma_multiply(if node.decisive { 0.22 } else { 0.12 });
    ui.painter().set(
        slot,
        egui::epaint::RectShape::filled(rect.expand(2.0), 4.0, fill),
    );
}
