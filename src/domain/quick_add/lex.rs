//! From text to tokens: NFKC with a map back to the bytes as typed, the note (quoted or
//! after `--`), splitting on spaces, and splitting glued Japanese runs into tokens.

use super::ParseError;
use super::token::{self, Kind, Token};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// The line after normalisation, with each normalised byte mapped to the character of the
/// original it came from.
pub(super) struct Source<'a> {
    pub original: &'a str,
    pub norm: String,
    /// For each byte of `norm`, the byte range of the original character it came from.
    map: Vec<Range<usize>>,
}

impl<'a> Source<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut norm = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            let from = i..i + c.len_utf8();
            // Character by character so every output byte knows its source; the badge
            // matcher normalises its own text again as a whole.
            for n in std::iter::once(c).nfkc() {
                norm.push(n);
                map.extend(std::iter::repeat_n(from.clone(), n.len_utf8()));
            }
        }
        Source {
            original,
            norm,
            map,
        }
    }

    /// The original byte range of a range of `norm`.
    pub fn orig(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= r.end || r.end > self.map.len() {
            let at = self
                .map
                .get(r.start)
                .map_or(self.original.len(), |m| m.start);
            return at..at;
        }
        self.map[r.start].start..self.map[r.end - 1].end
    }
}

/// The free text of a line: a quoted string or everything after `--`.
#[derive(Debug, Clone)]
pub(super) struct Note {
    /// As typed, trimmed.
    pub text: String,
    /// Byte range in the original, quotes or `--` included.
    pub span: Range<usize>,
}

/// What kind of line this is, from its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Study,
    Free,
    Off,
}

/// A lexed line.
#[derive(Debug)]
pub(super) struct Line {
    pub tokens: Vec<Token>,
    pub note: Option<Note>,
    pub mode: Mode,
    /// Where the tokens after the `free`/`off` word start.
    body_from: usize,
}

impl Line {
    /// The mode the first word says.
    fn said(&self) -> Mode {
        match self.tokens.first() {
            Some(t) if t.kind == Kind::Word => match t.norm.as_str() {
                "free" | "空き" | "空き時間" => Mode::Free,
                "off" | "休み" => Mode::Off,
                _ => Mode::Study,
            },
            _ => Mode::Study,
        }
    }

    /// Reads the line as `mode` whatever its first word (`sukima window add` takes the
    /// grammar without `free`/`off`); a first word naming the other kind is an error.
    pub fn assume(&mut self, mode: Mode) -> Result<(), ParseError> {
        match (self.mode, mode) {
            (said, wanted) if said == wanted => Ok(()),
            (Mode::Study, _) => {
                self.mode = mode;
                self.body_from = 0;
                Ok(())
            }
            _ => {
                let head = &self.tokens[0];
                Err(ParseError::at(
                    format!(
                        "'{}' starts {}, but {} is expected here",
                        head.shown,
                        if self.mode == Mode::Free {
                            "spare time"
                        } else {
                            "days off"
                        },
                        if mode == Mode::Free {
                            "spare time"
                        } else {
                            "days off"
                        },
                    ),
                    head.span.clone(),
                ))
            }
        }
    }

    /// The tokens after the `free`/`off` word, or all of them for a study line.
    pub fn body(&self) -> &[Token] {
        &self.tokens[self.body_from.min(self.tokens.len())..]
    }
}

/// Lexes a line into tokens and an optional note.
pub(super) fn lex(text: &str) -> Result<Line, ParseError> {
    let src = Source::new(text);
    let (chunks, note) = split(&src)?;
    let mut tokens = Vec::new();
    for (n, chunk) in chunks.into_iter().enumerate() {
        let piece = &src.norm[chunk.clone()];
        let whole = token::classify(piece, &shown(&src, chunk.clone()))
            .map_err(|e| e.spanned(src.orig(chunk.clone())))?;
        match whole {
            Some(kind) => tokens.push(make(&src, chunk, kind, n)),
            None if piece.chars().any(is_cjk) => {
                for p in scan(piece) {
                    let r = chunk.start + p.start..chunk.start + p.end;
                    let kind = token::classify(&src.norm[r.clone()], &shown(&src, r.clone()))
                        .map_err(|e| e.spanned(src.orig(r.clone())))?
                        .unwrap_or(Kind::Word);
                    tokens.push(make(&src, r, kind, n));
                }
            }
            None => tokens.push(make(&src, chunk, Kind::Word, n)),
        }
    }
    let tokens = super::merge::merge(tokens, text)?;
    let mut line = Line {
        tokens,
        note,
        mode: Mode::Study,
        body_from: 0,
    };
    line.mode = line.said();
    line.body_from = usize::from(line.mode != Mode::Study);
    Ok(line)
}

