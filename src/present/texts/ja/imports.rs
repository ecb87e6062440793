//! The Japanese words of imports: a calendar import's report, and why the one validation
//! refused a badge or a record. What the calendar reader says of a broken event or line
//! (its reason) is technical and stays as the reader wrote it.

use crate::domain::Source;
use crate::domain::badge::{KeyError, MAX_NAME_CHARS};
use crate::domain::change::{CalendarImport, LeftOut};
use crate::domain::validation::BadgeError;
use crate::io::InvalidRecord;

/// The whole report of a calendar import, as the English one is built.
pub(super) fn calendar_report(r: &CalendarImport) -> String {
    let named = CalendarImport::NAMED;
    let mut msg = format!(
        "{} から予定 {}件を「{}」として取り込みました",
        r.file, r.added, r.source
    );
    if r.replaced > 0 {
        msg.push_str(&format!("（前回の取り込み {}件を置き換え）", r.replaced));
    }
    if r.free_or_cancelled > 0 {
        msg.push_str(&format!(
            "、{}件は空き時間か取り消しのため読み飛ばし",
            r.free_or_cancelled
        ));
    }
    if r.outside_range > 0 {
        msg.push_str(&format!(
            "、{}件は今後 {}日の範囲外",
            r.outside_range, r.horizon_days
        ));
    }
    if r.superseded > 0 {
        msg.push_str(&format!(
            "、変更された予定の古い版 {}件を除外",
            r.superseded
        ));
    }
    if !r.unreadable.is_empty() {
        msg.push_str(&format!("、読めない予定 {}件を除外", r.unreadable.len()));
    }
    for u in r.unreadable.iter().take(named) {
        msg.push_str(&format!("\n  除外: {}", left_out(u)));
    }
    if r.unreadable.len() > named {
        msg.push_str(&format!(
            "\n  除外: ほかに読めない予定 {}件",
            r.unreadable.len() - named
        ));
    }
    if !r.bad_lines.is_empty() {
        let first: Vec<String> = r
            .bad_lines
            .iter()
            .take(named)
            .map(|b| format!("{}行目: {}", b.line, b.reason))
            .collect();
        let more = r.bad_lines.len().saturating_sub(named);
        msg.push_str(&format!(
            "\n  注意: 壊れた行 {}件は補って読みました ({}{})",
            r.bad_lines.len(),
            first.join("; "),
            if more > 0 {
                format!("; ほか {more}件")
            } else {
                String::new()
            }
        ));
    }
    for n in &r.notes {
        msg.push_str(&format!("\n  注意: {n}"));
    }
    msg
}

fn left_out(u: &LeftOut) -> String {
    match &u.uid {
        Some(uid) => format!("予定 \"{uid}\" ({}行目): {}", u.line, u.reason),
        None => format!("UID のない予定 ({}行目): {}", u.line, u.reason),
    }
}

/// The short line for the planner's status line.
pub(super) fn calendar_headline(r: &CalendarImport) -> String {
    let mut line = format!(
        "予定 {}件を「{}」として取り込みました",
        r.added,
        r.short_name()
    );
    if r.replaced > 0 {
        line.push_str(&format!("（{}件を置き換え）", r.replaced));
    }
    if !r.unreadable.is_empty() {
        line.push_str(&format!("、読めない予定 {}件を除外", r.unreadable.len()));
    }
    line
}

pub(super) fn badge_error(e: &BadgeError) -> String {
    match e {
        BadgeError::Key(KeyError::Empty) => "キーが空です: a-z・0-9・- で入力してください".into(),
        BadgeError::Key(KeyError::TooLong { key, max }) => {
            format!("キー '{key}' は長すぎます: {max}文字以内にしてください")
        }
        BadgeError::Key(KeyError::BadChar { key }) => format!(
            "キー '{key}' に a-z・0-9・- 以外の文字があります (先頭・末尾の - も使えません)"
        ),
        BadgeError::NoName { badge } => format!("バッジ '{badge}' には名前が必要です"),
        BadgeError::NameTooLong { badge, chars } => format!(
            "バッジ '{badge}' の名前は {chars}文字あります: {MAX_NAME_CHARS}文字未満にしてください"
        ),
        BadgeError::ControlCharacter { badge, field } => format!(
            "バッジ '{badge}' の{}に制御文字 (タブ・改行・エスケープ) があります: 取り除いて入力してください",
            field_name(field)
        ),
        BadgeError::ControlCharacterInNotes { badge } => format!(
            "バッジ '{badge}' のメモに制御文字 (タブ・エスケープ) があります: 取り除いて入力してください"
        ),
        BadgeError::UnknownIssuer {
            issuer,
            suggestions,
        } => {
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = suggestions.iter().map(|s| format!("「{s}」")).collect();
                format!("（{}のことですか？）", names.join("か"))
            };
            format!(
                "発行元「{issuer}」は未登録です{hint}: 設定済みの発行元 (`sukima config` を参照) を使うか、config.toml に [issuers.\"{}\"] を追加してください",
                issuer.to_lowercase()
            )
        }
        BadgeError::ReplacesItself { badge } => {
            format!("バッジ '{badge}' は自分自身の後継になれません")
        }
        BadgeError::AfterKey { error, .. } => {
            format!("--after: {}", badge_error(&BadgeError::Key(error.clone())))
        }
        BadgeError::AfterItself { badge } => {
            format!("バッジ '{badge}' は自分自身の後には置けません")
        }
        BadgeError::ExpiresBeforeEarned {
            badge,
            earned,
            expires,
        } => format!("バッジ '{badge}' の有効期限 ({expires}) が取得日 ({earned}) より前です"),
        BadgeError::RenewedBeforeEarned {
            badge,
            earned,
            renewed,
        } => format!("バッジ '{badge}' の更新日 ({renewed}) が取得日 ({earned}) より前です"),
        BadgeError::EarnedAfterToday { badge, earned } => format!(
            "バッジ '{badge}' の取得日 {earned} は今日より後です: まだ取得していないなら日付を空けてください"
        ),
        BadgeError::EffortTooLarge { badge } => {
            format!("バッジ '{badge}' の学習量が大きすぎます")
        }
        BadgeError::BadTag(tag) => format!("タグ '{tag}' は空白のない1語にしてください"),
    }
}

fn field_name(field: &str) -> &str {
    match field {
        "name" => "名前",
        "issuer" => "発行元",
        "level" => "レベル",
        "url" => "URL",
        other => other,
    }
}

pub(super) fn invalid_record(r: &InvalidRecord) -> String {
    let fix = match r.source {
        Source::Csv => "その行を直すか削除してから、もう一度取り込んでください",
        _ => "何も取り込んでいません",
    };
    format!("{}: {}; {fix}", origin(&r.origin), badge_error(&r.error))
}

/// Where a record was read, in Japanese: `badges.csv line 4` → `badges.csv 4行目`,
/// `page1.json record 3` → `page1.json 3件目`, as the readers name them.
fn origin(origin: &str) -> String {
    for (word, unit) in [
        (" line ", "行目"),
        (" record ", "件目"),
        (" assertion ", "件目"),
    ] {
        if let Some((file, n)) = origin.rsplit_once(word)
            && n.parse::<usize>().is_ok()
        {
            return format!("{file} {n}{unit}");
        }
    }
    origin.to_string()
}
