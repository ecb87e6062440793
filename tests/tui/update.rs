//! Keys in, state and database out: an `App` over the in-memory demo data at a fixed clock.

use super::*;
use chrono::{NaiveDate, NaiveTime};
use sukima::domain::badge::fields::Field as BadgeField;
use sukima::store;
use sukima::tui::action::Action;
use sukima::tui::app::SortBy;
use sukima::tui::popups::Popup;
use sukima::tui::view::View;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn logs(app: &App) -> Vec<sukima::domain::log::LogEntry> {
    store::log::all(app.store.conn(), None).unwrap()
}

fn pins(app: &App) -> Vec<sukima::domain::log::Pinned> {
    store::pinned::all(app.store.conn()).unwrap()
}

fn windows(app: &App) -> Vec<sukima::domain::spare::Window> {
    store::windows::all(app.store.conn()).unwrap()
}

fn badge(app: &App, key: &str) -> Option<sukima::domain::badge::Badge> {
    store::badges::get(app.store.conn(), key).unwrap()
}

/// The keys of the Badges rows, in order.
fn row_keys(app: &App) -> Vec<String> {
    app.badges
        .rows
        .iter()
        .map(|&i| app.data.badges[i].badge.key.clone())
        .collect()
}

fn select_badge(app: &mut App, key: &str) {
    app.update(ch('2'));
    app.update(ch('g'));
    while app.selected_badge().unwrap().badge.key != key {
        let before = app.badges.selected;
        app.update(ch('j'));
        assert_ne!(app.badges.selected, before, "{key} is not in the list");
    }
}

fn status(app: &App) -> (String, bool) {
    let s = app.status.as_ref().expect("a status message");
    (s.text.clone(), s.error)
}

fn quick_add_preview(app: &App) -> Option<Result<String, String>> {
    match &app.popup {
        Some(Popup::QuickAdd(q)) => q.preview.clone(),
        other => panic!("quick-add is not open: {other:?}"),
    }
}

fn quick_add_text(app: &App) -> String {
    match &app.popup {
        Some(Popup::QuickAdd(q)) => q.input.text(),
        other => panic!("quick-add is not open: {other:?}"),
    }
}

fn form(app: &App) -> &sukima::tui::popups::BadgeForm {
    match &app.popup {
        Some(Popup::BadgeForm(f)) => f,
        other => panic!("the badge form is not open: {other:?}"),
    }
}

/// The lines of the open report (an import's summary).
fn report_lines(app: &App) -> Vec<String> {
    match &app.popup {
        Some(Popup::Report { lines, .. }) => lines.clone(),
        other => panic!("no report is open: {other:?}"),
    }
}

/// The open prompt's preview (what Enter would do, or why it cannot).
fn prompt_preview(app: &App) -> Option<Result<String, String>> {
    match &app.popup {
        Some(Popup::Prompt(p)) => p.preview.clone(),
        other => panic!("no prompt is open (status {:?}): {other:?}", app.status),
    }
}

fn prompt_text(app: &App) -> String {
    match &app.popup {
        Some(Popup::Prompt(p)) => p.input.text(),
        other => panic!("no prompt is open: {other:?}"),
    }
}

// ----- views -----

#[test]
fn number_keys_tab_and_shift_tab_switch_views() {
    let mut app = demo_app();
    assert_eq!(app.view, View::Today);
    for (c, v) in [
        ('2', View::Badges),
        ('3', View::Plan),
        ('4', View::Calendar),
        ('5', View::Spare),
        ('6', View::Log),
        ('1', View::Today),
    ] {
        app.update(ch(c));
        assert_eq!(app.view, v);
    }
    let mut seen = Vec::new();
    for _ in 0..6 {
        app.update(key(KeyCode::Tab));
        seen.push(app.view);
    }
    assert_eq!(
        seen,
        [
            View::Badges,
            View::Plan,
            View::Calendar,
            View::Spare,
            View::Log,
            View::Today
        ]
    );
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(app.view, View::Log);
    app.update(key(KeyCode::BackTab));
    assert_eq!(app.view, View::Spare);
}

#[test]
fn clicking_a_tab_switches_to_its_view() {
    for (w, h) in [(120, 40), (80, 24), (44, 12)] {
        let mut app = demo_app();
        app.update(Msg::Resize(w, h));
        let top = rows(&draw(&app, w, h))[0].clone();
        for (label, v) in [
            ("3", View::Plan),
            ("5", View::Spare),
            ("2", View::Badges),
            ("4", View::Calendar),
            ("1", View::Today),
        ] {
            // The tab's number, as drawn: " 3 Plan " (or " 3 Pla " or " 3 " when narrow).
            let x = top.find(&format!(" {label} ")).unwrap() + 1;
            app.update(click(x as u16, 0));
            assert_eq!(app.view, v, "{w}x{h}: clicked {label} at {x}");
        }
        // The title is not a tab; a click there changes nothing.
        app.update(click(1, 0));
        assert_eq!(app.view, View::Today);
    }
}

#[test]
fn release_events_are_ignored() {
    let mut app = demo_app();
    let mut release = KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE);
    release.kind = crossterm::event::KeyEventKind::Release;
    app.update(Msg::Key(release));
    assert_eq!(app.view, View::Today);
}

// ----- lists -----

#[test]
fn badge_list_moves_and_clamps() {
    let mut app = demo_app();
    app.update(ch('2'));
    let n = app.badges.rows.len();
    assert_eq!(n, 16, "the archived demo badge is hidden");
    assert_eq!(app.badges.selected, 0);
    app.update(ch('k'));
    assert_eq!(app.badges.selected, 0, "clamped at the top");
    press(&mut app, [ch('j'), key(KeyCode::Down), ch('j')]);
    assert_eq!(app.badges.selected, 3);
    app.update(key(KeyCode::Up));
    assert_eq!(app.badges.selected, 2);
    app.update(key(KeyCode::PageDown));
    assert_eq!(app.badges.selected, 12);
    app.update(key(KeyCode::PageDown));
    assert_eq!(app.badges.selected, n - 1, "clamped at the bottom");
    app.update(ch('j'));
    assert_eq!(app.badges.selected, n - 1);
    app.update(ch('g'));
    assert_eq!(app.badges.selected, 0);
    app.update(ch('G'));
    assert_eq!(app.badges.selected, n - 1);
    app.update(key(KeyCode::Home));
    assert_eq!(app.badges.selected, 0);
    app.update(key(KeyCode::End));
    assert_eq!(app.badges.selected, n - 1);
    app.update(key(KeyCode::PageUp));
    assert_eq!(app.badges.selected, n - 11);
    // The selected row is the one the detail pane shows.
    let name = app.selected_badge().unwrap().badge.name.clone();
    assert!(screen(&app, 120, 40).contains(&name[..20]));
}

#[test]
fn plan_and_spare_lists_move_and_clamp() {
    let mut app = demo_app();
    app.update(ch('3'));
    let n = app.data.plan.sessions.len();
    assert!(n > 20);
    app.update(ch('k'));
    assert_eq!(app.plan.selected, 0);
    app.update(ch('G'));
    assert_eq!(app.plan.selected, n - 1);
    app.update(ch('j'));
    assert_eq!(app.plan.selected, n - 1);
    app.update(key(KeyCode::PageUp));
    assert_eq!(app.plan.selected, n - 11);
    // The selected session is on screen even far down the agenda.
    let s = &app.data.plan.sessions[app.plan.selected];
    let when = format!("{}-{}", s.start.format("%H:%M"), s.end.format("%H:%M"));
    let text = screen(&app, 80, 24);
    assert!(text.contains(&when), "{when} not in\n{text}");

    app.update(ch('5'));
    let n = app.data.windows.len();
    assert_eq!(n, 5);
    press(&mut app, (0..9).map(|_| ch('j')));
    assert_eq!(app.spare.selected, n - 1);
    app.update(ch('g'));
    assert_eq!(app.spare.selected, 0);
}

#[test]
fn mouse_clicks_select_rows_and_the_wheel_scrolls() {
    let mut app = demo_app();
    app.update(Msg::Resize(120, 40));
    app.update(ch('2'));
    // Row 3 of the screen is the first badge (tabs, title, header above it).
    app.update(click(20, 3 + 4));
    assert_eq!(app.badges.selected, 4);
    app.update(Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 20,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.badges.selected, 5);
    // A click below the last row selects nothing new.
    app.update(click(20, 30));
    assert_eq!(app.badges.selected, 5);

    app.update(ch('5'));
    let rows = rows(&draw(&app, 120, 40));
    let y = rows
        .iter()
        .position(|r| r.contains("weekend morning"))
        .unwrap();
    app.update(click(100, y as u16));
    assert_eq!(app.spare.selected, 3);
}

// ----- quick-add -----

