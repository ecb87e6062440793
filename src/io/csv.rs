//! Badges from a spreadsheet: a CSV file with a header row naming the columns `name`
//! (required), `issuer`, `earned_on`, `expires_on`, `retires_on`, `effort`, `url` and
//! `notes`, in any order; other columns are ignored and named in the report.
//!
//! It reads what spreadsheets write: a UTF-8 byte order mark, CRLF line ends, quoted cells
//! holding commas, quotes and line breaks, any Unicode, rows shorter than the header, and
//! empty cells (an empty field). Choices where the contract is silent:
//! - Header names are matched after trimming, lowercasing and reading spaces and `-` as `_`
//!   (`Earned On` is `earned_on`); a known column named twice is an error.
//! - Dates are `YYYY-MM-DD`; `YYYY/MM/DD` (how Excel shows dates in Japan) and a trailing
//!   midnight time (`2027-01-31 00:00:00`) are read too. `retires_on` also takes the
//!   periods vendors announce (`2027`, `Q1 '27`: the last day of the period). `effort` is
//!   a duration (`90m`, `6h`); empty means the issuer's default.
//! - A row whose cells are all empty is ignored (spreadsheets leave them at the end).
//! - If the header row has no comma but has tabs or semicolons, that is the delimiter
//!   (tab-separated exports, European spreadsheets).
//! - Identity: a row's `source_id` is its name and issuer, normalised (NFKC, lowercase,
//!   spaces collapsed: see [`text_identity`]), so re-importing an edited sheet updates the
//!   badge whose name and issuer it matches; a renamed badge is a new one (the old one is
//!   kept). Badges missing from the file are left alone and not reported: a sheet need
//!   not list every badge. The same name and issuer on two rows: the later expiry wins
//!   (DESIGN 8; a dated expiry over none; the first row on a tie), the other row is
//!   skipped as a duplicate.
//! - Every row then passes the one validation of DESIGN 8 ([`Import::checked`]).
//! - Errors name the line where the record starts (the header is line 1), so a quoted cell
//!   spanning lines does not shift the count, and the column.
//! - A file that is not UTF-8 is refused with the advice to save it as "CSV UTF-8" (Excel
//!   in Japan saves plain "CSV" as Shift_JIS).

use super::import_error::{ImportError, Location, Problem};
use super::incoming::{Carried, Import, Incoming, SkipReason, Skipped, text_identity};
use crate::domain::Source;
use crate::domain::dates::{DateError, parse_date_or_period, parse_ymd};
use crate::domain::parse_duration;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The columns read; the others are ignored (and named in the report).
pub const COLUMNS: [&str; 8] = [
    "name",
    "issuer",
    "earned_on",
    "expires_on",
    "retires_on",
    "effort",
    "url",
    "notes",
];

/// Reads one CSV file; `file` is its name for messages.
///
/// # Errors
///
/// A file that is not UTF-8, has no header or no `name` column, or the first row with an
/// empty name, a bad date or a bad effort, refuses the whole file.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Import, ImportError> {
    // The CSV reader counts a CRLF's LF into the next record's start line; with LF alone
    // its line numbers are the file's. A CRLF inside a quoted cell becomes LF, as it would
    // in any text field typed into sukima.
    let text = decode(file, bytes)?.replace("\r\n", "\n");
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
    let columns = Columns::from_header(file, &header)?;

    let mut records: Vec<Incoming> = Vec::new();
    let mut skipped = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(file, &e))?;
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = row.position().map_or(0, ::csv::Position::line);
        let rec = columns.read(file, line, &row)?;
        let duplicate = match seen.get(&rec.source_id) {
            None => {
                seen.insert(rec.source_id.clone(), records.len());
                records.push(rec);
                continue;
            }
            // Two rows for one badge: the later expiry wins.
            Some(&i) if rec.expires_on > records[i].expires_on => {
                std::mem::replace(&mut records[i], rec)
            }
            Some(_) => rec,
        };
        skipped.push(Skipped {
            name: duplicate.name,
            source_id: Some(duplicate.source_id),
            reason: SkipReason::Duplicate,
            origin: duplicate.origin,
            existing_key: None,
        });
    }
    let mut notes = Vec::new();
    if !columns.unknown.is_empty() {
        notes.push(format!(
            "{file}: columns not read: {} (sukima reads {})",
            columns.unknown.join(", "),
            COLUMNS.join(", ")
        ));
    }
    Ok(Import {
        source: Source::Csv,
        records,
        skipped,
        carried: columns.carried(),
        // A sheet need not list every badge (a user may keep several): badges missing
        // from it are left alone, not reported as gone.
        complete: false,
        notes,
    })
}

fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::file(
            Source::Csv,
            file,
            Problem::NotUtf8("it is UTF-16, as Excel's \"Unicode Text\" saves".into()),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        ImportError {
            source: Source::Csv,
            file: file.to_string(),
            at: Location::Line { line, column: None },
            problem: Problem::NotUtf8(
                "perhaps Shift_JIS, which Excel in Japan uses for plain \"CSV\"".into(),
            ),
        }
    })
}

fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.contains(',') {
        b','
    } else if header.contains('\t') {
        b'\t'
    } else if header.contains(';') {
        b';'
    } else {
        b','
    }
}

