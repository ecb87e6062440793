//! Tab completion of `#key` (the previews of what a line will write are words, in
//! `present::intent`).

use crate::domain::badge::Badge;
use unicode_normalization::UnicodeNormalization;

/// Where the partial `#key` at the end of `text` starts (the byte index of its `#`), and
/// the partial key, lowercased. `None` when the text does not end in one, or the end of
/// the text is inside a note.
fn partial(text: &str) -> Option<(usize, String)> {
    if text.is_empty() || text.ends_with(char::is_whitespace) {
        return None;
    }
    let word_start = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (hash, c) = text[word_start..]
        .char_indices()
        .rev()
        .find(|(_, c)| *c == '#' || *c == '＃')?;
    let hash = word_start + hash;
    let key: String = text[hash + c.len_utf8()..]
        .nfkc()
        .collect::<String>()
        .to_lowercase();
    if !key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let before: String = text[..hash].nfkc().collect();
    let in_note = before.split_whitespace().any(|w| w == "--" || w == "—")
        || before.matches('"').count() % 2 == 1
        || before.matches('「').count() > before.matches('」').count()
        || before.matches('『').count() > before.matches('』').count()
        || before.matches('“').count() > before.matches('”').count();
    (!in_note).then_some((hash, key))
}

/// The badges whose key completes the partial `#key` at the end of `text`, by key: the
/// active ones, or the archived ones when no active key fits.
pub fn key_candidates<'a>(text: &str, badges: &'a [Badge]) -> Vec<&'a Badge> {
    let Some((_, key)) = partial(text) else {
        return Vec::new();
    };
    let fitting = |archived: bool| {
        let mut v: Vec<&Badge> = badges
            .iter()
            .filter(|b| b.archived == archived && b.key.starts_with(&key))
            .collect();
        v.sort_by(|a, b| a.key.cmp(&b.key));
        v
    };
    let active = fitting(false);
    if active.is_empty() {
        fitting(true)
    } else {
        active
    }
}

/// Tab pressed again where completion cannot narrow further: `text` (ending in a partial
/// `#ke`) with its `n`-th candidate (counting round), followed by a space.
pub fn complete_key_nth(text: &str, badges: &[Badge], n: usize) -> Option<String> {
    let (hash, _) = partial(text)?;
    let found = key_candidates(text, badges);
    let pick = found.get(n % found.len().max(1))?;
    Some(format!("{}#{} ", &text[..hash], pick.key))
}

/// Tab completion: when `text` ends in a partial `#ke`, the text with it completed to the
/// one key it can be (followed by a space), or to the longest prefix the candidates
/// share. `None` when there is nothing to add.
pub fn complete_key(text: &str, badges: &[Badge]) -> Option<String> {
    let (hash, key) = partial(text)?;
    let found = key_candidates(text, badges);
    let head = &text[..hash];
    match found.as_slice() {
        [] => None,
        [one] => Some(format!("{head}#{} ", one.key)),
        many => {
            let first = many[0].key.as_str();
            let common = many.iter().fold(first.len(), |n, b| {
                first
                    .bytes()
                    .zip(b.key.bytes())
                    .take(n)
                    .take_while(|(x, y)| x == y)
                    .count()
            });
            (common > key.len()).then(|| format!("{head}#{}", &first[..common]))
        }
    }
}
