//! Text that lines up in a terminal: display width (wide CJK characters take two cells),
//! truncation that never cuts a character in half, padding, and plain aligned tables for
//! the command line.

use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text as it is matched: NFKC (full-width and half-width forms read as the usual ones),
/// lowercase, `ß` as `ss`, accents removed, kana voicing kept (デ is not テ). The one
/// fold of quick-add words and of the planner's filter, so both find the same badges.
pub fn fold(s: &str) -> String {
    let is_accent = |c: char| {
        matches!(c as u32,
            0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
    };
    let lower: String = s.nfkc().collect::<String>().to_lowercase();
    lower
        .replace('ß', "ss")
        .nfd()
        .filter(|c| !is_accent(*c))
        .nfc()
        .collect()
}

/// Cells the text takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest prefix of `s` that fits in `max` cells, with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `n` and the noun that agrees with it: `1 badge`, `2 badges`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` truncated to `cells` and padded with spaces to exactly `cells`.
pub fn pad(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    format!("{t}{}", " ".repeat(cells.saturating_sub(w)))
}

/// `s` truncated to `cells` and padded on the left to exactly `cells`.
pub fn pad_left(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    format!("{}{t}", " ".repeat(cells.saturating_sub(w)))
}

/// Breaks text into lines of at most `cells` cells: at spaces, and between wide (CJK)
/// characters, since Japanese puts no spaces between words. A line never starts with
/// closing punctuation or a small kana (`、。」ー ッ`) and never ends with an opening
/// bracket; a word longer than a line is cut.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for (spaced, piece) in pieces(text) {
        let sep = usize::from(spaced && !line.is_empty());
        if !line.is_empty() && width(&line) + sep + width(piece) > cells {
            lines.push(std::mem::take(&mut line));
        } else if sep == 1 {
            line.push(' ');
        }
        line.push_str(piece);
        while width(&line) > cells {
            // A word longer than a line: cut it where it is full. A character wider than
            // the line (a kanji in one cell) goes on its own.
            let mut used = 0;
            let cut = line
                .char_indices()
                .find(|&(i, c)| {
                    used += c.width().unwrap_or(0);
                    used > cells && i > 0
                })
                .map_or(line.len(), |(i, _)| i);
            let rest = line.split_off(cut);
            lines.push(std::mem::replace(&mut line, rest));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The pieces a line may break between, each with whether a space came before it: the
/// words between spaces, split again before each wide character.
fn pieces(text: &str) -> impl Iterator<Item = (bool, &str)> {
    const NO_START: &str =
        "、。，．・：；？！）」』】〕〉》ーゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    const NO_END: &str = "（「『【〔〈《";
    let wide = |c: char| c.width().unwrap_or(0) > 1;
    text.split(' ').enumerate().flat_map(move |(n, word)| {
        let mut out = Vec::new();
        let mut start = 0;
        let mut prev: Option<char> = None;
        for (i, c) in word.char_indices() {
            let breakable = prev.is_some_and(|p| {
                (wide(p) || wide(c)) && !NO_START.contains(c) && !NO_END.contains(p)
            });
            if breakable {
                out.push((n > 0 && start == 0, &word[start..i]));
                start = i;
            }
            prev = Some(c);
        }
        out.push((n > 0 && start == 0, &word[start..]));
        out
    })
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A plain-text table: a header row and aligned columns separated by two spaces, the last
/// column unpadded. `max_width` caps the total: the widest flexible column (`flex`) is
/// truncated to fit.
pub fn table(
    headers: &[&str],
    align: &[Align],
    rows: &[Vec<String>],
    flex: usize,
    max_width: usize,
) -> String {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let total = |widths: &[usize]| widths.iter().sum::<usize>() + 2 * n.saturating_sub(1);
    if total(&widths) > max_width && flex < n {
        let over = total(&widths) - max_width;
        widths[flex] = widths[flex]
            .saturating_sub(over)
            .max(width(headers[flex]).max(12));
    }
    // Still too wide: shrink the widest left-aligned columns after the first (it names the
    // row), a cell at a time, to no less than their header (and 6 cells).
    while total(&widths) > max_width {
        let widest = (1..n)
            .filter(|&i| align.get(i).copied().unwrap_or(Align::Left) == Align::Left)
            .filter(|&i| widths[i] > width(headers[i]).max(6))
            .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
        match widest {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut l = String::new();
        for (i, &w) in widths.iter().enumerate() {
            let cell = cells.get(i).map_or("", String::as_str);
            let last = i + 1 == n;
            let a = align.get(i).copied().unwrap_or(Align::Left);
            if a == Align::Right {
                l.push_str(&pad_left(cell, w));
            } else if last {
                l.push_str(&truncate(cell, w));
            } else {
                l.push_str(&pad(cell, w));
            }
            if !last {
                l.push_str("  ");
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&headers.iter().map(|h| (*h).to_string()).collect::<Vec<_>>());
    for row in rows {
        line(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_fold_for_every_match() {
        for (text, folded) in [
            ("Café ÜBER", "cafe uber"),
            ("ＡＷＳ", "aws"),
            ("ﾃﾞｰﾀ", "データ"),
            ("データ", "データ"),
            ("Straße", "strasse"),
            ("Sécurité Réseau", "securite reseau"),
            ("ＩＢＭ　Ｃｌｏｕｄ", "ibm cloud"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(width("データ"), 6);
        assert_eq!(truncate("データサイエンス", 7), "データ…");
        assert_eq!(truncate("データサイエンス", 6), "デー…");
        assert_eq!(width(&truncate("データサイエンス", 6)), 5);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(pad("デ", 4), "デ  ");
        assert_eq!(pad_left("7", 3), "  7");
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), [""]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("abcd", 3), ["abc", "d"]);
        assert_eq!(wrap("データ サイエンス", 8), ["データ", "サイエン", "ス"]);
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_closing_marks() {
        // No spaces needed: the line breaks where it is full.
        assert_eq!(
            wrap("期限までにスキマ時間を増やしてください。", 12),
            ["期限までにス", "キマ時間を増", "やしてくださ", "い。"]
        );
        // Never "。" or "ー" or "ッ" at the start of a line, never "「" at its end.
        assert_eq!(wrap("あいうえ。", 8), ["あいう", "え。"]);
        assert_eq!(wrap("あいうデー", 8), ["あいう", "デー"]);
        assert_eq!(wrap("あいう「え」", 8), ["あいう", "「え」"]);
        // Latin words inside stay whole, and spaces are kept or dropped at a break.
        assert_eq!(
            wrap("6h 不足: 2026-12-29 まで", 12),
            ["6h 不足:", "2026-12-29", "まで"]
        );
        assert_eq!(wrap("abc データ", 20), ["abc データ"]);
        // A kanji wider than the line goes alone instead of looping.
        assert_eq!(wrap("漢字", 1), ["漢", "字"]);
        for text in ["漢字かな交じり文、です。", "a漢b字", "「」「」", "ーーー"]
        {
            for cells in 1..12 {
                let lines = wrap(text, cells);
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
                assert!(
                    lines.iter().all(|l| width(l) <= cells.max(2)),
                    "{text} {cells} {lines:?}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Any text at any width: no line wider than the width (or one wide character), and
        /// nothing lost but the spaces at the breaks.
        #[test]
        fn wrapping_keeps_every_character_within_the_width(
            text in "[a-z 、。ーッ「」漢字かなカナ😀]{0,60}|\\PC{0,60}",
            cells in 1usize..40,
        ) {
            let lines = wrap(&text, cells);
            for l in &lines {
                proptest::prop_assert!(width(l) <= cells.max(2), "{:?} at {}: {:?}", text, cells, lines);
            }
            proptest::prop_assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn tables_align_cjk() {
        let t = table(
            &["KEY", "NAME", "MIN"],
            &[Align::Left, Align::Left, Align::Right],
            &[
                vec!["ds".into(), "データサイエンス基礎".into(), "30".into()],
                vec!["aws-saa".into(), "AWS SAA".into(), "120".into()],
            ],
            1,
            80,
        );
        assert_eq!(
            t,
            "KEY      NAME                  MIN\n\
             ds       データサイエンス基礎   30\n\
             aws-saa  AWS SAA               120\n"
        );
    }

    #[test]
    fn tables_shrink_the_flexible_column() {
        let t = table(
            &["K", "NAME", "X"],
            &[Align::Left, Align::Left, Align::Left],
            &[vec![
                "a".into(),
                "a very long name indeed".into(),
                "x".into(),
            ]],
            1,
            20,
        );
        for l in t.lines() {
            assert!(width(l) <= 20, "{l}");
        }
        assert!(t.contains('…'));
        // Other columns give way too when the flexible one is at its minimum.
        let t = table(
            &["STATUS", "NAME", "ISSUER", "EXPIRES"],
            &[Align::Left, Align::Left, Align::Left, Align::Left],
            &[vec![
                "expiring 25d".into(),
                "IBM Cloud Pak for Data v4.x Administrator".into(),
                "Amazon Web Services Training and Certification".into(),
                "2026-12-21".into(),
            ]],
            1,
            60,
        );
        for l in t.lines() {
            assert!(width(l) <= 60, "{l}");
        }
        assert!(t.contains("2026-12-21"), "{t}");
    }
}
