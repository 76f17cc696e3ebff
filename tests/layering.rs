//! The layering rule: `src/domain` is plain Rust, and only `src/platform` talks to the browser.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of code (comments stripped) in `files` that mention any of `words`.
fn offending_lines(files: &[PathBuf], words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in words {
                let hit = code.match_indices(word).any(|(at, _)| {
                    let before = code[..at].chars().next_back();
                    let after = code[at + word.len()..].chars().next();
                    let ident =
                        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    !ident(before) && !ident(after)
                });
                if hit {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

fn layer(name: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join(format!("{name}.rs"))];
    rust_files(&root.join(name), &mut files);
    files
}

#[test]
fn domain_imports_no_browser_or_framework_crate() {
    let files = layer("domain");
    assert!(
        files.len() > 3,
        "expected the domain files, found {files:?}"
    );
    let bad = offending_lines(
        &files,
        &[
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "gloo",
            "gloo_storage",
            "js_sys",
        ],
    );
    assert!(
        bad.is_empty(),
        "domain must stay plain Rust:\n{}",
        bad.join("\n")
    );
}

#[test]
fn only_platform_touches_browser_apis() {
    let mut files = layer("ui");
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs"));
    let bad = offending_lines(
        &files,
        &["web_sys", "js_sys", "wasm_bindgen", "gloo_storage"],
    );
    assert!(
        bad.is_empty(),
        "browser APIs belong in src/platform:\n{}",
        bad.join("\n")
    );
}

/// Every memo in the components is a `use_memo`, which takes itself out of what it read when its
/// screen goes; a plain memo on the page's model stays in its subscribers for the page's life
/// (issue 14: the kiosk's memory grew with every screen shown).
#[test]
fn components_make_memos_with_use_memo() {
    let files: Vec<PathBuf> = layer("ui")
        .into_iter()
        .filter(|f| !f.ends_with("hooks/use_scoped.rs"))
        .collect();
    let bad = offending_lines(
        &files,
        &["Memo::new", "ArcMemo::new", "Memo::new_with_compare"],
    );
    assert!(
        bad.is_empty(),
        "make memos with ui::hooks::use_memo:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_catches_an_import() {
    let dir = std::env::temp_dir().join(format!("anxin-layering-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.rs");
    std::fs::write(
        &file,
        "// leptos in a comment is fine\nuse leptos::prelude::*;\nlet web_systems = 1;\n",
    )
    .unwrap();
    let bad = offending_lines(&[file], &["leptos", "web_sys"]);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains(":2:"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// The domain modules from the bottom up: a module may import only modules on a lower line (the
/// files under `bank/` count as `bank`, and a module may use its own submodules and parent).
/// A new domain module must be given its place here.
const DOMAIN_ORDER: &[&[&str]] = &[
    &["text", "date", "rng", "order", "stopwatch"],
    &["bank"],
    &["i18n"],
    &["plan"],
    &["session"],
    &["score"],
    &["history"],
    &["progress"],
    &["library"],
    &["saved", "link", "speech", "report", "catalog"],
    &["app", "kiosk", "contest", "desk"],
];

fn rank(module: &str) -> Option<usize> {
    DOMAIN_ORDER
        .iter()
        .position(|layer| layer.contains(&module))
}

/// `text` with comments, string literals and character literals blanked out (newlines kept, so
/// byte offsets still give the right line), leaving the code that can name a module.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some(_) => j += 1,
                }
            }
            out.extend(chars[i..j.min(chars.len())].iter().map(|c| blank(*c)));
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            out.extend(chars[i..end].iter().map(|c| blank(*c)));
            i = end;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{7b}'); otherwise a lifetime, kept.
            let end = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|c| *c == '\'')
                    .map(|p| i + 2 + p + 1)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.extend(chars[i..end].iter().map(|c| blank(*c)));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// One module naming another: `from` (the file's top domain module) uses `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    from: String,
    to: String,
    file: String,
    line: usize,
}

fn ident_at(code: &str, at: usize) -> &str {
    let rest = &code[at..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn skip_space(code: &str, at: usize) -> usize {
    at + code[at..].len() - code[at..].trim_start().len()
}

/// The first path segment of each item of a `{…}` group starting at `open`.
fn group_heads(code: &str, open: usize) -> Vec<&str> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item_start = open + 1;
    for (offset, c) in code[open..].char_indices() {
        let at = open + offset;
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                let head = ident_at(code, skip_space(code, item_start));
                if !head.is_empty() {
                    heads.push(head);
                }
                item_start = at + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    heads
}

/// The module path of the code at each `mod name {` nesting, by byte offset.
fn inline_mods(code: &str) -> Vec<(usize, Vec<String>)> {
    let mut marks = vec![(0, Vec::new())];
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut pending: Option<String> = None;
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        let word_start = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if word_start && code[i..].starts_with("mod ") {
            let name_at = skip_space(code, i + 3);
            let name = ident_at(code, name_at);
            let after = skip_space(code, name_at + name.len());
            if code[after..].starts_with('{') {
                pending = Some(name.to_owned());
            }
            i = name_at + name.len();
            continue;
        }
        if c == '{' {
            depth += 1;
            if let Some(name) = pending.take() {
                stack.push((name, depth));
                marks.push((i, stack.iter().map(|(n, _)| n.clone()).collect()));
            }
        } else if c == '}' {
            if stack.last().is_some_and(|(_, d)| *d == depth) {
                stack.pop();
                marks.push((i, stack.iter().map(|(n, _)| n.clone()).collect()));
            }
            depth = depth.saturating_sub(1);
        }
        i += 1;
    }
    marks
}

/// Every module `file` (at `module`, e.g. `["bank", "sheet"]`) names through `crate::…` or `super::`.
fn edges_of(file: &str, module: &[String], text: &str) -> Vec<Edge> {
    let code = code_only(text);
    let mods = inline_mods(&code);
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let from = module[0].clone();
    let mut edges = Vec::new();
    let mut push = |to: &str, at: usize| {
        edges.push(Edge {
            from: from.clone(),
            to: to.to_owned(),
            file: file.to_owned(),
            line: line_of(at),
        });
    };
    let starts_path = |at: usize| {
        at == 0 || {
            let before = code[..at].chars().next_back();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        }
    };
    for (at, _) in code.match_indices("crate::") {
        if !starts_path(at) {
            continue;
        }
        let mut next = skip_space(&code, at + "crate::".len());
        let head = ident_at(&code, next);
        if head != "domain" {
            // Outside the domain altogether (`crate::ui`, `crate::platform`).
            push(&format!("crate::{head}"), at);
            continue;
        }
        next += head.len();
        if !code[next..].starts_with("::") {
            continue;
        }
        next = skip_space(&code, next + 2);
        if code[next..].starts_with('{') {
            for head in group_heads(&code, next) {
                push(head, at);
            }
        } else {
            push(ident_at(&code, next), at);
        }
    }
    for (at, _) in code.match_indices("super::") {
        if !starts_path(at) {
            continue;
        }
        let mut path: Vec<String> = module.to_vec();
        if let Some((_, inner)) = mods.iter().rev().find(|(from, _)| *from <= at) {
            path.extend(inner.iter().cloned());
        }
        let mut next = at;
        while code[next..].starts_with("super::") {
            path.pop();
            next = skip_space(&code, next + "super::".len());
        }
        if let Some(top) = path.first() {
            push(top, at);
        } else if code[next..].starts_with('{') {
            for head in group_heads(&code, next) {
                push(head, at);
            }
        } else {
            push(ident_at(&code, next), at);
        }
    }
    edges.retain(|e| e.to != e.from);
    edges
}

/// Every edge between the domain modules under `root` (the `src/domain` folder).
fn domain_edges(root: &Path) -> Vec<Edge> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut edges = Vec::new();
    for file in files {
        let relative = file.strip_prefix(root).unwrap().with_extension("");
        let module: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let text = std::fs::read_to_string(&file).unwrap();
        edges.extend(edges_of(&file.display().to_string(), &module, &text));
    }
    edges.sort();
    edges
}

/// The edges that break `DOMAIN_ORDER`, as messages.
fn back_edges(edges: &[Edge]) -> Vec<String> {
    let mut bad = Vec::new();
    for e in edges {
        let message = match (rank(&e.from), rank(&e.to)) {
            (None, _) => format!("{} is not in DOMAIN_ORDER", e.from),
            (_, None) => format!("{} is not a domain module in DOMAIN_ORDER", e.to),
            (Some(from), Some(to)) if to >= from => {
                format!("{} may not use {} (not below it)", e.from, e.to)
            }
            _ => continue,
        };
        bad.push(format!("{}:{}: {message}", e.file, e.line));
    }
    bad
}

#[test]
fn domain_modules_form_a_directed_graph_in_layer_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let edges = domain_edges(&root);
    assert!(
        edges
            .iter()
            .any(|e| e.from == "library" && e.to == "session"),
        "the parser found no edges: {edges:?}"
    );
    let bad = back_edges(&edges);
    assert!(
        bad.is_empty(),
        "domain imports must point down the layers:\n{}",
        bad.join("\n")
    );
    // Every module has a place, so a new one cannot slip in unranked.
    let mut modules = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            modules.push(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    let unranked: Vec<&String> = modules.iter().filter(|m| rank(m).is_none()).collect();
    assert!(unranked.is_empty(), "not in DOMAIN_ORDER: {unranked:?}");
}

#[test]
fn the_order_check_catches_every_form_of_a_back_edge() {
    let module = |path: &str| path.split('/').map(String::from).collect::<Vec<_>>();
    let text = r#"//! score, using library in a comment: crate::domain::library
use crate::domain::{
    history::TopicScore, // a back edge in a group
    session::Answer,
};
use crate::domain::progress::Progress;
fn f() -> &'static str {
    let _ = crate::domain::library::Library::default();
    let _ = 'x';
    "crate::domain::saved in a string"
}
#[cfg(test)]
mod tests {
    use super::*;
    use super::super::report::Advice;
}
"#;
    let edges = edges_of("score.rs", &module("score"), text);
    let bad = back_edges(&edges);
    let lines: Vec<&str> = bad.iter().map(|b| b.split(": ").nth(1).unwrap()).collect();
    assert_eq!(
        lines,
        [
            "score may not use history (not below it)",
            "score may not use progress (not below it)",
            "score may not use library (not below it)",
            "score may not use report (not below it)",
        ],
        "{bad:?}"
    );
    assert!(bad[0].starts_with("score.rs:2:"), "{bad:?}");
    // A submodule may use its parent and siblings; `bank` may not use `session`.
    let sheet = "use super::validate::Problem;\nuse super::super::session::Mode;\n";
    let bad = back_edges(&edges_of("sheet.rs", &module("bank/sheet"), sheet));
    assert_eq!(bad, ["sheet.rs:2: bank may not use session (not below it)"]);
}

/// Every parameter of every `#[component]` under `src/ui`, as `file: Component.param`, that has no
/// `///` line above it (attributes such as `#[prop(into)]` may sit between).
fn undocumented_props() -> Vec<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut files,
    );
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            if lines[i].trim() != "#[component]" {
                i += 1;
                continue;
            }
            let Some(offset) = lines[i + 1..].iter().position(|l| l.contains("fn ")) else {
                break;
            };
            let signature = lines[i + 1 + offset];
            let name = signature
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
                .unwrap_or("?")
                .to_owned();
            i += 2 + offset;
            if signature.contains(") ->") {
                // No props.
                continue;
            }
            while i < lines.len() && !lines[i].trim_start().starts_with(") ->") {
                let line = lines[i].trim();
                let param = line
                    .trim_start_matches(|c| c != ']' && line.starts_with("#["))
                    .trim_start_matches(']')
                    .trim();
                let is_param = !line.starts_with("///")
                    && param.split(':').next().is_some_and(|n| {
                        !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    })
                    && param.contains(':');
                if is_param {
                    let mut j = i;
                    let documented = loop {
                        if j == 0 {
                            break false;
                        }
                        j -= 1;
                        let above = lines[j].trim();
                        if above.starts_with("///") {
                            break true;
                        }
                        if !above.starts_with("#[") || above.starts_with("#[component]") {
                            break false;
                        }
                    };
                    let documented = documented || line.starts_with("///");
                    if !documented {
                        let param = param.split(':').next().unwrap_or("");
                        missing.push(format!("{}: {name}.{param}", file.display()));
                    }
                }
                i += 1;
            }
        }
    }
    missing
}

#[test]
fn every_component_prop_says_what_it_is() {
    let missing = undocumented_props();
    assert!(
        missing.is_empty(),
        "component props without a `///` line:\n{}",
        missing.join("\n")
    );
}
