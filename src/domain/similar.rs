//! "Did you mean…?": the closest strings to a misspelt one.

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `n` candidates close to `word` (distance at most a third of its length, at least
/// 2, or sharing a prefix of 3), closest first, ties by name.
pub fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let lc = c.to_lowercase();
            let d = distance(&w, &lc);
            let prefix = w.chars().count() >= 3 && (lc.starts_with(&w) || w.starts_with(&lc));
            (d <= limit || prefix).then_some((d, c))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_keys() {
        let keys = ["aws-saa", "az-104", "cp4d-admin", "gcp-pde"];
        assert_eq!(closest("awz-saa", keys.into_iter(), 3), vec!["aws-saa"]);
        assert_eq!(closest("cp4d", keys.into_iter(), 3), vec!["cp4d-admin"]);
        assert!(closest("zzzzzz", keys.into_iter(), 3).is_empty());
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
