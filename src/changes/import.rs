//! Imports as the planner's import line and the command line run them: reading the
//! files a line names, telling what each file is (a Credly download, Open Badges, CSV,
//! iCalendar busy time), and writing it in one transaction. Below both `commands` and
//! `tui`, which only show the report.

use crate::config::Config;
use crate::domain::change::{BadLine, CalendarImport, Label, LeftOut};
use crate::domain::spare::Interval;
use crate::io::ics;
use crate::io::merge::ImportPlan;
use crate::store::Store;
use crate::store::busy;
use anyhow::{Context, Result};
use chrono::NaiveDateTime;
use chrono_tz::Tz;
use std::path::Path;

/// The time zone of local times: `[ui] timezone`, else `TZ`, else `/etc/localtime`, else UTC.
pub fn local_timezone(config: &Config) -> Tz {
    if let Some(tz) = config.timezone() {
        return tz;
    }
    if let Some(tz) = std::env::var("TZ")
        .ok()
        .and_then(|t| ics::parse_tz(t.trim_start_matches(':')))
    {
        return tz;
    }
    std::fs::read_link("/etc/localtime")
        .ok()
        .and_then(|p| {
            let p = p.to_string_lossy().to_string();
            p.split_once("zoneinfo/")
                .and_then(|(_, name)| ics::parse_tz(name))
        })
        .unwrap_or(Tz::UTC)
}

/// What an import brought in: badges (their merge plan, whose `report()` says what was
/// added, updated and skipped) or busy time from a calendar.
#[derive(Debug, Clone)]
pub enum Imported {
    Badges(ImportPlan),
    Calendar(CalendarImport),
}

/// Imports busy time from iCalendar bytes over the planning horizon, replacing an
/// earlier import of the same source in one transaction (DESIGN 8). The source is `name`,
/// else the calendar's own name (`X-WR-CALNAME`), else the file's full path: two
/// different files both called `basic.ics` (as Google names every download) do not
/// replace each other. An event that cannot be read is left out and named in what this
/// returns (shown as [`Done::CalendarImported`]); the rest is imported.
pub fn import_busy(
    store: &mut Store,
    config: &Config,
    now: NaiveDateTime,
    file: &Path,
    bytes: &[u8],
    name: Option<String>,
) -> Result<CalendarImport> {
    let looks_like_id = |s: &str| s.trim().is_empty() || s.trim().parse::<i64>().is_ok();
    if let Some(n) = name.as_deref().filter(|n| looks_like_id(n)) {
        anyhow::bail!("'{n}' cannot name an import (it looks like a window id): give --name");
    }
    let tz = local_timezone(config);
    let start = now.date().and_hms_opt(0, 0, 0).unwrap_or(now);
    let end = start + chrono::Days::new(u64::from(config.planner.horizon_days) + 1);
    let result = ics::import_busy(bytes, &file.display().to_string(), tz, start..end)?;
    let source = name
        .or_else(|| {
            result
                .calendar_name
                .as_deref()
                .map(crate::domain::badge::one_line)
                .filter(|n| !looks_like_id(n))
        })
        .unwrap_or_else(|| full_path(file));
    let items = result.events.iter().map(|e| {
        let interval = Interval {
            start: e.start,
            end: e.end,
        };
        (&*e.uid, &*e.summary, interval)
    });
    let (replaced, added) = store
        .transact(&Label::ImportCalendar(source.clone()).record(), |tx| {
            busy::replace_source_with(tx, &source, items)
        })?;
    Ok(CalendarImport {
        file: file.display().to_string(),
        source,
        added,
        replaced,
        free_or_cancelled: result.skipped.len(),
        outside_range: result.outside_range,
        horizon_days: config.planner.horizon_days,
        superseded: result.superseded,
        unreadable: result
            .unreadable
            .into_iter()
            .map(|u| LeftOut {
                uid: u.uid,
                line: u.line,
                reason: u.reason,
            })
            .collect(),
        bad_lines: result
            .bad_lines
            .into_iter()
            .map(|b| BadLine {
                line: b.line,
                reason: b.reason,
            })
            .collect(),
        notes: result.notes,
    })
}

/// The full path of `file` as the name of an import: canonical when it exists (so
/// `./basic.ics` and `~/basic.ics` are one calendar), `standard input` for `-`.
fn full_path(file: &Path) -> String {
    if file == Path::new("-") {
        return "standard input".to_string();
    }
    std::fs::canonicalize(file)
        .unwrap_or_else(|_| file.to_path_buf())
        .display()
        .to_string()
}

/// Badges from `import`, checked and merged as `import credly|csv` does.
fn import_badges(
    store: &mut Store,
    config: &Config,
    now: NaiveDateTime,
    import: &crate::io::Import,
    what: &str,
) -> Result<ImportPlan> {
    let effort = |issuer: &str| config.issuer(issuer).default_effort.0;
    super::import_badges(
        store,
        import,
        now.date(),
        &effort,
        &config.known_issuers(std::iter::empty()),
        what,
    )
}

