//! Learning journeys in the planner: the Badges detail and the steps popup (add, edit,
//! reorder, mark done, open, delete, each undone with u), the badge form's prerequisites,
//! sessions that name their step, and `o` opening an address without blocking.

use super::{app_with, ch, ctrl, demo_app, ja_app, key, screen, type_text};
use crossterm::event::KeyCode;
use sukima::config::Config;
use sukima::domain::step::Step;
use sukima::store;
use sukima::tui::app::App;
use sukima::tui::popups::Popup;

fn select_badge(app: &mut App, key: &str) {
    app.update(ch('2'));
    app.update(ch('g'));
    while app.selected_badge().unwrap().badge.key != key {
        let before = app.badges.selected;
        app.update(ch('j'));
        assert_ne!(app.badges.selected, before, "{key} is not in the list");
    }
}

fn steps(app: &App, key: &str) -> Vec<Step> {
    let id = store::badges::id_of(app.store.conn(), key)
        .unwrap()
        .unwrap();
    store::steps::of_badge(app.store.conn(), id).unwrap()
}

fn titles(app: &App, key: &str) -> Vec<String> {
    steps(app, key).into_iter().map(|s| s.title).collect()
}

fn status(app: &App) -> (String, bool) {
    let s = app.status.as_ref().expect("a status message");
    (s.text.clone(), s.error)
}

#[test]
fn the_badges_detail_shows_the_journey_and_its_chain() {
    let mut app = demo_app();
    select_badge(&mut app, "df-prac");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("Steps 0/4 ▸ Module 2: Data governance · t steps, c done, o open"),
        "{s}"
    );
    assert!(s.contains("After df-found (waiting)"), "{s}");
    assert!(s.contains("studied  0m of 4h45m"), "{s}");
    select_badge(&mut app, "df-found");
    let s = screen(&app, 80, 40);
    assert!(s.contains("Before df-prac"), "{s}");
    assert!(s.contains("Steps 1/2 ▸ Online quiz"), "{s}");
}

#[test]
fn steps_are_added_edited_reordered_marked_done_and_deleted_each_undone_with_u() {
    let mut app = demo_app();
    select_badge(&mut app, "df-prac");
    app.update(ch('t'));
    assert!(matches!(app.popup, Some(Popup::Steps(_))));
    let before = super::db_state(&app);
    // Mark the first done, then take it back.
    app.update(ch('c'));
    assert!(steps(&app, "df-prac")[0].done_on.is_some());
    assert!(
        status(&app).0.starts_with("step 1 of df-prac done"),
        "{:?}",
        status(&app)
    );
    app.update(ch('u'));
    assert_eq!(super::db_state(&app), before);
    // Move the first down, and back up.
    app.update(ch('J'));
    assert_eq!(titles(&app, "df-prac")[1], "Module 2: Data governance");
    app.update(ch('K'));
    assert_eq!(titles(&app, "df-prac")[0], "Module 2: Data governance");
    // Add one: a bad address is refused in the form, nothing written.
    app.update(ch('n'));
    type_text(&mut app, "Review notes");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "20m");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "ftp://example.com");
    app.update(key(KeyCode::Enter));
    assert_eq!(titles(&app, "df-prac").len(), 4);
    let s = screen(&app, 80, 24);
    assert!(s.contains("is not a web address"), "{s}");
    app.update(ctrl('u'));
    type_text(&mut app, "https://example.com/notes");
    app.update(ctrl('s'));
    let all = steps(&app, "df-prac");
    assert_eq!(all.len(), 5);
    assert_eq!(all[4].title, "Review notes");
    assert_eq!(all[4].minutes, Some(20));
    // Edit it: the selection is on the new step.
    app.update(ch('e'));
    app.update(ctrl('u'));
    type_text(&mut app, "Review my notes");
    app.update(ctrl('s'));
    assert_eq!(steps(&app, "df-prac")[4].title, "Review my notes");
    // Delete it, then undo.
    app.update(ch('d'));
    assert_eq!(titles(&app, "df-prac").len(), 4);
    assert!(status(&app).0.contains("u undoes"), "{:?}", status(&app));
    app.update(ch('u'));
    assert_eq!(titles(&app, "df-prac")[4], "Review my notes");
    // Esc closes; c in the Badges view marks the current step done.
    app.update(key(KeyCode::Esc));
    assert!(app.popup.is_none());
    app.update(ch('c'));
    assert!(steps(&app, "df-prac")[0].done_on.is_some());
    let s = screen(&app, 80, 24);
    assert!(s.contains("Steps 1/5 ▸ モジュール3: データリネージ"), "{s}");
}

