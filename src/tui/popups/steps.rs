//! The steps popup (Badges view, `t`): a badge's learning journey as a list (done ✓,
//! current ▸, estimates, progress), with a small form to add or edit a step. It owns its
//! keys and says what they ask for ([`StepsOutcome`]); `App` writes it through
//! `crate::changes::steps` (each one undoable change) and reloads.

use crate::domain::duration::{format_minutes, parse_duration};
use crate::domain::step::{self, Estimates, Step, StepKind, is_done};
use crate::text::{pad, pad_left, truncate};
use crate::tui::input::{Edit, LineInput};
use crate::tui::texts::ScreenTexts;
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

/// The steps of one badge, one selected; and the form while a step is added or edited.
#[derive(Debug, Clone)]
pub struct StepsPopup {
    /// The badge's key.
    pub key: String,
    pub selected: usize,
    pub form: Option<StepForm>,
}

/// One field of the step form.
#[derive(Debug, Clone)]
pub struct StepField {
    pub name: &'static str,
    pub label: &'static str,
    pub input: LineInput,
    pub error: Option<String>,
    /// A hint shown while it is empty.
    pub hint: &'static str,
}

/// The add/edit form of a step.
#[derive(Debug, Clone)]
pub struct StepForm {
    /// The number (from 1) of the step edited; `None` when adding.
    pub editing: Option<usize>,
    pub fields: Vec<StepField>,
    pub focus: usize,
}

/// What a key in the popup asks for. Step numbers are from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepsOutcome {
    /// Nothing to write (the selection moved, the form changed).
    Nothing,
    Close,
    Add(Step),
    Edit(usize, Step),
    /// Mark done (true) or not done.
    Done(usize, bool),
    /// Move a step from one place to another.
    Move(usize, usize),
    Delete(usize),
    /// Open this step's address (or the badge's, when `None`).
    Open(Option<String>),
    Undo,
}

const FIELDS: [&str; 4] = ["title", "kind", "minutes", "url"];

impl StepForm {
    fn new(editing: Option<(usize, &Step)>, texts: &dyn ScreenTexts) -> StepForm {
        let value = |name: &str| -> String {
            let Some((_, s)) = editing else {
                return if name == "kind" {
                    "course".into()
                } else {
                    String::new()
                };
            };
            match name {
                "title" => s.title.clone(),
                "kind" => s.kind.as_str().into(),
                "minutes" => s.minutes.map(format_minutes).unwrap_or_default(),
                "url" => s.url.clone().unwrap_or_default(),
                _ => String::new(),
            }
        };
        StepForm {
            editing: editing.map(|(n, _)| n),
            fields: FIELDS
                .iter()
                .map(|&name| {
                    let (label, hint) = texts.step_field(name);
                    StepField {
                        name,
                        label,
                        input: LineInput::new(&value(name)),
                        error: None,
                        hint,
                    }
                })
                .collect(),
            focus: 0,
        }
    }

    fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.input.text().trim().to_string())
            .unwrap_or_default()
    }

    /// The step the form describes, or the first field's problem (also shown beside it).
    fn build(&mut self, texts: &dyn ScreenTexts) -> Result<Step, ()> {
        let mut s = Step {
            title: self.text("title"),
            ..Step::default()
        };
        for f in &mut self.fields {
            let v = f.input.text();
            let v = v.trim();
            f.error = match f.name {
                "title" if v.is_empty() => Some(texts.title_required().into()),
                "kind" => match v.parse::<StepKind>() {
                    Ok(k) => {
                        s.kind = k;
                        None
                    }
                    Err(e) => Some(texts.step_error(&e)),
                },
                "minutes" if !v.is_empty() => match parse_duration(v) {
                    Ok(m) => {
                        s.minutes = Some(m);
                        None
                    }
                    Err(e) => Some(texts.field_error(
                        &crate::domain::badge::fields::FieldError::Effort {
                            typed: v.to_string(),
                            error: e.to_string(),
                        },
                    )),
                },
                "url" if !v.is_empty() => {
                    s.url = Some(v.to_string());
                    step::check_url(v).err().map(|e| texts.step_error(&e))
                }
                _ => None,
            };
        }
        if self.fields.iter().any(|f| f.error.is_some()) {
            return Err(());
        }
        if let Err(e) = step::check(&s) {
            let field = match e {
                step::StepError::ZeroMinutes | step::StepError::TooManyMinutes(_) => "minutes",
                step::StepError::BadUrl(_) => "url",
                _ => "title",
            };
            if let Some(f) = self.fields.iter_mut().find(|f| f.name == field) {
                f.error = Some(texts.step_error(&e));
            }
            return Err(());
        }
        Ok(s)
    }
}