#[test]
fn quick_add_logs_study() {
    let mut app = demo_app();
    let before = logs(&app).len();
    app.update(ch('a'));
    type_text(&mut app, "30m #gcp-pde");
    assert!(
        matches!(quick_add_preview(&app), Some(Ok(p)) if p.contains("log 30m")),
        "{:?}",
        quick_add_preview(&app)
    );
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none());
    let all = logs(&app);
    assert_eq!(all.len(), before + 1);
    let new = all
        .iter()
        .find(|e| e.badge == "gcp-pde" && e.date == date("2026-11-26"))
        .expect("the new entry");
    assert_eq!(new.minutes, 30);
    assert_eq!(new.start, NaiveTime::from_hms_opt(7, 30, 0), "ends now");
    let (text, error) = status(&app);
    assert!(!error && text.contains("log 30m"), "{text}");
    // Reloaded: the badge's progress counts it.
    assert_eq!(app.data.badge("gcp-pde").unwrap().logged, 8 * 60 + 30);
    assert_eq!(app.history, ["30m #gcp-pde"]);
}

#[test]
fn quick_add_in_the_future_pins_and_free_adds_a_window() {
    let mut app = demo_app();
    app.update(ch('a'));
    type_text(&mut app, "1h #ds-basic tomorrow 7:10");
    app.update(key(KeyCode::Enter));
    assert!(pins(&app).iter().any(|p| p.badge == "ds-basic"
        && p.start == date("2026-11-27").and_hms_opt(7, 10, 0).unwrap()
        && p.minutes == 60));

    let n = windows(&app).len();
    app.update(ch('a'));
    type_text(&mut app, "free sat 13:00-15:00 library");
    app.update(key(KeyCode::Enter));
    assert_eq!(windows(&app).len(), n + 1);
    assert!(windows(&app).iter().any(|w| w.label == "library"));

    // A pin over another pin is refused in the preview already, and Enter writes nothing.
    let before = db_state(&app);
    app.update(ch('a'));
    type_text(&mut app, "30m #aws-saa tomorrow 7:30");
    let preview = quick_add_preview(&app);
    assert!(
        matches!(&preview, Some(Err(e)) if e.contains("overlaps the session pinned on ds-basic 07:10-08:10")),
        "{preview:?}"
    );
    app.update(key(KeyCode::Enter));
    assert_eq!(db_state(&app), before);
}

#[test]
fn quick_add_bad_input_writes_nothing_and_says_why() {
    let mut app = demo_app();
    let before = db_state(&app);
    app.update(ch('a'));
    type_text(&mut app, "30m #awz");
    let Some(Err(e)) = quick_add_preview(&app) else {
        panic!("{:?}", quick_add_preview(&app))
    };
    assert!(e.contains("#awz") && e.contains("did you mean"), "{e}");
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.popup, Some(Popup::QuickAdd(_))), "stays open");
    assert_eq!(db_state(&app), before);
    let text = screen(&app, 80, 24);
    assert!(text.contains("✗ unknown badge '#awz'"), "{text}");
    // Several matches: an error that lists them.
    app.update(ctrl('u'));
    type_text(&mut app, "30分 データ");
    app.update(key(KeyCode::Enter));
    let Some(Err(e)) = quick_add_preview(&app) else {
        panic!()
    };
    assert!(e.contains("#ds-basic") && e.contains("#db2-admin"), "{e}");
    assert_eq!(db_state(&app), before);
    // Esc closes without writing.
    app.update(key(KeyCode::Esc));
    assert!(app.popup.is_none());
    assert_eq!(db_state(&app), before);
}

#[test]
fn quick_add_with_japanese_and_full_width_input() {
    let mut app = demo_app();
    app.update(ch('a'));
    type_text(&mut app, "３０分 データサイエンス 昨日");
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none(), "{:?}", app.status);
    assert!(logs(&app).iter().any(|e| e.badge == "ds-basic"
        && e.date == date("2026-11-25")
        && e.minutes == 30
        && e.start.is_none()));
}

#[test]
fn quick_add_enter_on_an_empty_line_closes() {
    let mut app = demo_app();
    let before = db_state(&app);
    app.update(ch('a'));
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none());
    assert_eq!(db_state(&app), before);
    assert!(app.history.is_empty());
}

#[test]
fn quick_add_tab_completes_keys() {
    let mut app = demo_app();
    app.update(ch('a'));
    type_text(&mut app, "30m #gcp-p");
    app.update(key(KeyCode::Tab));
    assert_eq!(quick_add_text(&app), "30m #gcp-pde ");
    assert!(matches!(quick_add_preview(&app), Some(Ok(_))));
    // Several candidates: completed to what they share.
    app.update(ctrl('u'));
    type_text(&mut app, "1h #cp4i");
    app.update(key(KeyCode::Tab));
    assert_eq!(quick_add_text(&app), "1h #cp4i-");
    // Nothing more in common: Tab goes round the candidates, in key order.
    app.update(key(KeyCode::Tab));
    assert_eq!(quick_add_text(&app), "1h #cp4i-sa ");
    app.update(key(KeyCode::Tab));
    assert_eq!(quick_add_text(&app), "1h #cp4i-v16-sa ");
    app.update(key(KeyCode::Tab));
    assert_eq!(quick_add_text(&app), "1h #cp4i-sa ");
    // Typing ends the round; a longer prefix completes to its one key.
    app.update(ctrl('u'));
    type_text(&mut app, "1h #cp4i-v");
    app.update(key(KeyCode::Tab));
    assert_eq!(quick_add_text(&app), "1h #cp4i-v16-sa ");
    // A bare # goes round every key.
    app.update(ctrl('u'));
    type_text(&mut app, "30m #");
    app.update(key(KeyCode::Tab));
    let first = quick_add_text(&app);
    assert!(first.starts_with("30m #") && first.len() > 6, "{first}");
    app.update(key(KeyCode::Tab));
    assert_ne!(quick_add_text(&app), first);
}

#[test]
fn quick_add_history_with_up_and_down() {
    let mut app = demo_app();
    for line in ["30m #gcp-pde", "20m #az-104"] {
        app.update(ch('a'));
        type_text(&mut app, line);
        app.update(key(KeyCode::Enter));
        assert!(app.popup.is_none());
    }
    app.update(ch('a'));
    app.update(key(KeyCode::Up));
    assert_eq!(quick_add_text(&app), "20m #az-104");
    assert!(matches!(quick_add_preview(&app), Some(Ok(_))));
    app.update(key(KeyCode::Up));
    assert_eq!(quick_add_text(&app), "30m #gcp-pde");
    app.update(key(KeyCode::Up));
    assert_eq!(quick_add_text(&app), "30m #gcp-pde", "stays on the oldest");
    app.update(key(KeyCode::Down));
    assert_eq!(quick_add_text(&app), "20m #az-104");
    app.update(key(KeyCode::Down));
    assert_eq!(quick_add_text(&app), "", "back to a new line");
    assert_eq!(quick_add_preview(&app), None);
    // A failed line is kept too, so it can be fixed.
    type_text(&mut app, "30m #nope");
    app.update(key(KeyCode::Enter));
    app.update(key(KeyCode::Esc));
    app.update(ch('a'));
    app.update(key(KeyCode::Up));
    assert_eq!(quick_add_text(&app), "30m #nope");
}

#[test]
fn quick_add_readline_keys() {
    let mut app = demo_app();
    app.update(ch('a'));
    type_text(&mut app, "30m #gcp-pde yesterday");
    app.update(ctrl('w'));
    assert_eq!(quick_add_text(&app), "30m #gcp-pde ");
    app.update(ctrl('w'));
    assert_eq!(quick_add_text(&app), "30m ");
    type_text(&mut app, "データ");
    app.update(key(KeyCode::Left));
    app.update(key(KeyCode::Backspace));
    assert_eq!(quick_add_text(&app), "30m デタ");
    app.update(ctrl('u'));
    assert_eq!(quick_add_text(&app), "タ");
    app.update(ctrl('e'));
    app.update(ctrl('u'));
    assert_eq!(quick_add_text(&app), "");
    assert_eq!(quick_add_preview(&app), None);
    // Pasting goes in at the cursor, and updates the preview.
    app.update(Msg::Paste("45m #az-104\n".into()));
    assert_eq!(quick_add_text(&app), "45m #az-104 ");
    assert!(matches!(quick_add_preview(&app), Some(Ok(_))));
    // Keys that are commands elsewhere are text here.
    type_text(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(quick_add_text(&app), "45m #az-104 q");
}

// ----- undo -----

#[test]
fn undo_restores_the_previous_state_exactly() {
    let mut app = demo_app();
    let before = db_state(&app);
    let plan_before = app.data.plan.sessions.clone();
    app.update(ch('a'));
    type_text(&mut app, "30m #gcp-pde");
    app.update(key(KeyCode::Enter));
    assert_ne!(db_state(&app), before);
    app.update(ch('u'));
    assert_eq!(db_state(&app), before);
    assert_eq!(app.data.plan.sessions, plan_before, "re-planned");
    let (text, error) = status(&app);
    assert!(!error && text.starts_with("undid"), "{text}");

    // A deleted badge comes back with its log entries.
    select_badge(&mut app, "cp4d-admin");
    press(&mut app, [ch('d'), ch('y')]);
    assert!(badge(&app, "cp4d-admin").is_none());
    app.update(ch('u'));
    assert_eq!(db_state(&app), before);

    // Nothing left to undo: an error on the status line, nothing changed.
    app.update(ch('u'));
    let (text, error) = status(&app);
    assert!(error && text.contains("nothing to undo"), "{text}");
    assert_eq!(db_state(&app), before);
}

// ----- badges -----

#[test]
fn an_unknown_issuer_keeps_the_form_open() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    type_text(&mut app, "Oracle Cloud Foundations");
    press(&mut app, [key(KeyCode::Tab), key(KeyCode::Tab)]);
    type_text(&mut app, "Oracel");
    app.update(ctrl('s'));
    let f = form(&app);
    let issuer = f
        .fields
        .iter()
        .find(|x| x.field == BadgeField::Issuer)
        .unwrap();
    assert!(
        issuer
            .error
            .as_deref()
            .is_some_and(|e| e.contains("unknown issuer 'Oracel'")),
        "{:?}",
        issuer.error
    );
    assert!(badge(&app, "oracle-cloud-foundations").is_none());
}

