//! Every view and popup at sizes from 0x0 to 200x60: never a panic, never a wide character
//! cut or hidden, and below 40x12 the one-line notice alone.

use super::*;
use sukima::tui::view::View;

/// The apps to draw: each view, and each popup over a view, each made by `make`.
fn scenes(make: fn() -> App) -> Vec<(String, App)> {
    let mut out = Vec::new();
    for (i, v) in View::ALL.into_iter().enumerate() {
        let mut app = make();
        app.update(ch(char::from(b'1' + i as u8)));
        assert_eq!(app.view, v);
        out.push((format!("{v:?}"), app));
    }
    let popup = |name: &str, keys: &[Msg]| {
        let mut app = make();
        press(&mut app, keys.iter().cloned());
        assert!(app.popup.is_some(), "{name}: no popup");
        (name.to_string(), app)
    };
    let mut quick = vec![ch('2'), ch('a')];
    quick.extend("1h #ds-basic tomorrow 7:10".chars().map(ch));
    out.push(popup("quick-add", &quick));
    let mut bad = vec![ch('a')];
    bad.extend("30分 データ 昨日".chars().map(ch));
    out.push(popup("quick-add error", &bad));
    out.push(popup("help", &[ch('?')]));
    let mut help_end = vec![ch('?')];
    help_end.extend((0..8).map(|_| key(KeyCode::PageDown)));
    out.push(popup("help, scrolled to the end", &help_end));
    out.push(popup(
        "form",
        &[
            ch('2'),
            ch('j'),
            ch('j'),
            ch('j'),
            ch('j'),
            ch('j'),
            ch('j'),
            ch('e'),
        ],
    ));
    out.push(popup("confirm", &[ch('2'), ch('j'), ch('d')]));
    out.push(popup("renew", &[ch('2'), ch('j'), ch('r')]));
    out.push(popup("filter", &[ch('2'), ch('/'), ch('デ')]));
    out.push(popup("window", &[ch('5'), ch('j'), ch('e')]));
    out
}

#[test]
fn every_size_from_0x0_to_200x60() {
    every_size(demo_app);
}

#[test]
fn every_size_from_0x0_to_200x60_in_japanese() {
    every_size(ja_app);
}

