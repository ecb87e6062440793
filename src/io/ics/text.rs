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

    fn push_folded(&mut self, line: &str) {
        let mut used = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if used + len > FOLD_AT {
                self.out.push_str("\r\n ");
                used = 1;
            }
            self.out.push(c);
            used += len;
        }
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
}
