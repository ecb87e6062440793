//! Configuration: `config.toml` from `--config`, `SUKIMA_CONFIG` or the platform config
//! folder, laid over the defaults embedded from `assets/default-config.toml`.
//!
//! Unknown keys are an error that names the key. A user file may set only some keys; an
//! issuer section may set only some of its keys, the rest coming from `[issuers.default]`.

use crate::domain::duration::{format_minutes, parse_duration};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The defaults, embedded so the binary needs no files.
pub const DEFAULT_TOML: &str = include_str!("../assets/default-config.toml");

/// Minutes, written in TOML as a duration string like `"15m"` or `"2h"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minutes(pub u32);

impl Serialize for Minutes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_minutes(self.0))
    }
}

impl<'de> Deserialize<'de> for Minutes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_duration(&text)
            .map(Minutes)
            .map_err(serde::de::Error::custom)
    }
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub planner: PlannerConfig,
    pub issuers: BTreeMap<String, IssuerConfig>,
    pub journey: JourneyConfig,
    pub ui: UiConfig,
}

/// `[journey]`: the estimate of a step without one of its own, per kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyConfig {
    pub course: Minutes,
    pub assessment: Minutes,
    pub exam: Minutes,
    pub experience: Minutes,
    pub other: Minutes,
}

impl JourneyConfig {
    /// As the domain's estimates.
    pub fn estimates(&self) -> crate::domain::step::Estimates {
        crate::domain::step::Estimates {
            course: self.course.0,
            assessment: self.assessment.0,
            exam: self.exam.0,
            experience: self.experience.0,
            other: self.other.0,
        }
    }
}

/// `[planner]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannerConfig {
    pub min_session: Minutes,
    pub max_session: Minutes,
    pub daily_cap: Minutes,
    pub buffer_days: u32,
    pub horizon_days: u32,
    pub warn_days: u32,
}

/// `[issuers.NAME]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerConfig {
    /// The name badges store for this issuer (`Amazon Web Services` for `aws`); empty:
    /// the name as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub renewal_window_days: u32,
    pub validity_days: u32,
    pub default_effort: Minutes,
    pub aliases: Vec<String>,
}

/// `[ui]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    pub theme: Theme,
    pub language: Language,
    pub week_start: WeekStart,
    pub timezone: String,
    /// Key name to action name.
    pub keys: BTreeMap<String, String>,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Dark,
    Light,
}

/// Language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Japanese when the locale (`LC_ALL`, `LC_MESSAGES` or `LANG`) starts with `ja`,
    /// else English: see [`Language::resolve`].
    Auto,
    En,
    Ja,
}

impl Language {
    /// `auto` decided by the locale, read through `var` (the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, as POSIX orders them); `en`
    /// and `ja` as they are.
    pub fn resolve(self, var: impl Fn(&str) -> Option<String>) -> Language {
        match self {
            Language::Auto => {
                let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .into_iter()
                    .filter_map(&var)
                    .find(|v| !v.is_empty())
                    .unwrap_or_default();
                if locale.starts_with("ja") {
                    Language::Ja
                } else {
                    Language::En
                }
            }
            chosen => chosen,
        }
    }
}

/// First day of the week in grids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    Mon,
    Sun,
}

impl WeekStart {
    /// As a chrono weekday.
    pub fn weekday(self) -> chrono::Weekday {
        match self {
            WeekStart::Mon => chrono::Weekday::Mon,
            WeekStart::Sun => chrono::Weekday::Sun,
        }
    }
}

/// A configuration problem, with the file it came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("cannot write config file {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Default for Config {
    fn default() -> Self {
        Config::from_toml(DEFAULT_TOML, Path::new("<defaults>"))
            .expect("the embedded default configuration is valid")
    }
}

