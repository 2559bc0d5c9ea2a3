//! A roster: the people a newsroom knows, with the titles they held and when
//! (`--roster FILE`, TOML).
//!
//! ```toml
//! [[person]]
//! name = "Maria Lopez"
//! aliases = ["Lopez", "M. Lopez"]
//! titles = [
//!   { title = "Farm Minister", organization = "Agriculture Ministry", from = "2019-03-01", to = "2023-01-31" },
//!   { title = "Prime Minister", from = "2023-02-01" },
//! ]
//! ```
//!
//! Dates are ISO 8601: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a whole month or
//! year; `from` and `to` are both inclusive and either may be left out.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoster {
    #[serde(default)]
    person: Vec<RawPerson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    titles: Vec<RawTitle>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitle {
    title: String,
    #[serde(default)]
    organization: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

/// A title a person held, with the organization and the dates (inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The title ("Farm Minister").
    pub title: String,
    /// The organization, when the roster gives one.
    pub organization: Option<String>,
    /// First day (or month, or year) held.
    pub from: Option<String>,
    /// Last day (or month, or year) held.
    pub to: Option<String>,
}

impl Held {
    /// True when the title was held on `date` (an ISO date; a partial date compares by
    /// its length: "2021" lies within "2020-06" .. "2021-02" as far as a year can tell).
    ///
    /// ```
    /// use quotegraph::check::roster::Held;
    /// let h = Held { title: "Mayor".into(), organization: None, from: Some("2020-06".into()), to: Some("2021".into()) };
    /// assert!(h.held_on("2021-12-31"));
    /// assert!(!h.held_on("2020-05-31"));
    /// assert!(!h.held_on("2022-01-01"));
    /// ```
    pub fn held_on(&self, date: &str) -> bool {
        let cmp = |bound: &str| {
            let n = bound.len().min(date.len());
            date[..n].cmp(&bound[..n])
        };
        self.from.as_deref().is_none_or(|f| cmp(f).is_ge()) && self.to.as_deref().is_none_or(|t| cmp(t).is_le())
    }
}

/// One person of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Full name.
    pub name: String,
    /// Other forms the news uses ("Lopez").
    pub aliases: Vec<String>,
    /// Titles held, as listed.
    pub titles: Vec<Held>,
}

impl Member {
    /// The titles held on `date`; every title when the date is unknown.
    pub fn titles_on(&self, date: Option<&str>) -> Vec<&Held> {
        self.titles.iter().filter(|h| date.is_none_or(|d| h.held_on(d))).collect()
    }
}

/// The people of a roster file, looked up by name or alias (case does not matter).
///
/// ```
/// use quotegraph::check::roster::Roster;
/// let r = Roster::parse("[[person]]\nname = \"Ann Lee\"\naliases = [\"Lee\"]\ntitles = [{ title = \"Mayor\", from = \"2020\" }]\n").unwrap();
/// assert_eq!(r.find("ann lee").unwrap().name, "Ann Lee");
/// assert_eq!(r.find("Lee").unwrap().titles[0].title, "Mayor");
/// assert!(r.find("Bob Lee").is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// The people, in file order.
    pub people: Vec<Member>,
    /// Lower-case name or alias → index into `people`.
    index: BTreeMap<String, usize>,
}

/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&num(m)),
        [y, m, d] => {
            let days = match num(m) {
                2 => {
                    let y = num(y);
                    if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) {
                        29
                    } else {
                        28
                    }
                }
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            digits(y, 4) && digits(m, 2) && digits(d, 2) && (1..=12).contains(&num(m)) && (1..=days).contains(&num(d))
        }
        _ => false,
    }
}

