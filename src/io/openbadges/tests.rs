use super::*;
use crate::domain::dates::parse_ymd;
use serde_json::json;

const ASSERTION: &[u8] = include_bytes!("../../../tests/data/openbadges/assertion.json");
const LINKED: &[u8] = include_bytes!("../../../tests/data/openbadges/linked-assertion.json");
const CLASS: &[u8] = include_bytes!("../../../tests/data/openbadges/badgeclass.json");
const ISSUER: &[u8] = include_bytes!("../../../tests/data/openbadges/issuer.json");

fn files(list: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    list.iter()
        .map(|(n, b)| ((*n).to_string(), b.to_vec()))
        .collect()
}

fn d(s: &str) -> NaiveDate {
    parse_ymd(s).unwrap()
}

fn err_of(bytes: &[u8]) -> ImportError {
    parse(&files(&[("x.json", bytes)])).unwrap_err()
}

#[test]
fn an_assertion_with_its_badge_embedded() {
    let import = parse(&files(&[("a.json", ASSERTION)])).unwrap();
    assert_eq!(import.source, Source::Openbadges);
    assert!(
        !import.complete,
        "single assertions never report others gone"
    );
    let [r] = import.records.as_slice() else {
        panic!("{:?}", import.records)
    };
    assert_eq!(
        r.source_id,
        "https://badges.example.org/assertions/3f1c9a52"
    );
    assert_eq!(r.name, "データサイエンス基礎");
    assert_eq!(r.issuer, "Example Skills Institute");
    assert_eq!(r.earned_on, Some(d("2026-04-01")));
    assert_eq!(
        r.expires_on,
        Some(d("2028-03-31")),
        "the day as written, not UTC"
    );
    assert_eq!(
        r.url.as_deref(),
        Some("https://badges.example.org/badges/data-basics")
    );
    assert_eq!(r.origin, "a.json assertion 1");
}

#[test]
fn links_to_a_badge_class_and_issuer_given_in_the_batch_are_followed() {
    let batch = files(&[
        ("linked.json", LINKED),
        ("class.json", CLASS),
        ("issuer.json", ISSUER),
    ]);
    let import = parse(&batch).unwrap();
    let [r] = import.records.as_slice() else {
        panic!("{:?}", import.records)
    };
    assert_eq!(r.name, "Cloud Foundations");
    assert_eq!(r.issuer, "Example Skills Institute");
    assert_eq!((r.earned_on, r.expires_on), (Some(d("2026-09-01")), None));

    let e = parse(&files(&[("linked.json", LINKED)])).unwrap_err();
    assert_eq!(
        e.at,
        Location::Record {
            index: 1,
            id: Some("urn:uuid:8c1d3e8e-6f0a-4b9e-9a55-0d2f8f3c1a77".into())
        }
    );
    assert_eq!(e.problem, Problem::Missing("badge.name"));
    assert!(
        e.to_string().contains("give their JSON files as well"),
        "{e}"
    );
}

#[test]
fn lists_revoked_duplicates_and_unix_times() {
    let badge = json!({"name": "Old Style", "issuer": {"name": "Org"}});
    let doc = json!([
        {"id": "a", "badge": badge, "issuedOn": 1_767_225_600},
        {"id": "a", "badge": badge, "issuedOn": 1_767_225_600},
        {"type": "Assertion", "id": "b", "badge": {"name": "Taken back"}, "revoked": true},
        {"something": "else"}
    ]);
    let import = parse(&files(&[("l.json", &serde_json::to_vec(&doc).unwrap())])).unwrap();
    assert_eq!(import.records.len(), 1);
    assert_eq!(import.records[0].earned_on, Some(d("2026-01-01")));
    let reasons: Vec<&SkipReason> = import.skipped.iter().map(|s| &s.reason).collect();
    assert_eq!(reasons, [&SkipReason::Duplicate, &SkipReason::Revoked]);
}

#[test]
fn bad_files_name_the_file_and_assertion() {
    assert!(matches!(err_of(b"\x89PNG").problem, Problem::NotJson(_)));
    let e = err_of(include_bytes!("../../../tests/data/credly/page1.json"));
    assert_eq!(
        e.problem,
        Problem::WrongShape {
            expected: EXPECTED,
            found: "it looks like a Credly download: import it as credly".into()
        }
    );
    let e = err_of(br#"{"type": "Assertion", "badge": {"name": "No id"}}"#);
    assert_eq!(e.problem, Problem::Missing("id"));
    let e = err_of(br#"{"type": "Assertion", "id": "x", "badge": {"name": "N"}, "expires": "2027-02-30T00:00:00Z"}"#);
    assert_eq!(
        e.to_string(),
        "x.json, record 1 (id x): expires \"2027-02-30T00:00:00Z\" is not a date; issuers write \
         ISO 8601 dates, so the file looks edited or damaged: download it again"
    );
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        let _ = parse(&[("x.json".to_string(), bytes)]);
    }

    #[test]
    fn arbitrary_dates_never_panic(n in proptest::num::i64::ANY, s in "[0-9T:+\\-Z]{0,30}") {
        let _ = read_date(Some(&json!(n)));
        let _ = read_date(Some(&json!(s)));
        let _ = read_date(Some(&json!(f64::from(u32::try_from(n & 0xffff).unwrap_or(0)) + 0.5)));
    }
}
