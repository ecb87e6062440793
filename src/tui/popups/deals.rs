//! The deals popup (`D` in Today and Badges): every deal with its date, state and, for an
//! open one ahead, whether it is ready or at risk and why; a small form to add or edit
//! one; close (won, lost, dropped) and delete, each asked once. It takes its keys with
//! what the key map makes of them (`[ui.keys]` rebinds them) and says what they ask for
//! ([`DealsOutcome`]); `App` writes it through `crate::changes::deals` (one undoable
//! change each) and reloads.

use crate::domain::badge::Priority;
use crate::domain::deal::{self, Deal, DealState, DealStatus};
use crate::domain::duration::format_minutes;
use crate::text::{pad, truncate};
use crate::tui::action::Action;
use crate::tui::input::{Edit, LineInput};
use crate::tui::texts::ScreenTexts;
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, BorderType, Widget};

/// The deals, one selected; the form while one is added or edited; a question pending.
#[derive(Debug, Clone, Default)]
pub struct DealsPopup {
    pub selected: usize,
    pub form: Option<DealForm>,
    /// Waiting for how to close (w, l, d) or whether to delete (y) the deal with this key.
    pub asking: Option<Ask>,
    /// Why the last write was refused, shown under the list or the form.
    pub error: Option<String>,
}

/// A question about the selected deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Close(String),
    Delete(String),
}

/// One field of the deal form.
#[derive(Debug, Clone)]
pub struct DealField {
    pub name: &'static str,
    pub label: &'static str,
    pub input: LineInput,
    pub hint: &'static str,
}

/// The add/edit form of a deal.
#[derive(Debug, Clone)]
pub struct DealForm {
    /// The deal edited (its stored form); `None` when adding.
    pub editing: Option<Deal>,
    pub fields: Vec<DealField>,
    pub focus: usize,
    /// The field a problem was found in, and what it is.
    pub error: Option<(usize, String)>,
}

/// What a key in the popup asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DealsOutcome {
    Nothing,
    Close,
    /// Add a deal (its key chosen by the writer from the name).
    Add(Deal),
    /// Replace the deal stored under the key.
    Edit(String, Deal),
    CloseDeal(String, DealState),
    Delete(String),
    Undo,
}

const FIELDS: [&str; 6] = ["name", "by", "needs", "review", "priority", "notes"];

impl DealForm {
    /// A form for a new deal (`None`) or for one to edit.
    pub fn new(editing: Option<&Deal>, texts: &dyn ScreenTexts) -> DealForm {
        let value = |name: &str| -> String {
            let Some(d) = editing else {
                return if name == "priority" {
                    "high".into()
                } else {
                    String::new()
                };
            };
            match name {
                "name" => d.name.clone(),
                "by" => crate::domain::dates::ymd(d.by),
                "needs" => d.needs.join(", "),
                "review" => d
                    .review
                    .iter()
                    .map(|r| format!("{}:{}", r.badge, format_minutes(r.minutes)))
                    .collect::<Vec<_>>()
                    .join(", "),
                "priority" => d.priority.as_str().into(),
                _ => d.notes.clone().unwrap_or_default(),
            }
        };
        DealForm {
            editing: editing.cloned(),
            fields: FIELDS
                .iter()
                .map(|&name| {
                    let (label, hint) = texts.deal_field(name);
                    DealField {
                        name,
                        label,
                        input: LineInput::new(&value(name)),
                        hint,
                    }
                })
                .collect(),
            focus: 0,
            error: None,
        }
    }

    fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.input.text().trim().to_string())
            .unwrap_or_default()
    }

    fn at(name: &str) -> usize {
        FIELDS.iter().position(|f| *f == name).unwrap_or(0)
    }

    /// The deal the form describes (the fields it reads itself; the rest is checked by the
    /// write, which names the problem), or the field with a problem and what it is.
    pub fn build(
        &self,
        today: NaiveDate,
        texts: &dyn ScreenTexts,
    ) -> Result<Deal, (usize, String)> {
        let err = |name: &str, e: deal::DealError| (Self::at(name), texts.deal_error(&e));
        let by_text = self.text("by");
        let by = crate::domain::dates::parse_ymd(&by_text)
            .map_err(|_| err("by", deal::DealError::BadDate { text: by_text }))?;
        let review = deal::parse_review(&self.text("review")).map_err(|e| err("review", e))?;
        let p = self.text("priority");
        let priority = if p.is_empty() {
            Priority::High
        } else {
            p.parse()
                .map_err(|_| err("priority", deal::DealError::BadPriority { text: p }))?
        };
        let notes = self.text("notes");
        let base = self.editing.clone().unwrap_or(Deal {
            key: String::new(),
            name: String::new(),
            by,
            needs: Vec::new(),
            review: Vec::new(),
            priority,
            state: DealState::Open,
            notes: None,
            created_on: today,
        });
        Ok(Deal {
            name: self.text("name"),
            by,
            needs: deal::parse_needs(&self.text("needs")),
            review,
            priority,
            notes: (!notes.is_empty()).then_some(notes),
            ..base
        })
    }

    /// Which field a refusal of the write is about.
    pub fn field_of(e: &deal::DealError) -> usize {
        use deal::DealError as E;
        Self::at(match e {
            E::NoName | E::NameTooLong { .. } | E::Key(_) => "name",
            E::DateInPast { .. } | E::BadDate { .. } => "by",
            E::NoBadges | E::UnknownBadge { .. } | E::ArchivedBadge { .. } => "needs",
            E::ReviewNotNeeded { .. } | E::ReviewNotHeld { .. } | E::ReviewMinutes { .. } => {
                "review"
            }
            E::BadReview { .. } => "review",
            E::BadPriority { .. } => "priority",
        })
    }
}

impl DealsPopup {
    /// The text being edited, if any (for pasting).
    pub fn input_mut(&mut self) -> Option<&mut LineInput> {
        let f = self.form.as_mut()?;
        let i = f.focus;
        f.fields.get_mut(i).map(|x| &mut x.input)
    }

    /// Whether a form field takes typed characters.
    pub fn is_typing(&self) -> bool {
        self.form.is_some()
    }

    /// Handles a key: `action` is what the key map makes of it in a popup. `deals` as the
    /// list shows them.
    pub fn key(
        &mut self,
        action: Option<Action>,
        key: &KeyEvent,
        deals: &[&DealStatus],
        today: NaiveDate,
        texts: &dyn ScreenTexts,
    ) -> DealsOutcome {
        self.selected = self.selected.min(deals.len().saturating_sub(1));
        if let Some(form) = self.form.as_mut() {
            let n = form.fields.len();
            let last = form.focus + 1 >= n;
            match action {
                Some(Action::Save) => return form_submit(form, today, texts),
                Some(Action::Select) if last => return form_submit(form, today, texts),
                Some(Action::Back) => self.form = None,
                Some(Action::Select | Action::NextField | Action::Down) => {
                    form.focus = (form.focus + 1) % n;
                }
                Some(Action::PrevField | Action::Up) => form.focus = (form.focus + n - 1) % n,
                _ => {
                    let i = form.focus;
                    if form.fields[i].input.handle(key) == Edit::Changed {
                        form.error = None;
                    }
                }
            }
            return DealsOutcome::Nothing;
        }
        if let Some(ask) = self.asking.take() {
            return match (ask, key.code) {
                (Ask::Close(k), KeyCode::Char('w')) => DealsOutcome::CloseDeal(k, DealState::Won),
                (Ask::Close(k), KeyCode::Char('l')) => DealsOutcome::CloseDeal(k, DealState::Lost),
                (Ask::Close(k), KeyCode::Char('d')) => {
                    DealsOutcome::CloseDeal(k, DealState::Dropped)
                }
                (Ask::Delete(k), _) if action == Some(Action::Confirm) => DealsOutcome::Delete(k),
                _ => DealsOutcome::Nothing,
            };
        }
        let selected = deals.get(self.selected).map(|d| &d.deal);
        self.error = None;
        match action {
            Some(Action::Back | Action::Quit | Action::Deals) => DealsOutcome::Close,
            Some(Action::Down) => {
                self.selected = (self.selected + 1).min(deals.len().saturating_sub(1));
                DealsOutcome::Nothing
            }
            Some(Action::Up) => {
                self.selected = self.selected.saturating_sub(1);
                DealsOutcome::Nothing
            }
            Some(Action::New) => {
                self.form = Some(DealForm::new(None, texts));
                DealsOutcome::Nothing
            }
            Some(Action::Edit | Action::Select) => {
                if let Some(d) = selected {
                    self.form = Some(DealForm::new(Some(d), texts));
                }
                DealsOutcome::Nothing
            }
            Some(Action::CloseDeal) => {
                self.asking = selected.map(|d| Ask::Close(d.key.clone()));
                DealsOutcome::Nothing
            }
            Some(Action::Delete) => {
                self.asking = selected.map(|d| Ask::Delete(d.key.clone()));
                DealsOutcome::Nothing
            }
            Some(Action::Undo) => DealsOutcome::Undo,
            _ => DealsOutcome::Nothing,
        }
    }
}