impl StepsPopup {
    /// The steps of the badge with this key.
    pub fn new(key: &str) -> StepsPopup {
        StepsPopup {
            key: key.to_string(),
            selected: 0,
            form: None,
        }
    }

    /// The text being edited, if any (for pasting).
    pub fn input_mut(&mut self) -> Option<&mut LineInput> {
        let f = self.form.as_mut()?;
        let i = f.focus;
        f.fields.get_mut(i).map(|x| &mut x.input)
    }

    /// Handles a key, with the badge's steps as they are and its cycle start.
    pub fn key(
        &mut self,
        key: &KeyEvent,
        steps: &[Step],
        cycle: Option<NaiveDate>,
        texts: &dyn ScreenTexts,
    ) -> StepsOutcome {
        self.selected = self.selected.min(steps.len().saturating_sub(1));
        if let Some(form) = self.form.as_mut() {
            let n = form.fields.len();
            let ctrl_s =
                key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl_s || (key.code == KeyCode::Enter && form.focus + 1 >= n) {
                return match (form.build(texts), form.editing) {
                    (Ok(s), Some(number)) => StepsOutcome::Edit(number, s),
                    (Ok(s), None) => StepsOutcome::Add(s),
                    (Err(()), _) => {
                        // Go to the first field with a problem.
                        form.focus = form
                            .fields
                            .iter()
                            .position(|f| f.error.is_some())
                            .unwrap_or(0);
                        StepsOutcome::Nothing
                    }
                };
            }
            match key.code {
                KeyCode::Esc => self.form = None,
                KeyCode::Enter | KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % n,
                KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + n - 1) % n,
                _ => {
                    let i = form.focus;
                    if form.fields[i].input.handle(key) == Edit::Changed {
                        form.fields[i].error = None;
                    }
                }
            }
            return StepsOutcome::Nothing;
        }
        let n = self.selected + 1;
        let any = !steps.is_empty();
        // Alt or Ctrl with a letter means something else (Alt-c is Esc then c typed fast).
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return StepsOutcome::Nothing;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 't') => StepsOutcome::Close,
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(steps.len().saturating_sub(1));
                StepsOutcome::Nothing
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                StepsOutcome::Nothing
            }
            KeyCode::Char('n' | 'a') => {
                self.form = Some(StepForm::new(None, texts));
                StepsOutcome::Nothing
            }
            KeyCode::Char('e') | KeyCode::Enter if any => {
                self.form = Some(StepForm::new(Some((n, &steps[self.selected])), texts));
                StepsOutcome::Nothing
            }
            KeyCode::Char('c' | ' ') if any => {
                StepsOutcome::Done(n, !is_done(&steps[self.selected], cycle))
            }
            KeyCode::Char('o') if any => StepsOutcome::Open(steps[self.selected].url.clone()),
            KeyCode::Char('o') => StepsOutcome::Open(None),
            KeyCode::Char('J') if n < steps.len() => {
                self.selected += 1;
                StepsOutcome::Move(n, n + 1)
            }
            KeyCode::Char('K') if n > 1 && any => {
                self.selected -= 1;
                StepsOutcome::Move(n, n - 1)
            }
            KeyCode::Char('d') | KeyCode::Delete if any => StepsOutcome::Delete(n),
            KeyCode::Char('u') => StepsOutcome::Undo,
            _ => StepsOutcome::Nothing,
        }
    }

    /// After a step was added: select it.
    pub fn added(&mut self, count: usize) {
        self.form = None;
        self.selected = count.saturating_sub(1);
    }
}