fn csv_error(file: &str, e: &::csv::Error) -> ImportError {
    let at = match e.position() {
        Some(p) => Location::Line {
            line: p.line(),
            column: None,
        },
        None => Location::File,
    };
    ImportError {
        source: Source::Csv,
        file: file.to_string(),
        at,
        problem: Problem::Csv(e.to_string()),
    }
}

/// A column sukima reads; its position in [`COLUMNS`] is its index.
#[derive(Debug, Clone, Copy)]
enum Col {
    Name,
    Issuer,
    EarnedOn,
    ExpiresOn,
    RetiresOn,
    Effort,
    Url,
    Notes,
}

impl Col {
    fn name(self) -> &'static str {
        COLUMNS[self as usize]
    }
}

/// Where each known column is in the header, by [`Col`].
struct Columns {
    at: [Option<usize>; COLUMNS.len()],
    /// Header names of the columns not read, as written, in order.
    unknown: Vec<String>,
}

impl Columns {
    fn from_header(file: &str, header: &::csv::StringRecord) -> Result<Self, ImportError> {
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(ImportError::file(Source::Csv, file, Problem::Empty));
        }
        let at_header = |column: Option<&str>, problem| ImportError {
            source: Source::Csv,
            file: file.to_string(),
            at: Location::Line {
                line: 1,
                column: column.map(str::to_string),
            },
            problem,
        };
        let mut at = [None; COLUMNS.len()];
        let mut unknown = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let name = normalise_header(raw);
            if let Some(c) = COLUMNS.iter().position(|&c| c == name) {
                if at[c].is_some() {
                    let problem = Problem::DuplicateColumn(COLUMNS[c].to_string());
                    return Err(at_header(Some(COLUMNS[c]), problem));
                }
                at[c] = Some(i);
            } else if !raw.trim().is_empty() {
                unknown.push(raw.trim().to_string());
            }
        }
        if at[Col::Name as usize].is_none() {
            let found = header
                .iter()
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty())
                .collect();
            let problem = Problem::MissingColumn {
                column: Col::Name.name(),
                found,
            };
            return Err(at_header(None, problem));
        }
        Ok(Columns { at, unknown })
    }

    fn has(&self, column: Col) -> bool {
        self.at[column as usize].is_some()
    }

    fn carried(&self) -> Carried {
        Carried {
            issuer: self.has(Col::Issuer),
            level: false,
            url: self.has(Col::Url),
            earned_on: self.has(Col::EarnedOn),
            expires_on: self.has(Col::ExpiresOn),
        }
    }

    fn read(
        &self,
        file: &str,
        line: u64,
        row: &::csv::StringRecord,
    ) -> Result<Incoming, ImportError> {
        let cell = |column: Col| -> &str {
            self.at[column as usize]
                .and_then(|j| row.get(j))
                .unwrap_or_default()
                .trim()
        };
        let err = |column: Col, problem| ImportError {
            source: Source::Csv,
            file: file.to_string(),
            at: Location::Line {
                line,
                column: Some(column.name().to_string()),
            },
            problem,
        };
        let date = |column: Col, read: fn(&str) -> Result<NaiveDate, DateError>| {
            let text = cell(column);
            if text.is_empty() {
                return Ok(None);
            }
            read(&spreadsheet_date(text)).map(Some).map_err(|_| {
                let problem = Problem::BadDate {
                    field: column.name(),
                    value: text.to_string(),
                };
                err(column, problem)
            })
        };
        let name = cell(Col::Name);
        if name.is_empty() {
            return Err(err(Col::Name, Problem::Missing("name")));
        }
        let issuer = cell(Col::Issuer);
        let effort = match cell(Col::Effort) {
            "" => None,
            text => Some(
                parse_duration(text)
                    .map_err(|_| err(Col::Effort, Problem::BadDuration(text.to_string())))?,
            ),
        };
        let url = cell(Col::Url);
        let notes = cell(Col::Notes);
        Ok(Incoming {
            source_id: text_identity(name, issuer),
            name: name.to_string(),
            issuer: issuer.to_string(),
            level: None,
            url: (!url.is_empty()).then(|| url.to_string()),
            earned_on: date(Col::EarnedOn, parse_ymd)?,
            expires_on: date(Col::ExpiresOn, parse_ymd)?,
            issued_at: None,
            retires_on: date(Col::RetiresOn, parse_date_or_period)?,
            effort_minutes: effort,
            notes: (!notes.is_empty()).then(|| notes.to_string()),
            origin: format!("{file} line {line}"),
            template_id: None,
            activities: None,
        })
    }
}

fn normalise_header(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// `2027/01/31` as `2027-01-31`, and a midnight time after a date dropped; anything else
/// unchanged for the date parser to judge.
fn spreadsheet_date(text: &str) -> String {
    let date = match text.split_once([' ', 'T']) {
        Some((d, time)) if is_midnight(time) => d,
        _ => text,
    };
    let parts: Vec<&str> = date.split('/').collect();
    if parts.len() == 3 && parts[0].len() == 4 {
        parts.join("-")
    } else {
        date.to_string()
    }
}

fn is_midnight(time: &str) -> bool {
    let t = time.trim();
    !t.is_empty()
        && t.split(':')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b == b'0'))
}

#[cfg(test)]
mod tests;
