//! `sukima completions SHELL` and `sukima man`, used as a shell and `man` use them.

use crate::common::{Env, s};
use clap::CommandFactory;
use std::process::Command;

/// The PATH of the test run, so the real `bash`, `man` and groff are found.
fn path() -> String {
    std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into())
}

/// What bash offers at `line` + Tab once the script is loaded: `complete -F` is looked up
/// and called as bash does, with COMP_WORDS split from `line` (a trailing space starts a
/// new, empty word).
fn bash_offers(script: &std::path::Path, line: &str) -> Vec<String> {
    let program = r#"
        source "$SCRIPT" || exit 3
        spec=$(complete -p sukima) || exit 4
        fn=${spec#*-F }; fn=${fn%% *}
        read -ra COMP_WORDS <<< "$LINE"
        [[ "$LINE" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE=$LINE; COMP_POINT=${#LINE}
        prev=""; (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
        "$fn" sukima "${COMP_WORDS[COMP_CWORD]}" "$prev"
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", program])
        .env_clear()
        .env("PATH", path())
        .env("SCRIPT", script)
        .env("LINE", line)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "bash: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completion_offers_the_subcommands() {
    let env = Env::new();
    let script = env.write("sukima.bash", &env.ok(&["completions", "bash"]));
    let offered = bash_offers(&script, "sukima ");
    let cli = sukima::cli::Cli::command();
    let subcommands: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
    assert!(subcommands.len() >= 12, "{subcommands:?}");
    for name in &subcommands {
        assert!(offered.contains(&name.to_string()), "{name} in {offered:?}");
    }
    assert_eq!(bash_offers(&script, "sukima ba"), ["badge"]);
    let badge = bash_offers(&script, "sukima badge ");
    for name in ["add", "list", "show", "edit", "renew", "archive", "rm"] {
        assert!(badge.contains(&name.to_string()), "{name} in {badge:?}");
    }
    let flags = bash_offers(&script, "sukima badge add --repl");
    assert_eq!(flags, ["--replaced-by"]);
    let shells = bash_offers(&script, "sukima completions ");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(shells.contains(&shell.to_string()), "{shell} in {shells:?}");
    }
}

#[test]
fn every_shell_has_a_script() {
    let env = Env::new();
    for (shell, mark) in [
        ("bash", "complete -F _sukima"),
        ("zsh", "#compdef sukima"),
        ("fish", "complete -c sukima"),
        ("elvish", "edit:completion:arg-completer[sukima]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains(mark), "{shell}: {mark}");
    }
    let out = env.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

/// A shell loads its completions even where the configuration is broken, and nothing is
/// opened or created for it.
#[test]
fn completions_and_man_need_no_config_or_database() {
    let env = Env::new();
    let config = env.write("config.toml", "[planner]\nno_such_key = 1\n");
    for args in [&["completions", "zsh"][..], &["man"]] {
        let out = env
            .cmd()
            .env("SUKIMA_CONFIG", &config)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    }
    assert!(!env.db.exists(), "no database was created");
}

#[test]
fn man_renders_the_page() {
    let env = Env::new();
    let page = env.write("sukima.1", &env.ok(&["man"]));
    let found = Command::new("man")
        .arg("--version")
        .env("PATH", path())
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "man is not installed: install man-db (apt-get install man-db) to check the man page"
    );
    let out = Command::new("man")
        .args(["--warnings", "-l", s(&page)])
        .env_clear()
        .env("PATH", path())
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "man -l: {stderr}");
    assert_eq!(stderr, "", "roff warnings");
    let text = String::from_utf8(out.stdout).unwrap();
    for heading in [
        "NAME",
        "SYNOPSIS",
        "GLOBAL OPTIONS",
        "COMMANDS",
        "ENVIRONMENT",
        "EXIT STATUS",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "{heading} heading:\n{text}"
        );
    }
    for line in [
        "   sukima badge add",
        "   sukima import credly",
        "   sukima completions",
        "       --replaced-by <KEY>",
        "       SUKIMA_NOW",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?}:\n{text}");
    }
    assert!(text.starts_with("SUKIMA(1)"), "{text}");
}
