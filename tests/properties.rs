//! Properties that hold for any input: the pipeline never panics, every span it
//! emits lies inside the text on char boundaries, and the code-point spans of the
//! JSON Lines contract map back to the same strings.

use std::sync::OnceLock;

use proptest::prelude::*;

use quotegraph::export::quotes;
use quotegraph::lexicon::Lexicon;
use quotegraph::model::{Attribution, Document, Span};

fn lex() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::default_lexicon)
}

const QUOTE_MARKS: &[&str] = &["“", "”", "\"", "‘", "’", "«", "»", "„", "‚", "''", "``", "'", "‹", "›", "「", "」"];
const CUES: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "said that",
    "according to",
    "warned",
    "added",
    "noted",
    "per",
    "in a statement",
    "told",
    "stating:",
    "called it",
    "reports",
];
const ROLES: &[&str] = &[
    "a spokeswoman",
    "the minister",
    "President",
    "Foreign Minister",
    "the Kremlin",
    "officials",
    "UN data",
    "he",
    "she",
    "they",
    "who",
    "U.S.",
    "Dr.",
    "Mr.",
    "EU foreign policy chief",
    "IMF figures",
    "analysts",
];
const ODD: &[&str] = &[
    "é",
    "—",
    "–",
    "…",
    "😀",
    "👍🏽",
    "\u{200b}",
    "\u{a0}",
    "\u{feff}",
    "ß",
    "İ",
    "ﬁ",
    "e\u{301}",
    "中文",
    "שלום",
    "\r\n",
    "\t",
    "\u{2028}",
    "Ǆ",
    "ǅ",
    "ΣΑΣ",
    "\u{0}",
    "\u{7f}",
    "$",
    "%",
    "(",
    ")",
    "[",
    "]",
    ";",
    ":",
    "?",
    "!",
    "-",
    "•",
    "  ",
    "\u{10ffff}",
];

fn pick(xs: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(xs).prop_map(str::to_string)
}

/// One piece of a news-like text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Z][a-z]{1,8}( [A-Z][a-zé]{1,10}){0,2}",
        3 => "[a-z]{1,9}",
        2 => pick(CUES),
        2 => pick(ROLES),
        3 => pick(QUOTE_MARKS),
        1 => pick(ODD),
        3 => pick(&[" ", " ", " ", ", ", ". ", ".", ",", "\n", "\n\n", " \n \n", "  • "]),
        1 => "[0-9]{1,4}(\\.[0-9])?%?",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// A sentence shaped like an attribution, with random pieces in its slots.
fn template() -> impl Strategy<Value = String> {
    let name = "[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}";
    let words = proptest::collection::vec("[a-zé]{1,8}", 1..8).prop_map(|w| w.join(" "));
    (0..6usize, pick(QUOTE_MARKS), pick(QUOTE_MARKS), words, pick(CUES), name, pick(ROLES), pick(ODD)).prop_map(
        |(shape, open, close, words, cue, name, role, odd)| match shape {
            0 => format!("{open}{words},{close} {cue} {name}, {role}."),
            1 => format!("{role} {name} {cue}: {open}{words}.{close}"),
            2 => format!("{name} {cue} {words}{odd}"),
            3 => format!("{open}{words}{odd}{close} {role} {cue}."),
            4 => format!("{cue} {role}, {words} {open}{words}{close}"),
            _ => format!("{open}{words}{close}{odd}{cue}{name}"),
        },
    )
}

fn news_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec(prop_oneof![3 => fragment(), 1 => template()], 0..60)
            .prop_map(|parts| parts.concat()),
        2 => proptest::collection::vec(template(), 1..6).prop_map(|parts| parts.join(
            if parts.len() % 2 == 0 { "\n\n" } else { " " })),
        1 => any::<String>(),
    ]
}

fn check_span(text: &str, s: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.start <= s.end, "{what} {s:?}: start after end");
    prop_assert!(s.end <= text.len(), "{what} {s:?}: beyond the text ({} bytes)", text.len());
    prop_assert!(text.is_char_boundary(s.start), "{what} {s:?}: start not on a char boundary");
    prop_assert!(text.is_char_boundary(s.end), "{what} {s:?}: end not on a char boundary");
    Ok(())
}

