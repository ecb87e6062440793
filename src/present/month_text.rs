//! The month grid as plain text, for `sukima calendar [--month YYYY-MM]`: a title, the
//! weekday header, each week as a line of day numbers with their marks (`[10]` is today)
//! and a line of planned (`▪`) and logged (`✓`) minutes, then the legend and the month's
//! events by date with badge names in aligned columns. Symbols only, no colour codes.
//!
//! Columns are `width / 7` cells, between 4 and 11: 77 cells at 80 columns. Below 28
//! columns the grid no longer fits and lines run longer than `width`.

use super::month::{
    DayEventKind, DayInfo, MONTH_LEGEND, Mark, SYM_DEAL, SYM_LOGGED, SYM_PLANNED, first_of_month,
    grid_span, short_minutes,
};
use super::texts::Texts;
use crate::domain::duration::format_minutes;
use crate::text;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// The month containing `month` as text at most `width` cells wide (from 28), each line
/// ending in a newline.
pub fn month_text(
    texts: &dyn Texts,
    month: NaiveDate,
    days: &BTreeMap<NaiveDate, DayInfo>,
    today: NaiveDate,
    week_start: Weekday,
    width: usize,
) -> String {
    let first = first_of_month(month);
    let cw = (width / 7).clamp(4, 11);
    let mut lines = Vec::new();
    let title = texts.month_title(first);
    lines.push(format!(
        "{}{title}",
        " ".repeat((7 * cw).saturating_sub(text::width(&title)) / 2)
    ));
    let mut header = String::new();
    let mut day = week_start;
    for _ in 0..7 {
        header.push_str(&text::pad(&format!(" {}", texts.weekday(day)), cw));
        day = day.succ();
    }
    lines.push(header);

    let (from, weeks) = grid_span(first, week_start);
    let in_month = |d: &NaiveDate| d.month() == first.month() && d.year() == first.year();
    // Minutes get their own line under the day numbers only where "▪45m ✓30m" fits a
    // column; narrower, planned and logged study are marks like the events.
    let minutes_line = cw >= 11;
    for week in 0..u64::from(weeks) {
        let (mut numbers, mut minutes) = (String::new(), String::new());
        for col in 0..7 {
            let Some(date) = from.checked_add_days(Days::new(week * 7 + col)) else {
                continue;
            };
            if !in_month(&date) {
                numbers.push_str(&" ".repeat(cw));
                minutes.push_str(&" ".repeat(cw));
                continue;
            }
            let info = days.get(&date);
            let mut cell = match (date == today, cw >= 6) {
                (true, _) => format!("[{:>2}]", date.day()),
                (false, true) => format!(" {:>2} ", date.day()),
                (false, false) => format!(" {:>2}", date.day()),
            };
            let marks: String = info
                .map(|i| i.marks(!minutes_line))
                .unwrap_or_default()
                .into_iter()
                .map(Mark::symbol)
                .collect();
            cell.push_str(&marks);
            numbers.push_str(&cut(&cell, cw));
            let mut study = Vec::new();
            if let Some(i) = info.filter(|i| i.planned_minutes > 0) {
                study.push(format!("{SYM_PLANNED}{}", short_minutes(i.planned_minutes)));
            }
            if let Some(i) = info.filter(|i| i.logged_minutes > 0) {
                study.push(format!("{SYM_LOGGED}{}", short_minutes(i.logged_minutes)));
            }
            minutes.push_str(&cut(&format!(" {}", study.join(" ")), cw));
        }
        lines.push(numbers);
        if minutes_line {
            lines.push(minutes);
        }
    }
    if lines.last().is_some_and(|l| !l.trim().is_empty()) {
        lines.push(String::new());
    }
    // The deal mark is explained only in a month that has one, so other months read as
    // they always did.
    let deals = days
        .iter()
        .filter(|(d, _)| in_month(d))
        .any(|(_, i)| i.events.iter().any(|e| e.kind == DayEventKind::Deal));
    lines.extend(legend_lines(texts, width, deals));
    lines.push(String::new());
    lines.extend(events(texts, first, days, width));

    let mut out = String::new();
    for line in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The legend as lines of at most `width` cells: today's mark, then each symbol.
fn legend_lines(texts: &dyn Texts, width: usize, deals: bool) -> Vec<String> {
    let today = format!("[ ] {}", texts.cal_today());
    let deal = format!("{SYM_DEAL} {}", texts.event_label(DayEventKind::Deal));
    let items = MONTH_LEGEND
        .iter()
        .zip(texts.legend_month())
        .map(|(s, l)| format!("{s} {l}"))
        .chain(deals.then_some(deal));
    let mut lines: Vec<String> = Vec::new();
    for item in std::iter::once(today).chain(items) {
        match lines.last_mut() {
            Some(line) if text::width(line) + 2 + text::width(&item) <= width => {
                line.push_str("  ");
                line.push_str(&item);
            }
            _ => lines.push(item),
        }
    }
    lines
}

/// The month's events by date, then its study totals.
fn events(
    texts: &dyn Texts,
    first: NaiveDate,
    days: &BTreeMap<NaiveDate, DayInfo>,
    width: usize,
) -> Vec<String> {
    let month: Vec<(&NaiveDate, &DayInfo)> = days
        .iter()
        .filter(|(d, _)| d.month() == first.month() && d.year() == first.year())
        .collect();
    let rows: Vec<(String, String, &str, &str, &str)> = month
        .iter()
        .flat_map(|(date, info)| {
            info.events_by_rank().into_iter().map(move |e| {
                (
                    format!("{} {}", texts.weekday(date.weekday()), date.format("%m-%d")),
                    format!("{} {}", e.kind.symbol(), texts.event_label(e.kind)),
                    e.badge_name.as_str(),
                    texts.event_note(e.kind),
                    e.kind.symbol(),
                )
            })
        })
        .collect();
    let mut lines = Vec::new();
    if rows.is_empty() {
        let long = texts.cal_no_events_in(&texts.month_title(first));
        lines.push(fit(long, texts.cal_no_events(), width));
    }
    let kind_w = rows.iter().map(|r| text::width(&r.1)).max().unwrap_or(0);
    let note_w = rows.iter().map(|r| text::width(r.3)).max().unwrap_or(0);
    let fixed =
        |kind_w: usize, note_w: usize| 9 + 2 + kind_w + 2 + if note_w > 0 { 2 + note_w } else { 0 };
    // Narrow: the symbol stands for the kind and the band note goes, so names keep room.
    let (kind_w, note_w) = if fixed(kind_w, note_w) + 10 > width {
        (1, 0)
    } else {
        (kind_w, note_w)
    };
    let name_w = rows.iter().map(|r| text::width(r.2)).max().unwrap_or(0);
    let name_w = name_w.min(width.saturating_sub(fixed(kind_w, note_w)).max(8));
    for (date, kind, name, note, symbol) in &rows {
        let kind = text::pad(if kind_w == 1 { symbol } else { kind }, kind_w);
        if note_w == 0 || note.is_empty() {
            lines.push(format!("{date}  {kind}  {}", text::truncate(name, name_w)));
        } else {
            lines.push(format!(
                "{date}  {kind}  {}  {note}",
                text::pad(name, name_w)
            ));
        }
    }
    let planned: u32 = month.iter().map(|(_, i)| i.planned_minutes).sum();
    let logged: u32 = month.iter().map(|(_, i)| i.logged_minutes).sum();
    if planned > 0 || logged > 0 {
        lines.push(String::new());
        let (planned, logged) = (format_minutes(planned), format_minutes(logged));
        let long = texts.cal_study(&planned, &logged);
        lines.push(fit(long, &texts.cal_study_short(&planned, &logged), width));
    }
    lines
}

/// The first `cells` cells of `s` (never half a wide character), padded to `cells`: a
/// calendar cell is cut, not ellipsised, so no mark is mistaken for `…`.
fn cut(s: &str, cells: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > cells {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&" ".repeat(cells - used));
    out
}

/// `long` when it fits in `width`, else `short`.
fn fit(long: String, short: &str, width: usize) -> String {
    if text::width(&long) <= width {
        long
    } else {
        short.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Band;
    use crate::present::month::{DayEvent, DayEventKind};
    use crate::present::texts::En;

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_ymd(s).unwrap()
    }

    fn november() -> BTreeMap<NaiveDate, DayInfo> {
        let event = |kind, name: &str| DayEvent {
            kind,
            badge_key: name.to_lowercase(),
            badge_name: name.into(),
        };
        let mut days = BTreeMap::new();
        days.insert(
            d("2026-10-30"),
            DayInfo {
                events: vec![event(DayEventKind::Expiry(Band::Past), "Old")],
                logged_minutes: 20,
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
                planned_minutes: 150,
                ..DayInfo::default()
            },
        );
        days.insert(
            d("2026-11-25"),
            DayInfo {
                events: vec![
                    event(DayEventKind::Due, "GCP PDE"),
                    event(DayEventKind::Retirement, "旧バッジ"),
                    event(DayEventKind::Expiry(Band::Yellow), "Azure AZ-104"),
                ],
                ..DayInfo::default()
            },
        );
        days
    }

    fn check(out: &str, expected: &str) {
        assert_eq!(out, expected, "got:\n{out}");
        assert!(out.lines().all(|l| text::width(l) <= 80));
    }

    #[test]
    fn prints_the_month_with_events_aligned() {
        let out = month_text(
            &En,
            d("2026-11-15"),
            &november(),
            d("2026-11-10"),
            Weekday::Mon,
            80,
        );
        check(
            &out,
            r#"                                November 2026
 Mon        Tue        Wed        Thu        Fri        Sat        Sun
                                                                    1

  2          3 +        4          5          6          7          8

  9        [10]        11         12         13         14         15
            ▪45m ✓30m
 16         17         18         19         20 !       21         22
                                             ▪2h30
 23         24         25 !xD     26         27         28         29

 30

[ ] today  ! expires  + renewal opens  x retires  * replacement  D due  G goal
▪ planned  ✓ logged

Tue 11-03  + renewal opens  AWS SAA
Fri 11-20  ! expires        IBM Db2 データベース管理者  in under 30 days
Wed 11-25  ! expires        Azure AZ-104                in under 60 days
Wed 11-25  x retires        旧バッジ
Wed 11-25  D due            GCP PDE

Study this month: 3h15m planned, 30m logged.
"#,
        );
    }

    #[test]
    fn weeks_can_start_on_sunday() {
        let out = month_text(
            &En,
            d("2026-11-01"),
            &november(),
            d("2026-11-10"),
            Weekday::Sun,
            80,
        );
        check(
            &out,
            r#"                                November 2026
 Sun        Mon        Tue        Wed        Thu        Fri        Sat
  1          2          3 +        4          5          6          7

  8          9        [10]        11         12         13         14
                       ▪45m ✓30m
 15         16         17         18         19         20 !       21
                                                        ▪2h30
 22         23         24         25 !xD     26         27         28

 29         30

[ ] today  ! expires  + renewal opens  x retires  * replacement  D due  G goal
▪ planned  ✓ logged

Tue 11-03  + renewal opens  AWS SAA
Fri 11-20  ! expires        IBM Db2 データベース管理者  in under 30 days
Wed 11-25  ! expires        Azure AZ-104                in under 60 days
Wed 11-25  x retires        旧バッジ
Wed 11-25  D due            GCP PDE

Study this month: 3h15m planned, 30m logged.
"#,
        );
    }

    #[test]
    fn narrow_columns_mark_study_and_list_kinds_by_symbol() {
        let out = month_text(
            &En,
            d("2026-11-15"),
            &november(),
            d("2026-11-10"),
            Weekday::Mon,
            40,
        );
        check(
            &out,
            r#"           November 2026
 Mon  Tue  Wed  Thu  Fri  Sat  Sun
                                1
  2    3+   4    5    6    7    8
  9  [10]▪ 11   12   13   14   15
 16   17   18   19   20!▪ 21   22
 23   24   25!x 26   27   28   29
 30

[ ] today  ! expires  + renewal opens
x retires  * replacement  D due  G goal
▪ planned  ✓ logged

Tue 11-03  +  AWS SAA
Fri 11-20  !  IBM Db2 データベース管理者
Wed 11-25  !  Azure AZ-104
Wed 11-25  x  旧バッジ
Wed 11-25  D  GCP PDE

Planned 3h15m, logged 30m.
"#,
        );
        assert!(out.lines().all(|l| text::width(l) <= 40));
        let quiet = month_text(
            &En,
            d("2026-02-15"),
            &november(),
            d("2026-11-10"),
            Weekday::Sun,
            40,
        );
        assert!(
            quiet.contains(" 22   23   24   25   26   27   28\n\n"),
            "{quiet}"
        );
        assert!(
            quiet.ends_with("\nNo renewal events in February 2026.\n"),
            "{quiet}"
        );
    }

    #[test]
    fn long_names_are_cut_to_the_width() {
        let mut days = november();
        days.get_mut(&d("2026-11-20")).unwrap().events[0].badge_name =
            "IBM Db2 データベース管理者 プロフェッショナル認定 上級".into();
        for width in 0..=200 {
            let out = month_text(
                &En,
                d("2026-11-01"),
                &days,
                d("2026-11-10"),
                Weekday::Mon,
                width,
            );
            for line in out.lines() {
                assert!(text::width(line) <= width.max(28), "{width}: {line}");
            }
        }
    }
}
