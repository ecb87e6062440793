use super::*;
use crate::domain::status::Band;
use crate::present::month::DayEvent;
use ratatui::style::{Color, Modifier};

fn d(s: &str) -> NaiveDate {
    crate::domain::dates::parse_ymd(s).unwrap()
}

fn event(kind: DayEventKind, name: &str) -> DayEvent {
    DayEvent {
        kind,
        badge_key: name.to_lowercase(),
        badge_name: name.into(),
    }
}

/// November 2026 (the 1st is a Sunday) with today the 10th.
fn november() -> BTreeMap<NaiveDate, DayInfo> {
    let mut days = BTreeMap::new();
    days.insert(
        d("2026-10-30"),
        DayInfo {
            events: vec![event(DayEventKind::Expiry(Band::Past), "Old")],
            ..DayInfo::default()
        },
    );
    days.insert(
        d("2026-11-03"),
        DayInfo {
            events: vec![event(DayEventKind::RenewalOpens, "AWS SAA")],
            ..DayInfo::default()
        },
    );
    days.insert(
        d("2026-11-10"),
        DayInfo {
            planned_minutes: 45,
            logged_minutes: 30,
            ..DayInfo::default()
        },
    );
    days.insert(
        d("2026-11-20"),
        DayInfo {
            events: vec![event(
                DayEventKind::Expiry(Band::Red),
                "IBM Db2 データベース管理者",
            )],
            planned_minutes: 30,
            ..DayInfo::default()
        },
    );
    days.insert(
        d("2026-11-25"),
        DayInfo {
            events: vec![
                event(DayEventKind::Due, "GCP PDE"),
                event(DayEventKind::Retirement, "旧バッジ"),
            ],
            ..DayInfo::default()
        },
    );
    days
}

fn render(grid: &MonthGrid, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    grid.render(buf.area, &mut buf);
    buf
}

#[test]
fn compact_grid_fits_36x9() {
    let days = november();
    let styles = CalendarStyles::default();
    let grid =
        MonthGrid::new(d("2026-11-17"), &days, d("2026-11-10"), &styles).selected(d("2026-11-12"));
    assert_eq!(
        render(&grid, 36, 9),
        Buffer::with_lines([
            "           November 2026            ",
            " Mon  Tue  Wed  Thu  Fri  Sat  Sun  ",
            " 26   27   28   29   30   31    1   ",
            "  2    3+   4    5    6    7    8   ",
            "  9   10▪✓ 11   12   13   14   15   ",
            " 16   17   18   19   20!▪ 21   22   ",
            " 23   24   25xD 26   27   28   29   ",
            " 30    1    2    3    4    5    6   ",
            "                                    ",
        ])
    );
}

#[test]
fn weeks_can_start_on_sunday() {
    let days = november();
    let styles = CalendarStyles::default();
    let grid =
        MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles).week_start(Weekday::Sun);
    assert_eq!(
        render(&grid, 28, 7),
        Buffer::with_lines([
            "       November 2026        ",
            " Sun Mon Tue Wed Thu Fri Sat",
            "  1   2   3+  4   5   6   7 ",
            "  8   9  10▪ 11  12  13  14 ",
            " 15  16  17  18  19  20! 21 ",
            " 22  23  24  25x 26  27  28 ",
            " 29  30   1   2   3   4   5 ",
        ])
    );
    assert_eq!(
        MonthGrid::span(d("2026-11-30"), Weekday::Sun),
        (d("2026-11-01"), d("2026-12-05"))
    );
    assert_eq!(
        MonthGrid::span(d("2026-11-30"), Weekday::Mon),
        (d("2026-10-26"), d("2026-12-06"))
    );
}

#[test]
fn roomy_grid_shows_minutes_and_names() {
    let days = november();
    let styles = CalendarStyles::default();
    let grid =
        MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles).week_start(Weekday::Sun);
    assert_eq!(
        render(&grid, 49, 17),
        Buffer::with_lines([
            "                  November 2026                  ",
            " Sun    Mon    Tue    Wed    Thu    Fri    Sat   ",
            "  1      2      3+     4      5      6      7    ",
            "               + AWS…                            ",
            "                                                 ",
            "  8      9     10     11     12     13     14    ",
            "               ▪45m                              ",
            "               ✓30m                              ",
            " 15     16     17     18     19     20!    21    ",
            "                                    ▪30m         ",
            "                                    ! IBM…       ",
            " 22     23     24     25xD   26     27     28    ",
            "                      x 旧…                      ",
            "                      D GCP…                     ",
            " 29     30      1      2      3      4      5    ",
            "                                                 ",
            "                                                 ",
        ])
    );
}

#[test]
fn two_line_cells_join_minutes_and_count_hidden_events() {
    let days = november();
    let styles = CalendarStyles::default();
    let grid =
        MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles).week_start(Weekday::Sun);
    let buf = render(&grid, 70, 12);
    let line = |y: u16| -> String {
        (0..70)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect::<String>()
    };
    // Cells of 10 columns and 2 lines: the 10th has both minutes on its second line; the
    // 25th has room for one line, its most important event (both marks are beside the
    // number), rather than a bare "+2 more" that would hide it.
    assert_eq!(line(5).trim_end(), format!("{}▪45m ✓30m", " ".repeat(21)));
    assert!(
        line(9).starts_with(&format!("{}x ", " ".repeat(31))),
        "{}",
        line(9)
    );
    assert!(!line(9).contains("more"));
}

