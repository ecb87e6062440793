//! Why an import file was refused: the file, where in it (the Credly record with its id,
//! or the CSV line and column), what is wrong, and what to do about it.

use std::fmt;

/// A file that cannot be imported. Nothing from any file of the batch is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file name as the caller gave it.
    pub file: String,
    /// Where in the file.
    pub at: Location,
    /// What is wrong.
    pub problem: Problem,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// A record of a JSON download: its 1-based position and its id when it has one.
    Record { index: usize, id: Option<String> },
    /// A CSV record: the line where it starts (the header is line 1) and the column at
    /// fault, when one is.
    Line { line: u64, column: Option<String> },
}

/// What is wrong with a file or a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON at all (often the HTML page saved instead of the JSON).
    NotJson(String),
    /// JSON, but not the expected document; says what was found.
    WrongShape(String),
    /// A required field is absent or empty (`id`, `badge_template.name`, `name`).
    Missing(String),
    /// A date field that is not a date, or an impossible one (`2027-02-30`).
    BadDate { field: String, value: String },
    /// An effort that is not a duration.
    BadDuration(String),
    /// Text that is not UTF-8; says which encoding it looks like.
    NotUtf8(String),
    /// The header has no column of this name; lists the columns it has.
    MissingColumn { column: String, found: Vec<String> },
    /// The header names a column twice.
    DuplicateColumn(String),
    /// The file has no header row.
    Empty,
    /// The CSV reader could not read the record.
    Csv(String),
}

impl ImportError {
    pub(crate) fn file(file: &str, problem: Problem) -> Self {
        ImportError {
            file: file.to_string(),
            at: Location::File,
            problem,
        }
    }

    /// What the user can do about it, in a few words.
    pub fn fix(&self) -> &'static str {
        let csv = matches!(self.at, Location::Line { .. });
        match &self.problem {
            Problem::NotJson(_) => {
                "open https://www.credly.com/users/<name>/badges.json in a browser and save the \
                 JSON itself (in Firefox's JSON view: Save), not the web page"
            }
            Problem::WrongShape(_) => {
                "give the pages of https://www.credly.com/users/<name>/badges.json, which hold \
                 {\"data\": [...], \"metadata\": {...}}"
            }
            Problem::Missing(_) if csv => "fill it in, or delete the row",
            Problem::Missing(_) => {
                "the file looks edited or damaged: download the page from Credly again"
            }
            Problem::BadDate { .. } if csv => "write dates as YYYY-MM-DD, like 2027-01-31",
            Problem::BadDate { .. } => {
                "Credly writes real YYYY-MM-DD dates, so the file looks edited or damaged: \
                 download the page again"
            }
            Problem::BadDuration(_) => "write the effort like 90m, 1h30m or 6h, or leave it empty",
            Problem::NotUtf8(_) => "save it from your spreadsheet as \"CSV UTF-8\"",
            Problem::MissingColumn { .. } | Problem::Empty => {
                "the first row must name the columns: name (required), issuer, earned_on, \
                 expires_on, retires_on, effort, url"
            }
            Problem::DuplicateColumn(_) => "keep one column of that name",
            Problem::Csv(_) => "check the quotes on that line: a quoted cell must end with a quote",
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Record {
                index,
                id: Some(id),
            } => write!(f, "record {index} (id {id})"),
            Location::Record { index, id: None } => write!(f, "record {index} (no id)"),
            Location::Line { line, column: None } => write!(f, "line {line}"),
            Location::Line {
                line,
                column: Some(c),
            } => write!(f, "line {line}, column {c}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotJson(e) => write!(f, "not JSON ({e})"),
            Problem::WrongShape(what) => write!(f, "not a Credly badges page ({what})"),
            Problem::Missing(field) => write!(f, "no {field}"),
            Problem::BadDate { field, value } => {
                write!(f, "{field} \"{value}\" is not a date")
            }
            Problem::BadDuration(v) => write!(f, "\"{v}\" is not a duration"),
            Problem::NotUtf8(what) => write!(f, "not UTF-8 text ({what})"),
            Problem::MissingColumn { column, found } => {
                write!(f, "no column \"{column}\"")?;
                if found.is_empty() {
                    Ok(())
                } else {
                    write!(f, " (the columns are: {})", found.join(", "))
                }
            }
            Problem::DuplicateColumn(c) => write!(f, "column \"{c}\" appears twice"),
            Problem::Empty => f.write_str("empty"),
            Problem::Csv(e) => write!(f, "unreadable CSV ({e})"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Location::File => write!(f, "{}: {}", self.file, self.problem)?,
            _ => write!(f, "{}, {}: {}", self.file, self.at, self.problem)?,
        }
        write!(f, "; {}", self.fix())
    }
}

impl std::error::Error for ImportError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_the_place_and_the_fix() {
        let e = ImportError {
            file: "badges.csv".into(),
            at: Location::Line {
                line: 7,
                column: Some("expires_on".into()),
            },
            problem: Problem::BadDate {
                field: "expires_on".into(),
                value: "2027-02-30".into(),
            },
        };
        assert_eq!(
            e.to_string(),
            "badges.csv, line 7, column expires_on: expires_on \"2027-02-30\" is not a date; \
             write dates as YYYY-MM-DD, like 2027-01-31"
        );
        let e = ImportError::file("page.json", Problem::NotJson("expected value".into()));
        assert!(
            e.to_string()
                .starts_with("page.json: not JSON (expected value); open https://")
        );
    }
}
