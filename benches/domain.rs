//! `make bench`: how long the domain's hot paths take on this machine (native, release build), and how
//! big the saved values get. Prints a Markdown table. Run with `cargo bench --bench domain`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may fail loudly

use anxin::domain::bank::parse_bank;
use anxin::domain::date::Date;
use anxin::domain::library::{Library, RoundKind};
use anxin::domain::plan::Plan;
use anxin::domain::progress::Progress;
use anxin::domain::saved::seal;
use anxin::domain::session::Session;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

/// Median wall time of `runs` calls of `f`, in microseconds.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let today = Date::new(2026, 11, 27).unwrap();
    let files: Vec<(String, Vec<u8>)> = ["fraud", "privacy", "investing", "rights"]
        .iter()
        .map(|id| {
            let name = format!("{id}.json");
            (
                name.clone(),
                std::fs::read(format!("quizzes/{name}")).unwrap(),
            )
        })
        .collect();
    let mut library = Library::default();
    for (name, bytes) in &files {
        library.insert(Arc::new(parse_bank(name, bytes, today).bank.unwrap()));
    }
    let questions = library.current_questions(today).len();
    let progress = {
        let mut p = Progress::default();
        for (i, (bank, q)) in library.current_questions(today).into_iter().enumerate() {
            p.record(&format!("{bank}/{}", q.id), i % 3 != 0, today);
        }
        p
    };
    let practice = RoundKind::Plan(Plan::practice(vec![]));
    let quiz = RoundKind::Plan(Plan::quiz(vec![]));
    let long = library.draw(&practice, &progress, today, 1, 10).unwrap();
    let attempt_json = serde_json::to_string(&seal(&long)).unwrap();
    let progress_json = serde_json::to_string(&seal(&progress)).unwrap();

    let rows = [
        (
            format!("parse and validate the 4 shipped banks ({questions} questions)"),
            median_us(21, || {
                for (name, bytes) in &files {
                    black_box(parse_bank(name, bytes, today));
                }
            }),
        ),
        (
            "draw a 10-question quiz across all topics (unseen first)".to_owned(),
            median_us(201, || {
                black_box(library.draw(&quiz, &progress, today, 7, 10).unwrap());
            }),
        ),
        (
            format!("draw a practice of every question ({questions}, due first)"),
            median_us(201, || {
                black_box(library.draw(&practice, &progress, today, 7, 10).unwrap());
            }),
        ),
        (
            format!(
                "save + read back the attempt of that practice ({} bytes)",
                attempt_json.len()
            ),
            median_us(201, || {
                let text = serde_json::to_string(&seal(black_box(&long))).unwrap();
                let value: serde_json::Value = serde_json::from_str(&text).unwrap();
                black_box(serde_json::from_value::<Session>(value["data"].clone()).unwrap());
            }),
        ),
        (
            format!(
                "save the progress of {questions} answered questions ({} bytes)",
                progress_json.len()
            ),
            median_us(201, || {
                black_box(serde_json::to_string(&seal(black_box(&progress))).unwrap());
            }),
        ),
    ];
    println!("| domain step (native release build, median) | time |");
    println!("|---|---|");
    for (what, us) in rows {
        println!("| {what} | {us:.0} µs |");
    }
}