/// Issue 15, one validation: the form stores an issuer under its configured name and
/// splits tags by the rule of the command line (commas or spaces).
#[test]
fn the_form_stores_the_configured_issuer_and_one_tag_rule() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    type_text(&mut app, "AWS Certified Developer");
    press(&mut app, [key(KeyCode::Tab), key(KeyCode::Tab)]);
    type_text(&mut app, "aws");
    // Issuer to Tags: Level, Earned, Expires, Renewed, Retires, Replaced by, After,
    // Available, Goal, Effort, Renew from, Priority, Tags.
    for _ in 0..13 {
        app.update(key(KeyCode::Tab));
    }
    type_text(&mut app, "cloud,dev exam");
    app.update(ctrl('s'));
    let b = badge(&app, "developer").expect("saved");
    assert_eq!(b.issuer, "Amazon Web Services");
    assert_eq!(b.tags, ["cloud", "dev", "exam"]);
}

#[test]
fn new_badge_through_the_form() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    assert!(form(&app).original.is_none());
    type_text(&mut app, "Kubernetes 管理者 (CKA)");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "cka");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "Microsoft");
    // Enter moves to the next field until the last.
    press(&mut app, [key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(
        form(&app).fields[form(&app).focus].field,
        BadgeField::Earned
    );
    type_text(&mut app, "2025-03-01");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "2027-03-01");
    // Down moves too; up to effort.
    while form(&app).fields[form(&app).focus].field != BadgeField::Effort {
        app.update(key(KeyCode::Down));
    }
    type_text(&mut app, "10h");
    app.update(ctrl('s'));
    assert!(app.popup.is_none(), "{:?}", app.status);
    let b = badge(&app, "cka").expect("saved");
    assert_eq!(b.name, "Kubernetes 管理者 (CKA)");
    assert_eq!(b.issuer, "Microsoft");
    assert_eq!(b.earned_on, Some(date("2025-03-01")));
    assert_eq!(b.expires_on, Some(date("2027-03-01")));
    assert_eq!(b.effort_minutes, 600);
    // The new badge is selected.
    assert_eq!(app.selected_badge().unwrap().badge.key, "cka");
    assert_eq!(app.badges.rows.len(), 17);
}

#[test]
fn new_badge_enter_on_the_last_field_saves_and_key_comes_from_the_name() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    type_text(&mut app, "Terraform Associate");
    // Shift-Tab from the first field wraps to the last.
    app.update(key(KeyCode::BackTab));
    assert_eq!(form(&app).fields[form(&app).focus].field, BadgeField::Notes);
    type_text(&mut app, "exam voucher in March");
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none(), "{:?}", app.status);
    let b = badge(&app, "terraform-associate").expect("key derived from the name");
    assert_eq!(b.notes.as_deref(), Some("exam voucher in March"));
    assert_eq!(b.effort_minutes, 6 * 60, "the default issuer's effort");
}

#[test]
fn badge_form_errors_show_inline_and_keep_it_open() {
    let mut app = demo_app();
    let before = db_state(&app);
    app.update(ch('2'));
    app.update(ch('n'));
    // No name.
    app.update(ctrl('s'));
    assert_eq!(
        form(&app).fields[0].error.as_deref(),
        Some("a name is required")
    );
    assert_eq!(form(&app).focus, 0);
    type_text(&mut app, "Something");
    assert_eq!(form(&app).fields[0].error, None, "validated as you type");
    // A key that is taken, a date that is not one.
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "aws-saa");
    press(&mut app, (0..4).map(|_| key(KeyCode::Tab)));
    assert_eq!(
        form(&app).fields[form(&app).focus].field,
        BadgeField::Expires
    );
    type_text(&mut app, "2027-13-45");
    app.update(ctrl('s'));
    let f = form(&app);
    assert_eq!(f.fields[1].error.as_deref(), Some("'aws-saa' is taken"));
    assert!(f.fields[5].error.is_some());
    assert_eq!(f.focus, 1, "the first field in error");
    assert_eq!(db_state(&app), before);
    let text = screen(&app, 120, 40);
    assert!(text.contains("'aws-saa' is taken"), "{text}");
    // Fixed: it saves.
    app.update(ctrl('u'));
    type_text(&mut app, "something-else");
    app.update(ctrl('s'));
    assert!(
        matches!(app.popup, Some(Popup::BadgeForm(_))),
        "expiry still wrong"
    );
    while form(&app).fields[form(&app).focus].field != BadgeField::Expires {
        app.update(key(KeyCode::Tab));
    }
    app.update(ctrl('u'));
    type_text(&mut app, "2027-12-31");
    app.update(ctrl('s'));
    assert!(app.popup.is_none());
    assert!(badge(&app, "something-else").is_some());
    // Esc on a changed form asks first; any key but y goes back to it.
    app.update(ch('n'));
    type_text(&mut app, "Never saved");
    app.update(key(KeyCode::Esc));
    assert!(
        matches!(app.popup, Some(Popup::BadgeForm(_))),
        "asked first"
    );
    let text = screen(&app, 80, 24);
    assert!(text.contains("Throw away the changes"), "{text}");
    app.update(ch('x'));
    assert_eq!(form(&app).fields[0].input.text(), "Never saved", "kept");
    app.update(key(KeyCode::Esc));
    app.update(ch('y'));
    assert!(app.popup.is_none());
    assert!(badge(&app, "never-saved").is_none());
    // Ctrl-C asks too, and yes quits.
    app.update(ch('n'));
    type_text(&mut app, "Half typed");
    app.update(ctrl('c'));
    assert!(!app.quit, "asked first");
    app.update(ch('y'));
    assert!(app.quit);
    // An untouched form closes at once.
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    app.update(key(KeyCode::Esc));
    assert!(app.popup.is_none());
}

#[test]
fn edit_a_badge_with_e() {
    let mut app = demo_app();
    select_badge(&mut app, "ds-basic");
    app.update(ch('e'));
    let f = form(&app);
    assert_eq!(f.original.as_ref().unwrap().key, "ds-basic");
    assert_eq!(f.fields[0].input.text(), "データサイエンス基礎 (IBM)");
    // Change the level and the priority.
    press(&mut app, (0..3).map(|_| key(KeyCode::Tab)));
    app.update(ctrl('u'));
    type_text(&mut app, "Intermediate");
    while form(&app).fields[form(&app).focus].field != BadgeField::Priority {
        app.update(key(KeyCode::Down));
    }
    app.update(ctrl('u'));
    type_text(&mut app, "high");
    app.update(ctrl('s'));
    assert!(app.popup.is_none(), "{:?}", app.status);
    let b = badge(&app, "ds-basic").unwrap();
    assert_eq!(b.level.as_deref(), Some("Intermediate"));
    assert_eq!(b.priority.to_string(), "high");
    assert_eq!(b.name, "データサイエンス基礎 (IBM)");
    assert_eq!(b.notes.as_deref(), Some("社内勉強会の資料を使う"), "kept");
    assert_eq!(app.selected_badge().unwrap().badge.key, "ds-basic");
    // Enter opens the form too.
    app.update(key(KeyCode::Enter));
    assert!(form(&app).original.is_some());
}

