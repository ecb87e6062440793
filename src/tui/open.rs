//! Opening an address in the user's browser without blocking or disturbing the planner:
//! `$BROWSER` when set (a command, or several separated by `:` tried in turn; `%s` stands
//! for the address, else it is added at the end), else the system's opener (`xdg-open`,
//! `open` on macOS). The browser starts detached, with no terminal input or output, and a
//! thread of its own waits for it so it leaves nothing behind.

use std::process::{Command, Stdio};

/// Starts the browser on `url` (an http(s) address). `browser` is `$BROWSER`.
pub fn open(url: &str, browser: Option<&str>) -> Result<(), String> {
    crate::domain::step::check_url(url).map_err(|e| e.to_string())?;
    let commands: Vec<Vec<String>> = match browser.map(str::trim).filter(|b| !b.is_empty()) {
        Some(list) => list
            .split(':')
            .map(|cmd| {
                let words: Vec<&str> = cmd.split_whitespace().collect();
                let mut argv: Vec<String> = words.iter().map(|w| w.replace("%s", url)).collect();
                if !words.iter().any(|w| w.contains("%s")) {
                    argv.push(url.to_string());
                }
                argv
            })
            .filter(|argv| argv.len() > 1)
            .collect(),
        None if cfg!(target_os = "macos") => vec![vec!["open".into(), url.into()]],
        None => vec![vec!["xdg-open".into(), url.into()]],
    };
    let mut last = String::from("no browser command");
    for argv in commands {
        let spawned = Command::new(&argv[0])
            .args(&argv[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(mut child) => {
                std::thread::spawn(move || {
                    let _ = child.wait();
                });
                return Ok(());
            }
            Err(e) => last = format!("{}: {e}", argv[0]),
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_commands_take_the_address_and_never_block() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("opened");
        let script = dir.path().join("browser.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nsleep 1\necho \"$1\" > {}\n", out.display()),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let started = std::time::Instant::now();
        let browser = format!("/nonexistent/browser:{} %s", script.display());
        open("https://example.com/a?b=1", Some(&browser)).unwrap();
        // The script sleeps a second: opening does not wait for it.
        assert!(started.elapsed() < std::time::Duration::from_millis(900));
        for _ in 0..100 {
            if let Ok(text) = std::fs::read_to_string(&out) {
                assert_eq!(text.trim(), "https://example.com/a?b=1");
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert!(out.exists(), "the browser ran");
        assert!(open("javascript:alert(1)", Some(&browser)).is_err());
        let err = open("https://example.com", Some("/nonexistent/browser")).unwrap_err();
        assert!(err.contains("/nonexistent/browser"), "{err}");
    }
}
