//! Tables saved as HTML: Bitrix24's "Экспорт в Excel" writes an HTML `<table>` into a file named
//! `.xls`, which Excel opens and the owner takes for a spreadsheet. Its rows are read with an HTML
//! tokenizer (entities decoded, `<br>` a line break inside a cell); everything outside the table's
//! cells is skipped.

use html5gum::{Token, Tokenizer};

/// Whether `text` (the start of a decoded file) is an HTML document holding a table.
pub fn looks_like_html_table(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let lower = start.to_lowercase();
    lower.contains("<table")
}

/// Every row of every `<table>` in `html`, each cell's text trimmed; rows with no text left out.
pub fn rows(html: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut in_cell = false;
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => match tag.name.as_slice() {
                b"tr" => {
                    finish_row(&mut rows, row.take());
                    row = Some(Vec::new());
                    in_cell = false;
                }
                b"td" | b"th" => {
                    row.get_or_insert_with(Vec::new).push(String::new());
                    in_cell = true;
                }
                b"br" if in_cell => push_text(&mut row, "\n"),
                _ => {}
            },
            Token::EndTag(tag) => match tag.name.as_slice() {
                b"td" | b"th" => in_cell = false,
                b"tr" | b"table" => {
                    finish_row(&mut rows, row.take());
                    in_cell = false;
                }
                _ => {}
            },
            Token::String(text) if in_cell => {
                push_text(&mut row, &String::from_utf8_lossy(&text.value));
            }
            _ => {}
        }
    }
    finish_row(&mut rows, row);
    rows
}

fn push_text(row: &mut Option<Vec<String>>, text: &str) {
    if let Some(cell) = row.as_mut().and_then(|r| r.last_mut()) {
        cell.push_str(text);
    }
}

fn finish_row(rows: &mut Vec<Vec<String>>, row: Option<Vec<String>>) {
    let Some(mut row) = row else {
        return;
    };
    for cell in &mut row {
        // HTML collapses runs of white space; a `<br>` stays a line break.
        let lines: Vec<String> = cell
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        *cell = lines.join("\n").trim().to_owned();
    }
    if row.iter().any(|c| !c.is_empty()) {
        rows.push(row);
    }
}