#[test]
fn delete_with_confirmation() {
    let mut app = demo_app();
    select_badge(&mut app, "wx-essentials");
    let before = db_state(&app);
    app.update(ch('d'));
    let Some(Popup::Confirm { text, .. }) = &app.popup else {
        panic!("{:?}", app.popup)
    };
    assert!(
        text.contains("IBM watsonx.ai Technical Essentials"),
        "{text}"
    );
    // n cancels, and so does any other key.
    app.update(ch('n'));
    assert!(app.popup.is_none());
    assert_eq!(db_state(&app), before);
    assert_eq!(status(&app).0, "cancelled");
    press(&mut app, [ch('d'), key(KeyCode::Esc)]);
    assert_eq!(db_state(&app), before);
    // Enter, pressed by habit, does not delete.
    press(&mut app, [ch('d'), key(KeyCode::Enter)]);
    assert!(app.popup.is_none());
    assert_eq!(db_state(&app), before);
    // y deletes.
    press(&mut app, [ch('d'), ch('y')]);
    assert!(badge(&app, "wx-essentials").is_none());
    assert!(!logs(&app).iter().any(|e| e.badge == "wx-essentials"));
    assert!(!row_keys(&app).contains(&"wx-essentials".to_string()));
    assert_eq!(app.badges.rows.len(), 15);
    // The last row deleted: the selection moves up.
    app.update(ch('G'));
    let last = app.selected_badge().unwrap().badge.key.clone();
    press(&mut app, [key(KeyCode::Delete), ch('y')]);
    assert!(badge(&app, &last).is_none());
    assert_eq!(app.badges.selected, app.badges.rows.len() - 1);
}

#[test]
fn renew_prefills_today_plus_the_issuers_validity() {
    for (key_, expected) in [
        ("az-104", "2027-11-26"),     // Microsoft: one year
        ("aws-saa", "2029-11-25"),    // AWS: 1095 days
        ("cp4d-admin", "2028-11-25"), // IBM: 730 days
    ] {
        let mut app = demo_app();
        select_badge(&mut app, key_);
        app.update(ch('r'));
        assert_eq!(prompt_text(&app), expected, "{key_}");
        app.update(key(KeyCode::Enter));
        assert!(app.popup.is_none(), "{:?}", app.status);
        let b = badge(&app, key_).unwrap();
        assert_eq!(b.renewed_on, Some(date("2026-11-26")));
        assert_eq!(b.expires_on, Some(date(expected)));
        assert_eq!(app.data.badge(key_).unwrap().logged, 0, "a new cycle");
        assert_eq!(
            app.selected_badge().unwrap().badge.key,
            key_,
            "the selection follows the badge to its new place"
        );
    }
    // Another date, typed; a bad one keeps the prompt open with the reason.
    let mut app = demo_app();
    select_badge(&mut app, "az-104");
    let before = db_state(&app);
    app.update(ch('r'));
    app.update(ctrl('u'));
    type_text(&mut app, "someday");
    app.update(key(KeyCode::Enter));
    let preview = prompt_preview(&app);
    assert!(matches!(&preview, Some(Err(_))), "{:?}", preview);
    assert_eq!(db_state(&app), before);
    app.update(ctrl('u'));
    type_text(&mut app, "2028-01-31");
    app.update(key(KeyCode::Enter));
    assert_eq!(
        badge(&app, "az-104").unwrap().expires_on,
        Some(date("2028-01-31"))
    );
}

#[test]
fn archive_hides_the_badge_and_stops_planning_it() {
    let mut app = demo_app();
    select_badge(&mut app, "az-104");
    app.update(ch('x'));
    assert!(badge(&app, "az-104").unwrap().archived);
    assert!(!row_keys(&app).contains(&"az-104".to_string()));
    assert!(!app.data.plan.sessions.iter().any(|s| s.badge == "az-104"));
    app.update(ch('u'));
    assert!(!badge(&app, "az-104").unwrap().archived);
    assert!(app.data.plan.sessions.iter().any(|s| s.badge == "az-104"));
}

#[test]
fn sort_cycles_through_the_columns() {
    let mut app = demo_app();
    app.update(ch('2'));
    assert_eq!(app.badges.sort, SortBy::Urgency);
    assert_eq!(row_keys(&app)[..3], ["cp4d-admin", "db2-admin", "gcp-pde"]);
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.update(ch('s'));
        seen.push(app.badges.sort);
    }
    assert_eq!(
        seen,
        [
            SortBy::Name,
            SortBy::Issuer,
            SortBy::Expiry,
            SortBy::Progress,
            SortBy::Urgency
        ]
    );
    app.update(ch('s'));
    let names: Vec<String> = app
        .badges
        .rows
        .iter()
        .map(|&i| app.data.badges[i].badge.name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(status(&app).0.contains("sorted by name"));
    assert!(screen(&app, 80, 24).contains("sort: name"));
    press(&mut app, [ch('s'), ch('s')]);
    let expiry: Vec<Option<NaiveDate>> = app
        .badges
        .rows
        .iter()
        .map(|&i| app.data.badges[i].badge.expires_on)
        .collect();
    let dated: Vec<_> = expiry.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        expiry
            .iter()
            .skip_while(|e| e.is_some())
            .all(Option::is_none)
    );
}

#[test]
fn filter_is_live_and_esc_clears_it() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('/'));
    type_text(&mut app, "aws");
    assert_eq!(row_keys(&app), ["aws-dea", "aws-saa"]);
    app.update(key(KeyCode::Backspace));
    app.update(key(KeyCode::Backspace));
    assert!(row_keys(&app).len() > 2, "a: every name with an a");
    app.update(ctrl('u'));
    type_text(&mut app, "データ");
    assert_eq!(row_keys(&app), ["db2-admin", "ds-basic", "aws-dea"]);
    // Half-width katakana and case fold too.
    app.update(ctrl('u'));
    type_text(&mut app, "ﾃﾞｰﾀ");
    assert_eq!(row_keys(&app).len(), 3);
    app.update(ctrl('u'));
    type_text(&mut app, "MICROSOFT azure");
    let mut keys = row_keys(&app);
    keys.sort();
    assert_eq!(keys, ["az-104", "az-900", "dp-203"]);
    app.update(key(KeyCode::Esc));
    assert!(app.popup.is_none());
    assert_eq!(app.badges.filter, "");
    assert_eq!(app.badges.rows.len(), 16);

    // Enter keeps the filter; Esc in the view clears it then.
    app.update(ch('/'));
    type_text(&mut app, "gcp");
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none());
    assert_eq!(row_keys(&app), ["gcp-pde", "gcp-ace"]);
    assert!(screen(&app, 80, 24).contains("filter: gcp"));
    app.update(key(KeyCode::Esc));
    assert_eq!(app.badges.rows.len(), 16);
    // No match: the table says so.
    app.update(ch('/'));
    type_text(&mut app, "zzz");
    assert!(app.badges.rows.is_empty());
    assert!(app.selected_badge().is_none());
    assert!(screen(&app, 80, 24).contains("No badge matches"));
    // Keys on an empty list do nothing, and do not panic.
    app.update(key(KeyCode::Enter));
    press(
        &mut app,
        [ch('j'), ch('e'), ch('d'), ch('r'), ch('x'), ch('G')],
    );
    assert!(app.popup.is_none());
}

#[test]
fn pasting_into_the_filter_filters() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('/'));
    app.update(Msg::Paste("データ".into()));
    assert_eq!(app.badges.filter, "データ");
    assert_eq!(row_keys(&app), ["db2-admin", "ds-basic", "aws-dea"]);
}

#[test]
fn toggle_detail_pane() {
    let mut app = demo_app();
    app.update(ch('2'));
    assert!(screen(&app, 80, 24).contains("#cp4d-admin"));
    app.update(ch('v'));
    assert!(!app.badges.detail);
    assert!(!screen(&app, 80, 24).contains("#cp4d-admin"));
}

// ----- plan -----

#[test]
fn p_pins_a_planned_session_and_p_again_unpins_it() {
    let mut app = demo_app();
    app.update(ch('3'));
    let s = app.data.plan.sessions[0].clone();
    assert!(!s.pinned);
    assert_eq!(pins(&app).len(), 1, "the demo's pinned session");
    app.update(ch('p'));
    let all = pins(&app);
    assert_eq!(all.len(), 2);
    assert!(
        all.iter()
            .any(|p| p.badge == s.badge && p.start == s.start && p.minutes == s.minutes())
    );
    let sel = &app.data.plan.sessions[app.plan.selected];
    assert!(sel.pinned && sel.start == s.start, "{sel:?}");
    assert!(status(&app).0.starts_with(&format!("pinned {} ", s.badge)));
    app.update(ch('p'));
    assert_eq!(pins(&app).len(), 1);
    assert!(!app.data.plan.sessions[app.plan.selected].pinned);
    assert!(
        status(&app)
            .0
            .starts_with(&format!("unpinned {} ", s.badge))
    );
}

#[test]
fn pin_and_unpin_report_in_japanese() {
    let mut app = demo_app();
    app.texts = sukima::tui::texts::for_language(sukima::config::Language::Ja);
    app.update(ch('3'));
    let key = app.data.plan.sessions[0].badge.clone();
    app.update(ch('p'));
    let pinned = status(&app).0;
    app.update(ch('p'));
    let unpinned = status(&app).0;
    assert!(
        pinned.starts_with(&format!("{key} を固定しました: ")),
        "{pinned}"
    );
    assert!(
        unpinned.starts_with(&format!("{key} の固定を外しました: ")),
        "{unpinned}"
    );
}

