//! Deals in the planner: Today's deals (ready, at risk and why) at 80x24 and 200x60 in
//! English and Japanese, the Badges detail, and the deals list (`D`): add, edit, close,
//! delete, each undone with u; refusals on the form's field with nothing written.

use super::{ch, ctrl, demo_app, ja_app, key, screen, type_text};
use crossterm::event::KeyCode;
use sukima::domain::deal::DealState;
use sukima::store;
use sukima::tui::app::App;
use sukima::tui::popups::Popup;

fn deals(app: &App) -> Vec<(String, DealState)> {
    store::deals::all(app.store.conn())
        .unwrap()
        .into_iter()
        .map(|d| (d.key, d.state))
        .collect()
}

fn status(app: &App) -> (String, bool) {
    let s = app.status.as_ref().expect("a status message");
    (s.text.clone(), s.error)
}

#[test]
fn today_shows_the_deals_and_their_risk_in_english_and_japanese_at_both_sizes() {
    let app = demo_app();
    for (w, h) in [(80, 24), (200, 60)] {
        let s = screen(&app, w, h);
        assert!(s.contains("── Deals · 2"), "{w}x{h}\n{s}");
        assert!(s.contains("! 2026-12-17 Globex AI"), "{w}x{h}\n{s}");
        assert!(s.contains("at risk"), "{s}");
        assert!(s.contains(" was retired"), "{s}");
        assert!(s.contains("✓ 2027-01-25 Acme DWH 案件"), "{s}");
        assert!(s.contains("ready"), "{s}");
        insta::assert_snapshot!(format!("deals_today_{w}x{h}"), s);
    }
    let app = ja_app();
    for (w, h) in [(80, 24), (200, 60)] {
        let s = screen(&app, w, h);
        assert!(s.contains("── 案件 · 2"), "{w}x{h}\n{s}");
        assert!(s.contains("遅延リスク"), "{s}");
        assert!(s.contains("後継なし"), "{s}");
        assert!(s.contains("準備OK"), "{s}");
        insta::assert_snapshot!(format!("deals_today_ja_{w}x{h}"), s);
    }
}

#[test]
fn the_badges_detail_names_the_deals_a_badge_serves() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('g'));
    while app.selected_badge().unwrap().badge.key != "cp4i-v16-sa" {
        let before = app.badges.selected;
        app.update(ch('j'));
        assert_ne!(app.badges.selected, before);
    }
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("◆ for Acme DWH 案件 by 2027-01-25, due moved up"),
        "{s}"
    );
}

#[test]
fn the_deals_list_adds_edits_closes_and_deletes_each_undone_with_u() {
    let mut app = demo_app();
    let before = super::db_state(&app);
    app.update(ch('D'));
    assert!(matches!(app.popup, Some(Popup::Deals(_))));
    let s = screen(&app, 80, 24);
    assert!(s.contains("Globex AI platform  [at risk]"), "{s}");
    insta::assert_snapshot!("deals_list_80x24", s);
    // Add: an unknown badge is refused on its field, nothing written.
    app.update(ch('n'));
    type_text(&mut app, "Initech BI");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "2026-12-20");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "aws-sa");
    app.update(ctrl('s'));
    assert_eq!(super::db_state(&app), before);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("✗ --needs 'aws-sa': no badge has that key; did you mean"),
        "{s}"
    );
    type_text(&mut app, "a");
    app.update(ctrl('s'));
    assert_eq!(
        status(&app),
        (
            "added deal initech-bi (Initech BI): 1 badge by 2026-12-20".into(),
            false
        )
    );
    assert!(deals(&app).iter().any(|(k, _)| k == "initech-bi"));
    app.update(ch('u'));
    assert_eq!(super::db_state(&app), before);
    // Close the selected one (acme-dwh, the first by key) as won, and undo.
    app.update(ch('c'));
    app.update(ch('w'));
    assert_eq!(deals(&app)[0], ("acme-dwh".into(), DealState::Won));
    app.update(ch('u'));
    assert_eq!(super::db_state(&app), before);
    // Edit: rename, then undo.
    app.update(ch('e'));
    for _ in 0.."Acme DWH 案件".chars().count() {
        app.update(key(KeyCode::Backspace));
    }
    type_text(&mut app, "Acme");
    for _ in 0..5 {
        app.update(key(KeyCode::Tab));
    }
    app.update(key(KeyCode::Enter));
    assert_eq!(status(&app), ("updated deal acme-dwh".into(), false));
    app.update(ch('u'));
    assert_eq!(super::db_state(&app), before);
    // Delete asks first; anything but y keeps it.
    app.update(ch('j'));
    app.update(ch('d'));
    app.update(ch('n'));
    assert_eq!(super::db_state(&app), before);
    app.update(ch('d'));
    app.update(ch('y'));
    assert_eq!(deals(&app).len(), 1);
    app.update(ch('u'));
    assert_eq!(super::db_state(&app), before);
    app.update(key(KeyCode::Esc));
    assert!(app.popup.is_none());
}

#[test]
fn the_deals_list_in_japanese_at_80x24() {
    let mut app = ja_app();
    app.update(ch('D'));
    let s = screen(&app, 80, 24);
    assert!(s.contains("[遅延リスク]"), "{s}");
    assert!(s.contains("n 新規 · e 編集 · c クローズ"), "{s}");
    insta::assert_snapshot!("deals_list_ja_80x24", s);
    app.update(ch('n'));
    let s = screen(&app, 80, 24);
    assert!(s.contains("案件の登録"), "{s}");
    insta::assert_snapshot!("deals_form_ja_80x24", s);
}

#[test]
fn the_calendar_marks_a_deal_and_explains_the_mark_in_its_month() {
    let mut app = demo_app();
    app.update(ch('4'));
    let s = screen(&app, 80, 24);
    assert!(!s.contains("$ deal"), "November has no deal\n{s}");
    app.update(ch(']'));
    let s = screen(&app, 80, 24);
    assert!(s.contains("17$"), "{s}");
    assert!(s.contains("$ deal"), "{s}");
    let mut app = ja_app();
    app.update(ch('4'));
    app.update(ch(']'));
    let s = screen(&app, 200, 60);
    assert!(s.contains("$ 案件"), "{s}");
}
