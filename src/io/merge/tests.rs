use super::*;
use crate::domain::Priority;
use crate::domain::badge::validate_key;
use crate::domain::dates::parse_ymd;
use crate::io::incoming::Carried;
use crate::io::{credly, csv};
use serde_json::Value;

const PAGE1: &[u8] = include_bytes!("../../../tests/data/credly/page1.json");
const PAGE2: &[u8] = include_bytes!("../../../tests/data/credly/page2.json");
const GOOD_CSV: &[u8] = include_bytes!("../../../tests/data/csv/good.csv");

fn d(s: &str) -> NaiveDate {
    parse_ymd(s).unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-26")
}

fn effort(issuer: &str) -> u32 {
    if issuer == "IBM" { 120 } else { 600 }
}

fn credly_import(pages: &[(&str, Vec<u8>)]) -> Import {
    let files: Vec<(String, Vec<u8>)> = pages
        .iter()
        .map(|(n, b)| ((*n).to_string(), b.clone()))
        .collect();
    credly::parse(&files).unwrap()
}

fn both_pages() -> Import {
    credly_import(&[
        ("page1.json", PAGE1.to_vec()),
        ("page2.json", PAGE2.to_vec()),
    ])
}

/// The stored badges after importing both fixture pages into an empty database.
fn stored() -> Vec<Badge> {
    plan(&[], &both_pages(), today(), effort).apply(&[])
}

fn by_source_id<'a>(badges: &'a [Badge], id: &str) -> &'a Badge {
    badges
        .iter()
        .find(|b| b.source_id.as_deref() == Some(id))
        .unwrap()
}

const CP4D: &str = "d23f0824-128b-2f33-0c5c-7fd0a6a3a450";
const QRADAR: &str = "8d116ece-1738-f7d9-3d9c-172411e20b8f";
const TURBONOMIC: &str = "9be4bcfc-49b6-4a08-72e6-cc3ababced20";

#[test]
fn a_first_import_adds_complete_badges_with_readable_unique_keys() {
    let p = plan(&[], &both_pages(), today(), effort);
    assert_eq!(p.add.len(), 10);
    assert_eq!((p.update.len(), p.unchanged, p.vanished.len()), (0, 0, 0));
    assert_eq!(
        p.headline(),
        "added 10, updated 0, unchanged 0, skipped 1 (1 revoked)"
    );
    let keys: Vec<&str> = p.add.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "cloud-pak-data-v4x",
            "security-qradar-siem-sales",
            "z-technical-sales-foundation",
            "watsonxai-technical-sales",
            "cloud-essentials",
            "solutions-architect-associate",
            "azure-administrator-associate",
            "storage-scale-technical-sales",
            "sterling-order-management-sales",
            "instana-observability-technical",
        ]
    );
    let cp4d = &p.add[0];
    assert_eq!(cp4d.source, Source::Credly);
    assert_eq!(cp4d.source_id.as_deref(), Some(CP4D));
    assert_eq!(cp4d.effort_minutes, 120);
    assert_eq!(cp4d.priority, Priority::Normal);
    assert_eq!(cp4d.expires_on, Some(d("2027-01-31")));
    assert_eq!(p.add[5].effort_minutes, 600, "AWS: its issuer's default");
    for b in &p.add {
        validate_key(&b.key).unwrap();
    }
}

#[test]
fn keys_are_unique_against_stored_keys_and_each_other() {
    let mut existing = Badge {
        key: "cloud-essentials".into(),
        name: "Typed by hand".into(),
        ..Badge::default()
    };
    existing.source = Source::Manual;
    let doc = serde_json::json!({"data": [
        {"id": "1", "badge_template": {"name": "IBM Cloud Essentials"}},
        {"id": "2", "badge_template": {"name": "Cloud Essentials"}},
        {"id": "3", "badge_template": {"name": "データサイエンス基礎"}},
        {"id": "4", "badge_template": {"name": "AI基礎"}},
    ]});
    let import = credly_import(&[("p.json", serde_json::to_vec(&doc).unwrap())]);
    let p = plan(&[existing], &import, today(), effort);
    let keys: Vec<&str> = p.add.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "cloud-essentials-2",
            "cloud-essentials-3",
            "deetasaiensu",
            "ai"
        ]
    );
}

