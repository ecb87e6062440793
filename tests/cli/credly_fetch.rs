//! `sukima import credly --user NAME` against a real HTTP server on 127.0.0.1, started by
//! each test (never the internet): every page imported as the files would be, and each
//! broken answer one line on stderr with nothing written and no hang.

use crate::common::{Env, s};
use crate::serve::{Reply, Server};
use std::net::TcpListener;
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/credly")
            .join(name),
    )
    .unwrap()
}

fn page(user: &str, n: u64) -> String {
    format!("/users/{user}/badges.json?page={n}")
}

fn json(body: Vec<u8>) -> Reply {
    Reply::Ok("application/json; charset=utf-8", body)
}

/// The two fixture pages of `sample-earner`.
fn sample_routes() -> Vec<(String, Reply)> {
    vec![
        (page("sample-earner", 1), json(fixture("page1.json"))),
        (page("sample-earner", 2), json(fixture("page2.json"))),
    ]
}

/// `sukima ARGS` with the Credly address pointed at `base` and a short timeout.
fn run(env: &Env, base: &str, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("SUKIMA_CREDLY_URL", base)
        .env("SUKIMA_CREDLY_TIMEOUT_MS", "300")
        .args(args)
        .output()
        .unwrap()
}

fn ok(env: &Env, base: &str, args: &[&str]) -> String {
    let out = run(env, base, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Exit 1 and one line on stderr; returns it.
fn fails(env: &Env, base: &str, args: &[&str]) -> String {
    let out = run(env, base, args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

#[test]
fn a_profile_is_fetched_page_by_page_and_imported_as_its_files_are() {
    let server = Server::start(sample_routes());
    let env = Env::new();
    let out = ok(
        &env,
        &server.base(),
        &["import", "credly", "--user", "sample-earner"],
    );
    assert!(
        out.starts_with("added 10, updated 0, unchanged 0, skipped 1 (1 revoked)"),
        "{out}"
    );
    assert!(!out.contains("not given"), "every page arrived: {out}");
    assert_eq!(
        server.requests(),
        [page("sample-earner", 1), page("sample-earner", 2)]
    );
    // The same badges as importing the two saved files.
    let files = Env::new();
    let (p1, p2) = (
        files.write(
            "p1.json",
            std::str::from_utf8(&fixture("page1.json")).unwrap(),
        ),
        files.write(
            "p2.json",
            std::str::from_utf8(&fixture("page2.json")).unwrap(),
        ),
    );
    files.ok(&["import", "credly", s(&p1), s(&p2)]);
    assert_eq!(
        env.ok(&["badge", "list", "--json", "--all"]),
        files.ok(&["badge", "list", "--json", "--all"])
    );
    // Again by the profile's address, as --user or alone: nothing changes.
    for args in [
        &[
            "import",
            "credly",
            "--user",
            "https://www.credly.com/users/sample-earner/badges",
        ][..],
        &[
            "import",
            "credly",
            "https://www.credly.com/users/sample-earner",
        ],
    ] {
        let out = ok(&env, &server.base(), args);
        assert!(out.starts_with("added 0, updated 0, unchanged 10"), "{out}");
    }
    // One import, one undo (the imports that changed nothing left none).
    let undone = env.ok(&["undo"]);
    assert!(undone.contains("credly user sample-earner"), "{undone}");
    assert!(env.ok(&["badge", "list"]).starts_with("No badges"));
}

#[test]
fn every_broken_answer_is_one_line_and_writes_nothing() {
    let p1 = fixture("page1.json");
    let mut routes = sample_routes();
    routes.extend([
        (page("private", 1), Reply::Status(403)),
        (page("broken", 1), Reply::Status(500)),
        (page("busy", 1), Reply::Status(429)),
        (
            page("html", 1),
            Reply::Ok(
                "text/html; charset=utf-8",
                b"<!DOCTYPE html><html><body>Sign in</body></html>".to_vec(),
            ),
        ),
        (
            page("plain", 1),
            Reply::Ok("text/plain", b"Service Unavailable".to_vec()),
        ),
        (page("truncated", 1), Reply::Truncated(p1.clone())),
        (page("stall", 1), Reply::Stall(p1.clone())),
        // Page 1 arrives, page 2 does not: nothing of page 1 is written either.
        (page("halfway", 1), json(p1.clone())),
        (page("halfway", 2), Reply::Status(502)),
        (page("wrongpage", 1), json(fixture("page2.json"))),
        (
            page("runaway", 1),
            json(
                br#"{"data": [], "metadata": {"current_page": 1, "total_pages": 100000}}"#.to_vec(),
            ),
        ),
    ]);
    let server = Server::start(routes);
    let base = server.base();
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let held = Env::new();
    held.ok(&[
        "badge",
        "add",
        "Mine",
        "--key",
        "mine",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-01",
    ]);
    let before = held.snapshot();
    let stall_limit = "within 0.3 s";
    for (user, base, needle) in [
        (
            "nobody",
            base.as_str(),
            "no public Credly profile 'nobody' (http://127.0.0.1",
        ),
        ("private", &base, "Credly profile 'private' is private"),
        ("broken", &base, "answered 500 (a server error at Credly)"),
        ("busy", &base, "answered 429 (too many requests"),
        (
            "html",
            &base,
            "sent a web page (HTML), not Credly's badges JSON",
        ),
        ("plain", &base, "sent text that is not JSON"),
        ("truncated", &base, "broke off"),
        ("stall", &base, stall_limit),
        ("halfway", &base, "page=2 answered 502"),
        ("wrongpage", &base, "sent page 2 when asked for page 1"),
        ("runaway", &base, "says the profile has 100000 pages"),
        ("sample-earner", &closed, "cannot reach 127.0.0.1:"),
        ("jane doe", &base, "'jane doe' is not a Credly user name"),
        (
            "https://example.com/users/x",
            &base,
            "not an address at credly.com",
        ),
    ] {
        // A stalled answer ends by the timeout, not by the server giving up after 20 s:
        // the message says which.
        let err = fails(&held, base, &["import", "credly", "--user", user]);
        assert!(err.contains(needle), "{user}: {err}");
        assert_eq!(held.snapshot(), before, "{user}: nothing written");
        let fresh = Env::new();
        fails(&fresh, base, &["import", "credly", "--user", user]);
        // (Whether a failed command leaves an empty database file is the store's
        // business, the same for every command; nothing of the profile is in it.)
        if fresh.db.exists() {
            assert!(
                fresh.ok(&["badge", "list"]).starts_with("No badges"),
                "{user}"
            );
        }
    }
    let asked = server.requests();
    assert!(asked.contains(&page("halfway", 2)), "{asked:?}");
    assert!(
        !asked
            .iter()
            .any(|p| p.contains("runaway") && p.ends_with("=2"))
    );
}

#[test]
fn settings_that_cannot_be_used_are_named() {
    let env = Env::new();
    let err = fails(&env, "ftp://mirror", &["import", "credly", "--user", "x"]);
    assert!(
        err.contains("SUKIMA_CREDLY_URL='ftp://mirror' is not an http(s) address"),
        "{err}"
    );
    let out = env
        .cmd()
        .env("SUKIMA_CREDLY_TIMEOUT_MS", "soon")
        .args(["import", "credly", "--user", "x"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("SUKIMA_CREDLY_TIMEOUT_MS='soon' is not a number"),
        "{err}"
    );
    // Files or --user, not both; one of them.
    for args in [
        &["import", "credly", "--user", "x", "a.json"][..],
        &["import", "credly"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

/// A download whose metadata says pages are missing names them, for files as for fetches.
#[test]
fn missing_pages_of_a_download_are_named() {
    let env = Env::new();
    let p2 = env.write(
        "p2.json",
        std::str::from_utf8(&fixture("page2.json")).unwrap(),
    );
    let out = env.ok(&["import", "credly", s(&p2)]);
    assert!(
        out.contains("the download has 2 pages and page 1 was not given"),
        "{out}"
    );
}

/// Ten full pages of 48 badges each, as a large profile serves them.
#[test]
fn ten_pages_of_48_badges() {
    let pages = crate::credly_pages::pages(10, 48);
    let routes = pages
        .into_iter()
        .enumerate()
        .map(|(i, p)| (page("many", i as u64 + 1), json(p)))
        .collect();
    let server = Server::start(routes);
    let env = Env::new();
    let out = ok(
        &env,
        &server.base(),
        &["import", "credly", "--user", "many"],
    );
    assert!(
        out.starts_with("added 480, updated 0, unchanged 0"),
        "{out}"
    );
    assert_eq!(server.requests().len(), 10);
}
