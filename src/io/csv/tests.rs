use super::*;

const GOOD: &[u8] = include_bytes!("../../../tests/data/csv/good.csv");

fn d(s: &str) -> NaiveDate {
    parse_ymd(s).unwrap()
}

#[test]
fn reads_what_spreadsheets_write() {
    let import = parse("good.csv", GOOD).unwrap();
    assert_eq!(import.source, Source::Csv);
    assert!(import.skipped.is_empty());
    assert_eq!(
        import.carried,
        Carried {
            issuer: true,
            level: false,
            url: true,
            earned_on: true,
            expires_on: true
        }
    );
    let names: Vec<(&str, &str)> = import
        .records
        .iter()
        .map(|r| (r.name.as_str(), r.origin.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (
                "Microsoft Certified: Azure Administrator Associate",
                "good.csv line 2"
            ),
            (
                "AWS Certified Solutions Architect – Associate, SAA-C03",
                "good.csv line 3"
            ),
            ("データサイエンス基礎", "good.csv line 5"),
            (
                "IBM Cloud Pak for Data v4.x Administrator",
                "good.csv line 6"
            ),
            (
                "Google Cloud Professional Cloud Architect",
                "good.csv line 8"
            ),
        ]
    );
    let [azure, aws, japanese, cp4d, target] = import.records.as_slice() else {
        unreachable!()
    };
    assert_eq!(azure.issuer, "Microsoft");
    assert_eq!(azure.earned_on, Some(d("2026-02-10")));
    assert_eq!(azure.expires_on, Some(d("2027-02-10")));
    assert_eq!(azure.effort_minutes, Some(360));
    assert_eq!(
        azure.url.as_deref(),
        Some("https://learn.microsoft.com/credentials/")
    );
    assert_eq!(
        azure.source_id,
        "microsoft certified: azure administrator associate|microsoft"
    );
    assert_eq!((aws.effort_minutes, aws.url.clone()), (None, None));
    assert_eq!(japanese.issuer, "情報処理推進機構");
    assert_eq!(
        japanese.earned_on,
        Some(d("2026-04-01")),
        "2026/04/01 is read"
    );
    assert_eq!(japanese.expires_on, None);
    assert_eq!(japanese.effort_minutes, Some(90));
    assert_eq!(cp4d.retires_on, Some(d("2027-12-31")), "a vendor period");
    assert_eq!((target.earned_on, target.expires_on), (None, None));
}

#[test]
fn columns_in_any_order_and_only_name_required() {
    let text = "URL;NAME\nhttps://x.example;Only a name\n";
    let import = parse("semi.csv", text.as_bytes()).unwrap();
    let r = &import.records[0];
    assert_eq!(
        (r.name.as_str(), r.url.as_deref()),
        ("Only a name", Some("https://x.example"))
    );
    assert_eq!(r.issuer, "");
    assert!(!import.carried.issuer && !import.carried.expires_on && import.carried.url);

    let text = "expires_on\tname\n2027-01-31 00:00:00\tTabbed\n";
    let r = &parse("tab.tsv", text.as_bytes()).unwrap().records[0];
    assert_eq!(r.expires_on, Some(d("2027-01-31")));

    let import = parse("short.csv", b"name,issuer,expires_on\nShort row\n").unwrap();
    assert_eq!(
        import.records[0].expires_on, None,
        "a short row has empty cells"
    );
}

#[test]
fn the_same_row_twice_is_a_duplicate() {
    let text = "name,issuer\nAzure Admin,Microsoft\n azure  admin ,MICROSOFT\nAzure Admin,Other\n";
    let import = parse("dup.csv", text.as_bytes()).unwrap();
    assert_eq!(import.records.len(), 2);
    assert_eq!(import.skipped.len(), 1);
    assert_eq!(import.skipped[0].reason, SkipReason::Duplicate);
    assert_eq!(import.skipped[0].origin, "dup.csv line 3");
}

