//! Why an import file was refused: the file, where in it (the Credly record with its id,
//! or the CSV line and column), what is wrong, and what to do about it.

use crate::domain::Source;
use std::fmt;

/// A file that cannot be imported. Nothing from any file of the batch is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The format being read; it shapes the advice.
    pub source: Source,
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
    /// JSON, but not the expected document (`expected` is "a Credly badges page"); says
    /// what was found.
    WrongShape {
        expected: &'static str,
        found: String,
    },
    /// A required field is absent or empty (`id`, `badge_template.name`, `name`).
    Missing(&'static str),
    /// A date field that is not a date, or an impossible one (`2027-02-30`).
    BadDate { field: &'static str, value: String },
    /// An effort that is not a duration.
    BadDuration(String),
    /// Text that is not UTF-8; says which encoding it looks like.
    NotUtf8(String),
    /// The header has no column of this name; lists the columns it has.
    MissingColumn {
        column: &'static str,
        found: Vec<String>,
    },
    /// The header names a column twice.
    DuplicateColumn(String),
    /// The file has no header row.
    Empty,
    /// The CSV reader could not read the record.
    Csv(String),
}

impl ImportError {
    pub(crate) fn new(source: Source, file: &str, at: Location, problem: Problem) -> Self {
        ImportError {
            source,
            file: file.to_string(),
            at,
            problem,
        }
    }

    pub(crate) fn file(source: Source, file: &str, problem: Problem) -> Self {
        Self::new(source, file, Location::File, problem)
    }

    /// What the user can do about it, in a few words.
    pub fn fix(&self) -> &'static str {
        let credly = self.source == Source::Credly;
        match &self.problem {
            Problem::NotJson(_) | Problem::WrongShape { .. } if credly => {
                "open https://www.credly.com/users/<name>/badges.json in a browser and save the \
                 JSON itself (in Firefox's JSON view: Save), every page of it"
            }
            Problem::NotJson(_) | Problem::WrongShape { .. } => {
                "give the assertion's JSON (an object with \"type\": \"Assertion\"), not a badge \
                 image or web page"
            }
            Problem::Missing(_) if self.source == Source::Csv => "fill it in, or delete the row",
            Problem::Missing(_) if credly => {
                "the file looks edited or damaged: download the page from Credly again"
            }
            Problem::Missing(_) => {
                "if the assertion links to its badge or issuer, give their JSON files as well"
            }
            Problem::BadDate { .. } if self.source == Source::Csv => {
                "write dates as YYYY-MM-DD, like 2027-01-31"
            }
            Problem::BadDate { .. } if credly => {
                "Credly writes real YYYY-MM-DD dates, so the file looks edited or damaged: \
                 download the page again"
            }
            Problem::BadDate { .. } => {
                "issuers write ISO 8601 dates, so the file looks edited or damaged: download it \
                 again"
            }
            Problem::BadDuration(_) => "write the effort like 90m, 1h30m or 6h, or leave it empty",
            Problem::NotUtf8(_) => "save it from your spreadsheet as \"CSV UTF-8\"",
            Problem::MissingColumn { .. } | Problem::Empty => {
                "the first row must name the columns: name (required), issuer, earned_on, \
                 expires_on, retires_on, effort, url, notes"
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
            Problem::WrongShape { expected, found } => write!(f, "not {expected} ({found})"),
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
            source: Source::Csv,
            file: "badges.csv".into(),
            at: Location::Line {
                line: 7,
                column: Some("expires_on".into()),
            },
            problem: Problem::BadDate {
                field: "expires_on",
                value: "2027-02-30".into(),
            },
        };
        assert_eq!(
            e.to_string(),
            "badges.csv, line 7, column expires_on: expires_on \"2027-02-30\" is not a date; \
             write dates as YYYY-MM-DD, like 2027-01-31"
        );
        let e = ImportError::file(
            Source::Credly,
            "page.json",
            Problem::NotJson("expected value".into()),
        );
        assert!(
            e.to_string()
                .starts_with("page.json: not JSON (expected value); open https://")
        );
    }
}
