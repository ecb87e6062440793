//! Every view at 80x24 and 120x40, and each popup, as text snapshots (no colour, fixed
//! clock). Each screen is also checked for wide characters cut or overwritten.

use super::*;
use sukima::tui::view::View;

fn view_app(v: View) -> App {
    in_view(demo_app(), v)
}

fn in_view(mut app: App, v: View) -> App {
    app.update(Msg::Action(match v {
        View::Today => sukima::tui::action::Action::ViewToday,
        View::Badges => sukima::tui::action::Action::ViewBadges,
        View::Plan => sukima::tui::action::Action::ViewPlan,
        View::Calendar => sukima::tui::action::Action::ViewCalendar,
        View::Spare => sukima::tui::action::Action::ViewSpare,
        View::Log => sukima::tui::action::Action::ViewLog,
    }));
    app
}

fn name(v: View) -> &'static str {
    match v {
        View::Today => "today",
        View::Badges => "badges",
        View::Plan => "plan",
        View::Calendar => "calendar",
        View::Spare => "spare",
        View::Log => "log",
    }
}

#[test]
fn every_view_at_80x24_and_120x40() {
    for v in View::ALL {
        let app = view_app(v);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{}_{w}x{h}", name(v)), screen(&app, w, h));
            // What a terminal shows after ratatui's diff is the same text.
            assert_eq!(text(&draw_on_terminal(&app, w, h)), screen(&app, w, h));
        }
    }
}

/// Selects the badge with `key` in the Badges view.
fn select_badge(app: &mut App, key: &str) {
    app.update(ch('2'));
    let pos = app
        .badges
        .rows
        .iter()
        .position(|&i| app.data.badges[i].badge.key == key)
        .unwrap();
    app.badges.selected = pos;
}

