//! Keys to actions, per view, with the defaults below and the user's `[ui.keys]` on top.
//! The footer hints and the help overlay are generated from this map, so they cannot
//! drift from what the keys do.

use super::action::Action;
use super::view::View;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::fmt;

/// A key with its modifiers, as written in the configuration (`ctrl-n`, `G`, `enter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The key of a terminal key event (shift is part of the character).
    pub fn of(e: &KeyEvent) -> Key {
        let code = match e.code {
            KeyCode::Char(c) if e.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Reads `a`, `G`, `?`, `ctrl-n`, `alt-x`, `enter`, `esc`, `tab`, `backtab`, `space`,
    /// `up`, `down`, `left`, `right`, `pgup`, `pgdown`, `home`, `end`, `delete`,
    /// `backspace`, `f1`…`f12`.
    pub fn parse(text: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdown" | "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                let n: u8 = f[1..].parse().ok()?;
                if !(1..=12).contains(&n) {
                    return None;
                }
                KeyCode::F(n)
            }
            _ => {
                let mut cs = rest.chars();
                let c = cs.next()?;
                if cs.next().is_some() {
                    return None;
                }
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("M-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Backspace => f.write_str("BS"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// Where a binding applies: everywhere, in one view, or in the open popup (where the
/// global bindings apply too, except that a line being typed keeps its characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    Global,
    In(View),
    Popup,
}

/// One binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
    pub scope: Scope,
}

/// One section of the help overlay: where, and each action with its keys.
pub type HelpGroup = (Scope, Vec<(Vec<Key>, Action)>);

/// The key map: user bindings first, then the defaults.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

fn defaults() -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    use Scope::{Global as G, In, Popup as P};
    use View as V;
    let p = Key::plain;
    let c = Key::ch;
    let table: &[(Key, Action, Scope)] = &[
        (c('q'), A::Quit, G),
        (Key::ctrl('c'), A::Quit, G),
        (c('?'), A::Help, G),
        (c('a'), A::QuickAdd, G),
        (c('u'), A::Undo, G),
        (c('U'), A::Redo, G),
        (Key::ctrl('r'), A::Redo, G),
        (p(K::Tab), A::NextView, G),
        (p(K::BackTab), A::PrevView, G),
        (c('1'), A::ViewToday, G),
        (c('2'), A::ViewBadges, G),
        (c('3'), A::ViewPlan, G),
        (c('4'), A::ViewCalendar, G),
        (c('5'), A::ViewSpare, G),
        (c('6'), A::ViewLog, G),
        (p(K::Up), A::Up, G),
        (c('k'), A::Up, G),
        (p(K::Down), A::Down, G),
        (c('j'), A::Down, G),
        (p(K::Left), A::Left, G),
        (c('h'), A::Left, G),
        (p(K::Right), A::Right, G),
        (c('l'), A::Right, G),
        (p(K::PageUp), A::PageUp, G),
        (p(K::PageDown), A::PageDown, G),
        (c('g'), A::Top, G),
        (p(K::Home), A::Top, G),
        (c('G'), A::Bottom, G),
        (p(K::End), A::Bottom, G),
        (p(K::Enter), A::Select, G),
        (p(K::Esc), A::Back, G),
        (c('n'), A::New, In(V::Badges)),
        (c('e'), A::Edit, In(V::Badges)),
        (c('d'), A::Delete, In(V::Badges)),
        (p(K::Delete), A::Delete, In(V::Badges)),
        (c('r'), A::Renew, In(V::Badges)),
        (c('x'), A::Archive, In(V::Badges)),
        (c('s'), A::Sort, In(V::Badges)),
        (c('/'), A::Filter, In(V::Badges)),
        (c('i'), A::Import, In(V::Badges)),
        (c('v'), A::ToggleDetail, In(V::Badges)),
        (c('A'), A::ToggleArchived, In(V::Badges)),
        (c('c'), A::Done, In(V::Today)),
        (c('s'), A::Skip, In(V::Today)),
        (c('m'), A::Move, In(V::Today)),
        (c('t'), A::Steps, In(V::Badges)),
        (c('c'), A::StepDone, In(V::Badges)),
        (c('p'), A::Pin, In(V::Today)),
        (c('o'), A::Open, In(V::Today)),
        (c('c'), A::Done, In(V::Plan)),
        (c('s'), A::Skip, In(V::Plan)),
        (c('m'), A::Move, In(V::Plan)),
        (c('p'), A::Pin, In(V::Plan)),
        (c('o'), A::Open, In(V::Plan)),
        (c('o'), A::Open, In(V::Badges)),
        (c('S'), A::ReverseSort, In(V::Badges)),
        (c('f'), A::NextFix, In(V::Plan)),
        (c('F'), A::ApplyFix, In(V::Plan)),
        (c('f'), A::NextFix, In(V::Today)),
        (c('F'), A::ApplyFix, In(V::Today)),
        (c('['), A::PrevMonth, In(V::Calendar)),
        (c(']'), A::NextMonth, In(V::Calendar)),
        (c('t'), A::GoToday, In(V::Calendar)),
        (c('J'), A::ScrollDown, In(V::Calendar)),
        (c('K'), A::ScrollUp, In(V::Calendar)),
        (c('y'), A::Confirm, P),
        (c('Y'), A::Confirm, P),
        (Key::ctrl('s'), A::Save, P),
        (p(K::Tab), A::NextField, P),
        (p(K::BackTab), A::PrevField, P),
        (c(' '), A::PageDown, P),
        (c('n'), A::New, In(V::Spare)),
        (c('e'), A::Edit, In(V::Spare)),
        (c('d'), A::Delete, In(V::Spare)),
        (p(K::Delete), A::Delete, In(V::Spare)),
        (c('D'), A::Deals, In(V::Today)),
        (c('D'), A::Deals, In(V::Badges)),
        (c('n'), A::New, P),
        (c('e'), A::Edit, P),
        (c('d'), A::Delete, P),
        (c('c'), A::CloseDeal, P),
        (c('e'), A::Edit, In(V::Log)),
        (c('d'), A::Delete, In(V::Log)),
        (p(K::Delete), A::Delete, In(V::Log)),
    ];
    table
        .iter()
        .map(|&(key, action, scope)| Binding { key, action, scope })
        .collect()
}

/// The actions whose keys the footer shows in each view, in order. `?` help and `q` quit
/// come last and are always shown: the others give way first ([`KeyMap::hints`]).
fn hint_actions(view: View) -> &'static [Action] {
    use Action as A;
    match view {
        View::Today => &[
            A::Done,
            A::Skip,
            A::Move,
            A::Pin,
            A::QuickAdd,
            A::Deals,
            A::Undo,
            A::NextView,
            A::Help,
            A::Quit,
        ],
        View::Badges => &[
            A::New,
            A::Edit,
            A::Renew,
            A::Archive,
            A::Delete,
            A::Sort,
            A::Filter,
            A::Import,
            A::QuickAdd,
            A::Undo,
            A::Help,
            A::Quit,
        ],
        View::Plan => &[
            A::Done,
            A::Skip,
            A::Move,
            A::Pin,
            A::NextFix,
            A::ApplyFix,
            A::QuickAdd,
            A::Undo,
            A::Help,
            A::Quit,
        ],
        View::Calendar => &[
            A::PrevMonth,
            A::NextMonth,
            A::GoToday,
            A::ScrollDown,
            A::QuickAdd,
            A::Help,
            A::Quit,
        ],
        View::Spare => &[
            A::New,
            A::Edit,
            A::Delete,
            A::QuickAdd,
            A::Undo,
            A::Help,
            A::Quit,
        ],
        View::Log => &[
            A::Edit,
            A::Delete,
            A::QuickAdd,
            A::Undo,
            A::Redo,
            A::Help,
            A::Quit,
        ],
    }
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: defaults(),
        }
    }
}