fn shown(src: &Source<'_>, r: Range<usize>) -> String {
    src.original[src.orig(r)].to_string()
}

fn make(src: &Source<'_>, r: Range<usize>, kind: Kind, chunk: usize) -> Token {
    let span = src.orig(r.clone());
    Token {
        kind,
        norm: src.norm[r].to_lowercase(),
        shown: src.original[span.clone()].to_string(),
        span,
        chunk,
    }
}

/// The closing quotes that end a quote opened by `c`, if `c` opens one.
fn closers(c: char) -> Option<&'static [char]> {
    match c {
        '"' => Some(&['"']),
        '“' => Some(&['”', '"']),
        '「' => Some(&['」']),
        '『' => Some(&['』']),
        _ => None,
    }
}

/// A lone `--` (or a dash, or `ーー`, what a Japanese input method makes of `--`).
fn is_note_mark(s: &str) -> bool {
    matches!(s, "--" | "—" | "ーー" | "――")
}

/// Splits the normalised text into chunks (byte ranges of `norm`) on whitespace, taking
/// out quoted strings and everything after a lone `--` as the note.
fn split(src: &Source<'_>) -> Result<(Vec<Range<usize>>, Option<Note>), ParseError> {
    let s = src.norm.as_str();
    let mut chunks: Vec<Range<usize>> = Vec::new();
    let mut note: Option<Note> = None;
    let mut start: Option<usize> = None;
    let mut skip_to = 0;
    for (i, c) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        let opens = closers(c);
        if (c.is_whitespace() || opens.is_some())
            && let Some(st) = start.take()
        {
            if is_note_mark(&s[st..i]) {
                let rest = src.orig(i..s.len());
                set_note(&mut note, src, st..i, rest.start..src.original.len())?;
                return Ok((chunks, note));
            }
            chunks.push(st..i);
        }
        if let Some(close) = opens {
            let body = i + c.len_utf8();
            let Some(j) = s[body..].find(close) else {
                return Err(ParseError::at(
                    format!(
                        "the quote {c}… is not closed: end the note with {}",
                        close[0]
                    ),
                    src.orig(i..s.len()),
                )
                .kind(super::ParseErrorKind::OpenQuote {
                    quote: c,
                    close: close[0],
                }));
            };
            let end_char = s[body + j..].chars().next().map_or(1, char::len_utf8);
            let inner = src.orig(body..body + j);
            set_note(&mut note, src, i..body + j + end_char, inner)?;
            skip_to = body + j + end_char;
            continue;
        }
        if !c.is_whitespace() && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        if is_note_mark(&s[st..]) {
            let end = src.original.len();
            set_note(&mut note, src, st..s.len(), end..end)?;
        } else {
            chunks.push(st..s.len());
        }
    }
    Ok((chunks, note))
}

/// Records a note (`whole`: the mark or quotes, in `norm`; `text`: the original bytes of
/// its text), refusing a second one.
fn set_note(
    note: &mut Option<Note>,
    src: &Source<'_>,
    whole: Range<usize>,
    text: Range<usize>,
) -> Result<(), ParseError> {
    let mark = src.orig(whole);
    let span = mark.start..mark.end.max(text.end);
    let text = src.original[text].trim().to_string();
    if let Some(first) = note {
        return Err(ParseError::at(
            format!("two notes (\"{}\" and \"{}\"): keep one", first.text, text),
            span,
        )
        .kind(super::ParseErrorKind::TwoNotes));
    }
    *note = Some(Note { text, span });
    Ok(())
}

/// Words that stand alone even when glued to Japanese text.
const ATOMS: &[&str] = &[
    "空き時間",
    "一昨日",
    "明後日",
    "今日",
    "昨日",
    "明日",
    "本日",
    "毎週",
    "毎日",
    "平日",
    "週末",
    "空き",
    "休み",
    "正午",
    "午前",
    "午後",
    "から",
    "まで",
    "〜",
];