fn key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Roster {
    /// Reads and checks a roster file; errors name the file and the problem on one line.
    pub fn load(path: &Path) -> Result<Roster, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Roster::parse(&text).map_err(|m| Error::input(path, m))
    }

    /// Parses and checks roster text; the error is one line ("line 3: …", "person \"X\": …").
    pub fn parse(text: &str) -> Result<Roster, String> {
        let raw: RawRoster = toml::from_str(text).map_err(|e| {
            let msg = e.message().lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
            match e.span() {
                Some(s) => format!("line {}: {msg}", text[..s.start.min(text.len())].matches('\n').count() + 1),
                None => msg,
            }
        })?;
        let mut r = Roster::default();
        for (n, p) in raw.person.into_iter().enumerate() {
            let name = p.name.trim().to_string();
            if name.is_empty() {
                return Err(format!("person {}: empty name", n + 1));
            }
            let who = format!("person \"{name}\"");
            let mut titles = Vec::new();
            for t in p.titles {
                let title = t.title.trim().to_string();
                if title.is_empty() {
                    return Err(format!("{who}: a title is empty"));
                }
                for (field, v) in [("from", &t.from), ("to", &t.to)] {
                    if let Some(v) = v {
                        if !iso_date(v) {
                            return Err(format!("{who}: title \"{title}\": {field} = \"{v}\" is not an ISO date (YYYY-MM-DD)"));
                        }
                    }
                }
                if let (Some(f), Some(to)) = (&t.from, &t.to) {
                    let n = f.len().min(to.len());
                    if f[..n] > to[..n] {
                        return Err(format!("{who}: title \"{title}\": from = \"{f}\" is after to = \"{to}\""));
                    }
                }
                let organization = t.organization.map(|o| o.trim().to_string()).filter(|o| !o.is_empty());
                titles.push(Held { title, organization, from: t.from, to: t.to });
            }
            let idx = r.people.len();
            let aliases: Vec<String> = p.aliases.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
            for form in std::iter::once(&name).chain(aliases.iter()) {
                if let Some(&other) = r.index.get(&key(form)) {
                    if other != idx {
                        return Err(format!("{who}: \"{form}\" already names person \"{}\"", r.people[other].name));
                    }
                }
                r.index.insert(key(form), idx);
            }
            r.people.push(Member { name, aliases, titles });
        }
        Ok(r)
    }

    /// The person a name or alias stands for.
    pub fn find(&self, name: &str) -> Option<&Member> {
        self.index.get(&key(name)).map(|&i| &self.people[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[person]]
name = "Maria Lopez"
aliases = ["Lopez"]
titles = [
  { title = "Farm Minister", organization = "Agriculture Ministry", from = "2019-03-01", to = "2023-01-31" },
  { title = "Prime Minister", from = "2023-02-01" },
]

[[person]]
name = "Tom Reyes"
"#;

    #[test]
    fn titles_are_chosen_by_date() {
        let r = Roster::parse(GOOD).unwrap();
        let m = r.find("LOPEZ").unwrap();
        let on = |d: &str| m.titles_on(Some(d)).iter().map(|h| h.title.clone()).collect::<Vec<_>>();
        assert_eq!(on("2020-05-05"), vec!["Farm Minister"]);
        assert_eq!(on("2023-01-31"), vec!["Farm Minister"]);
        assert_eq!(on("2023-02-01"), vec!["Prime Minister"]);
        assert_eq!(on("2018-12-31"), Vec::<String>::new());
        assert_eq!(m.titles_on(None).len(), 2);
        assert!(r.find("Tom Reyes").unwrap().titles.is_empty());
    }

    #[test]
    fn dates_are_checked() {
        assert!(iso_date("2024-02-29") && iso_date("2024-02") && iso_date("2024"));
        for bad in ["2023-02-29", "2020-13-01", "2020/01/01", "20-01-01", "2020-1-1", "yesterday", ""] {
            assert!(!iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn problems_are_one_line_naming_what_is_wrong() {
        let e = Roster::parse("[[person]]\nname = \"A B\"\ntitles = [{ title = \"Mayor\", from = \"2020/01/01\" }]\n").unwrap_err();
        assert_eq!(e, "person \"A B\": title \"Mayor\": from = \"2020/01/01\" is not an ISO date (YYYY-MM-DD)");
        let e =
            Roster::parse("[[person]]\nname = \"A B\"\ntitles = [{ title = \"Mayor\", from = \"2021\", to = \"2020-05\" }]\n").unwrap_err();
        assert!(e.contains("is after"), "{e}");
        let e = Roster::parse("[[person]]\nname = \"A B\"\nrank = 3\n").unwrap_err();
        assert!(e.starts_with("line 3:") && e.contains("rank") && !e.contains('\n'), "{e}");
        let e = Roster::parse("[[person]]\naliases = []\n").unwrap_err();
        assert!(e.contains("name"), "{e}");
        let e =
            Roster::parse("[[person]]\nname = \"A B\"\naliases = [\"B\"]\n[[person]]\nname = \"C B\"\naliases = [\"b\"]\n").unwrap_err();
        assert_eq!(e, "person \"C B\": \"b\" already names person \"A B\"");
        let e = Roster::parse("[[person]]\nname = \" \"\n").unwrap_err();
        assert_eq!(e, "person 1: empty name");
    }
}
