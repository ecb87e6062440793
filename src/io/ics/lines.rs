//! Reading iCalendar text into a tree of components: unfolding, splitting each content line
//! into name, parameters and value, and matching `BEGIN`/`END`. Lenient where real files
//! differ from RFC 5545 without ambiguity (bare LF line ends, lower-case names, blank lines,
//! a byte-order mark), strict where the structure is broken.

/// One content line, unfolded. Names are upper-cased; values are still escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
    /// Line number (from 1) where the property starts in the file.
    pub line: usize,
}

impl Property {
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
pub(crate) struct Component {
    pub name: String,
    pub line: usize,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    /// The first property called `name` (upper case).
    pub(crate) fn prop(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Every property called `name`.
    pub(crate) fn props<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> {
        self.properties.iter().filter(move |p| p.name == name)
    }
}

/// What is wrong with the structure of the file, and on which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub line: usize,
    pub message: String,
}

/// The top-level components of `text` (normally one `VCALENDAR`), and what could not be
/// read. Liberal, as real files need: a line that is not a content line is left out; an
/// `END` that closes nothing open is ignored; an `END` that closes an outer component
/// closes the inner ones too; components still open at the end of the file (a truncated
/// file) are closed there; text outside any component is ignored. Each of these is
/// reported as a [`SyntaxError`], in file order.
pub(crate) fn parse(text: &str) -> (Vec<Component>, Vec<SyntaxError>) {
    let mut top = Vec::new();
    let mut problems = Vec::new();
    let mut stack: Vec<Component> = Vec::new();
    let close = |stack: &mut Vec<Component>, top: &mut Vec<Component>| {
        if let Some(done) = stack.pop() {
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
        let prop = match split(&content, line) {
            Ok(prop) => prop,
            Err(_) if stack.is_empty() => continue,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        match prop.name.as_str() {
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
/// with a space or a tab continues the one before it (RFC 5545 section 3.1).
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => out.push((i + 1, raw.to_string())),
        }
    }
    out
}

/// `NAME;PARAM=value;PARAM="quoted; value":value` into its parts.
fn split(content: &str, line: usize) -> Result<Property, SyntaxError> {
    let bad = |message: String| SyntaxError { line, message };
    let name_end = content
        .find([';', ':'])
        .ok_or_else(|| bad(format!("'{}' is not a content line", shorten(content))))?;
    let name = content[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(bad(format!(
            "'{}' is not a property name",
            shorten(&content[..name_end])
        )));
    }
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
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| bad(format!("{name} has no ':' before its value")))?;
    Ok(Property {
        name,
        params,
        value: value.to_string(),
        line,
    })
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
            "DTSTART;TZID=\"America/New_York\";VALUE=DATE-TIME:20270105T090000",
            3,
        )
        .unwrap();
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.param("TZID"), Some("America/New_York"));
        assert_eq!(p.param("VALUE"), Some("DATE-TIME"));
        assert_eq!(p.value, "20270105T090000");
        let p = split("summary;LANGUAGE=ja:会議: 午後; 第2,3", 1).unwrap();
        assert_eq!(p.name, "SUMMARY");
        assert_eq!(p.value, "会議: 午後; 第2,3");
        let p = split("X-A;P=\"a;b:c\",d:v", 1).unwrap();
        assert_eq!(p.param("P"), Some("a;b:c"));
        assert_eq!(p.value, "v");
        for bad in ["no colon", ":novalue", "A;B:c", "A;B=\"x:y", "名前:x"] {
            assert!(split(bad, 1).is_err(), "{bad}");
        }
    }

    #[test]
    fn unfolds_crlf_lf_and_tabs() {
        let text = "SUMMARY:ab\r\n c\r\n\td\nUID:1\n";
        assert_eq!(
            unfold(text),
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
