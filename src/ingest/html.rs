//! HTML articles → [`Document`]s: the article's main text as paragraphs, and the
//! page's title, date, outlet and address.
//!
//! The page is parsed as a browser parses it (scraper, on html5ever): unclosed
//! paragraphs, misnested tags and character references come out as a browser
//! shows them. Then:
//!
//! - **The main text** is taken from the `<article>` with the most paragraph text,
//!   else from `<main>`, else from the element whose paragraphs hold the most text.
//!   Its `<p>`, `<h2>`–`<h6>`, `<li>`, `<blockquote>`, `<dd>`/`<dt>` and `<pre>`
//!   blocks are taken in document order, whitespace inside a block collapsed to
//!   single spaces, blocks separated by a blank line (the paragraph break the
//!   segmenter reads in plain text). Scripts, styles, navigation, headers,
//!   footers, asides, forms, figures with their captions, hidden elements and
//!   elements whose class names an advertisement, a promotion, sharing buttons or
//!   related links ("ad-slot", "share-tools") are skipped. A page
//!   with text in none of those blocks gives the text of its other blocks (`div`s).
//! - **The title** is `og:title`, else the `<h1>` of the main text, else `<title>`
//!   (less a trailing " | Outlet" when the outlet is known), else the first `<h1>`.
//! - **The date** is the first of `article:published_time`, JSON-LD
//!   `datePublished`, `itemprop="datePublished"`, `<meta name="date">` (and its
//!   Dublin Core and `pubdate` variants) and `<time datetime>` that reads as a date.
//!   An ISO date is kept as written ("2015-11-09T10:30:00Z"); "2015/11/09",
//!   "20151109", "9 November 2015" and "Nov. 9, 2015" become "2015-11-09".
//! - **The source** is `og:site_name`, else the JSON-LD publisher's name.
//! - **The url** is `<link rel="canonical">`, else `og:url`.
//!
//! Every span of the pipeline refers to the extracted text.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Html, Node};

use crate::date::Date;
use crate::model::Document;

/// File endings read as HTML pages.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "button",
    "select",
    "textarea",
    "iframe",
    "svg",
    "math",
    "canvas",
    "object",
    "embed",
    "audio",
    "video",
    "head",
    "title",
    "dialog",
    "menu",
];

/// Blocks whose text is taken.
const TAKE: &[&str] = &["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt", "pre"];

/// Elements that end a block of text (besides [`TAKE`]).
const BLOCK: &[&str] = &[
    "address", "article", "body", "caption", "details", "div", "dl", "fieldset", "h1", "hgroup", "hr", "html", "main", "ol", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// Words of a class or id that mark page furniture inside an article (matched against the
/// parts of a class name between hyphens and underscores: "ad-slot", "share_buttons").
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "promo",
    "sponsor",
    "sponsored",
    "newsletter",
    "related",
    "share",
    "sharing",
    "social",
    "subscribe",
    "subscription",
    "paywall",
    "cookie",
    "cookies",
];

/// True when the element itself is one whose content is skipped.
fn skipped(el: &ElementRef) -> bool {
    let e = el.value();
    SKIP.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || e.attr("role").is_some_and(|r| ["navigation", "banner", "contentinfo", "complementary"].contains(&r))
}