#[test]
fn a_bad_date_after_a_multi_line_cell_names_the_line_where_its_record_starts() {
    let e = parse(
        "bad-date.csv",
        include_bytes!("../../../tests/data/csv/bad-date-after-multiline.csv"),
    )
    .unwrap_err();
    assert_eq!(
        e.at,
        Location::Line {
            line: 5,
            column: Some("expires_on".into())
        }
    );
    assert_eq!(
        e.to_string(),
        "bad-date.csv, line 5, column expires_on: expires_on \"2027-02-30\" is not a date; \
         write dates as YYYY-MM-DD, like 2027-01-31"
    );
    for (text, column) in [
        ("name,earned_on\nX,31/01/2027\n", "earned_on"),
        ("name,retires_on\nX,Q5 '27\n", "retires_on"),
        ("name,expires_on\nX,2027-01-31 09:00\n", "expires_on"),
    ] {
        let e = parse("x.csv", text.as_bytes()).unwrap_err();
        assert_eq!(
            e.at,
            Location::Line {
                line: 2,
                column: Some(column.into())
            },
            "{text}"
        );
    }
}

#[test]
fn a_bad_effort_names_the_line_and_column() {
    let e = parse(
        "effort.csv",
        include_bytes!("../../../tests/data/csv/bad-effort.csv"),
    )
    .unwrap_err();
    assert_eq!(
        e.at,
        Location::Line {
            line: 4,
            column: Some("effort".into())
        }
    );
    assert_eq!(e.problem, Problem::BadDuration("ninety minutes".into()));
    assert!(
        e.to_string()
            .starts_with("effort.csv, line 4, column effort: \"ninety minutes\"")
    );
}

#[test]
fn a_missing_name_column_lists_the_columns_found() {
    let e = parse(
        "cols.csv",
        include_bytes!("../../../tests/data/csv/no-name-column.csv"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "cols.csv, line 1: no column \"name\" (the columns are: title, issuer, expires_on); \
         the first row must name the columns: name (required), issuer, earned_on, expires_on, \
         retires_on, effort, url, notes"
    );
}

#[test]
fn an_empty_name_cell_is_an_error() {
    let e = parse("n.csv", b"name,issuer\n,IBM\n").unwrap_err();
    assert_eq!(
        e.at,
        Location::Line {
            line: 2,
            column: Some("name".into())
        }
    );
    assert_eq!(e.problem, Problem::Missing("name"));
}

#[test]
fn other_bad_files() {
    let e = parse(
        "sjis.csv",
        include_bytes!("../../../tests/data/csv/shift-jis.csv"),
    )
    .unwrap_err();
    assert_eq!(
        e.at,
        Location::Line {
            line: 2,
            column: None
        }
    );
    assert!(matches!(e.problem, Problem::NotUtf8(_)));
    assert!(e.to_string().contains("CSV UTF-8"), "{e}");
    assert!(matches!(
        parse("u16.csv", b"\xFF\xFEn\0").unwrap_err().problem,
        Problem::NotUtf8(_)
    ));
    assert_eq!(parse("e.csv", b"").unwrap_err().problem, Problem::Empty);
    assert_eq!(
        parse("e.csv", b"\xEF\xBB\xBF\r\n").unwrap_err().problem,
        Problem::Empty
    );
    assert_eq!(
        parse("two.csv", b"name,Name\nx,y\n").unwrap_err().problem,
        Problem::DuplicateColumn("name".into())
    );
}

#[test]
fn a_header_only_file_imports_nothing() {
    let import = parse("h.csv", b"name,issuer\r\n").unwrap();
    assert!(import.records.is_empty() && import.skipped.is_empty());
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        let _ = parse("x.csv", &bytes);
    }

    #[test]
    fn arbitrary_cells_never_panic(
        body in "(name|effort|expires_on|retires_on|earned_on|url|[a-z ]{0,3})(,(name|effort|expires_on|retires_on|earned_on|[\" ]{0,2})){0,4}\r?\n([0-9a-zQH'/ :\\-\",\r\nデ]{0,20}\n){0,5}"
    ) {
        let _ = parse("x.csv", body.as_bytes());
    }
}
