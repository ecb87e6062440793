//! `sukima completions SHELL` and `sukima man`: a shell's completion script and the manual
//! page, both generated from the argument definitions in `cli` (clap_complete,
//! clap_mangen), so they cannot drift from what the parser accepts. Neither needs a
//! configuration or a database: `main` runs them before opening either.

use crate::cli::Cli;
use anyhow::Result;
use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};
use std::io::Write;

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    // Into memory first: the generator panics on a write error, and a closed pipe
    // (`| head`) must stay a quiet success.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "sukima", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Writes the manual page, sukima(1), as roff: the global options, then every command
/// with its synopsis and options on the one page (so `man sukima` is the whole manual,
/// with no references to pages that were never installed), the environment and the exit
/// codes.
pub fn man(out: &mut dyn Write) -> Result<()> {
    let cli = Cli::command();
    let top = Man::new(cli.clone())
        .title("SUKIMA")
        .manual("User Commands");
    let mut page = Vec::new();
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    let mut about = Roff::new();
    about.control("PP", []).text([roman(
        "Without a command, sukima opens the interactive planner (keys: ? lists them all). \
         Each command below prints text for a person, or one JSON document with --json.",
    )]);
    about.to_writer(&mut page)?;
    top.render_options_section(&mut page)?;

    Roff::new()
        .control("SH", ["COMMANDS"])
        .to_writer(&mut page)?;
    let mut leaves = Vec::new();
    leaf_commands(&cli, "sukima", &mut leaves);
    for (path, cmd) in leaves {
        command_section(&path, cmd, &mut page)?;
    }

    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        roff.control("TP", [])
            .text([bold(*name)])
            .text([roman(*what)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in EXIT_CODES {
        roff.control("TP", [])
            .text([bold(*code)])
            .text([roman(*what)]);
    }
    roff.to_writer(&mut page)?;
    top.render_version_section(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}

/// The variables sukima reads, for the man page.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("SUKIMA_DB", "The database file, as --db."),
    ("SUKIMA_CONFIG", "The configuration file, as --config."),
    (
        "SUKIMA_NOW",
        "Fixes the clock, as --now (YYYY-MM-DDTHH:MM), for scripts, demos and tests.",
    ),
    (
        "SUKIMA_CREDLY_URL",
        "The address import credly --user fetches from instead of https://www.credly.com.",
    ),
    (
        "SUKIMA_CREDLY_TIMEOUT_MS",
        "How long one page of a Credly profile may take, in milliseconds (default 30000).",
    ),
    (
        "HTTPS_PROXY, ALL_PROXY, NO_PROXY",
        "The proxy for import credly --user.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, the planner draws without colour.",
    ),
];

/// The exit codes, for the man page.
const EXIT_CODES: &[(&str, &str)] = &[
    (
        "0",
        "Success; also when the output pipe was closed early (| head).",
    ),
    (
        "1",
        "A user error: one line on standard error says what and how to fix it; nothing was written.",
    ),
    ("2", "A usage error: the command line could not be parsed."),
];

/// Every command that runs something (`badge add`, not `badge`), depth first in the order
/// of `--help`, each with its full name.
fn leaf_commands<'a>(
    cmd: &'a clap::Command,
    path: &str,
    out: &mut Vec<(String, &'a clap::Command)>,
) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{path} {}", sub.get_name());
        if sub.has_subcommands() {
            leaf_commands(sub, &name, out);
        } else {
            out.push((name, sub));
        }
    }
}

/// One command as a subsection: its name, what it does, its synopsis and its own options
/// (the global ones are described once, above; `--help` everywhere is left out).
fn command_section(path: &str, cmd: &clap::Command, page: &mut Vec<u8>) -> Result<()> {
    let mut head = Roff::new();
    head.control("SS", [path]);
    if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        head.text([roman(about.to_string())]);
    }
    head.to_writer(page)?;
    let sub = Man::new(
        cmd.clone()
            .bin_name(path)
            .display_name(path)
            .disable_help_flag(true),
    );
    // clap_mangen renders a page per command: its synopsis and options sections, each
    // under a `.SH` heading, become paragraphs of this subsection.
    for render in [Man::render_synopsis_section, Man::render_options_section] {
        let mut part = Vec::new();
        render(&sub, &mut part)?;
        let text = String::from_utf8(part)?;
        for line in text.lines() {
            if line.starts_with(".SH ") {
                writeln!(page, ".PP")?;
            } else {
                writeln!(page, "{line}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_section_of_the_man_page() {
        let mut page = Vec::new();
        man(&mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        for name in [
            "sukima add",
            "sukima badge add",
            "sukima badge renew",
            "sukima import credly",
            "sukima export ics",
            "sukima completions",
            "sukima man",
        ] {
            assert!(page.contains(&format!(".SS \"{name}\"")), "{name}");
        }
        // Global options once, at the top, not under every command.
        assert_eq!(page.matches(r"\fB\-\-db\fR \fI<PATH>").count(), 1, "{page}");
        assert!(
            !page.contains(".SH SUBCOMMANDS"),
            "no references to other pages"
        );
    }

    #[test]
    fn every_shell_gets_a_script_that_names_the_commands() {
        use clap::ValueEnum;
        for shell in clap_complete::Shell::value_variants() {
            let mut script = Vec::new();
            completions(*shell, &mut script).unwrap();
            let script = String::from_utf8(script).unwrap();
            for word in ["badge", "agenda", "completions", "replaced-by"] {
                assert!(script.contains(word), "{shell}: {word}");
            }
        }
    }
}
