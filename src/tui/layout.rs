//! Where things go on screen: the frame (tab bar, body, status line, footer), the parts
//! of the Calendar view and the help overlay. Pure functions of the terminal size, shared
//! by rendering and by `App::update` (which never calls drawing code).

use super::texts::{APP_TITLE, ScreenTexts};
use super::view::View;
use crate::text::width;
use ratatui::layout::Rect;

/// The smallest usable screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The parts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// Splits the screen.
pub fn areas(size: Rect) -> Areas {
    let h = size.height;
    let row = |y: u16, height: u16| Rect::new(size.x, size.y + y, size.width, height);
    Areas {
        tabs: row(0, 1.min(h)),
        body: row(1.min(h), h.saturating_sub(3)),
        status: row(h.saturating_sub(2), 1.min(h.saturating_sub(1))),
        footer: row(h.saturating_sub(1), 1.min(h)),
    }
}

/// Whether the screen is too small to draw the planner.
pub fn too_small(size: Rect) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// The tab labels and their x ranges: `1 Today`, `2 Badges`… (short labels when narrow).
pub fn tabs(area: Rect, texts: &dyn ScreenTexts) -> Vec<(View, String, u16, u16)> {
    let long: Vec<String> = View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| format!(" {} {} ", i + 1, texts.view_title(*v)))
        .collect();
    let title_w = width(APP_TITLE) as u16 + 2;
    let total: usize = long.iter().map(|l| width(l)).sum();
    let short: Vec<String> = View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| format!(" {} {} ", i + 1, texts.view_short(*v)))
        .collect();
    let short_total: usize = short.iter().map(|l| width(l)).sum();
    let labels: Vec<String> = if total as u16 + title_w <= area.width {
        long
    } else if short_total as u16 + title_w <= area.width {
        short
    } else {
        (1..=View::ALL.len()).map(|i| format!(" {i} ")).collect()
    };
    let mut x = area.x + title_w;
    let mut out = Vec::new();
    for (v, l) in View::ALL.into_iter().zip(labels) {
        let w = width(&l) as u16;
        out.push((v, l, x, x + w));
        x += w;
    }
    out
}

/// The view whose tab is at (x, y).
pub fn tab_at(a: &Areas, x: u16, y: u16, texts: &dyn ScreenTexts) -> Option<View> {
    if y != a.tabs.y || a.tabs.height == 0 {
        return None;
    }
    tabs(a.tabs, texts)
        .into_iter()
        .find(|(_, _, x0, x1)| (*x0..*x1).contains(&x))
        .map(|(v, ..)| v)
}

/// Where each part of the Calendar view goes in a body area.
#[derive(Debug, Clone, Copy)]
pub struct CalendarParts {
    pub grid: Rect,
    pub legend: Rect,
    pub detail: Rect,
    pub timeline: Option<Rect>,
    pub heatmap: Option<Rect>,
}

/// Whether the view has room for the timeline in a body area this size.
pub fn shows_timeline(area: Rect) -> bool {
    calendar_parts(area).timeline.is_some()
}

pub fn calendar_parts(area: Rect) -> CalendarParts {
    let r = |x, y, w, h| Rect::new(x, y, w, h);
    if area.width >= 150 && area.height >= 30 {
        // Month and day on the left, timeline and heatmap on the right.
        let lw = 64.min(area.width / 2);
        let gh = (area.height / 2).clamp(14, 24);
        let heat_h = 11.min(area.height / 3);
        let rx = area.x + lw + 2;
        let rw = area.width - lw - 2;
        CalendarParts {
            grid: r(area.x, area.y, lw, gh),
            legend: r(area.x, area.y + gh, lw, 2),
            detail: r(
                area.x,
                area.y + gh + 2,
                lw,
                area.height.saturating_sub(gh + 2),
            ),
            timeline: Some(r(rx, area.y, rw, area.height - heat_h)),
            heatmap: Some(r(rx, area.bottom() - heat_h, rw, heat_h)),
        }
    } else if area.width >= 70 {
        let gw = (area.width * 3 / 5).max(40);
        let top_h = if area.height >= 34 { 17 } else { area.height };
        let rest = area.height - top_h;
        let (timeline, heatmap) = if rest >= 20 {
            (
                Some(r(area.x, area.y + top_h, area.width, rest - 10)),
                Some(r(area.x, area.bottom() - 10, area.width, 10)),
            )
        } else if rest >= 6 {
            (Some(r(area.x, area.y + top_h, area.width, rest)), None)
        } else {
            (None, None)
        };
        // The legend takes three lines where the grid can spare them (it wraps there).
        let lh = if top_h >= 17 { 3 } else { 2 };
        CalendarParts {
            grid: r(area.x, area.y, gw, top_h.saturating_sub(lh)),
            legend: r(area.x, area.y + top_h.saturating_sub(lh), gw, lh),
            detail: r(area.x + gw + 1, area.y, area.width - gw - 1, top_h),
            timeline,
            heatmap,
        }
    } else {
        let gh = (area.height * 3 / 5).max(9).min(area.height);
        CalendarParts {
            grid: r(area.x, area.y, area.width, gh),
            legend: r(area.x, area.y + gh, area.width, 0),
            detail: r(area.x, area.y + gh, area.width, area.height - gh),
            timeline: None,
            heatmap: None,
        }
    }
}

/// The help overlay's box on a screen of `area`.
pub fn help_rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(90);
    let h = area.height.saturating_sub(2);
    Rect::new(
        area.x + area.width.saturating_sub(w) / 2,
        area.y + area.height.saturating_sub(h) / 2,
        w,
        h,
    )
}

/// How far the help overlay of `lines` lines scrolls on a screen of `area` (its last line
/// at the bottom).
pub fn help_max_scroll(lines: usize, area: Rect) -> u16 {
    let inner = help_rect(area).height.saturating_sub(2);
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_fit_every_size() {
        for w in 0..130 {
            for h in 0..50 {
                let a = areas(Rect::new(0, 0, w, h));
                for r in [a.tabs, a.body, a.status, a.footer] {
                    assert!(r.bottom() <= h && r.right() <= w, "{w}x{h}: {r:?}");
                }
            }
        }
        let a = areas(Rect::new(0, 0, 80, 24));
        assert_eq!(
            (a.tabs.y, a.body.y, a.body.height, a.status.y, a.footer.y),
            (0, 1, 21, 22, 23)
        );
    }

    #[test]
    fn tabs_are_clickable() {
        let a = areas(Rect::new(0, 0, 120, 40));
        let t = tabs(a.tabs, &crate::present::En);
        for (v, _, x0, _) in &t {
            assert_eq!(tab_at(&a, *x0, 0, &crate::present::En), Some(*v));
        }
        assert_eq!(tab_at(&a, 0, 0, &crate::present::En), None);
        assert_eq!(tab_at(&a, t[0].2, 1, &crate::present::En), None);
        // Narrow screens use short labels that still fit.
        let narrow = tabs(Rect::new(0, 0, 40, 1), &crate::present::En);
        assert!(narrow.last().unwrap().3 <= 40);
    }
}
