//! The selected day's details beside the month grid: its renewal events by badge name, its
//! planned, pinned and logged study, and the day's totals, in columns that stay aligned
//! with Japanese names (two cells a character). Names are cut to fit, never mid-character;
//! rows that do not fit end in "↓ n more".

use super::calendar_style::{CalendarStyles, SYM_LOGGED, SYM_PLANNED, put};
use super::month_grid::event_style;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::present::month::DayInfo;
use crate::present::texts::En;
use crate::text;
use crate::tui::texts::ScreenTexts;
use chrono::{NaiveDate, NaiveTime};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// A planned or pinned study session on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySession {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub badge_name: String,
    /// Placed by hand rather than by the planner.
    pub pinned: bool,
}

/// Study logged on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLog {
    /// When it started, if the user said.
    pub start: Option<NaiveTime>,
    pub minutes: u32,
    pub badge_name: String,
}

/// The details of one day. Build it with [`DayDetail::new`], then `.sessions(..)` and
/// `.logs(..)`.
#[derive(Debug, Clone)]
pub struct DayDetail<'a> {
    date: NaiveDate,
    today: NaiveDate,
    info: Option<&'a DayInfo>,
    sessions: &'a [DaySession],
    logs: &'a [DayLog],
    styles: &'a CalendarStyles,
    texts: &'a dyn ScreenTexts,
}

type Line = Vec<(String, Style)>;

impl<'a> DayDetail<'a> {
    /// The day `date` with what the month grid knows of it (`None`: nothing happens).
    pub fn new(
        date: NaiveDate,
        today: NaiveDate,
        info: Option<&'a DayInfo>,
        styles: &'a CalendarStyles,
    ) -> Self {
        DayDetail {
            date,
            today,
            info,
            sessions: &[],
            logs: &[],
            styles,
            texts: &En,
        }
    }

    /// Draws its words from `texts` (English until set).
    #[must_use]
    pub fn texts(mut self, texts: &'a dyn ScreenTexts) -> Self {
        self.texts = texts;
        self
    }

    /// The day's planned and pinned sessions, listed by start time.
    #[must_use]
    pub fn sessions(mut self, sessions: &'a [DaySession]) -> Self {
        self.sessions = sessions;
        self
    }

    /// The day's log entries, listed by start time (untimed ones last).
    #[must_use]
    pub fn logs(mut self, logs: &'a [DayLog]) -> Self {
        self.logs = logs;
        self
    }

    /// "Thu 2026-11-26  today", or "in 4 days", "2 days ago".
    fn heading(&self) -> Line {
        let when = self
            .texts
            .days_from_today((self.date - self.today).num_days());
        vec![
            (self.texts.weekday_date(self.date), self.styles.header),
            ("  ".into(), Style::new()),
            (when, self.styles.dim),
        ]
    }

