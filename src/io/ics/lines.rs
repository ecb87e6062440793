//! Reading iCalendar text into a tree of components: unfolding, splitting each content line
//! into name, parameters and value, and matching `BEGIN`/`END`. Lenient where real files
//! differ from RFC 5545 without ambiguity (bare LF line ends, lower-case names, blank lines,
//! a byte-order mark), strict where the structure is broken.

use std::borrow::Cow;

/// One content line, unfolded. Names are upper-cased; values are still escaped. Name and
/// value borrow from the file's text where they can (a large calendar has hundreds of
/// thousands of lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Property<'a> {
    pub name: Cow<'a, str>,
    pub params: Vec<(String, String)>,
    pub value: Cow<'a, str>,
    /// Line number (from 1) where the property starts in the file.
    pub line: usize,
}

impl Property<'_> {
    /// The first value of parameter `name` (upper case), unquoted.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, ...) and what it contains.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Component<'a> {
    pub name: String,
    pub line: usize,
    pub properties: Vec<Property<'a>>,
    pub children: Vec<Component<'a>>,
}

impl<'a> Component<'a> {
    /// The first property called `name` (upper case).
    pub(crate) fn prop(&self, name: &str) -> Option<&Property<'a>> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Every property called `name`.
    pub(crate) fn props<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Property<'a>> {
        self.properties.iter().filter(move |p| p.name == name)
    }
}

/// What is wrong with the structure of the file, and on which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub line: usize,
    pub message: String,
}

fn strip(raw: &str) -> &str {
    raw.strip_suffix('\r').unwrap_or(raw)
}

/// The top-level components of `text` (normally one `VCALENDAR`), and what could not be
/// read. Liberal, as real files need: a line that is not a content line is left out; an
/// `END` that closes nothing open is ignored; an `END` that closes an outer component
/// closes the inner ones too; components still open at the end of the file (a truncated
/// file) are closed there; text outside any component is ignored. Each of these is
/// reported as a [`SyntaxError`], in file order.
pub(crate) fn parse<'t>(text: &'t str) -> (Vec<Component<'t>>, Vec<SyntaxError>) {
    let mut top = Vec::new();
    let mut problems = Vec::new();
    let mut stack: Vec<Component> = Vec::new();
    let close = |stack: &mut Vec<Component<'t>>, top: &mut Vec<Component<'t>>| {
        if let Some(mut done) = stack.pop() {
            done.properties.shrink_to_fit();
            done.children.shrink_to_fit();
            match stack.last_mut() {
                Some(parent) => parent.children.push(done),
                None => top.push(done),
            }
        }
    };
    for (line, content) in unfold(text) {
        if content.trim().is_empty() {
            continue;
        }
        let prop = match split(content, line) {
            Ok(prop) => prop,
            Err(_) if stack.is_empty() => continue,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        match &*prop.name {
            "BEGIN" => stack.push(Component {
                name: prop.value.trim().to_ascii_uppercase(),
                line,
                ..Component::default()
            }),
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                let Some(depth) = stack.iter().rposition(|c| c.name == name) else {
                    if !stack.is_empty() || top.is_empty() {
                        problems.push(SyntaxError {
                            line,
                            message: format!("END:{name} without a matching BEGIN"),
                        });
                    }
                    continue;
                };
                for inner in stack.get(depth + 1..).unwrap_or_default().iter().rev() {
                    problems.push(SyntaxError {
                        line: inner.line,
                        message: format!(
                            "BEGIN:{} is closed by END:{name} of line {line}",
                            inner.name
                        ),
                    });
                }
                while stack.len() > depth {
                    close(&mut stack, &mut top);
                }
            }
            // Text outside the calendar is left alone.
            _ => {
                if let Some(c) = stack.last_mut() {
                    c.properties.push(prop);
                }
            }
        }
    }
    if let Some(inner) = stack.last() {
        problems.push(SyntaxError {
            line: inner.line,
            message: format!(
                "BEGIN:{} is never closed: the file looks truncated",
                inner.name
            ),
        });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut top);
    }
    (top, problems)
}

/// Logical lines with the number of the physical line each starts on. A line that begins
/// with a space or a tab continues the one before it (RFC 5545 section 3.1). Lazy, and
/// borrowing where nothing was folded, so a large file is not copied line by line.
fn unfold(text: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    let mut lines = text.split('\n').enumerate().peekable();
    std::iter::from_fn(move || {
        let (i, first) = lines.next()?;
        let mut logical = Cow::Borrowed(strip(first));
        while let Some((_, next)) = lines.peek() {
            let Some(rest) = strip(next).strip_prefix([' ', '\t']) else {
                break;
            };
            logical.to_mut().push_str(rest);
            lines.next();
        }
        Some((i + 1, logical))
    })
}