/// Draws the popup: the list, or the form when one is open. Returns where the text cursor
/// goes.
#[allow(clippy::too_many_arguments)]
pub fn render(
    p: &StepsPopup,
    name: &str,
    steps: &[Step],
    progress: Option<&step::Progress>,
    cycle: Option<NaiveDate>,
    estimates: &Estimates,
    texts: &dyn ScreenTexts,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    if let Some(form) = &p.form {
        return render_form(form, texts, theme, area, buf);
    }
    let w = area.width.saturating_sub(2).min(100);
    let h = u16::try_from(steps.len().max(1) + 5)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let r = super::render::centred(area, w, h);
    super::render::clear(r, buf);
    let block = super::render::frame(&texts.steps_title(name), theme);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height < 2 || inner.width < 10 {
        return None;
    }
    let cells = inner.width as usize;
    let [num, kind, est, title] = texts.steps_header();
    let header = format!(
        "{} {} {} {title}",
        pad_left(num, 4),
        pad(kind, 10),
        pad_left(est, 6)
    );
    buf.set_stringn(
        inner.x,
        inner.y,
        truncate(&header, cells),
        cells,
        theme.header,
    );
    let rows = (inner.height as usize).saturating_sub(3);
    let first = p.selected.saturating_sub(rows.saturating_sub(1));
    if steps.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            truncate(&texts.no_steps(&p.key), cells),
            cells,
            theme.dim,
        );
    }
    let current = progress.and_then(|pr| pr.current);
    for (i, s) in steps.iter().enumerate().skip(first).take(rows) {
        let done = is_done(s, cycle);
        let mark = if s.gone {
            "-"
        } else if done {
            "✓"
        } else if current == Some(i) {
            "▸"
        } else {
            " "
        };
        let state = if s.gone {
            format!("  ({})", texts.step_gone())
        } else if let (true, Some(d)) = (done, s.done_on) {
            format!("  {}", texts.step_done_on(d))
        } else {
            String::new()
        };
        let text = format!(
            "{mark}{} {} {} {}{state}",
            pad_left(&(i + 1).to_string(), 3),
            pad(texts.step_kind(s.kind), 10),
            pad_left(&texts.minutes(step::estimate(s, estimates)), 6),
            s.title,
        );
        let style = if i == p.selected {
            theme.selected
        } else if s.gone || done {
            theme.dim
        } else if current == Some(i) {
            theme.accent
        } else {
            theme.base
        };
        let y = inner.y + 1 + (i - first) as u16;
        buf.set_stringn(
            inner.x,
            y,
            pad(&truncate(&text, cells), cells),
            cells,
            style,
        );
    }
    let bottom = inner.y + inner.height - 1;
    if let Some(pr) = progress {
        let line = texts.steps_progress(pr.steps_done, pr.steps_counted, pr.remaining, pr.total);
        buf.set_stringn(
            inner.x,
            bottom - 1,
            truncate(&line, cells),
            cells,
            theme.bar_done,
        );
    }
    buf.set_stringn(
        inner.x,
        bottom,
        truncate(texts.steps_keys(), cells),
        cells,
        theme.dim,
    );
    None
}

fn render_form(
    f: &StepForm,
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
            error: field.error.as_deref(),
        })
        .collect();
    super::render::small_form(
        super::render::frame(texts.step_form_title(f.editing.is_some()), theme),
        &rows,
        f.focus,
        None,
        texts.step_form_keys(),
        theme,
        area,
        buf,
    )
}
