//! A badge's fields as a person types them, read by one parser for the command line's
//! flags and the planner's form: each [`Field`] is typed (a typo does not compile), an
//! empty value clears the field (an empty effort is the issuer's default), and tags are
//! split by one rule. Errors are typed ([`FieldError`]); their words are the caller's.

use super::{Badge, KeyError, Priority, validate_key};
use crate::domain::dates::parse_date_or_period;
use crate::domain::duration::parse_duration;

/// A field of a badge that a person types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Key,
    Issuer,
    Level,
    Earned,
    Expires,
    Renewed,
    Retires,
    ReplacedBy,
    After,
    Available,
    Goal,
    Effort,
    RenewFrom,
    Priority,
    Tags,
    Url,
    Notes,
}

impl Field {
    /// Every field, in the order of the form.
    pub const ALL: [Field; 18] = [
        Field::Name,
        Field::Key,
        Field::Issuer,
        Field::Level,
        Field::Earned,
        Field::Expires,
        Field::Renewed,
        Field::Retires,
        Field::ReplacedBy,
        Field::After,
        Field::Available,
        Field::Goal,
        Field::Effort,
        Field::RenewFrom,
        Field::Priority,
        Field::Tags,
        Field::Url,
        Field::Notes,
    ];

    /// The command line's flag for it, without the dashes (`renew-from`).
    pub fn flag(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Key => "key",
            Field::Issuer => "issuer",
            Field::Level => "level",
            Field::Earned => "earned",
            Field::Expires => "expires",
            Field::Renewed => "renewed",
            Field::Retires => "retires",
            Field::ReplacedBy => "replaced-by",
            Field::After => "after",
            Field::Available => "available",
            Field::Goal => "goal",
            Field::Effort => "effort",
            Field::RenewFrom => "renew-from",
            Field::Priority => "priority",
            Field::Tags => "tag",
            Field::Url => "url",
            Field::Notes => "notes",
        }
    }

    /// Whether it holds a date (a day, or a vendor's period such as `2027-Q1`).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::Earned
                | Field::Expires
                | Field::Renewed
                | Field::Retires
                | Field::Available
                | Field::Goal
                | Field::RenewFrom
        )
    }

    /// The field of `b` as it is typed (the inverse of [`set`]).
    pub fn text(self, b: &Badge) -> String {
        let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        match self {
            Field::Name => b.name.clone(),
            Field::Key => b.key.clone(),
            Field::Issuer => b.issuer.clone(),
            Field::Level => b.level.clone().unwrap_or_default(),
            Field::Earned => d(b.earned_on),
            Field::Expires => d(b.expires_on),
            Field::Renewed => d(b.renewed_on),
            Field::Retires => d(b.retires_on),
            Field::ReplacedBy => b.replaced_by.clone().unwrap_or_default(),
            Field::After => b.after.join(" "),
            Field::Available => d(b.available_on),
            Field::Goal => d(b.goal_on),
            Field::Effort => crate::domain::duration::format_minutes(b.effort_minutes),
            Field::RenewFrom => d(b.renew_from),
            Field::Priority => b.priority.to_string(),
            Field::Tags => b.tags.join(" "),
            Field::Url => b.url.clone().unwrap_or_default(),
            Field::Notes => b.notes.clone().unwrap_or_default(),
        }
    }
}

/// Why what was typed cannot be a field's value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// A badge needs a name.
    #[error("a name is required")]
    NoName,
    /// Not an acceptable key.
    #[error("{0}")]
    Key(#[from] KeyError),
    /// Not a date or a vendor's period.
    #[error("{error}")]
    Date { typed: String, error: String },
    /// Not a duration.
    #[error("{error}")]
    Effort { typed: String, error: String },
    /// Not low, normal or high.
    #[error("{error}")]
    Priority { typed: String, error: String },
}

/// Tags as typed: words separated by commas (`,` or `、`) or spaces, each kept once, in
/// order: the one rule of [`crate::domain::validation::split_tags`].
pub fn tags(typed: &str) -> Vec<String> {
    crate::domain::validation::split_tags([typed])
}

