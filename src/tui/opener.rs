//! Opens a URL in the browser without blocking or breaking the planner: `$BROWSER` when
//! it is set (its first word the program, `%s` replaced by the URL or the URL appended),
//! else `xdg-open` (`open` on macOS). The browser starts detached, with its standard
//! input, output and error on the null device, so nothing it prints reaches the screen;
//! a thread reaps it. One opener serves every "open" key (a badge's URL, a step's).

use std::process::{Command, Stdio};

/// The program and its arguments that open `url`, from `$BROWSER` (`browser`) or the
/// platform's opener.
pub fn command_for(url: &str, browser: Option<&str>) -> (String, Vec<String>) {
    if let Some(b) = browser.map(str::trim).filter(|b| !b.is_empty()) {
        // $BROWSER may list several programs separated by ':'; the first is used.
        let first = b.split(':').next().unwrap_or(b);
        let mut words = first.split_whitespace().map(str::to_string);
        let program = words.next().unwrap_or_default();
        let mut args: Vec<String> = words.collect();
        if args.iter().any(|a| a.contains("%s")) {
            for a in &mut args {
                *a = a.replace("%s", url);
            }
        } else {
            args.push(url.to_string());
        }
        return (program, args);
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    (opener.to_string(), vec![url.to_string()])
}

/// Starts the browser on `url`; an error says why it could not start. Never waits for it.
pub fn open(url: &str) -> Result<(), String> {
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = command_for(url, browser.as_deref());
    let mut child = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    // Reaped off the key path, so no zombie is left behind.
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_variable_wins_and_takes_the_url() {
        let url = "https://www.credly.com/org/ibm/badge/x";
        for (browser, program, args) in [
            (Some("firefox"), "firefox", vec![url]),
            (Some("firefox --new-tab"), "firefox", vec!["--new-tab", url]),
            (Some("w3m %s -dump"), "w3m", vec![url, "-dump"]),
            (Some("lynx:firefox"), "lynx", vec![url]),
        ] {
            let (p, a) = command_for(url, browser);
            assert_eq!(p, program, "{browser:?}");
            assert_eq!(a, args, "{browser:?}");
        }
        let (p, a) = command_for(url, Some("  "));
        assert!(p == "xdg-open" || p == "open");
        assert_eq!(a, vec![url]);
    }

    #[test]
    fn a_missing_browser_is_an_error_not_a_panic() {
        let (program, _) = command_for("x", Some("/nonexistent/browser-of-nobody"));
        let e = Command::new(program).spawn().unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    }
}