fn check_attributions(text: &str, atts: &[Attribution]) -> Result<(), TestCaseError> {
    for (i, a) in atts.iter().enumerate() {
        check_span(text, a.content, "content")?;
        prop_assert!(!a.content.of(text).is_empty(), "attribution {i}: empty content at {:?}", a.content);
        check_span(text, a.sentence, "sentence")?;
        if let Some(c) = a.cue {
            check_span(text, c, "cue")?;
        }
        if let Some(m) = &a.mention {
            check_span(text, m.span, "mention span")?;
            check_span(text, m.head, "mention head")?;
            if let Some(ap) = m.apposition {
                check_span(text, ap, "mention apposition")?;
            }
            if let Some(r) = m.relative {
                check_span(text, r, "mention relative")?;
            }
        }
        if let Some(k) = a.continues {
            prop_assert!(k < atts.len(), "attribution {i} continues {k}, but there are {}", atts.len());
        }
        prop_assert!((0.0..=1.0).contains(&a.confidence), "attribution {i}: confidence {}", a.confidence);
    }
    Ok(())
}

fn chars_of(chars: &[char], s: [usize; 2]) -> Result<String, TestCaseError> {
    prop_assert!(s[0] <= s[1] && s[1] <= chars.len(), "code-point span {s:?} outside {} chars", chars.len());
    Ok(chars[s[0]..s[1]].iter().collect())
}

fn check_record(doc: &Document, atts: &[Attribution]) -> Result<(), TestCaseError> {
    let chars: Vec<char> = doc.text.chars().collect();
    let rec = quotes::record(doc, atts, false);
    prop_assert_eq!(rec.quotes.len(), atts.len());
    for (q, a) in rec.quotes.iter().zip(atts) {
        prop_assert_eq!(chars_of(&chars, q.content_span)?, q.content);
        if let (Some(span), Some(cue)) = (q.cue_span, q.cue) {
            prop_assert_eq!(chars_of(&chars, span)?, cue);
        }
        prop_assert_eq!(q.cue_span.is_some(), q.cue.is_some());
        if let (Some(span), Some(m)) = (q.speaker_span, &a.mention) {
            prop_assert_eq!(chars_of(&chars, span)?, m.relative.unwrap_or(m.head).of(&doc.text));
        }
        chars_of(&chars, q.sentence_span)?;
    }
    // The writers do not panic, and a JSON Lines record is one valid JSON line.
    let mut out = Vec::new();
    quotes::write_jsonl(&mut out, doc, atts, true).unwrap();
    let line = String::from_utf8(out).unwrap();
    prop_assert_eq!(line.matches('\n').count(), 1);
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    prop_assert_eq!(v["text"].as_str(), Some(doc.text.as_str()));
    let mut out = Vec::new();
    quotes::write_text(&mut out, doc, atts).unwrap();
    Ok(())
}

proptest! {
    // 256 cases by default; `PROPTEST_CASES=20000 cargo test --test properties` searches longer
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn news_like_texts_give_valid_spans(text in news_text()) {
        let doc = Document::new("p", text.clone());
        let atts = quotegraph::attributions(&doc, lex());
        check_attributions(&text, &atts)?;
        check_record(&doc, &atts)?;
    }

    #[test]
    fn arbitrary_strings_give_valid_spans(text in any::<String>()) {
        let doc = Document::new("p", text.clone());
        let atts = quotegraph::attributions(&doc, lex());
        check_attributions(&text, &atts)?;
        check_record(&doc, &atts)?;
    }

    #[test]
    fn html_pages_give_paragraphs_and_valid_spans(pieces in proptest::collection::vec(html_piece(), 0..80)) {
        let page = pieces.concat();
        match quotegraph::ingest::html_document("h", &page) {
            Err(e) => prop_assert_eq!(e, "no article text in the HTML"),
            Ok(doc) => {
                prop_assert!(!doc.text.is_empty());
                for para in doc.text.split("\n\n") {
                    prop_assert!(!para.is_empty() && para.trim() == para, "paragraph {:?} in {:?}", para, doc.text);
                    prop_assert!(!para.contains('\n') && !para.contains("  "), "whitespace not collapsed in {:?}", para);
                }
                let atts = quotegraph::attributions(&doc, lex());
                check_attributions(&doc.text, &atts)?;
                check_record(&doc, &atts)?;
            }
        }
    }

    #[test]
    fn templates_give_valid_spans(parts in proptest::collection::vec(template(), 1..12), sep in pick(&[" ", "\n", "\n\n", "", "\r\n\r\n"])) {
        let text = parts.join(&sep);
        let doc = Document::new("p", text.clone());
        let atts = quotegraph::attributions(&doc, lex());
        check_attributions(&text, &atts)?;
        check_record(&doc, &atts)?;
    }
}

