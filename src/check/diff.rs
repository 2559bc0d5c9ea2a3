//! Word-level comparison of two quotations: similarity from the longest common
//! subsequence (LCS) of their words, and the edit that turns one into the other.

use serde::{Deserialize, Serialize};

/// What an [`Edit`] does to the words of the earlier quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Words both quotations have.
    Same,
    /// Words only the earlier quotation has.
    Removed,
    /// Words only the later quotation has.
    Added,
}

/// A run of words with one [`Op`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Edit {
    /// Same, removed or added.
    pub op: Op,
    /// The words, joined by single spaces.
    pub words: String,
}

/// The length of the longest common subsequence of `a` and `b`.
///
/// ```
/// use quotegraph::check::diff::lcs_len;
/// assert_eq!(lcs_len(&[1, 2, 3, 4], &[1, 3, 4, 5]), 3);
/// ```
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    // one row at a time: memory grows with the shorter side only
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Word similarity of two token sequences: 2·LCS / (|a| + |b|), 1.0 for identical
/// sequences, 0.0 when they share nothing.
///
/// ```
/// use quotegraph::check::diff::similarity;
/// let a = ["we", "will", "never", "give", "up"];
/// let b = ["we", "will", "not", "give", "up"];
/// assert!((similarity(&a, &b) - 0.8).abs() < 1e-9);
/// ```
pub fn similarity<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(a, b) as f64 / (a.len() + b.len()) as f64
}

/// The edit from `old` to `new`, compared by `old_key`/`new_key` and shown with the
/// display words `old`/`new` (so case and spelling of the text survive).
///
/// ```
/// use quotegraph::check::diff::{diff, render, Op};
/// let old = ["We", "will", "never", "give", "up"];
/// let new = ["We", "will", "not", "give", "up", "now"];
/// let edits = diff(&old, &new, &old, &new);
/// assert_eq!(edits[1].op, Op::Removed);
/// assert_eq!(render(&edits), "We will [-never-] {+not+} give up {+now+}");
/// ```
pub fn diff<K: PartialEq, S: AsRef<str>>(old_key: &[K], new_key: &[K], old: &[S], new: &[S]) -> Vec<Edit> {
    let (n, m) = (old_key.len(), new_key.len());
    // table[i][j]: LCS of old[i..] and new[j..]
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] =
                if old_key[i] == new_key[j] { table[at(i + 1, j + 1)] + 1 } else { table[at(i + 1, j)].max(table[at(i, j + 1)]) };
        }
    }
    let mut out: Vec<Edit> = Vec::new();
    let mut push = |op: Op, w: &str| match out.last_mut() {
        Some(e) if e.op == op => {
            e.words.push(' ');
            e.words.push_str(w);
        }
        _ => out.push(Edit { op, words: w.to_string() }),
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old_key[i] == new_key[j] {
            push(Op::Same, new[j].as_ref());
            i += 1;
            j += 1;
        } else if i < n && (j == m || table[at(i + 1, j)] >= table[at(i, j + 1)]) {
            // removals first when both keep the LCS, so "[-a-] {+b+}" reads as a replacement
            push(Op::Removed, old[i].as_ref());
            i += 1;
        } else {
            push(Op::Added, new[j].as_ref());
            j += 1;
        }
    }
    out
}

/// The edit as one line: removed words as `[-words-]`, added words as `{+words+}`.
pub fn render(edits: &[Edit]) -> String {
    edits
        .iter()
        .map(|e| match e.op {
            Op::Same => e.words.clone(),
            Op::Removed => format!("[-{}-]", e.words),
            Op::Added => format!("{{+{}+}}", e.words),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn identical_sequences_are_all_same() {
        let a = words("the plan is dead");
        let e = diff(&a, &a, &a, &a);
        assert_eq!(e, vec![Edit { op: Op::Same, words: "the plan is dead".into() }]);
        assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn the_edit_rebuilds_both_sides() {
        let old = words("this deal is good for our farmers and for our towns");
        let new = words("this deal is bad for farmers and good for our towns today");
        let e = diff(&old, &new, &old, &new);
        let rebuilt =
            |keep: Op| e.iter().filter(|x| x.op == Op::Same || x.op == keep).map(|x| x.words.as_str()).collect::<Vec<_>>().join(" ");
        assert_eq!(rebuilt(Op::Removed), old.join(" "));
        assert_eq!(rebuilt(Op::Added), new.join(" "));
        let same: usize = e.iter().filter(|x| x.op == Op::Same).map(|x| x.words.split(' ').count()).sum();
        assert_eq!(same, lcs_len(&old, &new));
    }

    #[test]
    fn a_replacement_shows_the_old_word_first() {
        let old = words("we will never accept it");
        let new = words("we will not accept it");
        assert_eq!(render(&diff(&old, &new, &old, &new)), "we will [-never-] {+not+} accept it");
    }

    #[test]
    fn keys_decide_and_display_words_show() {
        let old_key = words("we will win");
        let new_key = words("we will win");
        let e = diff(&old_key, &new_key, &["We", "will", "win"], &["WE", "WILL", "WIN"]);
        assert_eq!(render(&e), "WE WILL WIN");
    }

    #[test]
    fn similarity_of_disjoint_and_empty() {
        assert_eq!(similarity(&["a", "b"], &["c"]), 0.0);
        let empty: [&str; 0] = [];
        assert_eq!(similarity(&empty, &empty), 1.0);
        assert_eq!(lcs_len(&["a", "b", "c"], &empty), 0);
    }
}
