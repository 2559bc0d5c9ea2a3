//! The `quotegraph extract` command line, run as a process in a fresh directory per test.

mod common;
use common::TempDir;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_quotegraph");

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/istanbul-talks.txt")
}

fn example_text() -> String {
    std::fs::read_to_string(example_path()).unwrap()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).args(args).current_dir(dir).stdin(Stdio::null()).output().expect("run quotegraph")
}

fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn quotegraph");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn show(o: &Output) -> String {
    format!("status {:?}\n--- stdout\n{}\n--- stderr\n{}", o.status.code(), stdout(o), stderr(o))
}

/// Exit 2 and exactly one stderr line `quotegraph: …` that contains every one of `needles`.
fn assert_fails_with(o: &Output, needles: &[&str]) {
    assert_eq!(o.status.code(), Some(2), "{}", show(o));
    let err = stderr(o);
    assert!(err.ends_with('\n'), "stderr does not end with a newline: {err:?}");
    assert_eq!(err.lines().count(), 1, "stderr is not one line: {err:?}");
    assert!(err.starts_with("quotegraph: "), "stderr: {err:?}");
    for n in needles {
        assert!(err.contains(n), "stderr does not mention {n:?}: {err:?}");
    }
}

fn parse_jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("invalid JSON line {l:?}: {e}"))).collect()
}

fn good_text() -> &'static str {
    "“Talks will resume,” said Ann Lee, a spokeswoman.\n"
}