#[test]
fn importing_the_same_files_again_changes_nothing() {
    let stored = stored();
    let p = plan(&stored, &both_pages(), today(), effort);
    assert!(p.is_noop(), "{}", p.report());
    assert_eq!(p.unchanged, 10);
    assert!(p.vanished.is_empty());
    assert_eq!(
        p.headline(),
        "added 0, updated 0, unchanged 10, skipped 1 (1 revoked)"
    );
    assert_eq!(p.apply(&stored), stored);
}

/// page1 with its first record renewed (issued and expiring a year later), its second
/// renamed and re-levelled.
fn newer_page1() -> Vec<u8> {
    let mut doc: Value = serde_json::from_slice(PAGE1).unwrap();
    let recs = doc["data"].as_array_mut().unwrap();
    recs[0]["issued_at_date"] = "2027-01-15".into();
    recs[0]["expires_at_date"] = "2028-01-31".into();
    recs[1]["badge_template"]["name"] = "IBM Security QRadar SIEM Sales Foundation V2".into();
    recs[1]["badge_template"]["level"] = "Intermediate".into();
    recs[2]["badge_template"]["url"] = Value::Null;
    serde_json::to_vec(&doc).unwrap()
}

/// What a user sets on a badge by hand.
fn user_edits(b: &mut Badge) {
    b.key = format!(
        "my-{}",
        b.key
            .chars()
            .take(10)
            .collect::<String>()
            .trim_end_matches('-')
    );
    b.effort_minutes = 45;
    b.priority = Priority::High;
    b.notes = Some("study the new module".into());
    b.tags = vec!["data".into()];
    b.retires_on = Some(d("2027-12-31"));
    b.replaced_by = Some("cp4d-v5".into());
    b.goal_on = Some(d("2027-01-10"));
    b.available_on = Some(d("2026-12-01"));
    b.renew_from = Some(d("2026-12-15"));
    b.archived = true;
}