#[test]
fn p_in_today_pins_the_next_session() {
    let mut app = demo_app();
    let next = app.data.next_session().unwrap().clone();
    app.update(ch('p'));
    assert!(
        pins(&app)
            .iter()
            .any(|p| p.start == next.start && p.badge == next.badge)
    );
    assert!(app.data.next_session().unwrap().pinned);
}

#[test]
fn unpinning_the_demo_pin_frees_its_time() {
    let mut app = demo_app();
    app.update(ch('3'));
    let i = app
        .data
        .plan
        .sessions
        .iter()
        .position(|s| s.pinned)
        .unwrap();
    press(&mut app, (0..i).map(|_| ch('j')));
    app.update(ch('p'));
    assert!(pins(&app).is_empty());
}

// ----- spare time -----

#[test]
fn spare_add_edit_delete_windows() {
    let mut app = demo_app();
    app.update(ch('5'));
    let n = windows(&app).len();
    app.update(ch('n'));
    let preview = prompt_preview(&app);
    assert_eq!(preview, None, "nothing typed is no error yet");
    type_text(&mut app, "weekdays 6:30-6:50 walk");
    let preview = prompt_preview(&app);
    assert!(matches!(&preview, Some(Ok(t)) if t.contains("weekdays 06:30-06:50 walk")));
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none(), "{:?}", app.status);
    let all = windows(&app);
    assert_eq!(all.len(), n + 1);
    assert!(all.iter().any(|w| w.label == "walk"));
    // The same days and times again are refused, with the window they repeat.
    app.update(ch('n'));
    type_text(&mut app, "weekdays 6:30-6:50 stroll");
    app.update(key(KeyCode::Enter));
    let preview = prompt_preview(&app);
    assert!(
        matches!(&preview, Some(Err(e)) if e.contains("that is already window")),
        "{:?}",
        preview
    );
    app.update(key(KeyCode::Esc));
    assert_eq!(windows(&app).len(), n + 1);

    // Edit: the prompt holds the window; change it.
    let i = app
        .data
        .windows
        .iter()
        .position(|w| w.label == "lunch")
        .unwrap();
    app.update(ch('g'));
    press(&mut app, (0..i).map(|_| ch('j')));
    app.update(ch('e'));
    assert_eq!(
        prompt_text(&app),
        "weekdays 12:15-12:45 lunch",
        "as New takes it"
    );
    app.update(ctrl('u'));
    type_text(&mut app, "mon,tue 12:00-12:50 long lunch");
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_none(), "{:?}", app.status);
    let all = windows(&app);
    assert_eq!(all.len(), n + 1);
    assert!(!all.iter().any(|w| w.label == "lunch"));
    let w = all.iter().find(|w| w.label == "long lunch").unwrap();
    assert_eq!(
        sukima::present::window::describe(w),
        "mon,tue 12:00-12:50 long lunch"
    );

    // A blackout is edited in its own words.
    let i = app
        .data
        .windows
        .iter()
        .position(|w| w.label.starts_with("business trip"))
        .unwrap();
    app.update(ch('g'));
    press(&mut app, (0..i).map(|_| ch('j')));
    app.update(ch('e'));
    assert_eq!(
        prompt_text(&app),
        "off 2026-12-06..2026-12-09 business trip 出張"
    );
    app.update(key(KeyCode::Esc));

    // Bad input: the prompt stays with the reason; nothing written.
    let before = db_state(&app);
    app.update(ch('n'));
    type_text(&mut app, "someday 25:00-26:00");
    app.update(key(KeyCode::Enter));
    let preview = prompt_preview(&app);
    assert!(matches!(&preview, Some(Err(_))));
    assert_eq!(db_state(&app), before);
    // A log line is not spare time.
    app.update(ctrl('u'));
    type_text(&mut app, "30m #gcp-pde");
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_some());
    assert_eq!(db_state(&app), before);
    app.update(key(KeyCode::Esc));

    // Delete with confirmation.
    let sel = app.spare.selected;
    let id = app.data.windows[sel].id;
    press(&mut app, [ch('d'), ch('n')]);
    assert_eq!(windows(&app).len(), n + 1);
    press(&mut app, [ch('d'), ch('y')]);
    assert_eq!(windows(&app).len(), n);
    assert!(!windows(&app).iter().any(|w| w.id == id));
}

// ----- calendar -----

#[test]
fn calendar_moves_the_selected_day() {
    let mut app = demo_app();
    app.update(ch('4'));
    assert_eq!(app.calendar.selected, date("2026-11-26"));
    for (k, expected) in [
        (key(KeyCode::Right), "2026-11-27"),
        (ch('l'), "2026-11-28"),
        (key(KeyCode::Left), "2026-11-27"),
        (ch('h'), "2026-11-26"),
        (key(KeyCode::Down), "2026-12-03"),
        (ch('j'), "2026-12-10"),
        (key(KeyCode::Up), "2026-12-03"),
        (ch(']'), "2027-01-03"),
        (ch(']'), "2027-02-03"),
        (ch('['), "2027-01-03"),
        (ch('['), "2026-12-03"),
        (ch('t'), "2026-11-26"),
        (key(KeyCode::PageDown), "2026-12-24"),
        (key(KeyCode::PageUp), "2026-11-26"),
    ] {
        app.update(k.clone());
        assert_eq!(app.calendar.selected, date(expected), "after {k:?}");
    }
    // Month steps keep the day, or the month's last day.
    app.calendar.selected = date("2027-01-31");
    app.update(ch(']'));
    assert_eq!(app.calendar.selected, date("2027-02-28"));
    app.update(ch('['));
    assert_eq!(app.calendar.selected, date("2027-01-28"));
    // The grid shows the selected month.
    assert!(screen(&app, 120, 40).contains("January 2027"));
    // Enter goes to the plan at that day.
    app.update(ch('t'));
    press(&mut app, [key(KeyCode::Right), key(KeyCode::Enter)]);
    assert_eq!(app.view, View::Plan);
    let s = &app.data.plan.sessions[app.plan.selected];
    assert_eq!(s.start.date(), date("2026-11-27"));
}

#[test]
fn calendar_day_details_follow_the_selection() {
    let mut app = demo_app();
    app.update(ch('4'));
    // Yesterday: logged study in the day's details.
    app.update(key(KeyCode::Left));
    let text = screen(&app, 120, 40);
    assert!(text.contains("Wed 2026-11-25"), "{text}");
    // A month back: the logs of that month are loaded.
    app.update(ch('['));
    assert_eq!(app.calendar.selected, date("2026-10-25"));
    assert!(
        app.calendar
            .logs
            .iter()
            .all(|l| l.date.format("%Y-%m").to_string() == "2026-10")
    );
    // Clicking a day in the grid selects it.
    app.update(ch('t'));
    let rows = rows(&draw(&app, 120, 40));
    let y = rows
        .iter()
        .position(|r| r.contains(" 9 ") && r.contains("10"))
        .unwrap();
    let x = rows[y].find(" 9 ").unwrap() + 1;
    app.update(click(x as u16, y as u16));
    assert_eq!(app.calendar.selected, date("2026-11-09"));
}

#[test]
fn calendar_timeline_scrolls() {
    let mut app = demo_app();
    app.update(ch('4'));
    app.update(ch('J'));
    assert_eq!(app.calendar.timeline_scroll, 1);
    press(&mut app, [ch('K'), ch('K')]);
    assert_eq!(app.calendar.timeline_scroll, 0);
}

// ----- help, quit -----

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut app = demo_app();
    app.update(ch('?'));
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    let text = screen(&app, 120, 40);
    assert!(text.contains("Keys (Esc closes)") && text.contains("quick_add"));
    // Scroll keys scroll.
    app.update(ch('j'));
    assert!(matches!(app.popup, Some(Popup::Help { scroll: 1 })));
    for k in [
        key(KeyCode::Esc),
        ch('x'),
        key(KeyCode::Enter),
        ch('?'),
        ch('q'),
    ] {
        app.update(ch('?'));
        app.update(k.clone());
        assert!(app.popup.is_none(), "{k:?} closes help");
        assert!(!app.quit, "{k:?} only closes help");
        assert_eq!(app.view, View::Today);
    }
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = demo_app();
    app.update(ch('q'));
    assert!(app.quit);
    let mut app = demo_app();
    app.update(ch('3'));
    app.update(ctrl('c'));
    assert!(app.quit);
    // From inside a popup too: quick-add, the badge form, the filter.
    for keys in [
        vec![ch('a')],
        vec![ch('2'), ch('n')],
        vec![ch('2'), ch('/')],
    ] {
        let mut app = demo_app();
        press(&mut app, keys);
        assert!(app.popup.is_some());
        app.update(ctrl('c'));
        assert!(app.quit);
    }
}

