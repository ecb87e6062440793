//! The layering of the library, checked on its sources: `commands` and `tui` never import
//! each other (what both show lives in `present`, beneath both), and nothing beneath them
//! imports either, so a key press and a command take one way down.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The files of a module: `src/NAME.rs` and everything in `src/NAME/`.
fn module(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = sources(&src.join(name));
    let file = src.join(format!("{name}.rs"));
    if file.exists() {
        files.push(file);
    }
    assert!(!files.is_empty(), "no module {name}");
    files
}

/// The lines of `files` that name `crate::MODULE` (a `use` or a path).
fn imports_of(files: &[PathBuf], module: &str) -> Vec<String> {
    let needle = format!("crate::{module}");
    files
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .enumerate()
                .filter(|(_, l)| {
                    l.contains(&needle)
                        && l[l.find(&needle).unwrap() + needle.len()..]
                            .starts_with([':', ';', '}', ',', ' '])
                })
                .map(|(n, l)| format!("{}:{}: {}", f.display(), n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn commands_and_tui_never_import_each_other() {
    assert_eq!(imports_of(&module("commands"), "tui"), Vec::<String>::new());
    assert_eq!(imports_of(&module("tui"), "commands"), Vec::<String>::new());
}

#[test]
fn the_layers_beneath_import_neither_commands_nor_tui() {
    for lower in [
        "present", "changes", "planning", "domain", "store", "io", "config",
    ] {
        for upper in ["commands", "tui"] {
            assert_eq!(
                imports_of(&module(lower), upper),
                Vec::<String>::new(),
                "{lower} imports {upper}"
            );
        }
    }
}

#[test]
fn the_domain_does_no_io() {
    for m in ["store", "io", "config", "changes", "planning", "present"] {
        assert_eq!(
            imports_of(&module("domain"), m),
            Vec::<String>::new(),
            "domain imports {m}"
        );
    }
}

#[test]
fn the_check_sees_an_import() {
    // The checker itself can fail: `tui` does import `present`.
    assert!(!imports_of(&module("tui"), "present").is_empty());
}
