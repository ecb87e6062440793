//! `sukima import credly|csv|json|ics`.

use super::Ctx;
use crate::actions;
use crate::cli::ImportCommand;
use crate::io::backup;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Runs an `import` subcommand.
pub fn run(ctx: &mut Ctx, cmd: ImportCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ImportCommand::Json { file, replace } => {
            let text = read_text(&file)?;
            let config = ctx.config.clone();
            let data = backup::from_json(&text, &file.display().to_string(), &|issuer| {
                config.issuer(issuer).default_effort.0
            })
            .map_err(anyhow::Error::msg)?;
            let msg = actions::restore(&mut ctx.store, &data, replace)?;
            writeln!(out, "{msg}")?;
        }
        ImportCommand::Credly { files, user } => {
            let (loaded, what) = match user.or_else(|| profile_address(&files)) {
                Some(profile) => fetch_profile(&profile, true)?,
                None => (
                    files
                        .iter()
                        .map(|f| Ok((f.display().to_string(), read_bytes(f)?)))
                        .collect::<Result<Vec<_>>>()?,
                    describe_files("credly", &files),
                ),
            };
            let import = crate::io::credly::parse(&loaded)?;
            badges(ctx, &import, &what, out)?;
        }
        ImportCommand::Csv { file } => {
            let import = crate::io::csv::parse(&file.display().to_string(), &read_bytes(&file)?)?;
            badges(
                ctx,
                &import,
                &describe_files("csv", std::slice::from_ref(&file)),
                out,
            )?;
        }
        ImportCommand::Ics { file, name } => super::ics::import(ctx, &file, name, out)?,
    }
    Ok(())
}

/// A lone `http(s)://` argument is a profile to fetch, as with `--user`.
fn profile_address(files: &[std::path::PathBuf]) -> Option<String> {
    match files {
        [one] => one
            .to_str()
            .filter(|t| t.starts_with("https://") || t.starts_with("http://"))
            .map(str::to_string),
        _ => None,
    }
}

/// Every page of a public Credly profile (a user name or its address), with progress on
/// standard error when `progress` is asked for and that is a terminal; what the import
/// is called in the undo list.
pub fn fetch_profile(profile: &str, progress: bool) -> Result<(crate::net::credly::Pages, String)> {
    use std::io::IsTerminal;
    let user = crate::net::credly::user_name(profile)?;
    let fetcher = crate::net::credly::Fetcher::from_env()?;
    let terminal = progress && std::io::stderr().is_terminal();
    let mut shown = false;
    let result = fetcher.fetch_all(&user, &mut |p| {
        if terminal {
            let of = p.total.map(|t| format!(" of {t}")).unwrap_or_default();
            eprint!(
                "\r\x1b[Kfetching Credly profile {user}: page {}{of}",
                p.page
            );
            shown = true;
        }
    });
    if shown {
        eprint!("\r\x1b[K");
    }
    Ok((result?, format!("credly user {user}")))
}

fn describe_files(kind: &str, files: &[std::path::PathBuf]) -> String {
    match files {
        [one] => format!("{kind} {}", one.display()),
        many => format!("{kind} ({} files)", many.len()),
    }
}

fn badges(
    ctx: &mut Ctx,
    import: &crate::io::Import,
    what: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let config = ctx.config.clone();
    let plan = actions::import_badges(
        &mut ctx.store,
        import,
        ctx.now.date(),
        &|issuer| config.issuer(issuer).default_effort.0,
        &config.known_issuers(std::iter::empty()),
        what,
    )?;
    writeln!(out, "{}", plan.report())?;
    Ok(())
}

/// Imports whatever the file is, for the TUI's import prompt: a Credly download, an Open
/// Badges assertion, a CSV file, or an iCalendar file of busy time. A sukima backup is
/// refused here (it replaces everything: use `sukima import json`).
pub fn import_any(
    store: &mut crate::store::Store,
    config: &crate::config::Config,
    now: chrono::NaiveDateTime,
    file: &Path,
) -> Result<String> {
    let bytes = read_bytes(file)?;
    let name = file.display().to_string();
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let effort = |issuer: &str| config.issuer(issuer).default_effort.0;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_string();
    let import = if ext == "csv" || ext == "tsv" {
        crate::io::csv::parse(&name, &bytes)?
    } else if ext == "ics"
        || head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("BEGIN:VCALENDAR")
    {
        return super::ics::import_busy(store, config, now, file, &bytes, None);
    } else if head.contains("\"sukima-backup\"") {
        anyhow::bail!(
            "{name} is a sukima backup: restore it with `sukima import json {name} --replace`"
        );
    } else if head.contains("\"Assertion\"") || head.contains("\"issuedOn\"") {
        crate::io::openbadges::parse(&[(name.clone(), bytes)])?
    } else {
        crate::io::credly::parse(&[(name.clone(), bytes)])?
    };
    let plan = actions::import_badges(
        store,
        &import,
        now.date(),
        &effort,
        &config.known_issuers(std::iter::empty()),
        &format!("{} {name}", import.source.as_str()),
    )?;
    Ok(plan.report())
}

/// Imports what the planner's import line names: one file of any kind, or several pages
/// of a Credly download at once (`~/Downloads/badges*.json`, or the paths separated by
/// spaces).
pub fn import_paths(
    store: &mut crate::store::Store,
    config: &crate::config::Config,
    now: chrono::NaiveDateTime,
    files: &[std::path::PathBuf],
) -> Result<String> {
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
            let effort = |issuer: &str| config.issuer(issuer).default_effort.0;
            let plan = actions::import_badges(
                store,
                &import,
                now.date(),
                &effort,
                &config.known_issuers(std::iter::empty()),
                &format!("{} {} files", import.source.as_str(), many.len()),
            )?;
            Ok(plan.report())
        }
    }
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
    store: &mut crate::store::Store,
    config: &crate::config::Config,
    now: chrono::NaiveDateTime,
    (pages, what): (crate::net::credly::Pages, String),
) -> Result<String> {
    let import = crate::io::credly::parse(&pages)?;
    let effort = |issuer: &str| config.issuer(issuer).default_effort.0;
    let issuers = config.known_issuers(std::iter::empty());
    Ok(actions::import_badges(store, &import, now.date(), &effort, &issuers, &what)?.report())
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