#[test]
fn styles_mark_today_selection_and_urgency() {
    let days = november();
    let styles = CalendarStyles::dark();
    let grid =
        MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles).selected(d("2026-11-12"));
    let buf = render(&grid, 36, 9);
    // Today, the 10th: Tuesday of the third week.
    assert_eq!(buf[(6, 4)].symbol(), "1");
    assert_eq!(buf[(6, 4)].fg, Color::Cyan);
    assert!(buf[(7, 4)].modifier.contains(Modifier::UNDERLINED));
    // The selected 12th, all of its cell but the gap before it.
    assert_eq!(buf[(16, 4)].symbol(), "1");
    for x in 16..20 {
        assert!(buf[(x, 4)].modifier.contains(Modifier::REVERSED), "{x}");
    }
    assert!(!buf[(15, 4)].modifier.contains(Modifier::REVERSED));
    // A red-band expiry on the 20th.
    assert_eq!(buf[(23, 5)].symbol(), "!");
    assert_eq!(buf[(23, 5)].fg, Color::Red);
    assert_eq!(buf[(24, 5)].fg, Color::Blue);
    // The neighbouring months are dim and show no marks.
    assert_eq!(buf[(2, 2)].symbol(), "6");
    assert_eq!(buf[(2, 2)].fg, Color::DarkGray);
    assert_eq!(buf[(22, 2)].symbol(), "0", "the 30th");
    assert_eq!(buf[(23, 2)].symbol(), " ", "its expiry is not marked");

    // Columns of three cells have no room for marks: the number takes the colour.
    let buf = render(&grid, 21, 8);
    assert_eq!(buf[(13, 5)].symbol(), "2", "the 20th");
    assert_eq!(buf[(13, 5)].fg, Color::Red);
    assert_eq!(buf[(14, 5)].fg, Color::Red);
    assert_eq!(buf[(15, 5)].symbol(), " ");

    let plain = CalendarStyles::plain();
    let grid =
        MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &plain).selected(d("2026-11-12"));
    let buf = render(&grid, 36, 9);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        buf[(6, 4)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert!(buf[(16, 4)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn day_at_maps_clicks_to_days() {
    let days = november();
    let styles = CalendarStyles::default();
    let grid = MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles);
    let area = Rect::new(0, 0, 36, 9);
    assert_eq!(grid.day_at(area, 0, 0), None, "title");
    assert_eq!(grid.day_at(area, 1, 1), None, "weekday header");
    assert_eq!(grid.day_at(area, 0, 2), Some(d("2026-10-26")));
    assert_eq!(grid.day_at(area, 6, 4), Some(d("2026-11-10")));
    assert_eq!(grid.day_at(area, 34, 7), Some(d("2026-12-06")));
    assert_eq!(grid.day_at(area, 35, 2), None, "spare column");
    assert_eq!(grid.day_at(area, 1, 8), None, "below the last week");
    assert_eq!(grid.day_at(area, 40, 4), None, "outside");

    // An offset area with three-line weeks: every line of a cell is that day.
    let sunday = grid.clone().week_start(Weekday::Sun);
    let area = Rect::new(10, 5, 49, 17);
    for y in 10..13 {
        assert_eq!(sunday.day_at(area, 10 + 15, y), Some(d("2026-11-10")));
    }
    assert_eq!(sunday.day_at(area, 10 + 15, 13), Some(d("2026-11-17")));
    assert_eq!(sunday.day_at(area, 9, 10), None);
    assert_eq!(
        sunday.day_at(Rect::new(0, 0, 20, 9), 1, 2),
        None,
        "too narrow"
    );
}

#[test]
fn small_areas_keep_what_fits() {
    let days = november();
    let styles = CalendarStyles::default();
    let grid = MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles);
    assert_eq!(
        render(&grid, 10, 2),
        Buffer::with_lines(["November …", "          "])
    );
    assert_eq!(
        render(&grid, 21, 1),
        Buffer::with_lines([" 26 27 28 29 30 31  1"])
    );
}

#[test]
fn never_panics_at_any_size() {
    let days = november();
    let styles = CalendarStyles::dark();
    for (w, h) in crate::tui::widgets::calendar_style::test_sizes() {
        for start in [Weekday::Mon, Weekday::Sun] {
            let grid = MonthGrid::new(d("2026-11-01"), &days, d("2026-11-10"), &styles)
                .selected(d("2026-11-25"))
                .week_start(start);
            render(&grid, w, h);
            let _ = grid.day_at(Rect::new(0, 0, w, h), 5, 5);
            // Part of the area outside the buffer is cut, not a panic.
            let mut buf = Buffer::empty(Rect::new(2, 1, 40, 12));
            grid.render(Rect::new(3, 2, w, h), &mut buf);
        }
        let legend = crate::tui::widgets::Legend::month(&styles, &crate::present::En);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        (&legend).render(buf.area, &mut buf);
        (&crate::tui::widgets::Legend::timeline(&styles, &crate::present::En))
            .render(buf.area, &mut buf);
    }
}

#[test]
fn short_minutes_is_exact_and_at_most_five_cells() {
    for (m, want) in [
        (0, "0m"),
        (45, "45m"),
        (59, "59m"),
        (60, "1h"),
        (90, "1h30"),
        (105, "1h45"),
        (120, "2h"),
        (725, "12h05"),
        (1440, "24h"),
        (6001, "100h"),
    ] {
        assert_eq!(super::short_minutes(m), want, "{m}");
        assert!(want.len() <= 5);
    }
}