// ----- configuration -----

#[test]
fn user_key_map_from_config() {
    let config = Config::from_toml(
        "[ui.keys]\n\"ctrl-n\" = \"quick_add\"\nq = \"none\"\nZ = \"quit\"\nw = \"view_spare\"\n",
        std::path::Path::new("test.toml"),
    )
    .unwrap();
    let mut app = app_with(config);
    app.update(ch('q'));
    assert!(!app.quit, "q is freed");
    app.update(ch('w'));
    assert_eq!(app.view, View::Spare);
    app.update(ctrl('n'));
    assert!(matches!(app.popup, Some(Popup::QuickAdd(_))));
    app.update(key(KeyCode::Esc));
    // The footer and the help say so.
    let text = screen(&app, 120, 40);
    assert!(text.contains("Z quit"), "{text}");
    app.update(ch('?'));
    let text = screen(&app, 120, 40);
    assert!(text.contains("C-n"), "{text}");
    app.update(key(KeyCode::Esc));
    app.update(ch('Z'));
    assert!(app.quit);
}

#[test]
fn an_invalid_key_map_fails_with_a_message() {
    for (toml, says) in [
        ("[ui.keys]\nx = \"fly\"\n", "'fly' is not an action"),
        (
            "[ui.keys]\n\"hyper-x\" = \"help\"\n",
            "'hyper-x' is not a key",
        ),
    ] {
        let config = Config::from_toml(toml, std::path::Path::new("test.toml")).unwrap();
        let store = sukima::commands::demo_store(now().date()).unwrap();
        let Err(e) = App::new(store, config, Some(now()), true) else {
            panic!("{toml} was accepted")
        };
        assert!(e.to_string().contains(says), "{e}");
    }
}

// ----- outside changes -----

#[test]
fn an_outside_change_is_picked_up_on_tick() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sukima.db");
    let mut first = store::Store::open(&path).unwrap();
    first
        .seed(|tx| sukima::changes::write_data(tx, &sukima::io::demo::demo(now().date())))
        .unwrap();
    let mut app = App::new(first, Config::default(), Some(now()), true).unwrap();
    app.update(Msg::Tick);
    assert!(app.status.is_none(), "nothing changed yet");
    let logged = app.data.badge("az-104").unwrap().logged;

    let mut second = store::Store::open(&path).unwrap();
    let entry = sukima::domain::log::LogEntry {
        id: None,
        badge: "az-104".into(),
        date: date("2026-11-26"),
        start: None,
        minutes: 40,
        note: None,
    };
    sukima::changes::add_log(&mut second, &entry).unwrap();
    assert_eq!(
        app.data.badge("az-104").unwrap().logged,
        logged,
        "not before a tick"
    );
    app.update(Msg::Tick);
    assert_eq!(app.data.badge("az-104").unwrap().logged, logged + 40);
    let (text, error) = status(&app);
    assert!(!error && text.contains("changed outside"), "{text}");
    // Its own writes are not "outside".
    app.update(ch('u'));
    app.update(Msg::Tick);
    assert!(!status(&app).0.contains("outside"));
    assert_eq!(app.data.badge("az-104").unwrap().logged, logged, "undone");
}

/// A reload keeps what this process's writes did not change, but never what another
/// process changed: its write is read whole at the next write of this planner's own, and
/// said when it lands with a new minute.
#[test]
fn an_outside_change_is_read_whole_at_the_next_write_and_said_with_the_minute() {
    use std::cell::Cell;
    use std::rc::Rc;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sukima.db");
    let mut first = store::Store::open(&path).unwrap();
    first
        .seed(|tx| sukima::changes::write_data(tx, &sukima::io::demo::demo(now().date())))
        .unwrap();
    let mut app = App::new(first, Config::default(), Some(now()), true).unwrap();
    let logged = app.data.badge("az-104").unwrap().logged;
    let mut second = store::Store::open(&path).unwrap();
    let entry = |minutes| sukima::domain::log::LogEntry {
        id: None,
        badge: "az-104".into(),
        date: date("2026-11-26"),
        start: None,
        minutes,
        note: None,
    };
    sukima::changes::add_log(&mut second, &entry(40)).unwrap();
    // A skip of the planner's own (busy time, no log) before any tick: the log's sums
    // kept from before would be stale, so everything is read again.
    app.update(ch('s'));
    assert!(!status(&app).1, "{:?}", app.status);
    assert_eq!(app.data.badge("az-104").unwrap().logged, logged + 40);
    let fresh = sukima::planning::Overview::load(app.store.conn(), &app.config, app.now).unwrap();
    assert_eq!(format!("{:?}", app.data), format!("{fresh:?}"));
    // Another write outside, landing as the minute changes: picked up and said.
    let clock = Rc::new(Cell::new(now() + chrono::Duration::minutes(1)));
    let hand = Rc::clone(&clock);
    app.set_clock(Box::new(move || hand.get()));
    sukima::changes::add_log(&mut second, &entry(20)).unwrap();
    app.update(Msg::Tick);
    assert_eq!(app.data.badge("az-104").unwrap().logged, logged + 60);
    let (text, error) = status(&app);
    assert!(!error && text.contains("changed outside"), "{text}");
}

#[test]
fn actions_as_messages() {
    let mut app = demo_app();
    app.update(Msg::Action(Action::ViewPlan));
    assert_eq!(app.view, View::Plan);
    app.update(Msg::Action(Action::QuickAdd));
    assert!(matches!(app.popup, Some(Popup::QuickAdd(_))));
}

#[test]
fn pasting_into_the_form_validates() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    app.update(ctrl('s'));
    assert!(form(&app).fields[0].error.is_some());
    app.update(Msg::Paste("Pasted name".into()));
    assert_eq!(form(&app).fields[0].error, None);
}

#[test]
fn pinned_sessions_are_marked_without_colour_at_every_width() {
    // The demo pins gcp-pde (a long name) tomorrow at 20:00.
    let mut app = demo_app();
    for (view, w, h) in [('1', 80, 24), ('1', 120, 40), ('3', 80, 24), ('3', 120, 40)] {
        app.update(ch(view));
        let text = screen(&app, w, h);
        let row = text
            .lines()
            .find(|l| l.contains("20:00-21:00"))
            .unwrap_or_else(|| panic!("{view} {w}x{h}:\n{text}"));
        assert!(row.contains('◆'), "{view} {w}x{h}: {row}");
    }
}

// ----- anything a person can type -----

fn any_msg() -> impl proptest::strategy::Strategy<Value = Msg> {
    use proptest::prelude::*;
    let codes = prop_oneof![
        proptest::sample::select(vec![
            'a', 'u', 'q', '?', '1', '2', '3', '4', '5', 'j', 'k', 'h', 'l', 'g', 'G', 'n', 'e',
            'd', 'r', 'x', 's', '/', 'p', 'v', '[', ']', 't', 'J', 'K', 'y', ' ', '#', '3', '0',
            'm', 'デ', 'ー', 'タ', '分', '７', '：', 'c', 'U', 'F', '6',
        ])
        .prop_map(KeyCode::Char),
        proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Delete,
        ]),
    ];
    let mods = proptest::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
    ]);
    prop_oneof![
        8 => (codes, mods).prop_map(|(c, m)| Msg::Key(KeyEvent::new(c, m))),
        1 => (0u16..130, 0u16..45).prop_map(|(x, y)| click(x, y)),
        1 => (0u16..140, 0u16..50).prop_map(|(w, h)| Msg::Resize(w, h)),
        1 => proptest::sample::select(vec!["30m #gcp-pde", "データ", "\n", ""])
            .prop_map(|s| Msg::Paste(s.to_string())),
        1 => Just(Msg::Tick),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 48, ..Default::default() })]

    /// No sequence of keys, clicks, pastes and resizes panics, leaves a selection out of
    /// range, or draws a wide character badly; and after every one, what the planner
    /// shows is what a fresh load of the database gives (a reload keeps what a write
    /// did not change: nothing it keeps may be stale).
    #[test]
    fn any_input_keeps_the_app_whole(msgs in proptest::collection::vec(any_msg(), 1..60)) {
        let mut app = demo_app();
        for m in msgs {
            let shown = format!("{m:?}");
            app.update(m);
            let fresh = sukima::planning::Overview::load(app.store.conn(), &app.config, app.now).unwrap();
            let (kept, read) = (format!("{:?}", app.data), format!("{fresh:?}"));
            if let Some(at) = kept.bytes().zip(read.bytes()).position(|(a, b)| a != b).or((kept.len() != read.len()).then_some(0)) {
                let near = |s: &str| s.get(at.saturating_sub(120)..).unwrap_or(s).chars().take(240).collect::<String>();
                proptest::prop_assert!(false, "after {}: the planner shows\n{}\na fresh load gives\n{}", shown, near(&kept), near(&read));
            }
            if app.quit {
                break;
            }
        }
        proptest::prop_assert!(app.badges.rows.is_empty() || app.badges.selected < app.badges.rows.len());
        // Spare time lists the windows, then the calendar imports and skipped time.
        proptest::prop_assert!(app.spare_len() == 0 || app.spare.selected < app.spare_len());
        let (w, h) = (app.size.width, app.size.height);
        let buf = draw(&app, w, h);
        let problems = layout_problems(&buf);
        proptest::prop_assert!(problems.is_empty(), "{}x{}: {:?}\n{}", w, h, problems, text(&buf));
    }
}