impl Config {
    /// Reads `explicit` if given (it must exist), else the platform file if it exists,
    /// else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        Config::from_toml(&text, &path)
    }

    /// Parses a user file laid over the defaults.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let user: toml::Table = toml::from_str(text).map_err(|e| invalid(one_line(&e)))?;
        let mut merged: toml::Table =
            toml::from_str(DEFAULT_TOML).expect("the embedded default configuration parses");
        // Each issuer section the user adds starts as a copy of the default issuer.
        if let (Some(toml::Value::Table(user_issuers)), Some(toml::Value::Table(def_issuers))) =
            (user.get("issuers"), merged.get_mut("issuers"))
        {
            let default_issuer = def_issuers.get("default").cloned();
            for name in user_issuers.keys() {
                let lower = name.to_lowercase();
                if lower != *name {
                    return Err(invalid(format!(
                        "issuer section [issuers.{name}] must be written in lowercase: [issuers.\"{lower}\"]"
                    )));
                }
                if let Some(d) = &default_issuer {
                    def_issuers.entry(name.clone()).or_insert_with(|| d.clone());
                }
            }
        }
        merge_tables(&mut merged, user);
        let config: Config = toml::Value::Table(merged)
            .try_into()
            .map_err(|e: toml::de::Error| invalid(one_line(&e)))?;
        config.validate().map_err(invalid)?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        let p = &self.planner;
        if p.min_session.0 == 0 || !p.min_session.0.is_multiple_of(5) {
            return Err("planner.min_session must be a positive multiple of 5 minutes".into());
        }
        if p.max_session.0 < p.min_session.0 || !p.max_session.0.is_multiple_of(5) {
            return Err(
                "planner.max_session must be a multiple of 5 minutes, at least min_session".into(),
            );
        }
        if p.daily_cap.0 > 24 * 60 {
            return Err("planner.daily_cap cannot exceed 24h".into());
        }
        if p.horizon_days == 0 || p.horizon_days > 3660 {
            return Err("planner.horizon_days must be between 1 and 3660".into());
        }
        let j = &self.journey;
        for (kind, m) in [
            ("course", j.course),
            ("assessment", j.assessment),
            ("exam", j.exam),
            ("experience", j.experience),
            ("other", j.other),
        ] {
            if m.0 == 0 || m.0 > crate::domain::step::MAX_STEP_MINUTES {
                return Err(format!(
                    "journey.{kind} must be between 1m and 1000h, like \"45m\""
                ));
            }
        }
        if !self.issuers.contains_key("default") {
            return Err("[issuers.default] is required".into());
        }
        if self.ui.timezone != "auto" && self.ui.timezone.parse::<chrono_tz::Tz>().is_err() {
            return Err(format!(
                "ui.timezone '{}' is not a time zone: use an IANA name like \"Asia/Tokyo\" or \"auto\"",
                self.ui.timezone
            ));
        }
        Ok(())
    }

    /// The issuer section that applies to an issuer name.
    pub fn issuer(&self, issuer: &str) -> &IssuerConfig {
        let lower = issuer.trim().to_lowercase();
        let found = self.issuers.iter().find(|(name, c)| {
            name.as_str() != "default"
                && (**name == lower
                    || c.name.to_lowercase() == lower
                    || c.aliases.iter().any(|a| a.to_lowercase() == lower))
        });
        let found = found.or_else(|| {
            self.issuers.iter().find(|(name, _)| {
                name.as_str() != "default"
                    && lower
                        .strip_prefix(name.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
            })
        });
        found.map_or(&self.issuers["default"], |(_, c)| c)
    }

    /// The zone set in `[ui] timezone`, if one is (not `auto`).
    pub fn timezone(&self) -> Option<chrono_tz::Tz> {
        (self.ui.timezone != "auto")
            .then(|| crate::io::ics::parse_tz(&self.ui.timezone))
            .flatten()
    }

    /// The one clock (DESIGN 7): the current time as a local time in `[ui] timezone` when
    /// it is set, else in the system's zone. Everything that reads "now" (quick-add, the
    /// plan, the display, imported busy time, exports, the undo journal) reads it here.
    pub fn now(&self) -> chrono::NaiveDateTime {
        now_in(self.timezone())
    }

    /// The configuration as TOML, defaults included.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("the configuration serialises")
    }
}

/// The current time as a local time in `zone`, or in the system's zone without one.
pub fn now_in(zone: Option<chrono_tz::Tz>) -> chrono::NaiveDateTime {
    match zone {
        Some(tz) => chrono::Utc::now().with_timezone(&tz).naive_local(),
        None => chrono::Local::now().naive_local(),
    }
}