    /// Every line of the detail at `width` cells.
    fn lines(&self, width: usize) -> Vec<Line> {
        let st = self.styles;
        let events = self.info.map(DayInfo::events_by_rank).unwrap_or_default();
        let mut sessions: Vec<&DaySession> = self.sessions.iter().collect();
        sessions.sort_by_key(|s| (s.start, s.end));
        let mut logs: Vec<&DayLog> = self.logs.iter().collect();
        logs.sort_by_key(|l| (l.start.is_none(), l.start));

        let session_label = |s: &DaySession| {
            if s.pinned {
                self.texts.day_pinned()
            } else {
                self.texts.day_planned()
            }
        };
        let labels = events
            .iter()
            .map(|e| self.texts.detail_label(e.kind))
            .chain(sessions.iter().map(|s| session_label(s)))
            .chain(logs.iter().map(|_| self.texts.day_logged()))
            .chain([self.texts.day_total()]);
        let label_w = labels.map(text::width).max().unwrap_or(0);
        let prefix_w = 2 + label_w + 2;
        let row = |sym: &str, sym_style: Style, label: &str| -> Line {
            vec![
                (sym.to_string(), sym_style),
                (" ".into(), Style::new()),
                (text::pad(label, label_w), Style::new()),
                ("  ".into(), Style::new()),
            ]
        };

        let mut lines = vec![self.heading()];
        // Events: name, then the band note in its own aligned column.
        let note_w = events
            .iter()
            .map(|e| text::width(self.texts.event_note(e.kind)))
            .max()
            .unwrap_or(0);
        let name_w = events
            .iter()
            .map(|e| text::width(&e.badge_name))
            .max()
            .unwrap_or(0);
        let room = width.saturating_sub(prefix_w);
        let name_w = if note_w > 0 && room >= note_w + 2 + 6 {
            name_w.min(room - note_w - 2)
        } else {
            name_w.min(room)
        };
        for e in &events {
            let mut line = row(
                e.kind.symbol(),
                event_style(e.kind, st),
                self.texts.detail_label(e.kind),
            );
            let note = self.texts.event_note(e.kind);
            if note.is_empty() {
                line.push((text::truncate(&e.badge_name, name_w), Style::new()));
            } else {
                line.push((text::pad(&e.badge_name, name_w), Style::new()));
                line.push(("  ".into(), Style::new()));
                line.push((note.to_string(), event_style(e.kind, st)));
            }
            lines.push(line);
        }
        // Study: the time, then the badge.
        let when: Vec<String> = sessions
            .iter()
            .map(|s| format!("{}-{}", hm(s.start), hm(s.end)))
            .chain(logs.iter().map(|l| match l.start {
                Some(t) => format!("{} {}", hm(t), format_minutes(l.minutes)),
                None => format_minutes(l.minutes),
            }))
            .collect();
        let when_w = when.iter().map(|w| text::width(w)).max().unwrap_or(0);
        let name_room = width.saturating_sub(prefix_w + when_w + 2);
        let study = sessions
            .iter()
            .map(|s| (SYM_PLANNED, st.planned, session_label(s), &s.badge_name))
            .chain(logs.iter().map(|l| {
                (
                    SYM_LOGGED,
                    st.logged,
                    self.texts.day_logged(),
                    &l.badge_name,
                )
            }));
        for ((sym, style, label, name), when) in study.zip(&when) {
            let mut line = row(sym, style, label);
            line.push((text::pad(when, when_w), Style::new()));
            line.push(("  ".into(), Style::new()));
            line.push((text::truncate(name, name_room), Style::new()));
            lines.push(line);
        }
        let (planned, logged) = match self.info {
            Some(i) => (i.planned_minutes, i.logged_minutes),
            None => (
                sessions.iter().map(|s| session_minutes(s)).sum(),
                logs.iter().map(|l| l.minutes).sum(),
            ),
        };
        if planned > 0 || logged > 0 {
            let mut line = row(" ", Style::new(), self.texts.day_total());
            line.push((self.texts.day_totals(planned, logged), st.dim));
            lines.push(line);
        }
        if lines.len() == 1 {
            lines.push(vec![(self.texts.day_empty().into(), st.dim)]);
        }
        lines
    }
}

fn session_minutes(s: &DaySession) -> u32 {
    u32::try_from((s.end - s.start).num_minutes()).unwrap_or(0)
}