#[test]
fn help_overlay() {
    let mut app = demo_app();
    app.update(ch('?'));
    insta::assert_snapshot!("help_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("help_120x40", screen(&app, 120, 40));
    // Scrolled to the end: the quick-add examples line up, Japanese included.
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    insta::assert_snapshot!("help_120x40_end", screen(&app, 120, 40));
}

#[test]
fn quick_add_with_preview() {
    let mut app = demo_app();
    app.update(ch('a'));
    insta::assert_snapshot!("quick_add_empty_80x24", screen(&app, 80, 24));
    type_text(&mut app, "30m #gcp-pde");
    insta::assert_snapshot!("quick_add_ok_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("quick_add_ok_120x40", screen(&app, 120, 40));
    app.update(ctrl('u'));
    type_text(&mut app, "30分 データ 昨日");
    insta::assert_snapshot!("quick_add_japanese_80x24", screen(&app, 80, 24));
    app.update(ctrl('u'));
    type_text(&mut app, "30m #awz");
    insta::assert_snapshot!("quick_add_error_80x24", screen(&app, 80, 24));
}

#[test]
fn quick_add_over_the_badges_table() {
    // The popup's border falls where the table has Japanese names.
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('a'));
    type_text(&mut app, "1h #ds-basic tomorrow 7:10");
    for (w, h) in [(80, 24), (120, 40), (61, 20), (93, 30)] {
        insta::assert_snapshot!(format!("quick_add_badges_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn badge_form_new_and_edit() {
    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('n'));
    insta::assert_snapshot!("form_new_80x24", screen(&app, 80, 24));
    type_text(&mut app, "Kubernetes 管理者");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "Bad Key");
    app.update(key(KeyCode::Tab));
    insta::assert_snapshot!("form_new_error_120x40", screen(&app, 120, 40));

    let mut app = demo_app();
    select_badge(&mut app, "ds-basic");
    app.update(ch('e'));
    insta::assert_snapshot!("form_edit_ds_basic_120x40", screen(&app, 120, 40));
    insta::assert_snapshot!("form_edit_ds_basic_80x24", screen(&app, 80, 24));
}

#[test]
fn confirm_dialog() {
    let mut app = demo_app();
    select_badge(&mut app, "db2-admin");
    app.update(ch('d'));
    insta::assert_snapshot!("confirm_delete_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("confirm_delete_120x40", screen(&app, 120, 40));
}

#[test]
fn prompts_and_filter() {
    let mut app = demo_app();
    select_badge(&mut app, "az-104");
    app.update(ch('r'));
    insta::assert_snapshot!("renew_prompt_80x24", screen(&app, 80, 24));

    let mut app = demo_app();
    app.update(ch('2'));
    app.update(ch('/'));
    type_text(&mut app, "データ");
    insta::assert_snapshot!("filter_japanese_80x24", screen(&app, 80, 24));

    let mut app = demo_app();
    app.update(ch('5'));
    app.update(ch('n'));
    type_text(&mut app, "weekdays 7:10-7:40 commute");
    insta::assert_snapshot!("window_prompt_80x24", screen(&app, 80, 24));
}

#[test]
fn narrow_today_stacks_its_sections() {
    // Below 80 columns the sections stack; on a short screen the last ones are left out
    // rather than drawn over the status line.
    let app = demo_app();
    insta::assert_snapshot!("today_60x30", screen(&app, 60, 30));
    insta::assert_snapshot!("today_60x16", screen(&app, 60, 16));
}

/// The display column where `needle` starts on the screen's row that holds it.
fn column_of(rows: &[String], needle: &str) -> usize {
    let row = rows
        .iter()
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not on the screen"));
    row[..row.find(needle).unwrap()].width()
}

#[test]
fn help_quick_add_examples_line_up_with_japanese() {
    let mut app = demo_app();
    app.update(ch('?'));
    for _ in 0..6 {
        app.update(key(KeyCode::PageDown));
    }
    let rows = rows(&draw(&app, 120, 40));
    let col = column_of(&rows, "log 30 minutes that end now");
    assert_eq!(column_of(&rows, "Japanese works too"), col);
    assert_eq!(column_of(&rows, "pin a session in the future"), col);
}

#[test]
fn wrapped_popup_text_never_runs_into_the_border() {
    // The confirm text and the quick-add preview wrap; a Japanese character at the end of
    // a line must move to the next line, not hang over the right border.
    let mut confirm = demo_app();
    select_badge(&mut confirm, "db2-admin");
    confirm.update(ch('d'));
    let mut quick = demo_app();
    quick.update(ch('a'));
    type_text(&mut quick, "1h #ds-basic tomorrow 7:10");
    for w in 40..=120 {
        for app in [&confirm, &quick] {
            let buf = draw(app, w, 24);
            let problems = layout_problems(&buf);
            assert!(problems.is_empty(), "{w}x24: {problems:?}\n{}", text(&buf));
        }
    }
    let text = screen(&confirm, 41, 16);
    assert!(text.contains("データベース管理者"), "{text}");
}

// ----- The Japanese interface (`[ui] language = "ja"`) -----

#[test]
fn japanese_every_view_at_80x24_and_120x40() {
    for v in View::ALL {
        let app = in_view(ja_app(), v);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("ja_{}_{w}x{h}", name(v)), screen(&app, w, h));
            assert_eq!(text(&draw_on_terminal(&app, w, h)), screen(&app, w, h));
        }
    }
}

#[test]
fn japanese_help_overlay() {
    let mut app = ja_app();
    app.update(ch('?'));
    insta::assert_snapshot!("ja_help_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("ja_help_120x40", screen(&app, 120, 40));
    for _ in 0..6 {
        app.update(key(KeyCode::PageDown));
    }
    insta::assert_snapshot!("ja_help_120x40_end", screen(&app, 120, 40));
    // The examples line up, whichever language they are written in.
    let rows = rows(&draw(&app, 120, 40));
    let col = column_of(&rows, "今終わった30分を記録");
    assert_eq!(column_of(&rows, "英語でも書けます"), col);
    assert_eq!(column_of(&rows, "毎週のスキマ時間"), col);
}

#[test]
fn japanese_quick_add() {
    let mut app = ja_app();
    app.update(ch('a'));
    insta::assert_snapshot!("ja_quick_add_empty_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("ja_quick_add_empty_120x40", screen(&app, 120, 40));
    type_text(&mut app, "1時間 #gcp-pde 明日 19時");
    insta::assert_snapshot!("ja_quick_add_ok_80x24", screen(&app, 80, 24));
    app.update(ctrl('u'));
    type_text(&mut app, "30分 #awz");
    insta::assert_snapshot!("ja_quick_add_error_120x40", screen(&app, 120, 40));
}

#[test]
fn japanese_badge_form_and_prompts() {
    let mut app = ja_app();
    app.update(ch('2'));
    app.update(ch('n'));
    insta::assert_snapshot!("ja_form_new_80x24", screen(&app, 80, 24));
    type_text(&mut app, "Kubernetes 管理者");
    app.update(key(KeyCode::Tab));
    type_text(&mut app, "Bad Key");
    app.update(key(KeyCode::Tab));
    insta::assert_snapshot!("ja_form_new_error_120x40", screen(&app, 120, 40));

    let mut app = ja_app();
    select_badge(&mut app, "ds-basic");
    app.update(ch('e'));
    insta::assert_snapshot!("ja_form_edit_ds_basic_120x40", screen(&app, 120, 40));

    let mut app = ja_app();
    select_badge(&mut app, "db2-admin");
    app.update(ch('d'));
    insta::assert_snapshot!("ja_confirm_delete_80x24", screen(&app, 80, 24));

    let mut app = ja_app();
    app.update(ch('5'));
    app.update(ch('n'));
    insta::assert_snapshot!("ja_window_prompt_empty_80x24", screen(&app, 80, 24));
    type_text(&mut app, "平日 7:10-7:40 通勤");
    insta::assert_snapshot!("ja_window_prompt_120x40", screen(&app, 120, 40));
}

#[test]
fn auto_is_the_default_language_and_each_app_keeps_its_own() {
    use sukima::config::Language;
    assert_eq!(Config::default().ui.language, Language::Auto);
    // `auto` is resolved at the edge; an app handed it unresolved speaks English.
    assert_eq!(demo_app().texts.language(), Language::En);
    // Two apps side by side on one thread each speak their own language.
    let ja = ja_app();
    let en = demo_app();
    assert!(screen(&ja, 80, 24).contains("1 今日"));
    let text = screen(&en, 80, 24);
    assert!(text.contains("1 Today"), "{text}");
    assert!(!text.contains("今日"), "{text}");
}

#[test]
fn quick_add_help_examples_work_in_both_languages() {
    use sukima::domain::quick_add;
    for make in [demo_app, ja_app] {
        let app = make();
        let badges: Vec<_> = app.data.badges.iter().map(|b| b.badge.clone()).collect();
        for (example, _) in app.texts.quick_add_help() {
            // In the evening, when a session from 7:30 has ended.
            let evening = now().date().and_hms_opt(21, 0, 0).unwrap();
            let r = quick_add::parse(example, evening, &badges);
            assert!(r.is_ok(), "{example}: {r:?}");
        }
    }
}