/// Why an issuer name is not accepted, if it is not: the user may name a configured issuer
/// (a section or one of its aliases, or a name starting with one) or one already on a
/// badge; anything else is likely a typo, and the message suggests the closest names.
pub fn issuer_problem<'a>(
    config: &Config,
    on_badges: impl Iterator<Item = &'a str>,
    issuer: &str,
) -> Option<String> {
    config
        .known_issuers(on_badges)
        .resolve(issuer, crate::domain::validation::IssuerRule::MustBeKnown)
        .err()
        .map(|e| e.to_string())
}

impl Config {
    /// The issuers validation knows ([`crate::domain::validation::Issuers`]): the
    /// configured sections and the issuers on `on_badges`.
    pub fn known_issuers<'a>(
        &self,
        on_badges: impl Iterator<Item = &'a str>,
    ) -> crate::domain::validation::Issuers {
        use crate::domain::validation::{ConfiguredIssuer, Issuers};
        let mut on: Vec<String> = Vec::new();
        for i in on_badges.filter(|i| !i.trim().is_empty()) {
            if !on.iter().any(|o| o.to_lowercase() == i.to_lowercase()) {
                on.push(i.to_string());
            }
        }
        Issuers {
            configured: self
                .issuers
                .iter()
                .filter(|(section, _)| section.as_str() != "default")
                .map(|(section, c)| ConfiguredIssuer {
                    section: section.clone(),
                    name: Some(c.name.trim().to_string()).filter(|n| !n.is_empty()),
                    aliases: c.aliases.iter().map(|a| a.to_lowercase()).collect(),
                })
                .collect(),
            on_badges: on,
        }
    }
}

/// `config.toml` in the platform config folder.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sukima").map(|d| d.config_dir().join("config.toml"))
}

/// Sets one key (`planner.daily_cap`) in the config file at `path` and writes it back,
/// keeping everything else in the file as it was (comments, order). The value is taken as
/// a number when it is one and the key takes one, else as text; the file must still be a
/// valid configuration, or nothing is written. Returns the value the file held before, if
/// any. A missing file (and its folder) is created.
pub fn set_in_file(path: &Path, key: &str, value: &str) -> Result<Option<String>, ConfigError> {
    let invalid = |message: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| invalid(one_line(&e)))?;
    let parts: Vec<&str> = key.split('.').map(str::trim).collect();
    let Some((last, tables)) = parts.split_last().filter(|(l, _)| !l.is_empty()) else {
        return Err(invalid(format!(
            "'{key}' is not a key: write it as section.name, like planner.daily_cap"
        )));
    };
    fn section<'d>(
        doc: &'d mut toml_edit::DocumentMut,
        tables: &[&str],
    ) -> Result<&'d mut toml_edit::Table, String> {
        let mut table = doc.as_table_mut();
        for t in tables {
            let entry = table
                .entry(t)
                .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
            table = entry
                .as_table_mut()
                .ok_or_else(|| format!("'{t}' is a value, not a section"))?;
        }
        Ok(table)
    }
    let old = section(&mut doc, tables)
        .map_err(invalid)?
        .get(last)
        .and_then(|i| i.as_value())
        .map(|v| {
            v.as_str()
                .map_or_else(|| v.to_string().trim().to_string(), str::to_string)
        });
    let candidates: Vec<toml_edit::Value> = match value.trim().parse::<i64>() {
        Ok(n) => vec![n.into(), value.trim().into()],
        Err(_) => vec![value.trim().into()],
    };
    let mut last_error = None;
    for v in candidates {
        section(&mut doc, tables)
            .map_err(invalid)?
            .insert(last, toml_edit::value(v));
        let mut new_text = doc.to_string();
        if !new_text.ends_with('\n') {
            new_text.push('\n');
        }
        match Config::from_toml(&new_text, path) {
            Ok(_) => {
                write_atomically(path, &new_text)?;
                return Ok(old);
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| invalid(format!("cannot set {key}"))))
}

fn write_atomically(path: &Path, text: &str) -> Result<(), ConfigError> {
    let fail = |source: std::io::Error| ConfigError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(fail)?;
    std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// `sukima.db` in the platform data folder.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sukima").map(|d| d.data_dir().join("sukima.db"))
}