/// True when a class or the id of the element names page furniture (an advertisement, a
/// promotion, sharing buttons, related links).
fn furniture(el: &ElementRef) -> bool {
    let e = el.value();
    e.attr("class")
        .into_iter()
        .flat_map(str::split_whitespace)
        .chain(e.attr("id"))
        .flat_map(|c| c.split(['-', '_']))
        .any(|w| FURNITURE.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// True when the element or one of its ancestors is skipped.
fn inside_skipped(el: &ElementRef) -> bool {
    skipped(el) || el.ancestors().filter_map(ElementRef::wrap).any(|a| skipped(&a))
}

/// The text of an element with whitespace collapsed.
fn collapsed(el: &ElementRef) -> String {
    el.text().flat_map(str::split_whitespace).collect::<Vec<_>>().join(" ")
}

/// Collapses whitespace in an attribute value.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The blocks of text under `root`, in document order. With `all`, the text of every
/// block, not only of [`TAKE`] blocks.
fn blocks(root: ElementRef, all: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut skip = 0usize;
    let mut take = usize::from(all);
    let flush = |buf: &mut String, out: &mut Vec<String>| {
        let b = buf.split_whitespace().collect::<Vec<_>>().join(" ");
        if !b.is_empty() {
            out.push(b);
        }
        buf.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if skip > 0 || ElementRef::wrap(node).is_some_and(|el| node != *root && (skipped(&el) || furniture(&el))) {
                        skip += 1;
                        continue;
                    }
                    let name = e.name();
                    if name == "br" || name == "img" {
                        buf.push(' ');
                    } else if TAKE.contains(&name) || BLOCK.contains(&name) {
                        flush(&mut buf, &mut out);
                        take += usize::from(TAKE.contains(&name));
                    }
                }
                Node::Text(t) if skip == 0 && take > 0 => buf.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let name = e.name();
                    if TAKE.contains(&name) || BLOCK.contains(&name) {
                        flush(&mut buf, &mut out);
                        take -= usize::from(TAKE.contains(&name));
                    }
                }
            }
        }
    }
    flush(&mut buf, &mut out);
    out
}

/// What one pass over the page gathers.
#[derive(Default)]
struct Page<'a> {
    /// `<meta>` content by lower-cased property, name or itemprop (the first of each).
    meta: BTreeMap<String, String>,
    title: Option<String>,
    canonical: Option<String>,
    /// `<time datetime>` values, in document order.
    times: Vec<ElementRef<'a>>,
    /// Parsed `application/ld+json` blocks.
    json_ld: Vec<serde_json::Value>,
    articles: Vec<ElementRef<'a>>,
    mains: Vec<ElementRef<'a>>,
    paragraphs: Vec<ElementRef<'a>>,
    h1s: Vec<ElementRef<'a>>,
}

fn gather(doc: &Html) -> Page<'_> {
    let mut p = Page::default();
    for el in doc.root_element().descendent_elements() {
        let e = el.value();
        match e.name() {
            "meta" => {
                let Some(content) = e.attr("content").and_then(clean) else { continue };
                for key in ["property", "name", "itemprop"] {
                    if let Some(k) = e.attr(key) {
                        p.meta.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| content.clone());
                    }
                }
            }
            "link" => {
                let canonical = e.attr("rel").is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("canonical")));
                if canonical && p.canonical.is_none() {
                    p.canonical = e.attr("href").and_then(clean);
                }
            }
            "title" if p.title.is_none() && !el.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "svg") => {
                p.title = clean(&collapsed(&el));
            }
            "time" if e.attr("datetime").is_some() => p.times.push(el),
            "script" if e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                let text: String = el.text().collect();
                if let Ok(v) = serde_json::from_str(text.trim()) {
                    p.json_ld.push(v);
                }
            }
            "article" => p.articles.push(el),
            "main" => p.mains.push(el),
            "p" => p.paragraphs.push(el),
            "h1" => p.h1s.push(el),
            _ if e.attr("role") == Some("main") => p.mains.push(el),
            _ => {}
        }
        if e.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished")) && e.name() != "meta" {
            if let Some(v) = e.attr("datetime").or(e.attr("content")).and_then(clean) {
                p.meta.entry("datepublished".into()).or_insert(v);
            }
        }
    }
    p
}

/// The length of paragraph text under `el` (paragraphs in skipped parts not counted).
fn paragraph_text(el: &ElementRef, paragraphs: &[ElementRef]) -> usize {
    paragraphs.iter().filter(|p| p.ancestors().any(|a| a == **el)).map(|p| collapsed(p).len()).sum()
}