/// Imports whatever the file is, for the TUI's import prompt: a Credly download, an Open
/// Badges assertion, a CSV file, or an iCalendar file of busy time. A sukima backup is
/// refused here (it replaces everything: use `sukima import json`).
pub fn import_any(
    store: &mut Store,
    config: &Config,
    now: NaiveDateTime,
    file: &Path,
) -> Result<Imported> {
    let bytes = read_bytes(file)?;
    let name = file.display().to_string();
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_string();
    let import = if ext == "csv" || ext == "tsv" {
        crate::io::csv::parse(&name, &bytes)?
    } else if ext == "ics"
        || head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("BEGIN:VCALENDAR")
    {
        return import_busy(store, config, now, file, &bytes, None).map(Imported::Calendar);
    } else if head.contains("\"sukima-backup\"") {
        anyhow::bail!(
            "{name} is a sukima backup: restore it with `sukima import json {name} --replace`"
        );
    } else if head.contains("\"Assertion\"") || head.contains("\"issuedOn\"") {
        crate::io::openbadges::parse(&[(name.clone(), bytes)])?
    } else {
        crate::io::credly::parse(&[(name.clone(), bytes)])?
    };
    let what = format!("{} {name}", import.source.as_str());
    import_badges(store, config, now, &import, &what).map(Imported::Badges)
}

/// Imports what the planner's import line names: one file of any kind, or several pages
/// of a Credly download at once (`~/Downloads/badges*.json`, or the paths separated by
/// spaces).
pub fn import_paths(
    store: &mut Store,
    config: &Config,
    now: NaiveDateTime,
    files: &[std::path::PathBuf],
) -> Result<Imported> {
    match files {
        [] => anyhow::bail!("no file named: type a path, like ~/Downloads/badges.json"),
        [one] => import_any(store, config, now, one),
        many => {
            let mut pages = Vec::new();
            for f in many {
                let bytes = read_bytes(f)?;
                let ext = f
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
                if ext != "json" || head.contains("\"sukima-backup\"") {
                    anyhow::bail!(
                        "{} is not a page of a Credly download: only those import several at once; import it on its own",
                        f.display()
                    );
                }
                pages.push((f.display().to_string(), bytes));
            }
            let import = crate::io::credly::parse(&pages)?;
            let what = format!("{} {} files", import.source.as_str(), many.len());
            import_badges(store, config, now, &import, &what).map(Imported::Badges)
        }
    }
}

/// Every page of a public Credly profile (a user name or its address), and what the
/// import is called in the undo list. `progress` hears of each page as it arrives.
pub fn fetch_profile(
    profile: &str,
    progress: &mut dyn FnMut(&str, crate::net::credly::Progress),
) -> Result<(crate::net::credly::Pages, String)> {
    let user = crate::net::credly::user_name(profile)?;
    let fetcher = crate::net::credly::Fetcher::from_env()?;
    let pages = fetcher.fetch_all(&user, &mut |p| progress(&user, p))?;
    Ok((pages, format!("credly user {user}")))
}

/// The Credly profile the planner's import line names instead of files: a profile's
/// address, or a lone user name that is no file here (`jane-doe`; not `badges.json`,
/// `~/Downloads/x` or `badges*.json`).
pub fn profile_in(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) || Path::new(t).exists() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("credly.com/") {
        return Some(t.to_string());
    }
    let file_like = t.contains(['/', '\\', '*', '?', '[', '~'])
        || [".json", ".csv", ".tsv", ".ics", ".txt"]
            .iter()
            .any(|e| lower.ends_with(e));
    (!file_like && crate::net::credly::user_name(t).is_ok()).then(|| t.to_string())
}

/// Imports the pages [`fetch_profile`] brought, as `import credly --user` does.
pub fn import_fetched(
    store: &mut Store,
    config: &Config,
    now: NaiveDateTime,
    (pages, what): (crate::net::credly::Pages, String),
) -> Result<crate::io::merge::ImportPlan> {
    let import = crate::io::credly::parse(&pages)?;
    import_badges(store, config, now, &import, &what)
}