/// `NAME;PARAM=value;PARAM="quoted; value":value` into its parts.
fn split(content: Cow<'_, str>, line: usize) -> Result<Property<'_>, SyntaxError> {
    let (name_range, params, value_start) = split_at(&content, line)?;
    let upper = content[name_range.clone()]
        .bytes()
        .all(|b| !b.is_ascii_lowercase());
    let (name, value) = match content {
        Cow::Borrowed(text) => (
            if upper {
                Cow::Borrowed(&text[name_range])
            } else {
                Cow::Owned(text[name_range].to_ascii_uppercase())
            },
            Cow::Borrowed(&text[value_start..]),
        ),
        Cow::Owned(text) => (
            Cow::Owned(text[name_range].to_ascii_uppercase()),
            Cow::Owned(text[value_start..].to_string()),
        ),
    };
    Ok(Property {
        name,
        params,
        value,
        line,
    })
}

/// Where the name is, the parameters, and where the value starts in a content line.
#[allow(clippy::type_complexity)]
fn split_at(
    content: &str,
    line: usize,
) -> Result<(std::ops::Range<usize>, Vec<(String, String)>, usize), SyntaxError> {
    let bad = |message: String| SyntaxError { line, message };
    let name_end = content
        .find([';', ':'])
        .ok_or_else(|| bad(format!("'{}' is not a content line", shorten(content))))?;
    let raw_name = &content[..name_end];
    let lead = raw_name.len() - raw_name.trim_start().len();
    let name_range = lead..lead + raw_name.trim().len();
    let name = &content[name_range.clone()];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(bad(format!(
            "'{}' is not a property name",
            shorten(raw_name)
        )));
    }
    let name = name.to_ascii_uppercase();
    let mut params = Vec::new();
    let mut rest = &content[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after
            .find('=')
            .ok_or_else(|| bad(format!("parameter without '=' in {name}")))?;
        let pname = after[..eq].trim().to_ascii_uppercase();
        // Only the first of a list of values is kept: the parameters we read (TZID, VALUE,
        // RANGE) have one.
        let mut values = vec![String::new()];
        let mut quoted = false;
        let mut end = after.len() - eq - 1;
        for (i, c) in after[eq + 1..].char_indices() {
            match c {
                '"' => quoted = !quoted,
                ';' | ':' if !quoted => {
                    end = i;
                    break;
                }
                ',' if !quoted => values.push(String::new()),
                c => {
                    if let Some(v) = values.last_mut() {
                        v.push(c);
                    }
                }
            }
        }
        if quoted {
            return Err(bad(format!("unclosed quote in a parameter of {name}")));
        }
        params.push((pname, values.swap_remove(0)));
        rest = &after[eq + 1 + end..];
    }
    if !rest.starts_with(':') {
        return Err(bad(format!("{name} has no ':' before its value")));
    }
    Ok((name_range, params, content.len() - rest.len() + 1))
}

/// At most 40 characters of `s`, for messages.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_content_lines() {
        let p = split(
            "DTSTART;TZID=\"America/New_York\";VALUE=DATE-TIME:20270105T090000".into(),
            3,
        )
        .unwrap();
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.param("TZID"), Some("America/New_York"));
        assert_eq!(p.param("VALUE"), Some("DATE-TIME"));
        assert_eq!(p.value, "20270105T090000");
        let p = split("summary;LANGUAGE=ja:会議: 午後; 第2,3".into(), 1).unwrap();
        assert_eq!(p.name, "SUMMARY");
        assert_eq!(p.value, "会議: 午後; 第2,3");
        let p = split(Cow::Owned("X-A;P=\"a;b:c\",d:v".to_string()), 1).unwrap();
        assert_eq!(p.param("P"), Some("a;b:c"));
        assert_eq!(p.value, "v");
        for bad in ["no colon", ":novalue", "A;B:c", "A;B=\"x:y", "名前:x"] {
            assert!(split(bad.into(), 1).is_err(), "{bad}");
        }
    }

    #[test]
    fn unfolds_crlf_lf_and_tabs() {
        let text = "SUMMARY:ab\r\n c\r\n\td\nUID:1\n";
        assert_eq!(
            unfold(text)
                .map(|(n, l)| (n, l.into_owned()))
                .collect::<Vec<_>>(),
            vec![
                (1, "SUMMARY:abcd".to_string()),
                (4, "UID:1".to_string()),
                (5, String::new())
            ]
        );
    }

    #[test]
    fn structure_problems_are_reported_and_the_rest_is_read() {
        let cases = [
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VCALENDAR\n",
                2,
                "closed by END:VCALENDAR",
            ),
            ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n", 2, "never closed"),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VTODO\nEND:VEVENT\nEND:VCALENDAR\n",
                4,
                "END:VTODO without a matching BEGIN",
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nbroken fold\nEND:VEVENT\nEND:VCALENDAR\n",
                4,
                "not a content line",
            ),
        ];
        for (text, line, what) in cases {
            let (tree, problems) = parse(text);
            assert_eq!(problems.len(), 1, "{text}: {problems:?}");
            assert_eq!(problems[0].line, line, "{text}");
            assert!(
                problems[0].message.contains(what),
                "{}",
                problems[0].message
            );
            // The event is still there, with its UID.
            let event = &tree[0].children[0];
            assert_eq!(event.name, "VEVENT");
            assert_eq!(event.prop("UID").unwrap().value, "a");
        }
        let (tree, problems) =
            parse("begin:vcalendar\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        assert!(problems.is_empty());
        assert_eq!(tree[0].children[0].prop("UID").unwrap().value, "a");
        let (trailing, problems) = parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n\0\0junk\nX:y\n");
        assert_eq!(trailing.len(), 1);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