/// The elements holding the main text, in document order.
fn main_elements<'a>(doc: &'a Html, page: &Page<'a>) -> Vec<ElementRef<'a>> {
    let paragraphs: Vec<ElementRef> = page.paragraphs.iter().filter(|p| !inside_skipped(p)).copied().collect();
    for candidates in [&page.articles, &page.mains] {
        let best =
            candidates.iter().filter(|c| !inside_skipped(c)).map(|c| (paragraph_text(c, &paragraphs), *c)).filter(|(n, _)| *n > 0).fold(
                None,
                |best: Option<(usize, ElementRef)>, (n, c)| if best.is_some_and(|(m, _)| m >= n) { best } else { Some((n, c)) },
            );
        if let Some((_, c)) = best {
            return vec![c];
        }
    }
    // the element whose paragraphs hold the most text; half of it counts for the grandparent,
    // so that paragraphs grouped in several wrappers still choose the element around them all
    let mut score: BTreeMap<ego_tree::NodeId, (usize, usize)> = BTreeMap::new();
    for (order, p) in paragraphs.iter().enumerate() {
        let n = collapsed(p).len();
        let mut up = p.ancestors().filter_map(ElementRef::wrap);
        for share in [n, n / 2] {
            if let Some(a) = up.next() {
                let e = score.entry(a.id()).or_insert((0, order));
                e.0 += share;
            }
        }
    }
    let best = score.into_iter().max_by(|(_, (a, oa)), (_, (b, ob))| a.cmp(b).then(ob.cmp(oa))).map(|(id, _)| id);
    let Some(best) = best.and_then(|id| doc.tree.get(id)).and_then(ElementRef::wrap) else { return vec![doc.root_element()] };
    // siblings that hold a good share of paragraph text as well continue the story (the
    // wrappers around its parts, split by an advertisement or a picture)
    let own = paragraph_text(&best, &paragraphs);
    let Some(parent) = best.parent().and_then(ElementRef::wrap) else { return vec![best] };
    parent.child_elements().filter(|c| *c == best || !skipped(c) && paragraph_text(c, &paragraphs) * 5 >= own.max(1)).collect()
}

/// A date as quotegraph keeps it: an ISO date as written, other common forms as `YYYY-MM-DD`.
///
/// ```
/// use quotegraph::ingest::html::normalize_date;
/// assert_eq!(normalize_date(" 2015-11-09T10:30:00Z ").as_deref(), Some("2015-11-09T10:30:00Z"));
/// assert_eq!(normalize_date("Mon, 09 Nov 2015 10:30:00 GMT").as_deref(), Some("2015-11-09"));
/// assert_eq!(normalize_date("2015/11/9").as_deref(), Some("2015-11-09"));
/// assert_eq!(normalize_date("last Tuesday"), None);
/// ```
pub fn normalize_date(raw: &str) -> Option<String> {
    static FORMS: OnceLock<[Regex; 5]> = OnceLock::new();
    let [iso_month, numeric, compact, day_month, month_day] = FORMS.get_or_init(|| {
        [
            Regex::new(r"^(\d{4})-(\d{2})$").unwrap(),
            Regex::new(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").unwrap(),
            Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:$|T)").unwrap(),
            Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b").unwrap(),
            Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap(),
        ]
    });
    let s = raw.trim();
    if Date::parse_iso(s).is_some() {
        return Some(s.to_string());
    }
    if let Some(c) = iso_month.captures(s) {
        let month: u32 = c[2].parse().ok()?;
        return (1..=12).contains(&month).then(|| s.to_string());
    }
    let ymd = |y: &str, m: u32, d: &str| Date::new(y.parse().ok()?, m, d.parse().ok()?).map(|d| d.to_string());
    if let Some(c) = numeric.captures(s).or_else(|| compact.captures(s)) {
        return ymd(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = day_month.captures(s) {
        if let Some(m) = crate::date::month_number(&c[2]) {
            return ymd(&c[3], m, &c[1]);
        }
    }
    if let Some(c) = month_day.captures(s) {
        if let Some(m) = crate::date::month_number(&c[1]) {
            return ymd(&c[3], m, &c[2]);
        }
    }
    None
}

/// The first value of `key` in JSON-LD (objects, arrays and `@graph`s searched depth first).
fn json_ld<'v>(v: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m.get(key).or_else(|| m.values().find_map(|x| json_ld(x, key))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| json_ld(x, key)),
        _ => None,
    }
}

