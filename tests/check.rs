//! `quotegraph check` run as a process on the articles in `tests/fixtures/check/`
//! (written for these tests): each kind of flag with its words and line, the exit
//! status, the formats, and the errors.

mod common;
use common::TempDir;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_quotegraph");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).to_str().unwrap().to_string()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("check").args(args).current_dir(dir).stdin(Stdio::null()).output().expect("run quotegraph")
}

fn run(args: &[&str]) -> Output {
    run_in(&fixtures(), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn show(o: &Output) -> String {
    format!("status {:?}\n--- stdout\n{}\n--- stderr\n{}", o.status.code(), stdout(o), String::from_utf8_lossy(&o.stderr))
}

/// The flags of a JSON run, which must exit with 1 (something flagged).
fn flags(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    serde_json::from_slice::<Vec<Value>>(&o.stdout).unwrap_or_else(|e| panic!("not a JSON array of flags: {e}\n{}", show(&o)))
}

/// (kind, words, line) of every flag.
fn summary(flags: &[Value]) -> Vec<(String, String, u64)> {
    flags.iter().map(|f| (f["kind"].as_str().unwrap().into(), f["words"].as_str().unwrap().into(), f["line"].as_u64().unwrap())).collect()
}

fn triple(kind: &str, words: &str, line: u64) -> (String, String, u64) {
    (kind.into(), words.into(), line)
}

/// Exit 2 and one stderr line `quotegraph: …` holding every needle.
fn assert_fails_with(o: &Output, needles: &[&str]) {
    assert_eq!(o.status.code(), Some(2), "{}", show(o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "stderr is not one line: {err:?}");
    assert!(err.starts_with("quotegraph: ") && err.ends_with('\n'), "{err:?}");
    for n in needles {
        assert!(err.contains(n), "stderr does not mention {n:?}: {err:?}");
    }
}

#[test]
fn the_clean_article_raises_no_flag_and_exits_0() {
    for format in ["text", "json", "csv"] {
        let o = run(&["clean.txt", "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", show(&o));
        let out = stdout(&o);
        match format {
            "text" => assert_eq!(out, ""),
            "json" => assert_eq!(out, "[]\n"),
            _ => assert_eq!(out.lines().count(), 1, "only the header: {out}"),
        }
    }
}

#[test]
fn a_quotation_given_to_nobody_is_unattributed() {
    let f = flags(&["unattributed.txt"]);
    // the scare quote "fair rent" and the attributed statement are not flagged
    assert_eq!(summary(&f), vec![triple("unattributed", "We cannot pay these rents and still feed our families.", 5)]);
    assert_eq!(f[0]["column"], 2);
    assert_eq!(f[0]["document"], "unattributed");
}

#[test]
fn unnamed_sources_are_anonymous() {
    let f = flags(&["anonymous.txt"]);
    assert_eq!(
        summary(&f),
        vec![
            triple("anonymous", "A source familiar with the negotiations", 3),
            triple("anonymous", "Officials", 5),
            triple("anonymous", "A senior diplomat", 7),
        ]
    );
}

#[test]
fn vague_groups_are_vague() {
    let f = flags(&["vague.txt"]);
    assert_eq!(summary(&f), vec![triple("vague", "Experts", 3), triple("vague", "Critics", 5), triple("vague", "Some", 7)]);
    assert!(f[0]["note"].as_str().unwrap().contains("the tax will cut sugar consumption"), "{}", f[0]["note"]);
}

#[test]
fn claims_from_data_and_documents_are_data_sources() {
    let f = flags(&["data-source.txt"]);
    assert_eq!(
        summary(&f),
        vec![
            triple("data-source", "UN data", 3),
            triple("data-source", "A report by the National Audit Office", 5),
            triple("data-source", "central bank figures", 7),
        ]
    );
}

#[test]
fn a_person_given_two_titles_in_one_article_is_a_title_mismatch() {
    let f = flags(&["titles.txt"]);
    assert_eq!(summary(&f), vec![triple("title-mismatch", "Agriculture Minister", 5)]);
    assert_eq!(f[0]["speaker"], "Maria Lopez");
    assert_eq!(f[0]["other"]["words"], "Foreign Minister");
    assert_eq!(f[0]["other"]["line"], 3);
}

#[test]
fn a_surname_spelt_one_letter_off_is_a_name_spelling_flag() {
    let f = flags(&["name-spelling.txt"]);
    // the apostrophe written two ways is no misspelling
    assert_eq!(summary(&f), vec![triple("name-spelling", "Ms Castelano", 7)]);
    assert_eq!(f[0]["speaker"], "Teodora Castellano");
    assert_eq!(f[0]["other"]["line"], 3);
    assert!(f[0]["note"].as_str().unwrap().contains("“Castelano” here"), "{}", f[0]["note"]);
}

#[test]
fn across_articles_by_date_same_words_drift_and_titles_are_found() {
    let f = flags(&["words-and-titles.jsonl"]);
    assert_eq!(
        summary(&f),
        vec![
            triple("drift", "We will not go back to work until the company makes a fair offer", 3),
            triple("same-words", "We will not go back to work until the company offers a fair deal", 5),
            triple("title-mismatch", "Finance Minister", 7),
        ]
    );
    assert!(f.iter().all(|x| x["document"] == "week-2" && x["other"]["document"] == "week-1"), "{f:#?}");
    // drift: the same speaker, the word diff as text and as data
    assert_eq!(f[0]["speaker"], "Pablo Reyes");
    assert!(f[0]["note"].as_str().unwrap().contains("the company [-offers-] {+makes+} a fair [-deal-] {+offer+}"), "{}", f[0]["note"]);
    let ops: Vec<(&str, &str)> =
        f[0]["diff"].as_array().unwrap().iter().map(|e| (e["op"].as_str().unwrap(), e["words"].as_str().unwrap())).collect();
    assert_eq!(ops[1..4], [("removed", "offers"), ("added", "makes"), ("same", "a fair")]);
    // same words: another speaker
    assert_eq!((f[1]["speaker"].as_str(), f[1]["other"]["speaker"].as_str()), (Some("Tomas Berg"), Some("Pablo Reyes")));
}

#[test]
fn the_roster_flags_unknown_speakers_and_titles_it_contradicts() {
    let roster = fixture("roster.toml");
    let f = flags(&["roster-title.jsonl", "clean.txt", "--roster", &roster]);
    assert_eq!(
        summary(&f),
        vec![
            triple("not-in-roster", "Nora Quist", 5),
            triple("not-in-roster", "Felix Brandt", 9),
            triple("roster-title", "Finance Minister", 1),
        ]
    );
    assert!(f[2]["note"].as_str().unwrap().contains("“Transport Minister” in the roster on 2024-02-01"), "{}", f[2]["note"]);
    // the same title a month later agrees with the roster
    let later = flags(&["words-and-titles.jsonl", "--roster", &roster]);
    assert!(later.iter().all(|x| x["kind"] != "roster-title"), "{later:#?}");
    assert!(later.iter().any(|x| x["kind"] == "not-in-roster" && x["words"] == "Tomas Berg"));
}

#[test]
fn the_example_roster_is_a_valid_roster() {
    let roster = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/roster.toml");
    let o = run(&["clean.txt", "--roster", roster.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(stdout(&o).contains("not-in-roster"), "{}", show(&o));
}

#[test]
fn a_bad_roster_is_one_line_naming_file_and_problem() {
    let d = TempDir::new("roster");
    let clean = fixture("clean.txt");
    std::fs::write(d.join("dates.toml"), "[[person]]\nname = \"Ann Lee\"\ntitles = [{ title = \"Mayor\", from = \"1 May 2020\" }]\n")
        .unwrap();
    let o = run_in(d.path(), &["--roster", "dates.toml", &clean]);
    assert_fails_with(&o, &["dates.toml", "Ann Lee", "1 May 2020", "not an ISO date"]);
    std::fs::write(d.join("syntax.toml"), "[[person]]\nname = \"Ann Lee\n").unwrap();
    let o = run_in(d.path(), &["--roster", "syntax.toml", &clean]);
    assert_fails_with(&o, &["syntax.toml", "line 2"]);
    let o = run_in(d.path(), &["--roster", "missing.toml", &clean]);
    assert_fails_with(&o, &["missing.toml", "no such file"]);
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_inputs_exit_2_unless_keep_going() {
    let d = TempDir::new("inputs");
    let o = run_in(d.path(), &["no-such-article.txt"]);
    assert_fails_with(&o, &["no-such-article.txt"]);
    std::fs::write(d.join("corpus.jsonl"), "{\"id\":\"a\",\"text\":\"Experts say the plan will fail.\"}\n{\"id\":\"b\",\"text\": \n")
        .unwrap();
    let o = run_in(d.path(), &["corpus.jsonl"]);
    assert_fails_with(&o, &["corpus.jsonl", "line 2"]);
    let o = run_in(d.path(), &["corpus.jsonl", "--keep-going"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(stdout(&o).starts_with("a:1:1  vague "), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("warning"), "{}", show(&o));
}

#[test]
fn text_lines_read_doc_line_col_kind_and_words() {
    let o = run(&["anonymous.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("anonymous:3:1  anonymous  "), "{first}");
    assert!(first.contains("“A source familiar with the negotiations”"), "{first}");
    assert_eq!(out.lines().count(), 3, "{out}");
}

#[test]
fn csv_is_rfc_4180_with_one_row_per_flag() {
    let o = run(&["words-and-titles.jsonl", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.starts_with("document,line,column,kind,speaker,words,note,"), "{out}");
    assert!(out.ends_with("\r\n"));
    assert_eq!(out.split("\r\n").filter(|l| !l.is_empty()).count(), 4, "{out}");
    let drift = out.split("\r\n").find(|l| l.contains(",drift,")).unwrap();
    assert!(drift.contains(",Pablo Reyes: 86% the same words as at week-1:3:2 (2024-03-04): "), "{drift}");
    // a field with a comma or a double quote is quoted, inner quotes doubled
    let d = TempDir::new("csv");
    std::fs::write(d.join("a.txt"), "Officials said the plan, which \"nobody liked\", was dead.\n").unwrap();
    let o = run_in(d.path(), &["a.txt", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let row = stdout(&o).split("\r\n").nth(1).unwrap().to_string();
    assert!(
        row.contains(",\"statement rests on an unnamed source: “Officials” — “the plan, which \"\"nobody liked\"\", was dead”\","),
        "{row}"
    );
}

#[test]
fn output_is_the_same_bytes_whatever_the_threads_and_the_sink() {
    let d = TempDir::new("jobs");
    let inputs = ["anonymous.txt", "vague.txt", "data-source.txt", "titles.txt", "words-and-titles.jsonl", "unattributed.txt"].map(fixture);
    let mut outs = Vec::new();
    for jobs in ["1", "2", "3"] {
        let mut args: Vec<&str> = inputs.iter().map(String::as_str).collect();
        args.extend(["--format", "json", "--jobs", jobs]);
        let o = run_in(d.path(), &args);
        assert_eq!(o.status.code(), Some(1), "{}", show(&o));
        outs.push(o.stdout);
    }
    assert!(outs.windows(2).all(|w| w[0] == w[1]), "output differs with --jobs");
    let mut args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    args.extend(["-o", "flags.json"]);
    let o = run_in(d.path(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read(d.join("flags.json")).unwrap(), outs[0], "-o flags.json differs from --format json");
    assert_eq!(d.entries(""), vec!["flags.json".to_string()], "temporary files left behind");
}

#[test]
fn stdin_and_a_lexicon_file_work_as_in_extract() {
    let d = TempDir::new("stdin");
    let text = "Witnesses say the gunmen fled on foot.\n";
    let feed = |args: &[&str]| {
        let mut child = Command::new(BIN)
            .arg("check")
            .args(args)
            .current_dir(d.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    // witnesses are a group the extractor knows, but no kind of source the checks flag
    let o = feed(&["-"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    std::fs::write(d.join("mine.toml"), "[sources]\nanonymous = [\"witnesses\"]\n").unwrap();
    let o = feed(&["-", "--lexicon", "mine.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(stdout(&o).starts_with("stdin:1:1  anonymous "), "{}", show(&o));
}
