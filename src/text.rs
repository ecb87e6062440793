//! Text that lines up in a terminal: display width (wide CJK characters take two cells),
//! truncation that never cuts a character in half, padding, and plain aligned tables for
//! the command line.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// Breaks text into lines of at most `cells` cells, at spaces where it can.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let sep = usize::from(!line.is_empty());
        if !line.is_empty() && width(&line) + sep + width(word) > cells {
            lines.push(std::mem::take(&mut line));
        } else if sep == 1 {
            line.push(' ');
        }
        line.push_str(word);
        while width(&line) > cells {
            // A word longer than a line: cut it.
            let head = truncate(&line, cells + 1);
            let head = head.trim_end_matches('…').to_string();
            let rest = line[head.len()..].to_string();
            lines.push(head);
            line = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
        assert_eq!(wrap("データ サイエンス", 8), ["データ", "サイエン", "ス"]);
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