fn form_submit(form: &mut DealForm, today: NaiveDate, texts: &dyn ScreenTexts) -> DealsOutcome {
    match form.build(today, texts) {
        Ok(d) => match &form.editing {
            Some(old) => DealsOutcome::Edit(old.key.clone(), d),
            None => DealsOutcome::Add(d),
        },
        Err((i, e)) => {
            form.focus = i;
            form.error = Some((i, e));
            DealsOutcome::Nothing
        }
    }
}

fn frame(title: &str, theme: &Theme) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .title(ratatui::text::Span::styled(
            format!(" {title} "),
            theme.title,
        ))
        .style(theme.base)
}

/// Draws the popup: the list, or the form when one is open. `name(key)` gives a badge's
/// name. Returns where the text cursor goes.
#[allow(clippy::too_many_arguments)]
pub fn render(
    p: &DealsPopup,
    deals: &[&DealStatus],
    name: &dyn Fn(&str) -> String,
    today: NaiveDate,
    texts: &dyn ScreenTexts,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    if let Some(form) = &p.form {
        return render_form(form, texts, theme, area, buf);
    }
    // Each deal a line, and one per reason it is at risk.
    let mut lines: Vec<(String, ratatui::style::Style, bool)> = Vec::new();
    for (i, s) in deals.iter().enumerate() {
        let d = &s.deal;
        let state = if s.at_risk() {
            texts.deal_at_risk()
        } else if s.active {
            texts.deal_ready()
        } else {
            texts.deal_state(d.state)
        };
        let style = if i == p.selected {
            theme.selected
        } else if s.at_risk() {
            theme.red
        } else if s.active {
            theme.base
        } else {
            theme.dim
        };
        lines.push((
            format!(
                "{} {}  {}  [{}]  {}",
                if s.at_risk() { "!" } else { " " },
                crate::domain::dates::ymd(d.by),
                d.name,
                state,
                d.needs.join(", ")
            ),
            style,
            true,
        ));
        for r in &s.risks {
            lines.push((
                format!("    {}", texts.deal_risk(r, &name(&r.badge), today)),
                theme.dim,
                false,
            ));
        }
    }
    let w = area.width.saturating_sub(2).min(110);
    let h = u16::try_from(lines.len().max(1) + 4)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let r = super::render::centred(area, w, h);
    super::render::clear(r, buf);
    let block = frame(texts.deals_title(), theme);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height < 2 || inner.width < 10 {
        return None;
    }
    let cells = inner.width as usize;
    let rows = (inner.height as usize).saturating_sub(2);
    if deals.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            truncate(texts.no_deals_here(), cells),
            cells,
            theme.dim,
        );
    }
    // Keep the selected deal's line in view.
    let sel_line = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.2)
        .nth(p.selected)
        .map_or(0, |(i, _)| i);
    let first = sel_line.saturating_sub(rows.saturating_sub(1));
    for (j, (text, style, _)) in lines.iter().skip(first).take(rows).enumerate() {
        buf.set_stringn(
            inner.x,
            inner.y + j as u16,
            pad(&truncate(text, cells), cells),
            cells,
            *style,
        );
    }
    let bottom = inner.y + inner.height - 1;
    let (foot, style) = match (&p.asking, &p.error) {
        (Some(Ask::Close(k)), _) => (texts.deal_close_prompt(k), theme.accent),
        (Some(Ask::Delete(k)), _) => (texts.deal_delete_prompt(k), theme.error),
        (None, Some(e)) => (format!("✗ {e}"), theme.error),
        (None, None) => (texts.deals_keys().to_string(), theme.dim),
    };
    buf.set_stringn(inner.x, bottom, truncate(&foot, cells), cells, style);
    None
}

fn render_form(
    f: &DealForm,
    texts: &dyn ScreenTexts,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let rows: Vec<super::render::FormRow> = f
        .fields
        .iter()
        .map(|field| super::render::FormRow {
            label: field.label,
            input: &field.input,
            hint: field.hint,
            error: None,
        })
        .collect();
    super::render::small_form(
        frame(texts.deal_form_title(f.editing.is_some()), theme),
        &rows,
        f.focus,
        Some(f.error.as_ref().map(|(_, e)| e.as_str())),
        texts.deal_form_keys(),
        theme,
        area,
        buf,
    )
}