#[test]
fn o_opens_the_step_or_the_badge_without_waiting_and_says_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("opened");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nsleep 2\necho \"$1\" >> {}\n", out.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut app = demo_app();
    app.browser = Some(script.display().to_string());
    select_badge(&mut app, "df-prac");
    let started = std::time::Instant::now();
    app.update(ch('o'));
    assert!(
        started.elapsed() < std::time::Duration::from_millis(1500),
        "o waited"
    );
    assert_eq!(
        status(&app),
        (
            "opening https://www.ibm.com/training/module/data-governance".into(),
            false
        )
    );
    // A badge with no address and no steps says so.
    select_badge(&mut app, "gcp-pde");
    app.update(ch('o'));
    assert!(status(&app).1);
    assert!(status(&app).0.starts_with("no address to open"));
    for _ in 0..100 {
        if out.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(&out).unwrap().trim(),
        "https://www.ibm.com/training/module/data-governance"
    );
}

#[test]
fn sessions_name_their_step_in_today_and_plan() {
    let app = demo_app();
    let s = screen(&app, 80, 24);
    assert!(s.contains("df-found ▸ Online q"), "{s}");
    let mut app = demo_app();
    app.update(ch('3'));
    let s = screen(&app, 120, 40);
    assert!(s.contains("df-found       Online quiz · 15 of 30m"), "{s}");
    let mut app = ja_app();
    app.update(ch('3'));
    let s = screen(&app, 120, 40);
    assert!(s.contains("df-found       Online quiz · 15/30分"), "{s}");
}

#[test]
fn the_form_takes_prerequisites_and_refuses_a_loop() {
    let mut app = demo_app();
    select_badge(&mut app, "df-found");
    app.update(ch('e'));
    // To the prerequisites field.
    let Some(Popup::BadgeForm(f)) = &app.popup else {
        panic!("the form is open")
    };
    let at = f
        .fields
        .iter()
        .position(|x| x.field == sukima::domain::badge::fields::Field::After)
        .unwrap();
    for _ in 0..at {
        app.update(key(KeyCode::Tab));
    }
    type_text(&mut app, "df-prac");
    let Some(Popup::BadgeForm(f)) = &app.popup else {
        panic!("the form is open")
    };
    let err = f.fields[at].error.clone().unwrap();
    assert_eq!(err, "a loop: df-found → df-prac → df-found");
    app.update(ctrl('s'));
    assert!(matches!(app.popup, Some(Popup::BadgeForm(_))), "not saved");
    // A good one saves.
    app.update(ctrl('u'));
    type_text(&mut app, "az-900");
    app.update(ctrl('s'));
    assert!(app.popup.is_none());
    let b = store::badges::get(app.store.conn(), "df-found")
        .unwrap()
        .unwrap();
    assert_eq!(b.after, ["az-900"]);
}

#[test]
fn the_steps_popup_fits_every_size_in_both_languages() {
    for config in [Config::default(), {
        let mut c = Config::default();
        c.ui.language = sukima::config::Language::Ja;
        c
    }] {
        let mut app = app_with(config);
        select_badge(&mut app, "df-prac");
        app.update(ch('t'));
        for (w, h) in [(40, 12), (80, 24), (200, 60)] {
            let buf = super::draw(&app, w, h);
            let problems = super::layout_problems(&buf);
            assert!(problems.is_empty(), "{w}x{h}: {problems:?}");
        }
        app.update(ch('n'));
        for (w, h) in [(40, 12), (80, 24), (200, 60)] {
            let buf = super::draw(&app, w, h);
            assert!(super::layout_problems(&buf).is_empty(), "form {w}x{h}");
        }
    }
}

#[test]
fn a_step_form_error_shows_beside_its_field_focused_or_not() {
    for (mut app, error) in [
        (demo_app(), "✗ a title is required"),
        (ja_app(), "✗ タイトルは必須です"),
    ] {
        select_badge(&mut app, "df-prac");
        app.update(ch('t'));
        app.update(ch('n'));
        // Saved empty: the title's problem, beside the focused title.
        app.update(ctrl('s'));
        let text = screen(&app, 80, 24);
        let line = text.lines().find(|l| l.contains(error)).unwrap_or_default();
        assert!(!line.is_empty(), "{text}");
        // Focus moved on: still beside the title, now in place of its text.
        app.update(key(KeyCode::Tab));
        let text = screen(&app, 80, 24);
        assert!(text.contains(error), "{text}");
    }
}

#[test]
fn the_journey_on_screen() {
    let mut app = demo_app();
    select_badge(&mut app, "df-prac");
    insta::assert_snapshot!("df_prac_detail_80x24", screen(&app, 80, 24));
    app.update(ch('t'));
    insta::assert_snapshot!("steps_80x24", screen(&app, 80, 24));
    app.update(ch('n'));
    insta::assert_snapshot!("step_form_80x24", screen(&app, 80, 24));
    let mut app = ja_app();
    select_badge(&mut app, "df-prac");
    app.update(ch('t'));
    insta::assert_snapshot!("ja_steps_80x24", screen(&app, 80, 24));
    let mut app = demo_app();
    app.update(ch('4'));
    insta::assert_snapshot!("calendar_chain_200x60", screen(&app, 200, 60));
}