fn json_ld_str(page: &Page, key: &str) -> Option<String> {
    page.json_ld.iter().filter_map(|v| json_ld(v, key)).find_map(|x| match x {
        serde_json::Value::String(s) => clean(s),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).and_then(clean),
        serde_json::Value::Array(a) => a.first().and_then(|f| f.get("name").or(Some(f))).and_then(|n| n.as_str()).and_then(clean),
        _ => None,
    })
}

/// `title` less a trailing (or leading) " | Outlet", " - Outlet" or " — Outlet".
fn strip_outlet(title: String, source: Option<&str>) -> String {
    let Some(src) = source else { return title };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(t) = title.strip_suffix(src).and_then(|t| t.strip_suffix(sep)) {
            return t.trim().to_string();
        }
        if let Some(t) = title.strip_prefix(src).and_then(|t| t.strip_prefix(sep)) {
            return t.trim().to_string();
        }
    }
    title
}

/// A [`Document`] from an HTML page: its main text as blank-line-separated paragraphs,
/// with title, date, source and url from the page's metadata (see the module
/// documentation). A page with no text is an error, worded for `FILE: problem`.
///
/// ```
/// let page = r#"<html><head><title>Talks resume</title>
///   <meta property="og:site_name" content="Daily Planet"></head>
///   <body><nav><a href="/">Home</a></nav>
///   <article><h1>Talks resume</h1><p>“We will return,” said Jane Doe,
///     a spokeswoman.</p><p>Talks begin &amp; end today.</p></article></body></html>"#;
/// let d = quotegraph::ingest::html::html_document("talks", page).unwrap();
/// assert_eq!(d.text, "“We will return,” said Jane Doe, a spokeswoman.\n\nTalks begin & end today.");
/// assert_eq!(d.title.as_deref(), Some("Talks resume"));
/// assert_eq!(d.source.as_deref(), Some("Daily Planet"));
/// ```
pub fn html_document(id: &str, html: &str) -> Result<Document, String> {
    let doc = Html::parse_document(html);
    let page = gather(&doc);
    let main = main_elements(&doc, &page);
    let in_main = |el: &ElementRef| el.ancestors().any(|a| main.iter().any(|m| a == **m));
    let mut paras: Vec<String> = main.iter().flat_map(|m| blocks(*m, false)).collect();
    if paras.is_empty() {
        paras = main.iter().flat_map(|m| blocks(*m, true)).collect();
    }
    if paras.is_empty() {
        paras = blocks(doc.root_element(), true);
    }
    if paras.is_empty() {
        return Err("no article text in the HTML".into());
    }
    let meta = |keys: &[&str]| keys.iter().find_map(|k| page.meta.get(*k).cloned());
    let source = meta(&["og:site_name"]).or_else(|| json_ld_str(&page, "publisher"));
    let h1 = |els: &mut dyn Iterator<Item = &ElementRef>| els.map(collapsed).find(|t| !t.is_empty());
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| h1(&mut page.h1s.iter().filter(|h| in_main(h))))
        .or_else(|| page.title.clone().map(|t| strip_outlet(t, source.as_deref())))
        .or_else(|| h1(&mut page.h1s.iter()));
    let times =
        page.times.iter().filter(|t| in_main(t)).chain(page.times.iter()).filter_map(|t| t.value().attr("datetime")).map(str::to_string);
    let date = meta(&["article:published_time", "og:article:published_time"])
        .into_iter()
        .chain(json_ld_str(&page, "datePublished"))
        .chain(meta(&[
            "datepublished",
            "date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "article.published",
            "sailthru.date",
        ]))
        .chain(times)
        .find_map(|d| normalize_date(&d));
    let url = page.canonical.clone().filter(|c| c.contains("://")).or_else(|| meta(&["og:url"])).or(page.canonical.clone());
    Ok(Document { id: id.to_string(), title, source, date, url, text: paras.join("\n\n") })
}

/// True when text read from stdin looks like an HTML page rather than an article.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(15).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Port strike ends after talks | The Harbour Gazette</title>
  <meta property="og:site_name" content="The Harbour Gazette">
  <meta property="article:published_time" content="2015-11-09T08:15:00+01:00">
  <link rel="canonical" href="https://gazette.example/news/port-strike">
  <script>var ads = "“Buy now,” said the advert.";</script>
  <style>p { color: red }</style>
