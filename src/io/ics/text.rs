//! Content lines: escaping of TEXT values, folding at 75 octets, CRLF, and the reverse
//! (unescaping) for the reader.

/// The longest content line, in octets, before the line break (RFC 5545 section 3.1).
const FOLD_AT: usize = 75;

/// Escapes a TEXT value: `\` `;` `,` and line breaks (CRLF, CR or LF become `\n`). Other
/// control characters are not allowed in TEXT and are dropped (a tab is kept).
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c <= '\u{1f}' || c == '\u{7f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`]; unknown escapes are kept as they are, and `\N` is a newline too
/// (some producers write it).
pub(crate) fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ';' | ',' | ':' | '"')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Builds the text of a calendar one content line at a time: CRLF ends, folded so no line
/// exceeds 75 octets, never inside a UTF-8 character.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    out: String,
}

impl Lines {
    /// A property whose value is already in its iCalendar form (dates, numbers, names).
    pub(crate) fn raw(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + 1 + value.len());
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        self.push_folded(&line);
    }

    /// A TEXT property: the value is escaped.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape(value));
    }

    /// A TEXT list property (`CATEGORIES`): each item escaped, joined by commas.
    pub(crate) fn text_list(&mut self, name: &str, items: &[&str]) {
        let joined: Vec<String> = items.iter().map(|i| escape(i)).collect();
        self.raw(name, &joined.join(","));
    }

    pub(crate) fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    pub(crate) fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Folds between two characters that are not white space where one is near the limit:
    /// RFC 5545 unfolding keeps white space on either side of a fold, but some readers
    /// (the `ical` crate among them) trim the ends of physical lines.
    fn push_folded(&mut self, line: &str) {
        const LOOK_BACK: usize = 8;
        let mut rest = line;
        let mut limit = FOLD_AT;
        while rest.len() > limit {
            let fits: Vec<usize> = rest
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .take_while(|i| *i <= limit)
                .collect();
            let solid = |i: &usize| {
                let before = rest.get(..*i).and_then(|s| s.chars().next_back());
                let after = rest.get(*i..).and_then(|s| s.chars().next());
                !before.is_some_and(char::is_whitespace) && !after.is_some_and(char::is_whitespace)
            };
            let cut = fits
                .iter()
                .rev()
                .take(LOOK_BACK)
                .find(|i| solid(i))
                .or(fits.last())
                .copied()
                .unwrap_or(rest.len());
            let (head, tail) = rest.split_at(cut);
            self.out.push_str(head);
            self.out.push_str("\r\n ");
            rest = tail;
            limit = FOLD_AT - 1;
        }
        self.out.push_str(rest);
        self.out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_back() {
        for (plain, escaped) in [
            ("a;b,c\\d", "a\\;b\\,c\\\\d"),
            ("two\nlines", "two\\nlines"),
            ("crlf\r\nand cr\r.", "crlf\\nand cr\\n."),
            ("bell\u{7}tab\t", "belltab\t"),
            ("日本語; テスト", "日本語\\; テスト"),
        ] {
            assert_eq!(escape(plain), escaped, "{plain:?}");
        }
        for plain in ["a;b,c\\d", "two\nlines", "\\n literally", "末尾\\"] {
            assert_eq!(unescape(&escape(plain)), plain);
        }
        assert_eq!(unescape("a\\:b\\Nc\\x"), "a:b\nc\\x");
    }

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let mut lines = Lines::default();
        let long = "資格".repeat(40);
        lines.text("SUMMARY", &long);
        lines.raw("UID", &"x".repeat(200));
        let out = lines.finish();
        assert!(out.ends_with("\r\n"));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{long}\r\n")));
        assert!(unfolded.contains(&format!("UID:{}\r\n", "x".repeat(200))));
        let first = out.split("\r\n").next().unwrap();
        // 8 octets of "SUMMARY:" then 3-octet characters: 22 fit, 23 would make 77.
        assert_eq!(first.len(), 8 + 22 * 3);
    }

    #[test]
    fn folds_away_from_white_space() {
        let mut lines = Lines::default();
        // Without care the fold would fall right after the space at octet 75.
        let value = format!("{} {}", "a".repeat(66), "b".repeat(30));
        lines.text("SUMMARY", &value);
        let out = lines.finish();
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(!line.ends_with(' '), "{line:?}");
            assert!(!line.starts_with("  "), "{line:?}");
        }
        assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{value}\r\n"));
        // A value of spaces only still folds, and within the limit.
        let mut lines = Lines::default();
        lines.text("X", &" ".repeat(200));
        let out = lines.finish();
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("X:{}\r\n", " ".repeat(200))
        );
    }
}