// (a)
#[test]
fn jsonl_on_the_example_is_one_json_line_with_quotes() {
    let d = TempDir::new("a");
    let ex = example_path();
    let o = run_in(d.path(), &["extract", ex.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.ends_with('\n'));
    assert_eq!(out.lines().count(), 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim_end()).expect("valid JSON");
    assert_eq!(v["id"], "istanbul-talks");
    let quotes = v["quotes"].as_array().expect("quotes is an array");
    assert!(!quotes.is_empty());
    assert!(v.get("text").is_none(), "text only with --with-text");
    // the contract fields, and code-point offsets that map back to the content
    let chars: Vec<char> = example_text().chars().collect();
    for q in quotes {
        for k in [
            "content",
            "content_span",
            "kind",
            "speaker",
            "speaker_span",
            "speaker_mention",
            "title",
            "org",
            "cue",
            "cue_span",
            "confidence",
        ] {
            assert!(q.get(k).is_some(), "quote lacks {k:?}: {q}");
        }
        assert!(["direct", "mixed", "indirect"].contains(&q["kind"].as_str().unwrap()), "{q}");
        let s = q["content_span"].as_array().unwrap();
        let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
        let got: String = chars[a..b].iter().collect();
        assert_eq!(got, q["content"].as_str().unwrap());
        if let Some(s) = q["cue_span"].as_array() {
            let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
            let got: String = chars[a..b].iter().collect();
            assert_eq!(got, q["cue"].as_str().unwrap());
        }
    }
}

// (b)
#[test]
fn output_is_deterministic() {
    let d = TempDir::new("b");
    let ex = example_path();
    for format in ["jsonl", "json", "text"] {
        let args = ["extract", ex.to_str().unwrap(), "--format", format];
        let o1 = run_in(d.path(), &args);
        let o2 = run_in(d.path(), &args);
        assert_eq!(o1.status.code(), Some(0), "{}", show(&o1));
        assert!(!o1.stdout.is_empty());
        assert_eq!(o1.stdout, o2.stdout, "two {format} runs differ");
    }
}

// (c)
#[test]
fn a_missing_file_is_one_line_naming_it() {
    let d = TempDir::new("c");
    let o = run_in(d.path(), &["extract", "no-such-article.txt", "--format", "jsonl"]);
    assert_fails_with(&o, &["no-such-article.txt"]);
    assert!(o.stdout.is_empty(), "{}", show(&o));
}

// (d)
#[test]
fn an_empty_file_is_named_as_empty() {
    let d = TempDir::new("d");
    std::fs::write(d.join("blank.txt"), "").unwrap();
    let o = run_in(d.path(), &["extract", "blank.txt", "--format", "jsonl"]);
    assert_fails_with(&o, &["blank.txt", "empty"]);
}

// (e)
#[test]
fn a_binary_file_in_a_directory_stops_the_run_unless_keep_going() {
    let d = TempDir::new("e");
    std::fs::create_dir(d.join("in")).unwrap();
    std::fs::write(d.join("in/good.txt"), good_text()).unwrap();
    std::fs::write(d.join("in/zbin.txt"), b"\x00\x01\x02binary\x00stuff").unwrap();

    let o = run_in(d.path(), &["extract", "in", "--format", "jsonl"]);
    assert_fails_with(&o, &["zbin.txt"]);

    let o = run_in(d.path(), &["extract", "in", "--format", "jsonl", "--keep-going"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let err = stderr(&o);
    assert!(err.contains("zbin.txt"), "no warning naming the bad file: {err:?}");
    assert!(err.to_lowercase().contains("warning"), "{err:?}");
    assert!(!err.contains("good.txt"), "{err:?}");
    let recs = parse_jsonl(&stdout(&o));
    assert_eq!(recs.len(), 1, "{}", show(&o));
    assert_eq!(recs[0]["id"], "good");
    assert_eq!(recs[0]["quotes"][0]["speaker"], "Ann Lee");
}

// (f)
#[test]
fn a_malformed_jsonl_line_is_named_by_number() {
    let d = TempDir::new("f");
    std::fs::write(
        d.join("corpus.jsonl"),
        "{\"id\":\"one\",\"text\":\"“Yes,” said Ann Lee.\"}\n{\"id\":\"two\",\"text\": \n{\"id\":\"three\",\"text\":\"x\"}\n",
    )
    .unwrap();
    let o = run_in(d.path(), &["extract", "corpus.jsonl", "--format", "jsonl"]);
    assert_fails_with(&o, &["corpus.jsonl", "line 2"]);
}

// (g)
#[test]
fn output_file_is_not_left_behind_on_failure() {
    let d = TempDir::new("g");
    std::fs::create_dir(d.join("out")).unwrap();
    // the failure comes after a good document has been written to the temporary file
    std::fs::write(d.join("corpus.jsonl"), "{\"id\":\"one\",\"text\":\"“Yes,” said Ann Lee.\"}\n{\"id\":\"two\",\"text\": \n").unwrap();
    let o = run_in(d.path(), &["extract", "corpus.jsonl", "-o", "out/OUT.jsonl"]);
    assert_fails_with(&o, &["corpus.jsonl", "line 2"]);
    assert!(!d.join("out/OUT.jsonl").exists(), "OUT.jsonl written despite the error");
    assert_eq!(d.entries("out"), Vec::<String>::new(), "files left in the output directory");

    // a missing input: nothing is created either
    let o = run_in(d.path(), &["extract", "missing.txt", "-o", "out/OUT.jsonl"]);
    assert_fails_with(&o, &["missing.txt"]);
    assert_eq!(d.entries("out"), Vec::<String>::new(), "files left in the output directory");

    // an existing output survives a failed run unchanged
    std::fs::write(d.join("out/OUT.jsonl"), "previous\n").unwrap();
    let o = run_in(d.path(), &["extract", "corpus.jsonl", "-o", "out/OUT.jsonl"]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert_eq!(std::fs::read_to_string(d.join("out/OUT.jsonl")).unwrap(), "previous\n");
    assert_eq!(d.entries("out"), vec!["OUT.jsonl".to_string()]);
}

#[test]
fn output_file_equals_stdout_on_success() {
    let d = TempDir::new("g2");
    std::fs::create_dir(d.join("out")).unwrap();
    let ex = example_path();
    let ex = ex.to_str().unwrap();
    let o = run_in(d.path(), &["extract", ex, "-o", "out/OUT.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(o.stdout.is_empty(), "output went to stdout too: {}", show(&o));
    let written = std::fs::read(d.join("out/OUT.jsonl")).expect("OUT.jsonl exists");
    let o2 = run_in(d.path(), &["extract", ex, "--format", "jsonl"]);
    assert_eq!(o2.status.code(), Some(0), "{}", show(&o2));
    assert_eq!(written, o2.stdout, "-o OUT.jsonl differs from --format jsonl on stdout");
    assert_eq!(d.entries("out"), vec!["OUT.jsonl".to_string()], "temporary files left behind");
}

/// `-o /dev/null` or `-o FIFO` writes into the device or pipe: renaming a temporary file
/// over it would replace it with a regular file (as root, even /dev/null).
#[cfg(unix)]
#[test]
fn output_to_a_pipe_writes_into_it_and_keeps_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let d = TempDir::new("fifo");
    let fifo = d.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let ex = example_path();
    let ex = ex.to_str().unwrap();
    let o = run_in(d.path(), &["extract", ex, "--format", "jsonl", "-o", "pipe"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    // checked before joining: a reader of a replaced pipe would wait forever
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe was replaced by a file");
    let got = reader.join().unwrap();
    let o2 = run_in(d.path(), &["extract", ex, "--format", "jsonl"]);
    assert_eq!(got, o2.stdout, "what came through the pipe differs from stdout");
    assert_eq!(d.entries(""), vec!["pipe".to_string()], "temporary files left behind");
}

// (h)
#[test]
fn inputs_are_not_modified() {
    let d = TempDir::new("h");
    let original = std::fs::read(example_path()).unwrap();
    std::fs::write(d.join("article.txt"), &original).unwrap();
    let corpus = "{\"id\":\"one\",\"text\":\"“Yes,” said Ann Lee.\"}\n";
    std::fs::write(d.join("corpus.jsonl"), corpus).unwrap();
    for args in [
        &["extract", "article.txt", "corpus.jsonl", "--format", "jsonl"][..],
        &["extract", "article.txt", "-o", "result.json"][..],
        &["extract", ".", "--format", "text", "--with-text"][..],
    ] {
        let o = run_in(d.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", show(&o));
        assert_eq!(std::fs::read(d.join("article.txt")).unwrap(), original, "{args:?} changed the input");
        assert_eq!(std::fs::read_to_string(d.join("corpus.jsonl")).unwrap(), corpus, "{args:?} changed the input");
    }
}

// (i)
#[test]
fn text_format_lists_speakers_with_line_and_column() {
    let d = TempDir::new("i");
    let ex = example_path();
    let o = run_in(d.path(), &["extract", ex.to_str().unwrap(), "--format", "text"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.contains("Dmytro Kuleba"), "{out}");
    let re = regex::Regex::new(r"^(\d+):(\d+)\t").unwrap();
    let line = out.lines().find(|l| l.contains("Dmytro Kuleba")).unwrap();
    let caps = re.captures(line).unwrap_or_else(|| panic!("no line:col prefix: {line:?}"));
    // the position points at the start of the quoted words
    let (ln, col): (usize, usize) = (caps[1].parse().unwrap(), caps[2].parse().unwrap());
    let text = example_text();
    let at: String = text.split('\n').nth(ln - 1).unwrap().chars().skip(col - 1).collect();
    assert!(at.starts_with("Any settlement"), "{ln}:{col} points at {at:?}");
    assert!(out.lines().skip(1).all(|l| re.is_match(l)), "{out}");
}

// (j)
#[test]
fn stdin_input_gives_the_same_quotes() {
    let d = TempDir::new("j");
    let text = example_text();
    let o = run_with_stdin(d.path(), &["extract", "-", "--format", "jsonl"], text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let from_stdin = parse_jsonl(&stdout(&o));
    assert_eq!(from_stdin.len(), 1);
    assert_eq!(from_stdin[0]["id"], "stdin");
    let ex = example_path();
    let o = run_in(d.path(), &["extract", ex.to_str().unwrap(), "--format", "jsonl"]);
    let from_file = parse_jsonl(&stdout(&o));
    assert!(!from_stdin[0]["quotes"].as_array().unwrap().is_empty());
    assert_eq!(from_stdin[0]["quotes"], from_file[0]["quotes"]);
}

// (k)
#[test]
fn a_lexicon_file_adds_a_speech_verb() {
    let d = TempDir::new("k");
    std::fs::write(d.join("words.toml"), "[cues]\nspeech = [\"harrumph\", \"harrumphs\", \"harrumphed\"]\n").unwrap();
    std::fs::write(d.join("doc.txt"), "“No,” harrumphed Jane Doe.\n").unwrap();
    let o = run_in(d.path(), &["extract", "doc.txt", "--format", "jsonl", "--lexicon", "words.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let recs = parse_jsonl(&stdout(&o));
    let quotes = recs[0]["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q["speaker"] == "Jane Doe" && q["content"].as_str().unwrap().starts_with("No")), "{}", show(&o));
    let q = quotes.iter().find(|q| q["speaker"] == "Jane Doe").unwrap();
    assert_eq!(q["cue"], "harrumphed");
}

#[test]
fn a_broken_lexicon_file_names_file_and_line() {
    let d = TempDir::new("k2");
    std::fs::write(d.join("broken.toml"), "[cues]\nspeech = [\"harrumphed\",\n").unwrap();
    std::fs::write(d.join("doc.txt"), good_text()).unwrap();
    let o = run_in(d.path(), &["extract", "doc.txt", "--format", "jsonl", "--lexicon", "broken.toml"]);
    assert_fails_with(&o, &["broken.toml", "line"]);
    assert!(o.stdout.is_empty(), "{}", show(&o));
}

#[test]
fn the_number_of_threads_does_not_change_a_byte() {
    let d = TempDir::new("jobs");
    // a corpus of many small documents, so that batches are shared among threads
    let mut corpus = String::new();
    let text = example_text();
    for i in 0..300 {
        let line = serde_json::json!({"id": format!("doc-{i:03}"), "text": if i % 3 == 0 { text.as_str() } else { good_text() }});
        corpus.push_str(&line.to_string());
        corpus.push('\n');
    }
    std::fs::write(d.join("c.jsonl"), corpus).unwrap();
    for cmd in [["extract", "--format", "jsonl"], ["report", "--format", "json"]] {
        let outs: Vec<Vec<u8>> = ["1", "2", "5"]
            .iter()
            .map(|j| {
                let o = run_in(d.path(), &[cmd[0], cmd[1], cmd[2], "--jobs", j, "c.jsonl"]);
                assert!(o.status.success(), "{}", show(&o));
                o.stdout
            })
            .collect();
        assert!(!outs[0].is_empty());
        assert!(outs.windows(2).all(|w| w[0] == w[1]), "{} differs with the number of threads", cmd[0]);
    }
}

#[test]
fn merging_shard_reports_gives_the_report_of_all_inputs_byte_for_byte() {
    let d = TempDir::new("merge");
    let text = example_text();
    let mut a = String::new();
    let mut b = String::new();
    for i in 0..6 {
        let t = if i % 2 == 0 { text.as_str() } else { good_text() };
        let line = serde_json::json!({"id": format!("doc-{i}"), "text": t}).to_string() + "\n";
        if i < 3 {
            a.push_str(&line)
        } else {
            b.push_str(&line)
        }
    }
    // a person named in full in one shard and by surname alone in the other
    let namesakes = std::fs::read_to_string(fixture("namesakes.jsonl")).unwrap();
    let (full, surname) = namesakes.split_once('\n').unwrap();
    a.push_str(&format!("{full}\n"));
    b.push_str(surname);
    std::fs::write(d.join("a.jsonl"), a).unwrap();
    std::fs::write(d.join("b.jsonl"), b).unwrap();
    for args in [
        &["report", "a.jsonl", "b.jsonl", "-o", "all.json"][..],
        &["report", "a.jsonl", "-o", "ra.json"],
        &["report", "b.jsonl", "-o", "rb.json"],
        &["merge", "ra.json", "rb.json", "-o", "merged.json"],
    ] {
        let o = run_in(d.path(), args);
        assert!(o.status.success(), "{}", show(&o));
    }
    let all = std::fs::read(d.join("all.json")).unwrap();
    assert!(all.len() > 1000);
    assert_eq!(all, std::fs::read(d.join("merged.json")).unwrap());
    let v: serde_json::Value = serde_json::from_slice(&all).unwrap();
    assert!(v["people"].as_array().unwrap().iter().all(|p| p["id"] != "person:kowalczyk"));
    let rb: serde_json::Value = serde_json::from_slice(&std::fs::read(d.join("rb.json")).unwrap()).unwrap();
    assert!(rb["people"].as_array().unwrap().iter().any(|p| p["id"] == "person:kowalczyk"), "the shard alone cannot merge");
    // and a file that is no report is named as such
    let o = run_in(d.path(), &["merge", "a.jsonl"]);
    assert_fails_with(&o, &["a.jsonl", "not a quotegraph report"]);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The people of a report and the speaker of each statement.
fn people_and_speakers(v: &serde_json::Value) -> (Vec<String>, Vec<(String, String)>) {
    let people = v["people"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
    let speakers = v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), s["speaker"].as_str().unwrap_or("").to_string()))
        .collect();
    (people, speakers)
}

#[test]
fn a_surname_in_one_article_is_the_full_name_of_another() {
    let d = TempDir::new("namesakes");
    let o = run_in(d.path(), &["report", fixture("namesakes.jsonl").to_str().unwrap(), "-o", "r.json"]);
    assert!(o.status.success(), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(d.join("r.json")).unwrap()).unwrap();
    let (people, speakers) = people_and_speakers(&v);
    assert_eq!(people, ["person:marta-kowalczyk", "person:tom-hale"]);
    let marta = |id: &str| (id.to_string(), "person:marta-kowalczyk".to_string());
    assert_eq!(
        speakers,
        [
            marta("stmt:budget-1:0001"),
            marta("stmt:budget-1:0002"),
            marta("stmt:budget-2:0001"),
            marta("stmt:budget-2:0002"),
            ("stmt:budget-2:0003".to_string(), "person:tom-hale".to_string())
        ]
    );
    let p = &v["people"][0];
    assert_eq!(p["aliases"], serde_json::json!(["Kowalczyk", "Ms Kowalczyk"]));
    assert_eq!(p["titles"], serde_json::json!(["Finance Minister"]));
    let found: Vec<&str> = p["merged"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(found, ["person:kowalczyk", "person:marta-kowalczyk"]);
    // the matrix, the conflict and the timeline know one Marta Kowalczyk
    let text = std::str::from_utf8(&std::fs::read(d.join("r.json")).unwrap()).unwrap().to_string();
    assert!(!v["matrix"].to_string().contains("person:kowalczyk") && !v["divergence"].to_string().contains("person:kowalczyk"), "{text}");
    assert_eq!(v["divergence"]["conflicts"][0]["a_name"], "Marta Kowalczyk");
    let o = run_in(d.path(), &["report", fixture("namesakes.jsonl").to_str().unwrap(), "--person", "Marta Kowalczyk", "--format", "text"]);
    assert!(o.status.success(), "{}", show(&o));
    assert!(stdout(&o).starts_with("== Marta Kowalczyk (person:marta-kowalczyk): 4 statements"), "{}", stdout(&o));
}

#[test]
fn a_shard_merge_of_namesakes_is_taken_apart_when_another_shard_makes_the_surname_ambiguous() {
    let d = TempDir::new("namesakes-shards");
    std::fs::copy(fixture("namesakes.jsonl"), d.join("a.jsonl")).unwrap();
    // another Kowalczyk, a woman too, with neither title nor organization in common
    let other = serde_json::json!({"id": "budget-3", "text": "Historian Anna Kowalczyk said the city had seen such plans before."});
    std::fs::write(d.join("b.jsonl"), other.to_string() + "\n").unwrap();
    for args in [
        &["report", "a.jsonl", "b.jsonl", "-o", "all.json"][..],
        &["report", "a.jsonl", "-o", "ra.json"],
        &["report", "b.jsonl", "-o", "rb.json"],
        &["merge", "ra.json", "rb.json", "-o", "merged.json"],
        &["merge", "rb.json", "ra.json", "-o", "merged-ba.json"],
    ] {
        let o = run_in(d.path(), args);
        assert!(o.status.success(), "{args:?}: {}", show(&o));
    }
    let read = |f: &str| serde_json::from_slice::<serde_json::Value>(&std::fs::read(d.join(f)).unwrap()).unwrap();
    assert_eq!(people_and_speakers(&read("ra.json")).0, ["person:marta-kowalczyk", "person:tom-hale"]);
    let (people, speakers) = people_and_speakers(&read("all.json"));
    assert_eq!(people, ["person:anna-kowalczyk", "person:kowalczyk", "person:marta-kowalczyk", "person:tom-hale"]);
    assert_eq!(speakers.iter().filter(|(_, sp)| sp == "person:kowalczyk").count(), 2);
    let all = std::fs::read(d.join("all.json")).unwrap();
    assert_eq!(all, std::fs::read(d.join("merged.json")).unwrap());
    assert_eq!(all, std::fs::read(d.join("merged-ba.json")).unwrap());
}

/// The `data-a` numbers of the highlighted attributions in a view page (a highlight split
/// where a cue crosses it keeps its number in every piece).
fn highlighted(html: &str) -> std::collections::BTreeSet<String> {
    let re = regex::Regex::new(r#"<mark class="qv-q [^"]*" data-a="(\d+)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

#[test]
fn view_of_the_example_highlights_every_attribution() {
    let d = TempDir::new("view");
    let ex = example_path();
    let ex = ex.to_str().unwrap();
    let o = run_in(d.path(), &["extract", ex, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", show(&o));
    let n = parse_jsonl(&stdout(&o))[0]["quotes"].as_array().unwrap().len();
    assert!(n > 10);
    let o = run_in(d.path(), &["view", ex, "-o", "a.html"]);
    assert!(o.status.success(), "{}", show(&o));
    let html = std::fs::read_to_string(d.join("a.html")).unwrap();
    assert_eq!(highlighted(&html).len(), n, "highlighted attributions");
    // one tab stop per attribution, each with its speaker in the tooltip
    assert_eq!(html.matches("tabindex=\"0\"").count(), n);
    assert!(html.contains("title=\"5. Dmytro Kuleba&#10;Foreign Minister, Ukraine&#10;direct · confidence"), "Kuleba's tooltip");
    assert!(html.contains("<span class=\"qv-cue\""));
    assert!(!html.contains("qv-un\" data-u"), "the example has no unattributed quotation");
    // the text is all there, paragraph by paragraph
    let paragraphs = example_text().split("\n\n").filter(|p| !p.trim().is_empty()).count();
    let text = &html[html.find("<div class=\"qv-text\">").unwrap()..];
    assert_eq!(text[..text.find("</div>").unwrap()].matches("\n<p>").count(), paragraphs);
    // stdout is the same page
    let o = run_in(d.path(), &["view", ex]);
    assert_eq!(o.stdout, std::fs::read(d.join("a.html")).unwrap());
}

#[test]
fn view_shows_a_quotation_nobody_is_credited_with() {
    let d = TempDir::new("view-un");
    std::fs::write(
        d.join("a.txt"),
        "“We will never give up the fight for this town.”\n\n\
         Ann Lee, the council leader, spoke later. “The banner stays until the vote,” she said.\n\n\
         Opponents called it a “cheap stunt”.\n",
    )
    .unwrap();
    let o = run_in(d.path(), &["view", "a.txt"]);
    assert!(o.status.success(), "{}", show(&o));
    let html = stdout(&o);
    let re = regex::Regex::new(r#"<mark class="qv-un" data-u="1"[^>]*>([^<]*)</mark>"#).unwrap();
    let caps = re.captures(&html).unwrap_or_else(|| panic!("no unattributed quotation: {html}"));
    assert_eq!(&caps[1], "“We will never give up the fight for this town.”");
    assert_eq!(html.matches("data-u=").count(), 1, "a two-word scare quote is not flagged");
    assert!(html.contains("no speaker found"));
    assert!(!highlighted(&html).is_empty(), "Ann Lee's quotation is highlighted");
}

#[test]
fn view_picks_a_document_of_a_corpus_by_id() {
    let d = TempDir::new("view-id");
    let corpus = fixture("timeline.jsonl");
    let corpus = corpus.to_str().unwrap();
    let o = run_in(d.path(), &["view", corpus]);
    assert!(o.status.success(), "{}", show(&o));
    assert!(stdout(&o).contains("Minister turns on tax cuts"), "the first document by default");
    let o = run_in(d.path(), &["view", corpus, "--id", "post-0309", "--id", "star-0305"]);
    let html = stdout(&o);
    assert!(html.contains("Lee back on tax cuts") && html.contains("Budget talks") && !html.contains("Minister turns"), "{html}");
    let o = run_in(d.path(), &["view", corpus, "--all"]);
    assert_eq!(stdout(&o).matches("<article class=\"qv-article\"").count(), 4);
    let o = run_in(d.path(), &["view", corpus, "--id", "nope"]);
    assert_fails_with(&o, &["nope"]);
}

#[test]
fn person_timeline_lists_statements_by_date_then_outlet_and_marks_stance_changes() {
    let d = TempDir::new("timeline");
    let corpus = fixture("timeline.jsonl");
    let corpus = corpus.to_str().unwrap();
    let o = run_in(d.path(), &["report", corpus, "--person", "Ann Lee", "--format", "text"]);
    assert!(o.status.success(), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.starts_with("== Ann Lee (person:ann-lee): 4 statements, 2 concepts, 2 stance changes\n"), "{out}");
    assert!(!out.contains("Bo Kim"), "{out}");
    let economy: Vec<&str> = out.lines().filter(|l| l.contains("Sanctions and the economy")).collect();
    let order: Vec<(&str, &str)> = economy.iter().map(|l| (&l[..10], l[12..].split("  ").next().unwrap())).collect();
    assert_eq!(
        order,
        [("2021-03-01", "Morning Post"), ("2021-03-05", "Daily Ledger"), ("2021-03-05", "Evening Star"), ("2021-03-09", "Morning Post")],
        "{out}"
    );
    assert!(economy[1].contains("disagree  “We reject tax cuts for now,”  ← stance changes (agree → disagree)"), "{out}");
    assert!(!economy[2].contains("←"), "a neutral statement changes nothing: {out}");
    assert!(economy[3].ends_with("← stance changes (disagree → agree)"), "{out}");
    assert_eq!(out.matches("← stance changes").count(), 2);
    // deterministic, and the same from a file named .txt
    let o2 = run_in(d.path(), &["report", corpus, "--person", "Ann Lee", "-o", "t.txt"]);
    assert!(o2.status.success(), "{}", show(&o2));
    assert_eq!(std::fs::read_to_string(d.join("t.txt")).unwrap(), out);
}

#[test]
fn html_report_has_a_timeline_for_one_person_and_articles_for_few_documents() {
    let d = TempDir::new("timeline-html");
    let corpus = fixture("timeline.jsonl");
    let corpus = corpus.to_str().unwrap();
    let html = |args: &[&str]| {
        let mut all = vec!["report", corpus, "--format", "html"];
        all.extend_from_slice(args);
        let o = run_in(d.path(), &all);
        assert!(o.status.success(), "{}", show(&o));
        stdout(&o)
    };
    let one = html(&["--person", "Ann Lee"]);
    let section = &one[one.find("<section id=\"timeline\"").expect("a timeline section")..one.find("<section id=\"diverge\"").unwrap()];
    assert_eq!(section.matches("class=\"change\"").count(), 2);
    assert!(section.find("We support tax cuts").unwrap() < section.find("We reject tax cuts").unwrap());
    // all four documents, annotated, collapsed
    assert_eq!(one.matches("<details class=\"article\"").count(), 4);
    assert!(!one.contains("<details class=\"article\" open"));
    // two people: no timeline unless asked for
    let both = html(&[]);
    assert!(!both.contains("<section id=\"timeline\""));
    assert!(html(&["--timeline"]).contains("<section id=\"timeline\""));
    // a filter that drops documents drops their articles too
    let from = html(&["--from", "2021-03-05"]);
    assert_eq!(from.matches("<details class=\"article\"").count(), 3);
    // the JSON report does not change with --timeline
    let json = |args: &[&str]| {
        let mut all = vec!["report", corpus, "--format", "json"];
        all.extend_from_slice(args);
        run_in(d.path(), &all).stdout
    };
    assert_eq!(json(&[]), json(&["--timeline"]));
}

#[test]
fn a_report_on_many_documents_has_no_articles() {
    let d = TempDir::new("many");
    let mut corpus = String::new();
    for i in 0..21 {
        corpus.push_str(&serde_json::json!({"id": format!("d{i:02}"), "text": good_text()}).to_string());
        corpus.push('\n');
    }
    std::fs::write(d.join("c.jsonl"), &corpus).unwrap();
    let o = run_in(d.path(), &["report", "c.jsonl", "--format", "html"]);
    assert!(o.status.success(), "{}", show(&o));
    assert!(!stdout(&o).contains("<section id=\"articles\""));
    // twenty is still few
    let twenty: String = corpus.lines().take(20).map(|l| format!("{l}\n")).collect();
    std::fs::write(d.join("c.jsonl"), twenty).unwrap();
    let o = run_in(d.path(), &["report", "c.jsonl", "--format", "html"]);
    assert_eq!(stdout(&o).matches("<details class=\"article\"").count(), 20);
}

/// Two shards of a dated corpus: the example and a short article, in three months,
/// with an undated document and one whose date is no date.
fn dated_shards(d: &TempDir) {
    let text = example_text();
    let dates = [Some("2015-10-30"), Some("2015-11-02T09:00:00Z"), None, Some("2015-11-30"), Some("soon"), Some("2015-12-01")];
    let mut shards = [String::new(), String::new()];
    for (i, date) in dates.iter().enumerate() {
        let t = if i % 2 == 0 { text.as_str() } else { good_text() };
        let mut doc = serde_json::json!({"id": format!("doc-{i}"), "text": t});
        if let Some(date) = date {
            doc["date"] = serde_json::json!(date);
        }
        shards[i / 3].push_str(&(doc.to_string() + "\n"));
    }
    std::fs::write(d.join("a.jsonl"), &shards[0]).unwrap();
    std::fs::write(d.join("b.jsonl"), &shards[1]).unwrap();
}

#[test]
fn merging_windowed_shard_reports_gives_the_windowed_report_of_all_inputs_byte_for_byte() {
    let d = TempDir::new("mergewin");
    dated_shards(&d);
    for args in [
        &["report", "a.jsonl", "b.jsonl", "--window", "month", "-o", "all.json"][..],
        &["report", "a.jsonl", "--window", "month", "-o", "ra.json"],
        &["report", "b.jsonl", "--window", "month", "-o", "rb.json"],
        &["merge", "ra.json", "rb.json", "-o", "merged.json"],
        &["merge", "ra.json", "rb.json", "--window", "month", "-o", "merged-flag.json"],
        // shards built without windows, windows asked for at the merge
        &["report", "a.jsonl", "-o", "pa.json"],
        &["report", "b.jsonl", "-o", "pb.json"],
        &["merge", "pa.json", "pb.json", "--window", "month", "-o", "merged-plain.json"],
    ] {
        let o = run_in(d.path(), args);
        assert!(o.status.success(), "{args:?}: {}", show(&o));
    }
    let all = std::fs::read(d.join("all.json")).unwrap();
    for merged in ["merged.json", "merged-flag.json", "merged-plain.json"] {
        assert_eq!(all, std::fs::read(d.join(merged)).unwrap(), "{merged} differs from the report of all inputs");
    }
    let v: serde_json::Value = serde_json::from_slice(&all).unwrap();
    assert_eq!(v["window"], "month");
    let windows = v["windows"].as_array().unwrap();
    let keys: Vec<&str> = windows.iter().map(|w| w["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["2015-10", "2015-11", "2015-12", "undated"]);
    let docs: Vec<u64> = windows.iter().map(|w| w["documents"].as_u64().unwrap()).collect();
    assert_eq!(docs, [1, 2, 1, 2]);
    assert_eq!(windows[1]["start"], "2015-11-01");
    assert_eq!(windows[1]["end"], "2015-11-30");
    assert!(windows[3]["start"].is_null() && windows[3]["end"].is_null());
    let statements: u64 = windows.iter().map(|w| w["statements"].as_u64().unwrap()).sum();
    assert_eq!(statements as usize, v["statements"].as_array().unwrap().len());
    assert!(!windows[0]["matrix"].as_array().unwrap().is_empty());
    // without --window the report has no windows
    let plain: serde_json::Value = serde_json::from_slice(&std::fs::read(d.join("pa.json")).unwrap()).unwrap();
    assert!(plain.get("windows").is_none() && plain.get("window").is_none());
    // shards sliced differently cannot be merged without saying how
    let o = run_in(d.path(), &["report", "b.jsonl", "--window", "week", "-o", "rw.json"]);
    assert!(o.status.success(), "{}", show(&o));
    let o = run_in(d.path(), &["merge", "ra.json", "rw.json", "-o", "bad.json"]);
    assert_fails_with(&o, &["different sizes", "--window"]);
    let o = run_in(d.path(), &["merge", "ra.json", "rw.json", "--window", "month", "-o", "ok.json"]);
    assert!(o.status.success(), "{}", show(&o));
    assert_eq!(all, std::fs::read(d.join("ok.json")).unwrap());
}

#[test]
fn windows_in_csv_are_a_windows_sibling() {
    let d = TempDir::new("wincsv");
    dated_shards(&d);
    let o = run_in(d.path(), &["report", "a.jsonl", "b.jsonl", "--window", "year", "-o", "out.csv"]);
    assert!(o.status.success(), "{}", show(&o));
    assert_eq!(d.entries("."), ["a.jsonl", "b.jsonl", "out.csv", "out.edges.csv", "out.nodes.csv", "out.windows.csv"]);
    let csv = std::fs::read_to_string(d.join("out.windows.csv")).unwrap();
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("window,start,end,documents,statements,actor,concept,agree,disagree,neutral,total"));
    assert!(csv.ends_with("\r\n"));
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert!(rows.iter().any(|r| r.starts_with("2015,2015-01-01,2015-12-31,4,")), "{csv}");
    assert!(rows.iter().any(|r| r.starts_with("undated,,,2,")), "{csv}");
    // without --window, no windows file
    let o = run_in(d.path(), &["report", "a.jsonl", "-o", "plain.csv"]);
    assert!(o.status.success(), "{}", show(&o));
    assert!(!d.join("plain.windows.csv").exists());
}

fn html_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(name)
}

/// The code points `span` ([start, end]) covers in `text`.
fn at(text: &[char], span: &serde_json::Value) -> String {
    let s = span.as_array().unwrap_or_else(|| panic!("not a span: {span}"));
    let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
    assert!(a <= b && b <= text.len(), "span {span} outside a text of {} code points", text.len());
    text[a..b].iter().collect()
}

#[test]
fn an_html_page_gives_its_attributions_with_offsets_into_the_extracted_text() {
    let d = TempDir::new("html");
    let page = html_fixture("harbour-strike.html");
    let o = run_in(d.path(), &["extract", page.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let doc = &v.as_array().unwrap()[0];
    assert_eq!(doc["id"], "harbour-strike");
    assert_eq!(doc["title"], "Dock strike ends after three days of talks");
    assert_eq!(doc["date"], "2015-11-09T08:15:00Z");
    assert_eq!(doc["source"], "The Harbour Gazette");
    assert_eq!(doc["url"], "https://gazette.example/news/2015/11/dock-strike-ends");
    let text = doc["text"].as_str().unwrap();
    // the article's paragraphs, entities decoded; no navigation, sidebar, caption, promotion, script or footer
    assert!(text.starts_with("The dock workers’ strike at Port Ellis ended on Monday after three days of talks"), "{text}");
    assert!(text.contains("talks between the union and the harbour authority.\n\n“We are satisfied"), "{text}");
    assert!(text.contains("pay by 4% & shorten"), "{text}");
    for furniture in ["Business", "Bob Roe", "Most read", "banner", "Subscribe", "Independent since", "dataLayer", "Sam Writer"] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    let chars: Vec<char> = text.chars().collect();
    let quotes = doc["quotes"].as_array().unwrap();
    let q = quotes.iter().find(|q| q["content"] == "We are satisfied with the offer,").unwrap_or_else(|| panic!("{}", show(&o)));
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["speaker"], "Jane Doe");
    assert_eq!(q["title"], "spokeswoman");
    assert_eq!(q["cue"], "said");
    assert_eq!(at(&chars, &q["speaker_span"]), "Jane Doe");
    // every span of every quote maps into the text given
    for q in quotes {
        assert_eq!(at(&chars, &q["content_span"]), q["content"].as_str().unwrap(), "{q}");
        if !q["cue_span"].is_null() {
            assert_eq!(at(&chars, &q["cue_span"]), q["cue"].as_str().unwrap(), "{q}");
        }
        if !q["speaker_span"].is_null() {
            assert!(q["speaker_mention"].as_str().unwrap().contains(&at(&chars, &q["speaker_span"])), "{q}");
        }
        assert!(at(&chars, &q["sentence_span"]).contains(q["content"].as_str().unwrap()), "{q}");
    }
    // the JSON Lines contract is the same record without url and text
    let o = run_in(d.path(), &["extract", page.to_str().unwrap(), "--format", "jsonl"]);
    let recs = parse_jsonl(&stdout(&o));
    assert_eq!(recs[0]["quotes"], doc["quotes"]);
    assert!(recs[0].get("url").is_none() && recs[0].get("text").is_none(), "{}", show(&o));
}

#[test]
fn a_jsonl_document_url_is_in_pretty_json_only() {
    let d = TempDir::new("url");
    std::fs::write(d.join("c.jsonl"), "{\"id\":\"one\",\"text\":\"“Yes,” said Ann Lee.\",\"url\":\"https://x.example/one\"}\n").unwrap();
    let o = run_in(d.path(), &["extract", "c.jsonl", "--format", "jsonl", "--with-text"]);
    assert!(!stdout(&o).contains("url"), "{}", show(&o));
    let o = run_in(d.path(), &["extract", "c.jsonl", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["url"], "https://x.example/one");
}

#[test]
fn a_directory_mixing_text_and_html_files() {
    let d = TempDir::new("mixed");
    std::fs::create_dir_all(d.join("news/pages")).unwrap();
    std::fs::write(d.join("news/a-wire.txt"), good_text()).unwrap();
    std::fs::copy(html_fixture("harbour-strike.html"), d.join("news/pages/harbour-strike.html")).unwrap();
    std::fs::copy(html_fixture("council-vote.htm"), d.join("news/council-vote.htm")).unwrap();
    std::fs::write(d.join("news/pages/site.css"), "p { color: red }").unwrap();
    let o = run_in(d.path(), &["extract", "news", "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let recs = parse_jsonl(&stdout(&o));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a-wire", "council-vote", "pages/harbour-strike"]);
    let speaker = |i: usize| recs[i]["quotes"][0]["speaker"].as_str().unwrap_or("").to_string();
    assert_eq!([speaker(0), speaker(1), speaker(2)], ["Ann Lee", "Priya Shah", "Jane Doe"]);
    assert_eq!(recs[1]["date"], "2016-01-04T17:20:00+00:00");
    assert_eq!(recs[1]["source"], "Riverside Post");
    // a report keeps the pages' dates and outlets
    let o = run_in(d.path(), &["report", "news", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let doc = r["documents"].as_array().unwrap().iter().find(|x| x["id"] == "pages/harbour-strike").unwrap().clone();
    assert_eq!((doc["date"].as_str(), doc["source"].as_str()), (Some("2015-11-09T08:15:00Z"), Some("The Harbour Gazette")));
}

#[test]
fn a_bad_html_file_is_one_line_and_keep_going_skips_it() {
    let d = TempDir::new("badhtml");
    std::fs::create_dir(d.join("in")).unwrap();
    std::fs::copy(html_fixture("harbour-strike.html"), d.join("in/good.html")).unwrap();
    std::fs::write(d.join("in/menu-only.html"), "<html><body><nav><p>Home</p></nav><img src=x></body></html>").unwrap();
    std::fs::write(d.join("in/picture.htm"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    std::fs::write(d.join("in/latin1.html"), b"<p>caf\xe9</p>").unwrap();
    for (file, problem) in [("menu-only.html", "no article text"), ("picture.htm", "binary"), ("latin1.html", "not valid UTF-8")] {
        let o = run_in(d.path(), &["extract", &format!("in/{file}"), "--format", "jsonl"]);
        assert_fails_with(&o, &[file, problem]);
    }
    let o = run_in(d.path(), &["extract", "in", "--format", "jsonl"]);
    assert_fails_with(&o, &["in/latin1.html"]);
    let o = run_in(d.path(), &["extract", "in", "--format", "jsonl", "--keep-going"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert_eq!(stderr(&o).matches("warning").count(), 3, "{}", show(&o));
    let recs = parse_jsonl(&stdout(&o));
    assert_eq!(recs.len(), 1, "{}", show(&o));
    assert_eq!(recs[0]["id"], "good");
}

#[test]
fn an_html_page_on_stdin_is_read_as_html() {
    let d = TempDir::new("htmlstdin");
    let page = std::fs::read(html_fixture("harbour-strike.html")).unwrap();
    let o = run_with_stdin(d.path(), &["extract", "-", "--format", "jsonl"], &page);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let recs = parse_jsonl(&stdout(&o));
    assert_eq!(recs[0]["title"], "Dock strike ends after three days of talks");
    assert_eq!(recs[0]["quotes"][0]["speaker"], "Jane Doe");
}