</head>
<body>
  <header><a href="/">The Harbour Gazette</a><nav><ul><li>News</li><li>Sport</li></ul></nav></header>
  <div class="layout">
    <article>
      <header><h1>Port strike ends after talks</h1><p class="byline">By A. Writer</p></header>
      <p>The dock workers'   strike ended on Monday
         after three days of talks.</p>
      <figure><img src="x.jpg"><figcaption>“Back to work,” said a sign.</figcaption></figure>
      <p>“We are satisfied with the offer,” said Jane Doe, a spokeswoman for the union.</p>
      <h2>What&nbsp;happens next</h2>
      <blockquote><p>Ships will sail again tomorrow.</p></blockquote>
      <ul><li>Pay rises by 4%.</li><li>Shifts get shorter.</li></ul>
      <aside><p>Read more: other strikes this year.</p></aside>
    </article>
    <aside class="sidebar"><p>Most read: a cat on the ferry, a long story about a cat.</p></aside>
  </div>
  <footer><p>© 2015 The Harbour Gazette. All rights reserved.</p></footer>
</body>
</html>"#;

    fn doc(html: &str) -> Document {
        html_document("t", html).unwrap()
    }

    #[test]
    fn the_article_is_chosen_over_navigation_asides_and_footer() {
        let d = doc(NEWS);
        assert_eq!(
            d.text,
            "The dock workers' strike ended on Monday after three days of talks.\n\n\
             “We are satisfied with the offer,” said Jane Doe, a spokeswoman for the union.\n\n\
             What happens next\n\n\
             Ships will sail again tomorrow.\n\n\
             Pay rises by 4%.\n\n\
             Shifts get shorter."
        );
    }

    #[test]
    fn title_date_source_and_url() {
        let d = doc(NEWS);
        assert_eq!(d.title.as_deref(), Some("Port strike ends after talks"));
        assert_eq!(d.date.as_deref(), Some("2015-11-09T08:15:00+01:00"));
        assert_eq!(d.source.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(d.url.as_deref(), Some("https://gazette.example/news/port-strike"));
        assert_eq!(d.id, "t");
    }

    #[test]
    fn entities_are_decoded_and_whitespace_collapsed() {
        let d = doc("<p>Tom &amp; Jerry&#8217;s &ldquo;show&rdquo;\n\t is&nbsp;&nbsp;on &lt;now&gt; &#x2014; &eacute;t&eacute;.</p>");
        assert_eq!(d.text, "Tom & Jerry’s “show” is on <now> — été.");
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line_and_inline_tags_join() {
        let d = doc("<body><p>One <b>bold</b><i>ly</i> said.<p>Two<br>lines.</p><div><p>Three.</p></div></body>");
        assert_eq!(d.text, "One boldly said.\n\nTwo lines.\n\nThree.");
    }

    #[test]
    fn without_article_or_main_the_densest_paragraphs_win() {
        let html = r#"<body>
          <div id="menu"><p>Home</p><p>World</p><p>Business</p></div>
          <div id="story">
            <div class="chunk"><p>The first paragraph of the story is long enough to count.</p>
              <p>The second paragraph, too, carries the story forward.</p></div>
            <div class="ad">Advertisement</div>
            <div class="chunk"><p>A third paragraph after an advertisement break.</p></div>
          </div>
          <div class="footer-links"><p>Contact us</p></div>
        </body>"#;
        let d = doc(html);
        assert!(d.text.starts_with("The first paragraph"), "{}", d.text);
        assert!(d.text.ends_with("after an advertisement break."), "{}", d.text);
        assert!(!d.text.contains("Home") && !d.text.contains("Contact"), "{}", d.text);
    }

    #[test]
    fn furniture_inside_the_article_is_skipped() {
        let d = doc(r#"<article class="story"><p>Story.</p><div class="ad-slot"><p>Buy!</p></div>
            <p hidden>Hidden.</p><div id="share_tools"><p>Share this</p></div><div class="lead"><p>Lead.</p></div></article>"#);
        assert_eq!(d.text, "Story.\n\nLead.");
    }

    #[test]
    fn main_is_used_when_there_is_no_article() {
        let d = doc("<body><div><p>Outside main, a longer paragraph than the one inside.</p></div><main><p>Inside.</p></main></body>");
        assert_eq!(d.text, "Inside.");
    }

    #[test]
    fn of_several_articles_the_one_with_most_text_wins() {
        let d = doc("<body><article><p>Teaser.</p></article><article><p>The real story is here, and it is longer.</p></article></body>");
        assert_eq!(d.text, "The real story is here, and it is longer.");
    }

    #[test]
    fn text_outside_paragraphs_is_taken_when_there_are_none() {
        let d = doc("<body><div>First line of text.</div><div>Second <span>one</span>.</div><script>x()</script></body>");
        assert_eq!(d.text, "First line of text.\n\nSecond one.");
    }

    #[test]
    fn other_title_sources() {
        let og = doc(r#"<head><meta property="og:title" content="OG headline"><title>T | Site</title></head><body><p>x</p></body>"#);
        assert_eq!(og.title.as_deref(), Some("OG headline"));
        let h1 = doc("<body><h1>Site logo</h1><article><h1>The headline</h1><p>x</p></article></body>");
        assert_eq!(h1.title.as_deref(), Some("The headline"));
        let plain = doc("<head><title>  Just a\n title </title></head><body><p>x</p></body>");
        assert_eq!(plain.title.as_deref(), Some("Just a title"));
        let none = doc("<p>x</p>");
        assert_eq!(none.title, None);
    }

    #[test]
    fn other_date_sources() {
        let time = doc(r#"<body><article><p>x</p><time datetime="2016-01-03">3 January</time></article></body>"#);
        assert_eq!(time.date.as_deref(), Some("2016-01-03"));
        let meta = doc(r#"<head><meta name="date" content="2014/02/07"></head><body><p>x</p></body>"#);
        assert_eq!(meta.date.as_deref(), Some("2014-02-07"));
        let ld = doc(r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
            "datePublished":"2013-07-21T10:00:00Z","publisher":{"@type":"Organization","name":"Wire Service"}}]}</script></head>
            <body><p>x</p></body>"#);
        assert_eq!(ld.date.as_deref(), Some("2013-07-21T10:00:00Z"));
        assert_eq!(ld.source.as_deref(), Some("Wire Service"));
        let bad = doc(r#"<head><meta name="date" content="soon"></head><body><p>x</p><time datetime="2012-05-06">then</time></body>"#);
        assert_eq!(bad.date.as_deref(), Some("2012-05-06"));
        let none = doc("<p>x</p>");
        assert_eq!(none.date, None);
    }

    #[test]
    fn og_url_when_there_is_no_canonical_link() {
        let d = doc(r#"<head><meta property="og:url" content="https://x.example/a"></head><body><p>x</p></body>"#);
        assert_eq!(d.url.as_deref(), Some("https://x.example/a"));
    }

    #[test]
    fn dates_in_words_are_normalized() {
        assert_eq!(normalize_date("9 November 2015").as_deref(), Some("2015-11-09"));
        assert_eq!(normalize_date("Nov. 9, 2015, 10:30 a.m.").as_deref(), Some("2015-11-09"));
        assert_eq!(normalize_date("September 30th, 2015").as_deref(), Some("2015-09-30"));
        assert_eq!(normalize_date("20151109").as_deref(), Some("2015-11-09"));
        assert_eq!(normalize_date("2015-11").as_deref(), Some("2015-11"));
        assert_eq!(normalize_date("2015-02-30"), None);
        assert_eq!(normalize_date("31 February 2015"), None);
        assert_eq!(normalize_date("2015-13"), None);
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        for page in ["<html><head><title>Empty</title></head><body></body></html>", "<nav><p>Home</p></nav><script>x()</script>", ""] {
            assert_eq!(html_document("t", page).unwrap_err(), "no article text in the HTML", "{page:?}");
        }
    }

    #[test]
    fn html_is_recognized_on_stdin() {
        assert!(looks_like_html("\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML><body>"));
        assert!(!looks_like_html("<b>Not</b> a page, a text."));
        assert!(!looks_like_html("“Hi,” she said."));
    }
}
