//! The screen's frame: tab bar, body, status line and footer. Pure functions of the
//! terminal size, shared by rendering and mouse hit-testing.

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