#[test]
fn a_newer_download_updates_dates_and_names_but_keeps_user_edits() {
    let mut stored = stored();
    for b in stored.iter_mut().take(3) {
        user_edits(b);
    }
    let newer = credly_import(&[
        ("page1.json", newer_page1()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &newer, today(), effort);
    assert_eq!(
        p.headline(),
        "added 0, updated 3, unchanged 7, skipped 1 (1 revoked)"
    );
    let changes: Vec<Vec<String>> = p
        .update
        .iter()
        .map(|u| u.changes.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(
        changes,
        [
            vec![
                "earned_on 2026-05-20 → 2027-01-15",
                "expires_on 2027-01-31 → 2028-01-31",
                "renewed_on (empty) → 2027-01-15",
            ],
            vec![
                "name \"IBM Security QRadar SIEM Sales Foundation\" → \
                 \"IBM Security QRadar SIEM Sales Foundation V2\"",
                "level \"Foundation\" → \"Intermediate\"",
            ],
            vec![
                "url \"https://www.credly.com/org/ibm/badge/ibm-z-technical-sales-foundation\" → \
                 (empty)",
            ],
        ]
    );
    let after = p.apply(&stored);
    for (before, now) in stored.iter().zip(&after).take(3) {
        assert_eq!(now.key, before.key);
        let mut expected = before.clone();
        user_edits(&mut expected);
        expected.key.clone_from(&before.key);
        for (field, same) in [
            ("effort", now.effort_minutes == expected.effort_minutes),
            ("priority", now.priority == expected.priority),
            ("notes", now.notes == expected.notes),
            ("tags", now.tags == expected.tags),
            ("retires_on", now.retires_on == expected.retires_on),
            ("replaced_by", now.replaced_by == expected.replaced_by),
            ("goal_on", now.goal_on == expected.goal_on),
            ("available_on", now.available_on == expected.available_on),
            ("renew_from", now.renew_from == expected.renew_from),
            ("archived", now.archived == expected.archived),
        ] {
            assert!(same, "{field} of #{} changed", now.key);
        }
    }
    let cp4d = by_source_id(&after, CP4D);
    assert_eq!(cp4d.renewed_on, Some(d("2027-01-15")));
    assert_eq!(
        cp4d.cycle_start(),
        Some(d("2027-01-15")),
        "the new cycle starts at zero"
    );

    let again = plan(&after, &newer, today(), effort);
    assert!(again.is_noop(), "{}", again.report());
}

#[test]
fn an_expiry_moved_later_without_a_new_issue_date_is_renewed_today() {
    let stored = stored();
    let mut doc: Value = serde_json::from_slice(PAGE1).unwrap();
    doc["data"][1]["expires_at_date"] = "2028-03-31".into();
    let import = credly_import(&[
        ("page1.json", serde_json::to_vec(&doc).unwrap()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &import, today(), effort);
    assert_eq!(p.update.len(), 1);
    assert_eq!(p.update[0].new.renewed_on, Some(today()));
    assert_eq!(p.update[0].new.earned_on, Some(d("2026-06-02")));

    // An expiry moved earlier (a correction) is not a renewal.
    doc["data"][1]["expires_at_date"] = "2027-03-01".into();
    let import = credly_import(&[
        ("page1.json", serde_json::to_vec(&doc).unwrap()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &import, today(), effort);
    assert_eq!(p.update[0].new.renewed_on, None);
}

#[test]
fn renewed_on_never_moves_earlier() {
    let mut stored = stored();
    let cp4d = stored
        .iter_mut()
        .find(|b| b.source_id.as_deref() == Some(CP4D))
        .unwrap();
    cp4d.renewed_on = Some(d("2027-01-20")); // the user marked it renewed after Credly did
    let newer = credly_import(&[
        ("page1.json", newer_page1()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &newer, today(), effort);
    let u = p
        .update
        .iter()
        .find(|u| u.new.source_id.as_deref() == Some(CP4D))
        .unwrap();
    assert_eq!(u.new.renewed_on, Some(d("2027-01-20")));
}

#[test]
fn badges_gone_from_a_complete_download_are_reported_and_kept() {
    let mut stored = stored();
    stored.push(Badge {
        key: "old-one".into(),
        name: "IBM Old One".into(),
        source: Source::Credly,
        source_id: Some("gone-id".into()),
        ..Badge::default()
    });
    stored.push(Badge {
        key: "archived-one".into(),
        source: Source::Credly,
        source_id: Some("gone-too".into()),
        archived: true,
        ..Badge::default()
    });
    stored.push(Badge {
        key: "manual".into(),
        name: "Typed".into(),
        ..Badge::default()
    });
    let p = plan(&stored, &both_pages(), today(), effort);
    let gone: Vec<&str> = p.vanished.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(gone, ["old-one"]);
    assert_eq!(
        p.headline(),
        "added 0, updated 0, unchanged 10, skipped 1 (1 revoked), 1 gone from the download (kept)"
    );
    assert_eq!(p.apply(&stored).len(), stored.len(), "never deleted");

    // With a page missing, nothing is reported gone: it may be on that page.
    let page1 = credly_import(&[("page1.json", PAGE1.to_vec())]);
    let p = plan(&stored, &page1, today(), effort);
    assert!(p.vanished.is_empty());
    assert!(
        p.report().contains("note      the download has 2 pages"),
        "{}",
        p.report()
    );
}

#[test]
fn a_revoked_record_of_a_stored_badge_is_skipped_and_the_badge_kept() {
    let mut stored = stored();
    stored.push(Badge {
        key: "turbonomic".into(),
        name: "IBM Turbonomic Sales Foundation".into(),
        source: Source::Credly,
        source_id: Some(TURBONOMIC.into()),
        ..Badge::default()
    });
    let p = plan(&stored, &both_pages(), today(), effort);
    assert!(p.vanished.is_empty());
    assert_eq!(p.skipped[0].existing_key.as_deref(), Some("turbonomic"));
    assert!(
        p.report().contains(
            "  skipped   IBM Turbonomic Sales Foundation: revoked (page2.json record 4); \
             #turbonomic is kept as it is"
        ),
        "{}",
        p.report()
    );
}

#[test]
fn a_badge_reissued_under_a_new_id_updates_the_stored_one() {
    let stored = stored();
    let mut doc: Value = serde_json::from_slice(PAGE1).unwrap();
    doc["data"][1]["id"] = "new-qradar-id".into();
    doc["data"][1]["issued_at_date"] = "2027-02-01".into();
    doc["data"][1]["expires_at_date"] = "2028-03-31".into();
    let newer = credly_import(&[
        ("page1.json", serde_json::to_vec(&doc).unwrap()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &newer, today(), effort);
    assert_eq!(p.add.len(), 0, "{}", p.report());
    assert_eq!(p.update.len(), 1);
    let u = &p.update[0];
    assert_eq!(u.old.source_id.as_deref(), Some(QRADAR));
    assert_eq!(u.new.source_id.as_deref(), Some("new-qradar-id"));
    assert_eq!(u.new.renewed_on, Some(d("2027-02-01")));
    assert!(p.vanished.is_empty());
    let after = p.apply(&stored);
    assert!(plan(&after, &newer, today(), effort).is_noop());

    // Both issues in the download: the older one is skipped, the newer one updates.
    let mut old = doc["data"][1].clone();
    old["id"] = QRADAR.into();
    old["issued_at_date"] = "2026-06-02".into();
    doc["data"].as_array_mut().unwrap().push(old);
    let both = credly_import(&[
        ("page1.json", serde_json::to_vec(&doc).unwrap()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &both, today(), effort);
    assert_eq!((p.add.len(), p.update.len()), (0, 1), "{}", p.report());
    assert_eq!(
        p.headline(),
        "added 0, updated 1, unchanged 9, skipped 2 (1 revoked, 1 older issue)"
    );
    let after = p.apply(&stored);
    assert!(plan(&after, &both, today(), effort).is_noop());
}

#[test]
fn an_older_issue_than_the_stored_one_is_skipped() {
    let stored = stored();
    let mut doc: Value = serde_json::from_slice(PAGE1).unwrap();
    doc["data"][1]["id"] = "ancient-id".into();
    doc["data"][1]["issued_at_date"] = "2024-06-02".into();
    let older = credly_import(&[
        ("page1.json", serde_json::to_vec(&doc).unwrap()),
        ("page2.json", PAGE2.to_vec()),
    ]);
    let p = plan(&stored, &older, today(), effort);
    assert!(p.is_noop(), "{}", p.report());
    let s = p
        .skipped
        .iter()
        .find(|s| s.reason == SkipReason::Superseded)
        .unwrap();
    assert_eq!(
        s.existing_key.as_deref(),
        Some("security-qradar-siem-sales")
    );
}

#[test]
fn duplicates_in_the_records_count_once() {
    let mut import = both_pages();
    let again = import.records[0].clone();
    import.records.push(again);
    let p = plan(&[], &import, today(), effort);
    assert_eq!(p.add.len(), 10);
    assert_eq!(
        p.headline(),
        "added 10, updated 0, unchanged 0, skipped 2 (1 revoked, 1 duplicate)"
    );
}

#[test]
fn a_badge_typed_by_hand_with_the_same_name_is_pointed_out() {
    let manual = Badge {
        key: "aws-saa".into(),
        name: "AWS Certified Solutions Architect – Associate".into(),
        ..Badge::default()
    };
    let p = plan(&[manual], &both_pages(), today(), effort);
    assert_eq!(p.add.len(), 10, "matching is by source and id only");
    assert_eq!(
        p.notes,
        [
            "\"AWS Certified Solutions Architect – Associate\" (new, #solutions-architect-associate) \
          has the name of #aws-saa (manual): if they are the same badge, archive or delete one"
        ]
    );
}

#[test]
fn csv_imports_add_with_the_sheet_effort_and_reimport_is_a_no_op() {
    let import = csv::parse("good.csv", GOOD_CSV).unwrap();
    let p = plan(&[], &import, today(), effort);
    assert_eq!(p.add.len(), 5);
    let efforts: Vec<u32> = p.add.iter().map(|b| b.effort_minutes).collect();
    assert_eq!(efforts, [360, 600, 90, 120, 600]);
    assert_eq!(p.add[3].retires_on, Some(d("2027-12-31")));
    assert_eq!(p.add[2].key, "deetasaiensu");
    let stored = p.apply(&[]);
    assert!(plan(&stored, &import, today(), effort).is_noop());
}

#[test]
fn csv_updates_leave_absent_columns_alone_and_only_fill_an_empty_retirement() {
    let stored = plan(
        &[],
        &csv::parse("good.csv", GOOD_CSV).unwrap(),
        today(),
        effort,
    )
    .apply(&[]);
    // The next sheet has no url column, a new expiry for Azure, a retirement for the AWS
    // badge and another for the CP4D badge (which already has one), and a new effort.
    let sheet = "name,issuer,earned_on,expires_on,retires_on,effort\n\
        Microsoft Certified: Azure Administrator Associate,Microsoft,2026-02-10,2028-02-10,,1h\n\
        \"AWS Certified Solutions Architect – Associate, SAA-C03\",Amazon Web Services,2025-03-27,2028-03-27,2028-H1,\n\
        IBM Cloud Pak for Data v4.x Administrator,IBM,2026-05-20,2027-01-31,2026-Q4,\n";
    let import = csv::parse("next.csv", sheet.as_bytes()).unwrap();
    assert_eq!(
        import.carried,
        Carried {
            url: false,
            level: false,
            ..Carried::ALL
        }
    );
    let p = plan(&stored, &import, today(), effort);
    let lines: Vec<String> = p.report().lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        [
            "added 0, updated 2, unchanged 1, skipped 0",
            // Issue 15, finding 4: an expiry changed in a sheet invents no renewal date.
            "  updated   #azure-administrator-associate  Microsoft Certified: Azure Administrator \
             Associate: expires_on 2027-02-10 → 2028-02-10",
            "  updated   #solutions-architect-associate  AWS Certified Solutions Architect – \
             Associate, SAA-C03: retires_on (empty) → 2028-06-30",
        ]
    );
    let azure = &p.update[0].new;
    assert_eq!(
        azure.url.as_deref(),
        Some("https://learn.microsoft.com/credentials/")
    );
    assert_eq!(
        azure.effort_minutes, 360,
        "effort is the user's once stored"
    );
}

proptest::proptest! {
    /// Whatever was stored before and whatever the download holds: applying the plan and
    /// planning again changes nothing, keys stay unique and valid, and what the user set
    /// survives.
    #[test]
    fn import_then_reimport_is_a_no_op(
        first in proptest::collection::vec(arb_record(), 0..8),
        second in proptest::collection::vec(arb_record(), 0..8),
    ) {
        let mut stored = plan(&[], &import_of(&first), today(), effort).apply(&[]);
        for b in &mut stored {
            b.effort_minutes = 7;
            b.notes = Some("mine".into());
        }
        let import = import_of(&second);
        let p = plan(&stored, &import, today(), effort);
        let after = p.apply(&stored);
        let keys: HashSet<&str> = after.iter().map(|b| b.key.as_str()).collect();
        proptest::prop_assert_eq!(keys.len(), after.len());
        for b in &after {
            proptest::prop_assert!(validate_key(&b.key).is_ok(), "{}", b.key);
        }
        for u in &p.update {
            proptest::prop_assert_eq!(u.new.effort_minutes, 7);
            proptest::prop_assert_eq!(u.new.notes.as_deref(), Some("mine"));
            proptest::prop_assert_eq!(&u.new.key, &u.old.key);
        }
        let again = plan(&after, &import, today(), effort);
        proptest::prop_assert!(again.is_noop(), "{}", again.report());
    }
}

fn arb_record() -> impl proptest::strategy::Strategy<Value = (u8, u8, i64, Option<i64>)> {
    (0u8..6, 0u8..4, 0i64..800, proptest::option::of(0i64..1500))
}

fn import_of(recs: &[(u8, u8, i64, Option<i64>)]) -> Import {
    const NAMES: [&str; 4] = ["IBM Z Sales", "IBM Z Sales Advanced", "データ基礎", "AWS"];
    let base = d("2025-01-01");
    let data: Vec<Value> = recs
        .iter()
        .map(|&(id, name, issued, expires)| {
            serde_json::json!({
                "id": format!("id-{id}"),
                "state": "accepted",
                "issued_at_date": ymd(base + chrono::Days::new(issued.unsigned_abs())),
                "expires_at_date": expires.map(|e| ymd(base + chrono::Days::new(e.unsigned_abs()))),
                "badge_template": {"name": NAMES[usize::from(name)]},
                "issuer": {"entities": [{"entity": {"name": "IBM"}}]}
            })
        })
        .collect();
    credly_import(&[(
        "p.json",
        serde_json::to_vec(&serde_json::json!({"data": data})).unwrap(),
    )])
}

#[test]
fn open_badges_import_once_and_never_report_others_gone() {
    let files: Vec<(String, Vec<u8>)> = [
        (
            "a.json",
            &include_bytes!("../../../tests/data/openbadges/assertion.json")[..],
        ),
        (
            "l.json",
            include_bytes!("../../../tests/data/openbadges/linked-assertion.json"),
        ),
        (
            "c.json",
            include_bytes!("../../../tests/data/openbadges/badgeclass.json"),
        ),
        (
            "i.json",
            include_bytes!("../../../tests/data/openbadges/issuer.json"),
        ),
    ]
    .iter()
    .map(|(n, b)| ((*n).to_string(), b.to_vec()))
    .collect();
    let import = crate::io::openbadges::parse(&files).unwrap();
    let p = plan(&[], &import, today(), effort);
    let keys: Vec<&str> = p.add.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys, ["deetasaiensu", "cloud-foundations"]);
    let stored = p.apply(&[]);
    let only_one = crate::io::openbadges::parse(&files[..1]).unwrap();
    let again = plan(&stored, &only_one, today(), effort);
    assert!(again.is_noop());
    assert!(again.vanished.is_empty());
    assert_eq!(
        again.headline(),
        "added 0, updated 0, unchanged 1, skipped 0"
    );
}

/// A vendor family in one download gets keys that say which badge is which; a later
/// download with one more of the family leaves the stored keys as they are.
#[test]
fn a_family_of_badges_gets_keys_that_tell_them_apart() {
    let family = |names: &[&str]| {
        let data: Vec<Value> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                serde_json::json!({"id": format!("ssp-{i}"), "badge_template": {"name": n},
                                   "issuer": {"entities": [{"entity": {"name": "Security Compass"}}]}})
            })
            .collect();
        credly_import(&[(
            "p.json",
            serde_json::to_vec(&serde_json::json!({ "data": data })).unwrap(),
        )])
    };
    let first = [
        "Software Security Practitioner - Defending Java",
        "Software Security Practitioner - Defending General",
        "Software Security Practitioner - Defending C++",
        "Software Security Practitioner - Defending .NET",
    ];
    let p = plan(&[], &family(&first), today(), effort);
    let keys: Vec<&str> = p.add.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "software-security-practitioner-java",
            "software-security-practitioner-general",
            "software-security-practitioner-cpp",
            "software-security-practitioner-dotnet",
        ]
    );
    let stored = p.apply(&[]);
    let mut all = first.to_vec();
    all.push("Software Security Practitioner - Defending Android");
    let p = plan(&stored, &family(&all), today(), effort);
    assert_eq!(p.unchanged, 4, "{}", p.report());
    assert!(p.update.is_empty(), "stored keys stay: {}", p.report());
    let keys: Vec<&str> = p.add.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys, ["software-security-practitioner-android"]);
}
