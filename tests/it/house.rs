//! The rules of the house that no compiler checks: what the repository holds, what the library
//! may name, where the clock may be read. Each reads the source tree as it is.

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every file under `dir` (relative to the package root), recursively.
fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![Path::new(ROOT).join(dir)];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The package's files as the repository holds them: `git ls-files` where there is a checkout,
/// else every file but the build's and git's own.
fn repository_files() -> Vec<PathBuf> {
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(ROOT)
        .output();
    if let Ok(out) = listed
        && out.status.success()
    {
        return out
            .stdout
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| Path::new(ROOT).join(String::from_utf8_lossy(p).as_ref()))
            .filter(|p| p.exists())
            .collect();
    }
    let mut all = Vec::new();
    for entry in std::fs::read_dir(ROOT).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "target" || name == ".git" {
            continue;
        }
        if path.is_dir() {
            all.extend(files_under(&name));
        } else {
            all.push(path);
        }
    }
    all
}

fn relative(path: &Path) -> String {
    path.strip_prefix(ROOT)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// The Rust sources under `src/` but those whose relative path starts with one of `allowed`.
fn library_sources(allowed: &[&str]) -> Vec<(String, String)> {
    files_under("src")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| (relative(&p), std::fs::read_to_string(&p).unwrap()))
        .filter(|(name, _)| !allowed.iter().any(|a| name.starts_with(a)))
        .collect()
}

/// Every line of `sources` that is code (not a comment), trimmed, as `file:line: text` and the
/// text.
fn code_lines(sources: &[(String, String)]) -> impl Iterator<Item = (String, &str)> {
    sources.iter().flat_map(|(name, text)| {
        text.lines().enumerate().filter_map(move |(i, line)| {
            let code = line.trim_start();
            (!code.starts_with("//")).then(|| (format!("{name}:{}: {code}", i + 1), code))
        })
    })
}

/// The lines of `sources` that contain any of `needles` outside comments, as `file:line: text`.
fn lines_naming(sources: &[(String, String)], needles: &[&str]) -> Vec<String> {
    code_lines(sources)
        .filter(|(_, code)| needles.iter().any(|n| code.contains(n)))
        .map(|(place, _)| place)
        .collect()
}

#[test]
fn no_big_file_outside_assets_is_in_the_repository() {
    let big: Vec<String> = repository_files()
        .into_iter()
        .filter(|p| !relative(p).starts_with("assets/"))
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 5_000_000))
        .map(|p| relative(&p))
        .collect();
    assert!(
        big.is_empty(),
        "binaries and downloaded packages do not belong in the repository: {big:?}"
    );
}

#[test]
fn the_library_never_names_the_window_toolkit() {
    let sources = library_sources(&["src/ui/"]);
    assert!(sources.len() > 20, "the sources were found");
    let named = lines_naming(&sources, &["egui", "eframe", "rfd::"]);
    assert!(named.is_empty(), "only src/ui/ may name them:\n{named:#?}");
}

#[test]
fn only_the_front_ends_read_the_clock() {
    let sources = library_sources(&["src/main.rs", "src/cli/", "src/ui/"]);
    let reads = lines_naming(
        &sources,
        // `task.now()` is the moment the caller's task carries.
        &[
            "::now()",
            "Utc::now",
            "Local::now",
            "SystemTime::now",
            "Instant::now",
            "Timestamp::now",
            "Zoned::now",
        ],
    );
    assert!(
        reads.is_empty(),
        "a library function that needs \"now\" takes it from its caller:\n{reads:#?}"
    );
}

/// The top modules of the crate that the code lines of `sources` name (`crate::x`, or each of
/// `crate::{x, y}`), with where, comments left out.
fn crate_modules_named(sources: &[(String, String)]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (place, code) in code_lines(sources) {
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap_or_default())
                    .collect(),
                None => vec![
                    rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or_default(),
                ],
            };
            for module in names.into_iter().filter(|n| !n.is_empty()) {
                found.push((module.to_owned(), place.clone()));
            }
        }
    }
    found
}