/// Splits a chunk with Japanese in it that has no meaning as a whole into pieces (byte
/// ranges of `s`): Japanese day words, weekdays, dates, times and durations, runs of
/// non-Japanese text (`30m`, `#cp4d`), and the Japanese text between them.
fn scan(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let atom = ATOMS
            .iter()
            .find(|a| rest.starts_with(**a))
            .map(|a| a.len())
            .or_else(|| weekday_atom(rest))
            .or_else(|| number_atom(rest))
            .or_else(|| {
                let latin = rest.find(is_cjk).unwrap_or(rest.len());
                (latin > 0).then_some(latin)
            });
        match atom {
            Some(n) => {
                if let Some(w) = word.take() {
                    out.push(w..i);
                }
                out.push(i..i + n);
                i += n;
            }
            None => {
                word.get_or_insert(i);
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if let Some(w) = word {
        out.push(w..s.len());
    }
    out
}

/// Japanese (and Chinese) text: kana, kanji, CJK punctuation such as `〜`. Other
/// text, Latin with its accents included, is kept in one piece when glued to it.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// `月曜` or `月曜日` (a bare `月` inside text is not split off: it is too common).
fn weekday_atom(s: &str) -> Option<usize> {
    let mut cs = s.chars();
    let first = cs.next()?;
    if !"月火水木金土日".contains(first) {
        return None;
    }
    let rest = cs.as_str();
    let n = first.len_utf8();
    if rest.starts_with("曜日") {
        Some(n + "曜日".len())
    } else if rest.starts_with('曜') {
        Some(n + '曜'.len_utf8())
    } else {
        None
    }
}

fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// A number with a Japanese unit: `30分`, `1時間半`, `7時30分`, `1.5時間`, `1月5日`,
/// `2027年1月5日`.
fn number_atom(s: &str) -> Option<usize> {
    let mut n = digits(s);
    if n == 0 {
        return None;
    }
    if s[n..].starts_with('.') && digits(&s[n + 1..]) > 0 {
        n += 1 + digits(&s[n + 1..]);
    }
    let after = |n: usize, unit: &str| s[n..].starts_with(unit).then_some(n + unit.len());
    // Dates: [YYYY年]M月D日
    let date_from = |n: usize| -> Option<usize> {
        let m = after(n, "月")?;
        let d = digits(&s[m..]);
        (d > 0).then_some(())?;
        after(m + d, "日")
    };
    if let Some(y) = after(n, "年") {
        let m = digits(&s[y..]);
        if m > 0
            && let Some(end) = date_from(y + m)
        {
            return Some(end);
        }
    }
    if let Some(end) = date_from(n) {
        return Some(end);
    }
    // 時間 before 時.
    let tail = |h: usize| -> usize {
        let m = digits(&s[h..]);
        if m > 0 {
            after(h + m, "分").unwrap_or(h)
        } else {
            after(h, "半").unwrap_or(h)
        }
    };
    if let Some(h) = after(n, "時間") {
        return Some(tail(h));
    }
    if let Some(h) = after(n, "時") {
        return Some(tail(h));
    }
    after(n, "分")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        scan(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn scans_glued_japanese() {
        assert_eq!(pieces("昨日30分データ"), ["昨日", "30分", "データ"]);
        assert_eq!(
            pieces("明日7時30分データ基礎"),
            ["明日", "7時30分", "データ基礎"]
        );
        assert_eq!(pieces("#cp4d勉強"), ["#cp4d", "勉強"]);
        assert_eq!(pieces("土曜9時〜11時"), ["土曜", "9時", "〜", "11時"]);
        assert_eq!(pieces("1時間半aws"), ["1時間半", "aws"]);
        assert_eq!(pieces("2027年1月5日"), ["2027年1月5日"]);
        assert_eq!(pieces("毎週土曜"), ["毎週", "土曜"]);
        assert_eq!(pieces("データサイエンス"), ["データサイエンス"]);
        assert_eq!(pieces("Sécurité勉強"), ["Sécurité", "勉強"]);
    }

    #[test]
    fn maps_back_to_the_bytes_typed() {
        let src = Source::new("３０分 ＃cp4d");
        assert_eq!(src.norm, "30分 #cp4d");
        assert_eq!(src.orig(0..5), 0..9);
        assert_eq!(&src.original[src.orig(6..11)], "＃cp4d");
    }

    #[test]
    fn notes() {
        let line = lex("30m #a -- ch 3 \"x\"").unwrap();
        assert_eq!(line.note.unwrap().text, "ch 3 \"x\"");
        let line = lex("30m 「第３章」 #a").unwrap();
        assert_eq!(line.note.unwrap().text, "第３章");
        assert_eq!(line.tokens.len(), 2);
        assert!(lex("30m \"a\" \"b\"").is_err());
        assert!(lex("30m \"a").is_err());
    }
}