fn every_size(make: fn() -> App) {
    let mut problems = Vec::new();
    let scenes = scenes(make);
    for (name, mut app) in scenes {
        let too_small = app.texts.too_small();
        // Every third width and every height, each paired with a spread of the other
        // side, plus the edges around the 40x12 minimum.
        const HEIGHTS: [u16; 11] = [0, 1, 5, 11, 12, 13, 17, 24, 33, 40, 60];
        const WIDTHS: [u16; 11] = [0, 1, 20, 39, 40, 41, 69, 80, 110, 150, 200];
        let sizes = (0..=200u16)
            .step_by(3)
            .enumerate()
            .map(|(i, w)| (w, HEIGHTS[i % HEIGHTS.len()]))
            .chain(
                (0..=60u16)
                    .enumerate()
                    .map(|(i, h)| (WIDTHS[i % WIDTHS.len()], h)),
            )
            .chain([
                (0, 0),
                (80, 0),
                (1, 1),
                (39, 11),
                (40, 12),
                (39, 12),
                (40, 11),
                (200, 60),
            ]);
        for (w, h) in sizes {
            app.update(Msg::Resize(w, h));
            let Ok(buf) =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(&app, w, h)))
            else {
                problems.push(format!("{name} {w}x{h}: panicked"));
                continue;
            };
            for p in layout_problems(&buf) {
                problems.push(format!("{name} {w}x{h}: {p}"));
            }
            let text = text(&buf);
            if w < 40 || h < 12 {
                let first = text.lines().next().unwrap_or("");
                assert!(
                    too_small.starts_with(first.trim_end_matches('…')),
                    "{name} {w}x{h}: {text}"
                );
                assert!(
                    text.lines().skip(1).all(|l| l.is_empty()),
                    "{name} {w}x{h}: {text}"
                );
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each view draws only inside the area it is given: rows below it (the status line and
/// the footer in the real screen) keep what they had.
#[test]
fn views_stay_inside_their_area() {
    views_stay_inside(demo_app);
    views_stay_inside(ja_app);
}

fn views_stay_inside(make: fn() -> App) {
    use ratatui::layout::Rect;
    use sukima::tui::views;
    let app = make();
    let mut problems = Vec::new();
    // The body of a screen of at least 40x12: 40 wide or more, 9 rows or more.
    let heights: Vec<u16> = (9..=20).chain((24..=57).step_by(4)).collect();
    for w in (40..=200u16).step_by(6) {
        for &h in &heights {
            for v in View::ALL {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::filled(
                    Rect::new(0, 0, w + 2, h + 4),
                    ratatui::buffer::Cell::new("@"),
                );
                // Paint the area blank, as the real screen is before the view draws.
                for y in 0..h {
                    for x in 0..w {
                        buf[(x, y)].set_symbol(" ");
                    }
                }
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match v {
                    View::Today => views::today::render(&app, area, &mut buf),
                    View::Badges => views::badges::render(&app, area, &mut buf),
                    View::Plan => views::plan::render(&app, area, &mut buf),
                    View::Calendar => views::calendar::render(&app, area, &mut buf),
                    View::Spare => views::spare::render(&app, area, &mut buf),
                    View::Log => views::log::render(&app, area, &mut buf),
                }));
                if r.is_err() {
                    problems.push(format!("{v:?} {w}x{h}: panicked"));
                    continue;
                }
                let outside = (0..h + 4)
                    .flat_map(|y| (0..w + 2).map(move |x| (x, y)))
                    .filter(|&(x, y)| x >= w || y >= h)
                    .find(|&(x, y)| buf[(x, y)].symbol() != "@");
                if let Some((x, y)) = outside {
                    problems.push(format!(
                        "{v:?} {w}x{h}: drew {:?} at ({x}, {y})",
                        buf[(x, y)].symbol()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The demo data and 30 badges with long Japanese names (odd and even cell offsets),
/// a Japanese window and study logged and pinned for them.
fn japanese_app(language: sukima::config::Language) -> App {
    let mut store = sukima::commands::demo_store(now().date()).unwrap();
    for i in 0..30u64 {
        let b = sukima::domain::badge::Badge {
            key: format!("jp-{i}"),
            name: format!(
                "{}データサイエンス基礎と機械学習の応用 第{i}版",
                "x".repeat(i as usize % 3)
            ),
            issuer: "日本IBM".into(),
            earned_on: Some(now().date()),
            expires_on: now().date().checked_add_days(chrono::Days::new(20 + i * 3)),
            retires_on: (i % 4 == 0).then(|| now().date() + chrono::Days::new(40)),
            effort_minutes: 90,
            tags: vec!["日本語".into()],
            notes: Some("社内勉強会の資料を使う、第二章から".into()),
            ..Default::default()
        };
        sukima::changes::add_badge(&mut store, &b).unwrap();
    }
    let mut config = Config::default();
    config.ui.language = language;
    let mut app = App::new(store, config, Some(now()), true).unwrap();
    app.fixes.sync = true;
    app.fixes.wait();
    app.update(ch('a'));
    type_text(&mut app, "空き 平日 18:00-18:45 帰りの電車");
    app.update(key(KeyCode::Enter));
    app.update(ch('a'));
    type_text(&mut app, "45分 #jp-1 昨日");
    app.update(key(KeyCode::Enter));
    app.update(ch('a'));
    type_text(&mut app, "1時間 #jp-2 明日 19:00");
    app.update(key(KeyCode::Enter));
    app
}

#[test]
fn japanese_data_lines_up_in_every_view_at_every_width() {
    japanese_data_lines_up(sukima::config::Language::En);
}

#[test]
fn japanese_data_lines_up_in_the_japanese_interface() {
    japanese_data_lines_up(sukima::config::Language::Ja);
}

fn japanese_data_lines_up(language: sukima::config::Language) {
    let mut app = japanese_app(language);
    assert!(
        app.status.as_ref().is_some_and(|s| !s.error),
        "{:?}",
        app.status
    );
    let mut problems = Vec::new();
    for v in View::ALL {
        app.view = v;
        for w in 40..=200 {
            for h in [14, 24, 41] {
                if h != 24 && w % 5 != 0 {
                    continue;
                }
                for p in layout_problems(&draw(&app, w, h)) {
                    problems.push(format!("{v:?} {w}x{h}: {p}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Popups over a table of Japanese names: a wide character cut by the popup's left edge
/// must not hide the border (the popup clears the half that hangs into it).
#[test]
fn popups_over_wide_characters_keep_their_borders() {
    for language in [sukima::config::Language::En, sukima::config::Language::Ja] {
        popups_keep_their_borders(language);
    }
}

fn popups_keep_their_borders(language: sukima::config::Language) {
    let mut app = japanese_app(language);
    app.update(ch('2'));
    app.update(ch('v'));
    let popups: Vec<(&str, Vec<Msg>)> = vec![
        ("quick-add", vec![ch('a')]),
        ("confirm", vec![ch('d')]),
        ("renew", vec![ch('r')]),
        ("help", vec![ch('?')]),
        ("form", vec![ch('e')]),
    ];
    let mut problems = Vec::new();
    for (name, keys) in popups {
        press(&mut app, keys);
        assert!(app.popup.is_some(), "{name}");
        for w in 40..=200 {
            for p in layout_problems(&draw(&app, w, 40)) {
                problems.push(format!("{name} {w}x40: {p}"));
            }
        }
        app.update(key(KeyCode::Esc));
        app.popup = None;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
