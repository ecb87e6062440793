//! A one-line text editor with readline keys, used by the quick-add line, prompts and
//! form fields. Positions are in characters, so Japanese text edits correctly.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthChar;

/// Text and a cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    chars: Vec<char>,
    cursor: usize,
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not an editing key.
    Ignored,
}

impl LineInput {
    /// A line holding `text`, cursor at the end.
    pub fn new(text: &str) -> LineInput {
        let chars: Vec<char> = text.chars().collect();
        let cursor = chars.len();
        LineInput { chars, cursor }
    }

    /// The text.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        *self = LineInput::new(text);
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Cells from the start of the text to the cursor.
    pub fn cursor_cells(&self) -> usize {
        self.chars[..self.cursor]
            .iter()
            .map(|c| c.width().unwrap_or(0))
            .sum()
    }

    /// Applies an editing key: characters, Backspace, Delete, Left/Right, Home/End and
    /// readline's Ctrl-A/E/B/F/U/K/W/D/H.
    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
                'a' => self.move_to(0),
                'e' => self.move_to(self.chars.len()),
                'b' => self.move_to(self.cursor.saturating_sub(1)),
                'f' => self.move_to((self.cursor + 1).min(self.chars.len())),
                'u' => {
                    self.chars.drain(..self.cursor);
                    self.cursor = 0;
                    Edit::Changed
                }
                'k' => {
                    self.chars.truncate(self.cursor);
                    Edit::Changed
                }
                'w' => {
                    let start = self.word_start();
                    self.chars.drain(start..self.cursor);
                    self.cursor = start;
                    Edit::Changed
                }
                'h' => self.backspace(),
                'd' => self.delete(),
                _ => Edit::Ignored,
            },
            KeyCode::Char('b') if alt => {
                let start = self.word_start();
                self.move_to(start)
            }
            KeyCode::Char(c) if !alt => {
                if c.is_control() {
                    return Edit::Ignored;
                }
                self.chars.insert(self.cursor, c);
                self.cursor += 1;
                Edit::Changed
            }
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.move_to(self.cursor.saturating_sub(1)),
            KeyCode::Right => self.move_to((self.cursor + 1).min(self.chars.len())),
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(self.chars.len()),
            _ => Edit::Ignored,
        }
    }

    /// Inserts pasted text at the cursor (newlines become spaces).
    pub fn paste(&mut self, text: &str) {
        for c in text.chars() {
            let c = if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            };
            if !c.is_control() {
                self.chars.insert(self.cursor, c);
                self.cursor += 1;
            }
        }
    }

    fn move_to(&mut self, to: usize) -> Edit {
        self.cursor = to;
        Edit::Moved
    }

    fn backspace(&mut self) -> Edit {
        if self.cursor == 0 {
            return Edit::Moved;
        }
        self.cursor -= 1;
        self.chars.remove(self.cursor);
        Edit::Changed
    }

    fn delete(&mut self) -> Edit {
        if self.cursor >= self.chars.len() {
            return Edit::Moved;
        }
        self.chars.remove(self.cursor);
        Edit::Changed
    }

    fn word_start(&self) -> usize {
        let mut i = self.cursor;
        while i > 0 && self.chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !self.chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    /// The visible part of the text for a field `cells` wide, and the cursor's column in
    /// it: scrolls so the cursor stays visible, never splitting a wide character.
    pub fn visible(&self, cells: usize) -> (String, usize) {
        let (_, shown, col) = self.window(cells);
        (shown, col)
    }

    /// As [`LineInput::visible`], with the index of the first character shown.
    pub fn window(&self, cells: usize) -> (usize, String, usize) {
        if cells == 0 {
            return (0, String::new(), 0);
        }
        let widths: Vec<usize> = self.chars.iter().map(|c| c.width().unwrap_or(0)).collect();
        // Start from the cursor and walk left while the cursor column fits.
        let mut start = self.cursor;
        let mut used = 0;
        while start > 0 && used + widths[start - 1] < cells {
            start -= 1;
            used += widths[start];
        }
        let mut out = String::new();
        let mut w = 0;
        for (c, cw) in self.chars[start..].iter().zip(&widths[start..]) {
            if w + cw > cells {
                break;
            }
            out.push(*c);
            w += cw;
        }
        (start, out, used)
    }

    /// The cells, from the start of the text, that the byte range `span` covers.
    pub fn span_cells(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let mut byte = 0;
        let mut cell = 0;
        let (mut from, mut to) = (None, None);
        for c in &self.chars {
            if from.is_none() && byte >= span.start {
                from = Some(cell);
            }
            if to.is_none() && byte >= span.end {
                to = Some(cell);
            }
            byte += c.len_utf8();
            cell += c.width().unwrap_or(0);
        }
        let from = from.unwrap_or(cell);
        from..to.unwrap_or(cell).max(from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }
    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    fn typed(text: &str) -> LineInput {
        let mut l = LineInput::default();
        for c in text.chars() {
            l.handle(&key(KeyCode::Char(c)));
        }
        l
    }

    #[test]
    fn readline_keys() {
        let mut l = typed("30m #aws-saa today");
        assert_eq!(l.handle(&ctrl('w')), Edit::Changed);
        assert_eq!(l.text(), "30m #aws-saa ");
        l.handle(&ctrl('a'));
        assert_eq!(l.cursor(), 0);
        l.handle(&key(KeyCode::Char('1')));
        assert_eq!(l.text(), "130m #aws-saa ");
        l.handle(&ctrl('e'));
        l.handle(&key(KeyCode::Backspace));
        assert_eq!(l.text(), "130m #aws-saa");
        l.handle(&key(KeyCode::Left));
        l.handle(&ctrl('k'));
        assert_eq!(l.text(), "130m #aws-sa");
        l.handle(&ctrl('u'));
        assert_eq!(l.text(), "");
        assert_eq!(l.handle(&key(KeyCode::Backspace)), Edit::Moved);
        assert_eq!(l.handle(&key(KeyCode::F(1))), Edit::Ignored);
    }

    #[test]
    fn spans_map_to_cells() {
        let l = typed("30分 データ x");
        // "データ" is bytes 6..15 and cells 5..11; "x" is byte 16, cell 12.
        assert_eq!(l.span_cells(&(6..15)), 5..11);
        assert_eq!(l.span_cells(&(16..17)), 12..13);
        assert_eq!(l.span_cells(&(99..120)), 13..13);
    }

    #[test]
    fn japanese_text_and_scrolling() {
        let l = typed("30分 データ");
        assert_eq!(l.text(), "30分 データ");
        assert_eq!(l.cursor_cells(), 2 + 2 + 1 + 6);
        // Six cells with the cursor at the end: the last two characters and the cursor.
        assert_eq!(l.visible(6), ("ータ".to_string(), 4));
        let (shown, col) = l.visible(40);
        assert_eq!((shown.as_str(), col), ("30分 データ", 11));
    }
}
