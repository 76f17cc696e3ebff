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