/// The case the property test above found: a skip makes a row of skipped time in Spare
/// time, below the windows, and PageDown may select it.
#[test]
fn the_selection_in_spare_time_can_rest_on_skipped_time() {
    let mut app = demo_app();
    press(
        &mut app,
        [
            ch('s'),
            ch('4'),
            key(KeyCode::Tab),
            ch('5'),
            key(KeyCode::Esc),
            key(KeyCode::PageDown),
        ],
    );
    assert!(
        app.spare.selected >= app.data.windows.len(),
        "on a calendar row"
    );
    assert!(app.spare.selected < app.spare_len());
    assert!(app.selected_busy_source().is_some());
}

#[test]
fn help_scrolling_stops_at_the_end_so_up_works_at_once() {
    let mut app = demo_app();
    app.update(Msg::Resize(120, 40));
    app.update(ch('?'));
    for _ in 0..20 {
        app.update(key(KeyCode::PageDown));
    }
    let Some(Popup::Help { scroll: end }) = app.popup else {
        panic!()
    };
    let last = screen(&app, 120, 40);
    assert!(last.contains("off 2027-01-02..2027-01-05"), "{last}");
    // One line up shows one line more at the top.
    app.update(key(KeyCode::Up));
    assert!(matches!(app.popup, Some(Popup::Help { scroll }) if scroll == end - 1));
    assert_ne!(screen(&app, 120, 40), last);
}

#[test]
fn archived_badges_can_be_shown_and_restored() {
    let mut app = demo_app();
    app.update(ch('2'));
    assert!(!row_keys(&app).contains(&"old-cloud".to_string()));
    app.update(ch('A'));
    assert!(app.badges.show_archived);
    assert_eq!(app.badges.rows.len(), 17);
    assert!(screen(&app, 120, 40).contains("17 of 17 badges"));
    select_badge(&mut app, "old-cloud");
    let shown = screen(&app, 160, 40);
    let row = shown
        .lines()
        .find(|l| l.trim_start().starts_with("archived "))
        .unwrap_or_else(|| panic!("no archived row: {shown}"));
    assert!(row.contains("IBM Cloud Essentials (v1)"), "{row}");
    app.update(ch('x'));
    assert!(!badge(&app, "old-cloud").unwrap().archived, "restored");
    app.update(ch('A'));
    assert!(
        row_keys(&app).contains(&"old-cloud".to_string()),
        "no longer archived"
    );
    assert_eq!(app.badges.rows.len(), 17);
    // The help lists the key.
    app.update(ch('?'));
    assert!(screen(&app, 120, 80).contains("show / hide archived badges"));
}

#[test]
fn import_from_the_badges_view() {
    let mut app = demo_app();
    app.update(ch('2'));
    let before = db_state(&app);
    app.update(ch('i'));
    type_text(&mut app, "/no/such/file.json");
    app.update(key(KeyCode::Enter));
    let preview = prompt_preview(&app);
    assert!(
        matches!(&preview, Some(Err(e)) if e.contains("/no/such/file.json")),
        "{:?}",
        preview
    );
    assert_eq!(db_state(&app), before);
    let text = screen(&app, 100, 30);
    assert!(text.contains("✗"), "{text}");
    // A bad file changes nothing either.
    app.update(ctrl('u'));
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/credly/not-json.html"
    );
    type_text(&mut app, bad);
    app.update(key(KeyCode::Enter));
    assert!(app.popup.is_some());
    assert_eq!(db_state(&app), before);
    // A Credly download imports; undo takes it back.
    app.update(ctrl('u'));
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/credly/page1.json");
    type_text(&mut app, page);
    app.update(key(KeyCode::Enter));
    let (text, error) = status(&app);
    assert!(!error && text.contains("added"), "{text}");
    // The whole report stays open to be read, one line per badge; any key closes it.
    let lines = report_lines(&app);
    assert_eq!(lines[0], text);
    assert!(
        lines
            .iter()
            .filter(|l| l.trim_start().starts_with("added"))
            .count()
            >= 6
    );
    app.update(key(KeyCode::Esc));
    assert!(app.popup.is_none());
    assert!(app.data.badges.len() > 15);
    app.update(ch('u'));
    assert_eq!(db_state(&app), before);

    // Both pages of a download at once, by a pattern: no note about a missing page.
    app.update(ch('i'));
    let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/credly/page?.json");
    type_text(&mut app, pages);
    app.update(key(KeyCode::Enter));
    let (text, error) = status(&app);
    assert!(!error && text.starts_with("added 10"), "{text}");
    let lines = report_lines(&app);
    assert!(
        !lines.iter().any(|l| l.contains("was not given")),
        "{lines:?}"
    );
    app.update(key(KeyCode::Esc));
    app.update(ch('u'));
    assert_eq!(db_state(&app), before);

    // A folder says it is one; a pattern that matches nothing says so.
    for (typed, says) in [
        (
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"),
            "is a folder",
        ),
        (
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/credly/zz*.json"),
            "no file matches",
        ),
    ] {
        app.update(ch('i'));
        type_text(&mut app, typed);
        app.update(key(KeyCode::Enter));
        let preview = prompt_preview(&app);
        assert!(
            matches!(&preview, Some(Err(e)) if e.contains(says)),
            "{typed}: {:?}",
            preview
        );
        app.update(key(KeyCode::Esc));
    }
    assert_eq!(db_state(&app), before);
}

#[test]
fn clicking_a_session_in_the_plan_selects_it() {
    let mut app = demo_app();
    app.update(Msg::Resize(80, 24));
    app.update(ch('3'));
    let rows = rows(&draw(&app, 80, 24));
    // Screen row 3 is the first session (tabs, agenda title, today's header above it).
    assert!(rows[3].contains("12:15-12:45"), "{}", rows[3]);
    let y = rows.iter().position(|r| r.contains("10:15-11:00")).unwrap();
    app.update(click(10, y as u16));
    let s = &app.data.plan.sessions[app.plan.selected];
    assert_eq!(s.start.format("%a %H:%M").to_string(), "Sat 10:15");
    // A day's header is not a session: the selection stays.
    let header = rows
        .iter()
        .position(|r| r.starts_with("Mon 2026-11-30"))
        .unwrap();
    app.update(click(10, header as u16));
    assert_eq!(
        app.data.plan.sessions[app.plan.selected]
            .start
            .format("%a %H:%M")
            .to_string(),
        "Sat 10:15"
    );
    // Clicks while a popup is open go nowhere.
    app.update(ch('?'));
    app.update(click(10, 3));
    assert_eq!(app.view, View::Plan);
    assert_eq!(
        app.data.plan.sessions[app.plan.selected]
            .start
            .format("%a %H:%M")
            .to_string(),
        "Sat 10:15"
    );
}

/// The cursor `tui::draw` puts on the terminal.
fn cursor(app: &App, w: u16, h: u16) -> Option<(u16, u16)> {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    sukima::tui::views::render(app, area, &mut buf).map(|p| (p.x, p.y))
}

/// The cells of row `y` left of column `x`, as text.
fn left_of(buf: &Buffer, x: u16, y: u16) -> String {
    let mut s = String::new();
    let mut skip = 0usize;
    for cx in 0..x {
        let sym = buf[(cx, y)].symbol();
        if skip == 0 {
            s.push_str(sym);
        }
        skip = skip.max(sym.width()).saturating_sub(1);
    }
    s
}

#[test]
fn the_cursor_follows_japanese_text() {
    // Quick-add: after the last character typed, counting wide characters as two cells.
    let mut app = demo_app();
    app.update(ch('a'));
    type_text(&mut app, "30分 データ");
    let (x, y) = cursor(&app, 80, 24).unwrap();
    let buf = draw(&app, 80, 24);
    assert!(
        left_of(&buf, x, y).ends_with("› 30分 データ"),
        "{:?}",
        left_of(&buf, x, y)
    );
    app.update(key(KeyCode::Left));
    let (x2, _) = cursor(&app, 80, 24).unwrap();
    assert_eq!(x2, x - 2, "one wide character back");
    // Filter: after the typed text in the title.
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('/'));
    type_text(&mut app, "データ");
    let (x, y) = cursor(&app, 80, 24).unwrap();
    let buf = draw(&app, 80, 24);
    assert!(
        left_of(&buf, x, y).ends_with("filter: データ"),
        "{:?}",
        left_of(&buf, x, y)
    );
    // Form: in the focused field.
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    type_text(&mut app, "管理者");
    let (x, y) = cursor(&app, 80, 24).unwrap();
    let buf = draw(&app, 80, 24);
    assert!(
        left_of(&buf, x, y).ends_with("Name         管理者"),
        "{:?}",
        left_of(&buf, x, y)
    );
    // No popup, no cursor.
    assert_eq!(cursor(&demo_app(), 80, 24), None);
}