const TAGS: &[&str] = &[
    "p",
    "div",
    "article",
    "main",
    "nav",
    "aside",
    "header",
    "footer",
    "li",
    "ul",
    "ol",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "script",
    "style",
    "br",
    "b",
    "i",
    "a",
    "span",
    "table",
    "tr",
    "td",
    "figure",
    "figcaption",
    "form",
    "title",
    "head",
    "body",
    "html",
    "time",
    "pre",
    "section",
    "template",
    "svg",
    "noscript",
    "textarea",
    "select",
    "option",
    "img",
];

/// One piece of an HTML page: a tag, an entity, a comment or news-like text.
fn html_piece() -> impl Strategy<Value = String> {
    let attrs = pick(&["", " class=\"ad-slot\"", " hidden", " role=\"main\"", " datetime=\"2015-11-09\"", " class='x\"", " id=share"]);
    prop_oneof![
        4 => (pick(TAGS), attrs).prop_map(|(t, a)| format!("<{t}{a}>")),
        3 => pick(TAGS).prop_map(|t| format!("</{t}>")),
        1 => (pick(&["og:title", "og:site_name", "article:published_time", "date", "og:url"]), fragment())
            .prop_map(|(k, v)| format!("<meta property=\"{k}\" name=\"{k}\" content=\"{v}\">")),
        1 => pick(&["&amp;", "&ldquo;", "&rdquo;", "&#8217;", "&nbsp;", "&bogus;", "&#x110000;", "&#0;", "&", "<", ">", "<!-- c -->", "<!doctype html>", "<![CDATA[x]]>", "</", "<p", "\u{0}"]),
        6 => fragment(),
        2 => template(),
    ]
}

/// A few fixed texts in every quotation style, checked with the same properties.
#[test]
fn fixed_texts_in_every_quote_style() {
    let texts = [
        "“Talks will resume,” said Ann Lee, a spokeswoman.",
        "\"We are ready,\" Foreign Minister Jan Novak told reporters. \"Completely.\"",
        "«Nous verrons», a déclaré Marie Dubois.",
        "„Das ist gut“, sagte er. ‚Gut‘, said Hans Meyer.",
        "``Fine,'' said Tom Baker, the mayor.",
        "‘It is over,’ she says.\n\n“Not yet,” says Bob Ray — the coach 😀.",
        "According to UN data, the conflict has displaced 3 million people.",
        "Ann Lee said that the talks failed. “",
        "“",
        "”,” said",
        "said Ann Lee,",
        "İİİ “ﬁne,” said İbrahim Çelik.",
    ];
    for t in texts {
        let doc = Document::new("f", t);
        let atts = quotegraph::attributions(&doc, lex());
        check_attributions(t, &atts).unwrap_or_else(|e| panic!("{t:?}: {e}"));
        check_record(&doc, &atts).unwrap_or_else(|e| panic!("{t:?}: {e}"));
    }
}

/// The generators reach the extractor: a good share of generated texts yield attributions
/// (otherwise the properties above would hold vacuously).
#[test]
fn generated_texts_often_contain_attributions() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for (name, strategy) in [("news_text", news_text().boxed()), ("template", template().boxed())] {
        let hits = (0..200)
            .filter(|_| {
                let t = strategy.new_tree(&mut runner).unwrap().current();
                !quotegraph::attributions(&Document::new("x", t), lex()).is_empty()
            })
            .count();
        assert!(hits >= 20, "only {hits} of 200 {name} texts yield any attribution");
    }
    let pages = proptest::collection::vec(html_piece(), 0..80);
    let read = (0..200)
        .filter(|_| quotegraph::ingest::html_document("h", &pages.new_tree(&mut runner).unwrap().current().concat()).is_ok())
        .count();
    assert!(read >= 50, "only {read} of 200 generated pages have text");
}
