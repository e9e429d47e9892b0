//! The message text's editing aids: its variables highlighted and faults underlined, each fault
//! listed with its line and column, and a variable put in at the cursor.

use egui::text::{CCursor, CCursorRange, LayoutJob};
use egui::{FontId, TextFormat};

use crate::i18n::Msg;
use crate::template::{self, Piece, Problem};

/// Line and column (both from 1, in characters) of byte `at` of `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The text laid out with its variables in the accent colour and its faults underlined in red.
pub(super) fn highlighted(
    ui: &egui::Ui,
    text: &str,
    known: &dyn Fn(&str) -> bool,
    wrap: f32,
) -> LayoutJob {
    let font = FontId::monospace(14.0);
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let variable = TextFormat {
        color: ui.visuals().hyperlink_color,
        ..plain.clone()
    };
    let fault = TextFormat {
        color: ui.visuals().error_fg_color,
        underline: egui::Stroke::new(1.5, ui.visuals().error_fg_color),
        ..plain.clone()
    };
    let (parsed, problems) = template::parse(text, known);
    let mut marks: Vec<(std::ops::Range<usize>, &TextFormat)> = parsed
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Var { span, .. } => Some((span.clone(), &variable)),
            Piece::Text(_) => None,
        })
        .chain(problems.iter().map(|p| (p.span.clone(), &fault)))
        .collect();
    marks.sort_by_key(|(r, _)| r.start);
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (range, format) in marks {
        if range.start < at {
            continue;
        }
        job.append(&text[at..range.start], 0.0, plain.clone());
        job.append(&text[range.clone()], 0.0, format.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = wrap;
    job
}

/// Each fault of the text with its line and column.
pub(super) fn problems_list(ui: &mut egui::Ui, text: &str, problems: &[Problem]) {
    for p in problems {
        let (line, column) = line_column(text, p.span.start);
        ui.colored_label(
            ui.visuals().error_fg_color,
            Msg::new("campaign-fault-at")
                .arg("line", line as i64)
                .arg("column", column as i64)
                .arg("reason", p.msg.to_string())
                .to_string(),
        );
    }
}

/// Puts `snippet` where the text cursor of the editor `id` is (or at the end), and the cursor
/// after it.
pub(super) fn insert_at_cursor(
    ctx: &egui::Context,
    id: egui::Id,
    text: &mut String,
    snippet: &str,
) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let chars = state
        .cursor
        .char_range()
        .map_or(text.chars().count(), |r| r.primary.index.0);
    let at = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text.insert_str(at, snippet);
    let after = CCursor::new(chars + snippet.chars().count());
    state.cursor.set_char_range(Some(CCursorRange::one(after)));
    egui::TextEdit::store_state(ctx, id, state);
    ctx.memory_mut(|m| m.request_focus(id));
}
