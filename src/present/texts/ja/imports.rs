//! The Japanese words of imports: a calendar import's report, and why the one validation
//! refused a badge or a record. What the calendar reader says of a broken event or line
//! (its reason) is technical and stays as the reader wrote it.

use crate::domain::Source;
use crate::domain::badge::{KeyError, MAX_NAME_CHARS};
use crate::domain::change::{CalendarImport, LeftOut};
use crate::domain::validation::BadgeError;
use crate::io::merge::ImportPlan;
use crate::io::{CriteriaNote, ImportNote, InvalidRecord, SkipReason};
use crate::present::texts::{Ja, Texts};
use chrono::NaiveDate;

/// The whole report of a calendar import, as the English one is built.
pub(super) fn calendar_report(r: &CalendarImport) -> String {
    let named = CalendarImport::NAMED;
    let mut msg = if r.named_by_path() {
        format!("{} から予定 {}件を取り込みました", r.source, r.added)
    } else {
        format!(
            "{} から予定 {}件を「{}」として取り込みました",
            r.file, r.added, r.source
        )
    };
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
            .map(|b| format!("{}行目: {}", b.line, calendar_reason(&b.reason)))
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
    let reason = calendar_reason(&u.reason);
    match &u.uid {
        Some(uid) => format!("予定 \"{uid}\" ({}行目): {reason}", u.line),
        None => format!("UID のない予定 ({}行目): {reason}", u.line),
    }
}

/// Why the calendar reader left an event out, in Japanese: the reasons said in words; a
/// reason about a property's value (`DTSTART: '2027' is not a date-time …`) names the
/// iCalendar property and value, and stays as the reader wrote it.
fn calendar_reason(reason: &str) -> String {
    match reason {
        "it ends before it starts" => "終了が開始より前です".into(),
        "it has no DTSTART" => "DTSTART (開始) がありません".into(),
        "a line without ':'" => "':' のない行".into(),
        "an RDATE period ends before it starts" => "RDATE の期間の終了が開始より前です".into(),
        "DTSTART and DTEND must both be dates or both date-times" => {
            "DTSTART と DTEND は両方とも日付か、両方とも日時にしてください".into()
        }
        "an RDATE period must begin and end with the same kind of value" => {
            "RDATE の期間の始まりと終わりは同じ種類の値にしてください".into()
        }
        other => other.to_string(),
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

/// A badge import's report, as the English one is laid out.
pub(super) fn badge_import(ja: &Ja, plan: &ImportPlan, today: NaiveDate) -> String {
    let mut head = format!(
        "追加 {}件、更新 {}件、変更なし {}件、読み飛ばし {}件",
        plan.add.len(),
        plan.update.len(),
        plan.unchanged,
        plan.skipped.len()
    );
    if !plan.skipped.is_empty() {
        let mut counts: Vec<(SkipReason, usize)> = Vec::new();
        for s in &plan.skipped {
            match counts.iter_mut().find(|(r, _)| *r == s.reason) {
                Some((_, n)) => *n += 1,
                None => counts.push((s.reason.clone(), 1)),
            }
        }
        counts.sort();
        let parts: Vec<String> = counts
            .iter()
            .map(|(r, n)| format!("{} {n}件", skip_reason(r)))
            .collect();
        head.push_str(&format!(" ({})", parts.join("、")));
    }
    if !plan.vanished.is_empty() {
        head.push_str(&format!(
            "、ダウンロードから消えたもの {}件 (残します)",
            plan.vanished.len()
        ));
    }
    let mut lines = vec![head];
    for b in &plan.add {
        let expiry = b.expires_on.map_or_else(
            || "無期限".to_string(),
            |d| format!("有効期限 {}", ja.date(d, today)),
        );
        let issuer = if b.issuer.is_empty() {
            String::new()
        } else {
            format!(" ({})", b.issuer)
        };
        lines.push(format!(
            "  追加      #{}  {}{issuer}、{expiry}",
            b.key, b.name
        ));
    }
    for u in &plan.update {
        let changes: Vec<String> = u.changes.iter().map(ToString::to_string).collect();
        lines.push(format!(
            "  更新      #{}  {}: {}",
            u.new.key,
            u.old.name,
            changes.join(", ")
        ));
    }
    for s in &plan.skipped {
        let kept = s
            .existing_key
            .as_ref()
            .map(|k| format!("; #{k} はそのまま残します"))
            .unwrap_or_default();
        lines.push(format!(
            "  読み飛ばし {}: {} ({}){kept}",
            s.name,
            skip_reason(&s.reason),
            origin(&s.origin)
        ));
    }
    for b in &plan.vanished {
        lines.push(format!(
            "  消えた    #{}  {}: ダウンロードにありません。残します (もう数えないならアーカイブしてください)",
            b.key, b.name
        ));
    }
    for n in &plan.notes {
        lines.push(format!("  注意      {}", import_note(n)));
    }
    lines.join("\n")
}

fn skip_reason(r: &SkipReason) -> &'static str {
    match r {
        SkipReason::Revoked => "取り消し済み",
        SkipReason::Rejected => "辞退済み",
        SkipReason::Duplicate => "重複",
        SkipReason::Superseded => "古い版",
    }
}

/// A note of an import, in Japanese.
pub(super) fn import_note(n: &ImportNote) -> String {
    match n {
        ImportNote::UnknownState {
            origin: o,
            name,
            state,
        } => format!(
            "{} ({name}) の状態 \"{state}\" は sukima の知らないものです。取得済みとして取り込みました",
            origin(o)
        ),
        ImportNote::NoIssueDate {
            origin: o, name, ..
        } => format!(
            "{} ({name}) には発行日がありません。まだ取得していないものとして取り込みました",
            origin(o)
        ),
        ImportNote::ColumnsNotRead {
            file,
            columns,
            reads,
        } => format!(
            "{file}: 読まない列: {} (sukima が読むのは {})",
            columns.join(", "),
            reads.join(", ")
        ),
        ImportNote::MissingPages {
            total,
            shown,
            missing,
        } => {
            let shown: Vec<String> = shown.iter().map(ToString::to_string).collect();
            let more = if *missing > 5 { "、…" } else { "" };
            format!(
                "ダウンロードは {total}ページありますが、{}{more}ページ目がありません: 保存済みのバッジはそのページと照合していません。Credly から消えたバッジを知るには全ページを渡してください",
                shown.join("、")
            )
        }
        ImportNote::Criteria(c) => match c {
            CriteriaNote::Added { steps, badges } => {
                format!("取得条件からステップ {steps}件をバッジ {badges}件に追加しました")
            }
            CriteriaNote::Gone { key, steps } => format!(
                "#{key}: ステップ {steps}件が取得条件から消えました (消えた印を付けて残します)"
            ),
            CriteriaNote::NowAfter { key, after } => {
                format!("#{key} は #{after} の後になりました (取得条件が求めています)")
            }
            CriteriaNote::NotAfter { key, after, why } => format!(
                "#{key} は #{after} の後にしません: {}",
                super::prereq_error(why)
            ),
            CriteriaNote::Back { steps } => {
                format!("ステップ {steps}件が取得条件に戻りました")
            }
        },
        ImportNote::LookAlike {
            name,
            key,
            twin,
            source,
        } => format!(
            "\"{name}\" (新規、#{key}) は #{twin} ({}) と同じ名前です: 同じバッジならどちらかをアーカイブするか削除してください",
            source.as_str()
        ),
    }
}