#[test]
fn the_focused_form_field_stays_visible_on_a_short_screen() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    for _ in 0..16 {
        app.update(key(KeyCode::Tab));
        let name = form(&app).fields[form(&app).focus].label;
        let text = screen(&app, 60, 14);
        assert!(text.contains(name), "{name} is not on screen:\n{text}");
    }
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small_except_quit() {
    let mut app = demo_app();
    select_badge(&mut app, "cp4d-admin");
    app.update(Msg::Resize(30, 8));
    for c in ['1', 'd', 'y', 'a', 'x', 'u'] {
        app.update(ch(c));
    }
    assert!(app.popup.is_none(), "no popup opened unseen");
    assert_eq!(app.view, View::Badges, "the view did not change");
    assert!(badge(&app, "cp4d-admin").is_some(), "nothing deleted");
    assert!(!app.quit);
    app.update(ch('q'));
    assert!(app.quit, "q still quits");

    // Back at a usable size, keys act again.
    let mut app = demo_app();
    app.update(Msg::Resize(30, 8));
    app.update(Msg::Resize(80, 24));
    app.update(ch('2'));
    assert_eq!(app.view, View::Badges);
}

#[test]
fn badge_actions_with_nothing_listed_say_why() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('/'));
    type_text(&mut app, "zzzz");
    app.update(key(KeyCode::Enter));
    assert!(app.badges.rows.is_empty());
    let before = db_state(&app);
    for c in ['e', 'r', 'x', 'd'] {
        app.update(ch(c));
        assert!(app.popup.is_none(), "{c}");
        let (text, error) = status(&app);
        assert!(error && text.contains("no badge listed"), "{c}: {text}");
    }
    assert_eq!(db_state(&app), before);
}

// ----- popups take their keys from the key map -----

#[test]
fn popup_keys_follow_ui_keys() {
    // `[ui.keys]` rebinds the form's save and the confirmation's yes.
    let mut config = Config::default();
    config.ui.keys.extend([
        ("ctrl-w".to_string(), "save".to_string()),
        ("j".to_string(), "confirm".to_string()),
    ]);
    let mut app = app_with(config);
    app.update(ch('2'));
    app.update(ch('n'));
    type_text(&mut app, "Rebound Key Badge");
    press(&mut app, [key(KeyCode::Tab), key(KeyCode::Tab)]);
    type_text(&mut app, "IBM");
    app.update(ctrl('w'));
    assert!(
        app.popup.is_none(),
        "Ctrl-W saved the form: {:?}",
        app.status
    );
    assert!(badge(&app, "rebound-key").is_some());
    // In a confirmation, the rebound key says yes; y still does too (its default).
    let selected = app.selected_badge().unwrap().badge.key.clone();
    press(&mut app, [ch('d'), ch('j')]);
    assert!(badge(&app, &selected).is_none(), "j confirmed the deletion");
    // While a line is typed, a key bound to an action still types its character.
    app.update(ch('a'));
    type_text(&mut app, "jy");
    let Some(Popup::QuickAdd(q)) = &app.popup else {
        panic!("quick-add open");
    };
    assert_eq!(q.input.text(), "jy");
}

#[test]
fn the_help_lists_the_popup_keys() {
    let app = demo_app();
    let help = app.keymap.help();
    let popup = help
        .iter()
        .find(|(scope, _)| *scope == sukima::tui::keymap::Scope::Popup)
        .expect("a popup group");
    for action in [
        sukima::tui::action::Action::Confirm,
        sukima::tui::action::Action::Save,
        sukima::tui::action::Action::NextField,
    ] {
        assert!(popup.1.iter().any(|(_, a)| *a == action), "{action:?}");
    }
}

// ----- the plan moves with the clock -----

/// The trust issue's finding 4: once the minute changes, the planner re-plans from the new
/// now, so it always shows what `sukima plan` would at the same moment (a session whose
/// start has passed is planned again from now).
#[test]
fn the_plan_moves_with_the_clock_and_matches_a_fresh_plan() {
    use std::cell::Cell;
    use std::rc::Rc;
    let mut app = demo_app();
    let day = now().date();
    let clock = Rc::new(Cell::new(day.and_hms_opt(12, 14, 0).unwrap()));
    let hand = Rc::clone(&clock);
    app.set_clock(Box::new(move || hand.get()));
    let fresh = |app: &App, t| {
        sukima::planning::Overview::load(app.store.conn(), &app.config, t)
            .unwrap()
            .plan
    };
    app.update(Msg::Tick);
    assert_eq!(app.now, clock.get());
    assert_eq!(app.data.plan, fresh(&app, clock.get()), "12:14");
    let first = app.data.next_session().unwrap().start;
    assert_eq!(first, day.and_hms_opt(12, 15, 0).unwrap());
    // Two minutes on: the 12:15 session has started without a log entry; it is planned
    // again from now, as the command line would plan it.
    clock.set(day.and_hms_opt(12, 16, 30).unwrap());
    let stale = app.data.plan.clone();
    assert_ne!(
        stale,
        fresh(&app, clock.get()),
        "the old plan is out of date"
    );
    app.update(Msg::Tick);
    assert_eq!(app.data.plan, fresh(&app, clock.get()), "12:16");
    assert!(app.data.next_session().unwrap().start >= clock.get());
    // Seconds that stay within the minute change nothing.
    clock.set(day.and_hms_opt(12, 16, 50).unwrap());
    let before = app.data.plan.clone();
    app.update(Msg::Tick);
    assert_eq!(app.data.plan, before);
}

/// Issue 15 in the planner: a calendar with an unreadable event imports the rest; the
/// status line says it in short (the file's name, not its full path twice, and how many
/// were left out), and the report open to be read names each one, in either language.
#[test]
fn a_calendar_import_says_what_it_left_out_in_short() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("basic.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
         BEGIN:VEVENT\r\nUID:ok1\r\nDTSTART:20261130T070000\r\nDTEND:20261130T080000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:ok2\r\nDTSTART:20261201T070000\r\nDTEND:20261201T080000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:old@google.com\r\nDTSTART:20150105T010000Z\r\nDTEND:20150105T000000Z\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    )
    .unwrap();
    let path = file.display().to_string();
    for (mut app, headline, left_out) in [
        (
            demo_app(),
            "imported 2 busy events as 'basic.ics', 1 unreadable left out",
            "  left out: event \"old@google.com\" (line 16): it ends before it starts",
        ),
        (
            ja_app(),
            "予定 2件を「basic.ics」として取り込みました、読めない予定 1件を除外",
            "  除外: 予定 \"old@google.com\" (16行目): 終了が開始より前です",
        ),
    ] {
        let before = db_state(&app);
        app.update(ch('2'));
        app.update(ch('i'));
        type_text(&mut app, &path);
        app.update(key(KeyCode::Enter));
        let (text, error) = status(&app);
        assert!(!error, "{text}");
        assert_eq!(text, headline);
        assert!(sukima::text::width(&text) < 80, "{text}");
        let lines = report_lines(&app);
        assert!(lines[0].contains(&path), "{lines:?}");
        assert_eq!(lines[1], left_out, "{lines:?}");
        assert_eq!(lines.len(), 2, "{lines:?}");
        // Any key closes the report; undo takes the whole import back.
        app.update(key(KeyCode::Esc));
        assert!(app.popup.is_none());
        app.update(ch('u'));
        assert_eq!(db_state(&app), before);
    }
}

/// A spreadsheet row the one validation refuses is named in the prompt in the planner's
/// language, and nothing is imported.
#[test]
fn a_refused_row_is_named_in_the_planners_language() {
    let sheet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/csv/typo-issuer.csv"
    );
    for (mut app, says) in [
        (
            demo_app(),
            "typo-issuer.csv line 3: unknown issuer 'Microsft' (did you mean 'Microsoft'?)",
        ),
        (
            ja_app(),
            "typo-issuer.csv 3行目: 発行元「Microsft」は未登録です（「Microsoft」のことですか？）",
        ),
    ] {
        let before = db_state(&app);
        app.update(ch('2'));
        app.update(ch('i'));
        type_text(&mut app, sheet);
        app.update(key(KeyCode::Enter));
        let preview = prompt_preview(&app);
        assert!(
            matches!(&preview, Some(Err(e)) if e.contains(says)),
            "{preview:?}"
        );
        assert_eq!(db_state(&app), before);
    }
}