#[test]
fn the_store_and_the_model_stand_on_the_model_alone() {
    for (layer, allowed) in [
        ("src/store/", &["store", "model", "error", "i18n"][..]),
        ("src/model/", &["model", "error", "i18n"][..]),
    ] {
        let sources: Vec<(String, String)> = files_under("src")
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .map(|p| (relative(&p), std::fs::read_to_string(&p).unwrap()))
            .filter(|(name, _)| name.starts_with(layer))
            .collect();
        assert!(!sources.is_empty(), "{layer} has sources");
        let named: Vec<String> = crate_modules_named(&sources)
            .into_iter()
            .filter(|(module, _)| !allowed.contains(&module.as_str()))
            .map(|(_, place)| place)
            .collect();
        assert!(
            named.is_empty(),
            "{layer} may name only {allowed:?} of the crate:\n{named:#?}"
        );
    }
}

#[test]
fn no_circle_of_modules_remains() {
    // Each top module (src/x.rs or src/x/) and the top modules its code names.
    let mut edges: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let sources = library_sources(&["src/main.rs", "src/lib.rs"]);
    for (name, text) in &sources {
        let top = name
            .trim_start_matches("src/")
            .split(['/', '.'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let named = crate_modules_named(&[(name.clone(), text.clone())]);
        let entry = edges.entry(top.clone()).or_default();
        entry.extend(named.into_iter().map(|(m, _)| m).filter(|m| *m != top));
    }
    // Depth-first search for a path back to where it started.
    fn path_back(
        edges: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        start: &str,
        at: &str,
        seen: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        for next in edges.get(at).into_iter().flatten() {
            if next == start {
                let mut circle = seen.clone();
                circle.push(next.clone());
                return Some(circle);
            }
            if !seen.contains(next) {
                seen.push(next.clone());
                if let Some(c) = path_back(edges, start, next, seen) {
                    return Some(c);
                }
                seen.pop();
            }
        }
        None
    }
    assert!(edges.len() > 10, "the modules were found: {edges:?}");
    for start in edges.keys() {
        let circle = path_back(&edges, start, start, &mut vec![start.clone()]);
        assert!(
            circle.is_none(),
            "a circle of modules: {:?}",
            circle.unwrap()
        );
    }
}

/// Longest a function under `src/` may be, in lines, signature and closing brace included.
const FUNCTION_LINES: usize = 120;
/// Longest a source file may be, in lines, but for table data.
const FILE_LINES: usize = 600;

/// Where a function starts: `fn name`, perhaps `pub`, `const`, `async` or `unsafe` before it.
fn opens_function(code: &str) -> Option<&str> {
    let mut rest = code;
    for word in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(word).unwrap_or(rest);
    }
    let name = rest.strip_prefix("fn ")?;
    Some(&name[..name.find(['(', '<']).unwrap_or(name.len())])
}

/// Each function of `text` with its length in lines: from its `fn` to the `}` rustfmt puts at
/// the `fn`'s indentation. Declarations without a body (a trait's) are left out.
fn function_lengths(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let Some(name) = opens_function(code) else {
            continue;
        };
        let indent = &line[..line.len() - code.len()];
        let close = format!("{indent}}}");
        // The signature ends at its `{` or, for a declaration, its `;`.
        let body = lines[i..]
            .iter()
            .position(|l| l.trim_end().ends_with('{') || l.trim_end().ends_with(';'))
            .filter(|&k| lines[i + k].trim_end().ends_with('{'));
        if body.is_none() || line.trim_end().ends_with('}') {
            continue;
        }
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            out.push((i + 1, name.to_owned(), end + 1));
        }
    }
    out
}

#[test]
fn no_function_and_no_file_is_too_long_to_read() {
    let sources = library_sources(&[]);
    let mut long = Vec::new();
    for (name, text) in &sources {
        for (line, function, length) in function_lengths(text) {
            if length > FUNCTION_LINES {
                long.push(format!("{name}:{line}: fn {function}, {length} lines"));
            }
        }
        // The header synonyms and the demo's words are tables, not code to read.
        let table = ["src/import/synonyms.rs", "src/demo/tables.rs"].contains(&name.as_str());
        let lines = text.lines().count();
        if lines > FILE_LINES && !table {
            long.push(format!("{name}: {lines} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "split these (functions of at most {FUNCTION_LINES} lines, files of {FILE_LINES}):\n{long:#?}"
    );
    // The reader finds functions at all: this file's own.
    let own = function_lengths(include_str!("house.rs"));
    assert!(
        own.iter()
            .any(|(_, f, n)| f == "function_lengths" && *n > 10),
        "{own:?}"
    );
}