impl KeyMap {
    /// The defaults with the user's bindings (`key = "action"`, or `"none"` to free a
    /// key) on top. An unknown key name or action is an error naming it.
    pub fn with_user(user: &BTreeMap<String, String>) -> Result<KeyMap, String> {
        let mut bindings = Vec::new();
        let mut freed = Vec::new();
        for (key_name, action_name) in user {
            let key = Key::parse(key_name).ok_or_else(|| {
                format!(
                    "[ui.keys]: '{key_name}' is not a key (write keys like a, G, ctrl-n, enter, f2)"
                )
            })?;
            if action_name.trim() == "none" {
                freed.push(key);
                continue;
            }
            let action = Action::from_name(action_name).ok_or_else(|| {
                format!(
                    "[ui.keys] {key_name}: '{action_name}' is not an action (the help overlay, ?, lists them)"
                )
            })?;
            bindings.push(Binding {
                key,
                action,
                scope: Scope::Global,
            });
            freed.push(key);
        }
        bindings.extend(defaults().into_iter().filter(|b| !freed.contains(&b.key)));
        Ok(KeyMap { bindings })
    }

    /// The action of a key in a view: a view's own binding wins over a global one,
    /// and the user's bindings win over both.
    pub fn action(&self, view: View, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.key == key && b.scope == Scope::In(view))
            .or_else(|| {
                self.bindings
                    .iter()
                    .find(|b| b.key == key && b.scope == Scope::Global)
            })
            .map(|b| b.action)
    }

    /// The action of a key in the open popup: a popup binding, else a global one. While
    /// a line is `typing`, a plain character is text, never an action.
    pub fn popup_action(&self, key: Key, typing: bool) -> Option<Action> {
        if typing && !key.ctrl && !key.alt && matches!(key.code, KeyCode::Char(_)) {
            return None;
        }
        self.bindings
            .iter()
            .find(|b| b.key == key && b.scope == Scope::Popup)
            .or_else(|| {
                self.bindings
                    .iter()
                    .find(|b| b.key == key && b.scope == Scope::Global)
            })
            .map(|b| b.action)
    }

    /// The keys that do `action` in `view`.
    pub fn keys_for(&self, view: View, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .bindings
            .iter()
            .filter(|b| {
                b.action == action && (b.scope == Scope::Global || b.scope == Scope::In(view))
            })
            .map(|b| b.key)
            .filter(|k| self.action(view, *k) == Some(action))
            .collect();
        keys.dedup();
        keys
    }

    /// The footer's hints for a view: (first key, action), for the actions that have a key.
    pub fn hints(&self, view: View) -> Vec<(Key, Action)> {
        hint_actions(view)
            .iter()
            .filter_map(|&a| self.keys_for(view, a).first().map(|&k| (k, a)))
            .collect()
    }

    /// Every binding that is in effect, grouped: everywhere first, then each view.
    pub fn help(&self) -> Vec<HelpGroup> {
        let mut groups: Vec<HelpGroup> = Vec::new();
        let scopes = std::iter::once(Scope::Global)
            .chain(View::ALL.into_iter().map(Scope::In))
            .chain([Scope::Popup]);
        for scope in scopes {
            let mut entries: Vec<(Vec<Key>, Action)> = Vec::new();
            for b in self.bindings.iter().filter(|b| b.scope == scope) {
                let view = match scope {
                    Scope::In(v) => v,
                    Scope::Global | Scope::Popup => View::Today,
                };
                // Skip bindings shadowed by an earlier one for the same key.
                if scope == Scope::Global
                    && self
                        .bindings
                        .iter()
                        .position(|x| x.key == b.key && x.scope == Scope::Global)
                        != self.bindings.iter().position(|x| x == b)
                {
                    continue;
                }
                if let Scope::In(_) = scope
                    && self.action(view, b.key) != Some(b.action)
                {
                    continue;
                }
                if scope == Scope::Popup && self.popup_action(b.key, false) != Some(b.action) {
                    continue;
                }
                match entries.iter_mut().find(|(_, a)| *a == b.action) {
                    Some((keys, _)) => keys.push(b.key),
                    None => entries.push((vec![b.key], b.action)),
                }
            }
            if !entries.is_empty() {
                groups.push((scope, entries));
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_keys() {
        for (text, shown) in [
            ("a", "a"),
            ("G", "G"),
            ("?", "?"),
            ("ctrl-n", "C-n"),
            ("C-N", "C-n"),
            ("alt-x", "M-x"),
            ("enter", "Enter"),
            ("shift-tab", "S-Tab"),
            ("f2", "F2"),
            ("space", "Space"),
        ] {
            assert_eq!(
                Key::parse(text).map(|k| k.to_string()).as_deref(),
                Some(shown),
                "{text}"
            );
        }
        for bad in ["", "ctrl-", "f13", "abc", "hyper-x"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn view_bindings_win_over_global_ones() {
        let km = KeyMap::default();
        assert_eq!(km.action(View::Badges, Key::ch('n')), Some(Action::New));
        assert_eq!(km.action(View::Plan, Key::ch('n')), None);
        assert_eq!(km.action(View::Plan, Key::ch('p')), Some(Action::Pin));
        assert_eq!(km.action(View::Today, Key::ch('q')), Some(Action::Quit));
    }

    #[test]
    fn user_bindings_override_and_free_keys() {
        let user: BTreeMap<String, String> = [
            ("ctrl-n".to_string(), "quick_add".to_string()),
            ("q".to_string(), "none".to_string()),
            ("n".to_string(), "help".to_string()),
        ]
        .into();
        let km = KeyMap::with_user(&user).unwrap();
        assert_eq!(
            km.action(View::Badges, Key::ctrl('n')),
            Some(Action::QuickAdd)
        );
        assert_eq!(km.action(View::Badges, Key::ch('q')), None);
        assert_eq!(km.action(View::Badges, Key::ch('n')), Some(Action::Help));
        // q is freed; Quit is still on C-c, and the footer says so.
        assert!(
            km.hints(View::Today)
                .contains(&(Key::ctrl('c'), Action::Quit))
        );
        let err = KeyMap::with_user(&[("x".to_string(), "fly".to_string())].into()).unwrap_err();
        assert!(err.contains("'fly' is not an action"), "{err}");
        let err =
            KeyMap::with_user(&[("hyper-x".to_string(), "help".to_string())].into()).unwrap_err();
        assert!(err.contains("'hyper-x' is not a key"), "{err}");
    }

    #[test]
    fn hints_and_help_come_from_the_map() {
        let km = KeyMap::default();
        let hints = km.hints(View::Badges);
        assert_eq!(hints[0], (Key::ch('n'), Action::New));
        let help = km.help();
        assert_eq!(help[0].0, Scope::Global);
        let global = &help[0].1;
        assert!(
            global
                .iter()
                .any(|(keys, a)| *a == Action::Up && keys.len() == 2)
        );
        assert!(help.iter().any(|(s, _)| *s == Scope::In(View::Calendar)));
    }
}