/// Sets `field` of `b` from what was typed. Text is trimmed; empty clears the field, and
/// an empty effort is `default_effort` of the badge's issuer. Nothing is set on an error.
pub fn set(
    b: &mut Badge,
    field: Field,
    typed: &str,
    default_effort: &dyn Fn(&str) -> u32,
) -> Result<(), FieldError> {
    let t = typed.trim();
    let text = || (!t.is_empty()).then(|| t.to_string());
    let date = || -> Result<Option<chrono::NaiveDate>, FieldError> {
        if t.is_empty() {
            return Ok(None);
        }
        parse_date_or_period(t)
            .map(Some)
            .map_err(|e| FieldError::Date {
                typed: t.to_string(),
                error: e.to_string(),
            })
    };
    match field {
        Field::Name if t.is_empty() => return Err(FieldError::NoName),
        Field::Name => b.name = t.to_string(),
        Field::Key => {
            validate_key(t)?;
            b.key = t.to_string();
        }
        Field::Issuer => b.issuer = t.to_string(),
        Field::Level => b.level = text(),
        Field::Earned => b.earned_on = date()?,
        Field::Expires => b.expires_on = date()?,
        Field::Renewed => b.renewed_on = date()?,
        Field::Retires => b.retires_on = date()?,
        Field::Available => b.available_on = date()?,
        Field::Goal => b.goal_on = date()?,
        Field::RenewFrom => b.renew_from = date()?,
        Field::ReplacedBy => b.replaced_by = text(),
        Field::After => {
            // Keys separated by commas or spaces, each once; a `#` before one is fine.
            let keys: Vec<String> = tags(t)
                .into_iter()
                .map(|k| k.trim_start_matches('#').to_string())
                .collect();
            for k in &keys {
                validate_key(k)?;
            }
            b.after = keys;
        }
        Field::Effort if t.is_empty() => b.effort_minutes = default_effort(&b.issuer),
        Field::Effort => {
            b.effort_minutes = parse_duration(t).map_err(|e| FieldError::Effort {
                typed: t.to_string(),
                error: e.to_string(),
            })?;
        }
        Field::Priority => {
            b.priority = t.parse::<Priority>().map_err(|e| FieldError::Priority {
                typed: t.to_string(),
                error: e,
            })?;
        }
        Field::Tags => b.tags = tags(t),
        Field::Url => b.url = text(),
        Field::Notes => b.notes = text(),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tag_rule_for_commas_and_spaces() {
        for (typed, want) in [
            ("aws cloud", vec!["aws", "cloud"]),
            ("aws,cloud", vec!["aws", "cloud"]),
            (" aws, cloud  aws ", vec!["aws", "cloud"]),
            ("", vec![]),
            ("データ　分析", vec!["データ", "分析"]),
            ("資格、更新", vec!["資格", "更新"]),
        ] {
            assert_eq!(tags(typed), want, "{typed:?}");
        }
    }

    #[test]
    fn every_field_reads_back_what_it_shows() {
        let effort = |_: &str| 600;
        let typed = [
            (Field::Name, "AWS SAA"),
            (Field::Key, "aws-saa"),
            (Field::Issuer, "AWS"),
            (Field::Level, "Associate"),
            (Field::Earned, "2025-01-10"),
            (Field::Expires, "2028-01-10"),
            (Field::Renewed, "2026-01-10"),
            (Field::Retires, "2029-12-31"),
            (Field::ReplacedBy, "aws-saa-2"),
            (Field::After, "aws-ccp aws-dva"),
            (Field::Available, "2027-03-31"),
            (Field::Goal, "2027-06-30"),
            (Field::Effort, "1h30m"),
            (Field::RenewFrom, "2027-10-01"),
            (Field::Priority, "high"),
            (Field::Tags, "cloud aws"),
            (Field::Url, "https://example.com"),
            (Field::Notes, "chapter 3"),
        ];
        let mut b = Badge::default();
        for (f, t) in typed {
            set(&mut b, f, t, &effort).unwrap();
        }
        for (f, t) in typed {
            assert_eq!(f.text(&b), t, "{f:?}");
        }
        assert_eq!(typed.len(), Field::ALL.len());
    }

    #[test]
    fn typed_errors_and_empty_values() {
        let effort = |_: &str| 600;
        let mut b = Badge {
            issuer: "AWS".into(),
            ..Badge::default()
        };
        let long = "k".repeat(41);
        type Is = fn(&FieldError) -> bool;
        let cases: [(Field, &str, Is); 6] = [
            (Field::Name, " ", |e| *e == FieldError::NoName),
            (Field::Key, "", |e| *e == FieldError::Key(KeyError::Empty)),
            (Field::Key, &long, |e| {
                matches!(e, FieldError::Key(KeyError::TooLong { max: 40, .. }))
            }),
            (Field::Key, "Bad Key", |e| {
                matches!(e, FieldError::Key(KeyError::BadChar { .. }))
            }),
            (
                Field::Expires,
                "2027-02-30",
                |e| matches!(e, FieldError::Date { typed, .. } if typed == "2027-02-30"),
            ),
            (Field::Effort, "3日", |e| {
                matches!(e, FieldError::Effort { .. })
            }),
        ];
        for (f, t, ok) in cases {
            let e = set(&mut b, f, t, &effort).unwrap_err();
            assert!(ok(&e), "{f:?} {t:?}: {e:?}");
        }
        assert!(matches!(
            set(&mut b, Field::Priority, "urgent", &effort),
            Err(FieldError::Priority { .. })
        ));
        set(&mut b, Field::Effort, "", &effort).unwrap();
        assert_eq!(b.effort_minutes, 600);
        set(&mut b, Field::Expires, "2027", &effort).unwrap();
        assert_eq!(
            b.expires_on.map(|d| d.to_string()).as_deref(),
            Some("2027-12-31")
        );
        set(&mut b, Field::Expires, "", &effort).unwrap();
        assert_eq!(b.expires_on, None);
    }
}