/// The files an import line names: the whole line when it is one file (a name with
/// spaces), else each word; `*` and `?` in a file name match in its folder (sorted).
/// `~` at the start is the home folder.
pub fn expand_paths(text: &str) -> Result<Vec<std::path::PathBuf>> {
    use std::path::PathBuf;
    let tilde = |s: &str| -> PathBuf {
        match (s.strip_prefix('~'), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
                PathBuf::from(format!("{}{rest}", home.to_string_lossy()))
            }
            _ => PathBuf::from(s),
        }
    };
    let text = text.trim();
    if text == "-" {
        anyhow::bail!("the planner cannot read standard input: give a file's path");
    }
    let whole = tilde(text);
    if text.is_empty() || whole.exists() {
        return Ok(if text.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        });
    }
    // A pattern in a folder with spaces in its name (`~/My Files/badges*.json`).
    let words: Vec<&str> = match whole.parent() {
        Some(dir) if text.contains(' ') && dir.is_dir() => vec![text],
        _ => text.split_whitespace().collect(),
    };
    let mut out = Vec::new();
    for word in words {
        let path = tilde(word);
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let Some(pattern) = name.filter(|n| n.contains(['*', '?'])) else {
            out.push(path);
            continue;
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .with_context(|| format!("cannot read the folder {}", dir.display()))?
            .filter_map(|e| e.ok())
            .filter(|e| glob_match(&pattern, &e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        if found.is_empty() {
            anyhow::bail!("no file matches {word}");
        }
        found.sort();
        out.extend(found);
    }
    // Patterns that overlap name a page once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    Ok(out)
}

/// Whether `name` matches `pattern`, where `*` is any run of characters and `?` one.
fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // Classic two-pointer match with backtracking to the last `*`.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// Reads a whole file (`-` for standard input) as bytes.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>> {
    if file == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        return Ok(buf);
    }
    if file.is_dir() {
        anyhow::bail!("{} is a folder: name a file in it", file.display());
    }
    std::fs::read(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))
}

/// Reads a whole file as UTF-8 text.
pub fn read_text(file: &Path) -> Result<String> {
    let bytes = read_bytes(file)?;
    String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{} is not UTF-8 text; is it the right file?",
            file.display()
        )
    })
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn an_import_line_names_a_credly_profile_or_files() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("jane-doe");
        std::fs::write(&here, "{}").unwrap();
        let here = here.to_str().unwrap();
        for (text, profile) in [
            ("jane-doe", Some("jane-doe")),
            ("  jane.doe_1  ", Some("jane.doe_1")),
            (
                "https://www.credly.com/users/jane-doe/badges",
                Some("https://www.credly.com/users/jane-doe/badges"),
            ),
            (
                "www.credly.com/users/jane-doe",
                Some("www.credly.com/users/jane-doe"),
            ),
            ("badges.json", None),
            ("badges*.json", None),
            ("~/Downloads/badges.json", None),
            ("./jane-doe", None),
            ("page1.json page2.json", None),
            ("Export.CSV", None),
            ("cal.ics", None),
            (here, None),
            ("", None),
        ] {
            assert_eq!(profile_in(text).as_deref(), profile, "{text:?}");
        }
    }

    #[test]
    fn glob_patterns() {
        for (pattern, name, hit) in [
            ("badges*.json", "badges.json", true),
            ("badges*.json", "badges (1).json", true),
            ("badges*.json", "badges.json.bak", false),
            ("page?.json", "page2.json", true),
            ("page?.json", "page10.json", false),
            ("*", "anything", true),
            ("*.csv", "バッジ.csv", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false),
        ] {
            assert_eq!(glob_match(pattern, name), hit, "{pattern} {name}");
        }
    }

    #[test]
    fn paths_from_a_typed_line() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "badges.json",
            "badges (1).json",
            "other.csv",
            "with space.json",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let s = |p: &std::path::Path| p.display().to_string();
        // A whole line that is one file, spaces and all.
        assert_eq!(
            expand_paths(&s(&d.join("with space.json"))).unwrap(),
            [d.join("with space.json")]
        );
        // A pattern, sorted; and words.
        assert_eq!(
            expand_paths(&format!("{}/badges*.json", s(d))).unwrap(),
            [d.join("badges (1).json"), d.join("badges.json")]
        );
        assert_eq!(
            expand_paths(&format!(
                "{} {}",
                s(&d.join("badges.json")),
                s(&d.join("other.csv"))
            ))
            .unwrap(),
            [d.join("badges.json"), d.join("other.csv")]
        );
        // A folder with a space in its name; overlapping patterns name a file once.
        let spaced = d.join("My Files");
        std::fs::create_dir(&spaced).unwrap();
        std::fs::write(spaced.join("badges.json"), "x").unwrap();
        assert_eq!(
            expand_paths(&format!("{}/badge*.json", s(&spaced))).unwrap(),
            [spaced.join("badges.json")]
        );
        assert_eq!(
            expand_paths(&format!("{0}/badges*.json {0}/badges.json", s(d))).unwrap(),
            [d.join("badges (1).json"), d.join("badges.json")]
        );
        assert!(expand_paths("-").is_err());
        let err = expand_paths(&format!("{}/nothing*.json", s(d))).unwrap_err();
        assert!(err.to_string().starts_with("no file matches"), "{err}");
        assert!(expand_paths("  ").unwrap().is_empty());
    }
}