fn merge_tables(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge_tables(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    // toml's messages span several lines (a source excerpt); keep the first and the last.
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [] => text,
        [one] => (*one).to_string(),
        [first, .., last] => format!("{first} {last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_print() {
        let c = Config::default();
        assert_eq!(c.planner.min_session, Minutes(15));
        assert_eq!(c.planner.daily_cap, Minutes(120));
        assert_eq!(c.issuer("Microsoft").renewal_window_days, 180);
        assert_eq!(c.issuer("microsoft").validity_days, 365);
        assert_eq!(
            c.issuer("Amazon Web Services Training and Certification")
                .validity_days,
            1095
        );
        assert_eq!(c.issuer("Google Cloud").renewal_window_days, 60);
        assert_eq!(c.issuer("IBM Japan").validity_days, 730);
        assert_eq!(c.issuer("Oracle").validity_days, 365);
        assert_eq!(
            c.issuer("IBMX").validity_days,
            365,
            "prefix must end at a word"
        );
        let again = Config::from_toml(&c.to_toml(), Path::new("x")).unwrap();
        assert_eq!(again, c);
    }

    #[test]
    fn user_values_override_and_partial_issuers_inherit() {
        let c = Config::from_toml(
            "[planner]\ndaily_cap = \"90m\"\n[issuers.oracle]\nvalidity_days = 730\n",
            Path::new("x"),
        )
        .unwrap();
        assert_eq!(c.planner.daily_cap, Minutes(90));
        assert_eq!(c.planner.min_session, Minutes(15));
        assert_eq!(c.issuer("Oracle").validity_days, 730);
        assert_eq!(c.issuer("Oracle").renewal_window_days, 90);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_named() {
        for (text, needle) in [
            ("[planner]\ndaily_capp = \"2h\"\n", "daily_capp"),
            ("colour = 1\n", "colour"),
            ("[issuers.ibm]\nwindow = 3\n", "window"),
            (
                "[planner]\ndaily_cap = \"2 hours and a bit\"\n",
                "is not a duration",
            ),
            ("[ui]\ntheme = \"pink\"\n", "pink"),
            ("[ui]\ntimezone = \"Mars/Olympus\"\n", "Mars/Olympus"),
            ("[planner]\nmin_session = \"7m\"\n", "min_session"),
            ("[issuers.IBM]\nvalidity_days = 3\n", "lowercase"),
            ("not toml at all [", "config file"),
        ] {
            let err = Config::from_toml(text, Path::new("my.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{text:?} gave {err}");
            assert!(err.contains("my.toml"), "{err}");
            assert!(!err.contains('\n'), "one line: {err}");
        }
    }

    #[test]
    fn an_unknown_issuer_names_each_close_one_once() {
        let c = Config::default();
        let on_badges = ["IBM", "Google Cloud"];
        let p = |typed: &str| issuer_problem(&c, on_badges.into_iter(), typed);
        assert_eq!(p("IBM"), None);
        assert_eq!(p("ibm"), None, "any case");
        assert_eq!(p("microsoft"), None, "configured");
        let err = p("IBMM").unwrap();
        assert!(
            err.starts_with("unknown issuer 'IBMM' (did you mean 'IBM'?)"),
            "{err}"
        );
        assert_eq!(p("  "), None);
    }

    #[test]
    fn auto_follows_the_locale_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        let cases: [(&[(&str, &str)], Language); 7] = [
            (&[], Language::En),
            (&[("LANG", "ja_JP.UTF-8")], Language::Ja),
            (&[("LANG", "en_US.UTF-8")], Language::En),
            (
                &[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "ja_JP")],
                Language::Ja,
            ),
            (&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "C")], Language::En),
            (&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "")], Language::Ja),
            (&[("LANG", "C.UTF-8")], Language::En),
        ];
        for (vars, want) in cases {
            assert_eq!(Language::Auto.resolve(env(vars)), want, "{vars:?}");
        }
        // A language chosen in the configuration wins over the locale.
        let ja = env(&[("LANG", "ja_JP.UTF-8")]);
        assert_eq!(Language::En.resolve(ja), Language::En);
        assert_eq!(Language::Ja.resolve(|_| None), Language::Ja);
    }
}