impl Widget for &DayDetail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(*buf.area());
        if area.is_empty() {
            return;
        }
        let mut lines = self.lines(usize::from(area.width));
        let height = usize::from(area.height);
        if lines.len() > height {
            let hidden = lines.len() - height + 1;
            lines.truncate(height - 1);
            lines.push(vec![(self.texts.more_below(hidden), self.styles.dim)]);
        }
        for (line, y) in lines.iter().zip(area.y..) {
            let mut x = area.x;
            for (s, style) in line {
                x = put(buf, area, x, y, s, usize::MAX, *style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Band;
    use crate::present::month::{DayEvent, DayEventKind};

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_ymd(s).unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        crate::domain::dates::parse_hm(s).unwrap()
    }

    fn event(kind: DayEventKind, name: &str) -> DayEvent {
        DayEvent {
            kind,
            badge_key: name.to_lowercase(),
            badge_name: name.into(),
        }
    }

    fn render(detail: &DayDetail, w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        detail.render(buf.area, &mut buf);
        buf
    }

    fn sample() -> (DayInfo, Vec<DaySession>, Vec<DayLog>) {
        let info = DayInfo {
            events: vec![
                event(DayEventKind::RenewalOpens, "AWS SAA"),
                event(
                    DayEventKind::Expiry(Band::Red),
                    "IBM Db2 データベース管理者",
                ),
                event(DayEventKind::Expiry(Band::Red), "GCP PDE"),
            ],
            planned_minutes: 60,
            logged_minutes: 45,
            ..DayInfo::default()
        };
        let sessions = vec![
            DaySession {
                start: t("12:15"),
                end: t("12:45"),
                badge_name: "AWS SAA".into(),
                pinned: true,
            },
            DaySession {
                start: t("07:10"),
                end: t("07:40"),
                badge_name: "gcp-pde".into(),
                pinned: false,
            },
        ];
        let logs = vec![
            DayLog {
                start: None,
                minutes: 15,
                badge_name: "AWS SAA".into(),
            },
            DayLog {
                start: Some(t("06:50")),
                minutes: 30,
                badge_name: "IBM Db2 データベース管理者".into(),
            },
        ];
        (info, sessions, logs)
    }

    #[test]
    fn lists_events_and_study_aligned_with_japanese_names() {
        let (info, sessions, logs) = sample();
        let styles = CalendarStyles::default();
        let detail = DayDetail::new(d("2026-11-26"), d("2026-11-26"), Some(&info), &styles)
            .sessions(&sessions)
            .logs(&logs);
        assert_eq!(
            render(&detail, 60, 9),
            Buffer::with_lines([
                "Thu 2026-11-26  today                                       ",
                "! Expires        IBM Db2 データベース管理…  in under 30 days",
                "! Expires        GCP PDE                    in under 30 days",
                "+ Renewal opens  AWS SAA                                    ",
                "▪ Planned        07:10-07:40  gcp-pde                       ",
                "▪ Pinned         12:15-12:45  AWS SAA                       ",
                "✓ Logged         06:50 30m    IBM Db2 データベース管理者    ",
                "✓ Logged         15m          AWS SAA                       ",
                "  Total          planned 1h, logged 45m                     ",
            ])
        );
    }

    #[test]
    fn narrow_and_short_areas_cut_names_and_rows() {
        let (info, sessions, logs) = sample();
        let styles = CalendarStyles::default();
        let detail = DayDetail::new(d("2026-11-26"), d("2026-11-24"), Some(&info), &styles)
            .sessions(&sessions)
            .logs(&logs);
        assert_eq!(
            render(&detail, 40, 4),
            Buffer::with_lines([
                "Thu 2026-11-26  in 2 days               ",
                "! Expires        IBM Db2 データベース管…",
                "! Expires        GCP PDE                ",
                "↓ 6 more                                ",
            ])
        );
    }

    #[test]
    fn an_empty_day_says_so() {
        let styles = CalendarStyles::default();
        let detail = DayDetail::new(d("2026-11-20"), d("2026-11-26"), None, &styles);
        assert_eq!(
            render(&detail, 30, 2),
            Buffer::with_lines([
                "Fri 2026-11-20  6 days ago    ",
                "Nothing due and no study.     ",
            ])
        );
    }

    #[test]
    fn never_panics_at_any_size() {
        let (info, sessions, logs) = sample();
        let styles = CalendarStyles::dark();
        let detail = DayDetail::new(d("2026-11-26"), d("2026-11-26"), Some(&info), &styles)
            .sessions(&sessions)
            .logs(&logs);
        let empty = DayDetail::new(d("2026-11-26"), d("2026-11-26"), None, &styles);
        for (w, h) in crate::tui::widgets::calendar_style::test_sizes() {
            render(&detail, w, h);
            render(&empty, w, h);
        }
    }
}
