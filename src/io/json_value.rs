//! Small helpers for reading loosely shaped JSON downloads (Credly, Open Badges) by hand:
//! hand-reading rather than serde structs lets unknown fields and odd types pass and lets
//! errors name the exact field.

use super::import_error::{ImportError, Problem};
use crate::domain::Source;
use crate::domain::dates::parse_ymd;
use chrono::NaiveDate;
use serde_json::Value;

/// Parses a file as JSON, after a UTF-8 byte order mark if there is one.
pub(crate) fn parse(source: Source, file: &str, bytes: &[u8]) -> Result<Value, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes)
        .map_err(|e| ImportError::file(source, file, Problem::NotJson(e.to_string())))
}

/// A value's kind, for messages ("a list").
pub(crate) fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A non-empty string field of an object, trimmed.
pub(crate) fn text_at(obj: Option<&Value>, field: &str) -> Option<String> {
    let s = obj?.get(field)?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The day of a `YYYY-MM-DD` date or an ISO 8601 timestamp, as written (the issuer's
/// local day, which is what the issuer shows).
pub(crate) fn day_of(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let day = t.split_once('T').map_or(t, |(d, _)| d);
    parse_ymd(day).ok()
}
