use super::*;

fn issuers() -> Issuers {
    Issuers {
        configured: vec![
            ConfiguredIssuer {
                section: "aws".into(),
                name: Some("Amazon Web Services".into()),
                aliases: vec!["amazon web services training and certification".into()],
            },
            ConfiguredIssuer {
                section: "microsoft".into(),
                name: Some("Microsoft".into()),
                aliases: vec!["microsoft corporation".into()],
            },
            ConfiguredIssuer {
                section: "oracle".into(),
                name: None,
                aliases: vec![],
            },
        ],
        on_badges: vec!["The Linux Foundation".into()],
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn issuers_are_stored_as_the_configured_name() {
    let i = issuers();
    for (typed, rule, want) in [
        ("aws", IssuerRule::MustBeKnown, Ok("Amazon Web Services")),
        (" AWS ", IssuerRule::MustBeKnown, Ok("Amazon Web Services")),
        (
            "Amazon Web Services Training and Certification",
            IssuerRule::AnyName,
            Ok("Amazon Web Services"),
        ),
        ("microsoft", IssuerRule::MustBeKnown, Ok("Microsoft")),
        ("Oracle", IssuerRule::MustBeKnown, Ok("Oracle")),
        (
            "the linux foundation",
            IssuerRule::MustBeKnown,
            Ok("The Linux Foundation"),
        ),
        (
            "Microsoft Japan",
            IssuerRule::MustBeKnown,
            Ok("Microsoft Japan"),
        ),
        ("Credly Inc", IssuerRule::AnyName, Ok("Credly Inc")),
        ("", IssuerRule::MustBeKnown, Ok("")),
    ] {
        assert_eq!(
            i.resolve(typed, rule)
                .as_deref()
                .map_err(ToString::to_string),
            want.map_err(|e: &str| e.to_string()),
            "{typed}"
        );
    }
    let e = i.resolve("Microsft", IssuerRule::MustBeKnown).unwrap_err();
    assert_eq!(
        e,
        BadgeError::UnknownIssuer {
            issuer: "Microsft".into(),
            suggestions: vec!["Microsoft".into()]
        }
    );
    assert!(
        e.to_string()
            .starts_with("unknown issuer 'Microsft' (did you mean 'Microsoft'?): "),
        "{e}"
    );
}

#[test]
fn dates_effort_key_and_tags() {
    let good = Badge {
        key: "k".into(),
        name: "N".into(),
        earned_on: Some(d("2026-01-01")),
        expires_on: Some(d("2027-01-01")),
        ..Badge::default()
    };
    assert_eq!(check(&good), Ok(()));
    let cases: Vec<(Badge, &str)> = vec![
        (
            Badge {
                expires_on: Some(d("2025-12-31")),
                ..good.clone()
            },
            "badge 'k' expires (2025-12-31) before it was earned (2026-01-01)",
        ),
        (
            Badge {
                renewed_on: Some(d("2025-12-31")),
                ..good.clone()
            },
            "badge 'k' was renewed (2025-12-31) before it was earned (2026-01-01)",
        ),
        (
            Badge {
                effort_minutes: MAX_MINUTES + 1,
                ..good.clone()
            },
            "badge 'k': effort is too large",
        ),
        (
            Badge {
                key: "K!".into(),
                ..good.clone()
            },
            "key 'K!' has characters",
        ),
        (
            Badge {
                tags: vec!["two words".into()],
                ..good.clone()
            },
            "tag 'two words' must be one word",
        ),
        (
            Badge {
                name: " ".into(),
                ..good.clone()
            },
            "badge 'k' needs a name",
        ),
    ];
    for (b, want) in cases {
        let e = check(&b).unwrap_err().to_string();
        assert!(e.starts_with(want), "{e}\nwanted {want}");
    }
    let mut future = good.clone();
    let e = check_badge(
        &mut future,
        &issuers(),
        IssuerRule::MustBeKnown,
        Some(d("2025-06-01")),
    )
    .unwrap_err();
    assert!(matches!(e, BadgeError::EarnedAfterToday { .. }), "{e}");
}

#[test]
fn one_rule_for_tags() {
    for (typed, want) in [
        (vec!["a,b"], vec!["a", "b"]),
        (vec!["a b", "c"], vec!["a", "b", "c"]),
        (vec![" a , b ,, a "], vec!["a", "b"]),
        (vec!["資格、更新"], vec!["資格", "更新"]),
        (vec![""], vec![]),
    ] {
        assert_eq!(split_tags(typed.iter().copied()), want, "{typed:?}");
    }
}
