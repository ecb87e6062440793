//! The Japanese words of [`Texts`].

mod deals;
mod imports;

use super::{DealTexts, Ja, Texts};
use crate::config::Language;
use crate::domain::badge::Badge;
use crate::domain::change::{CalendarImport, ChangeError, Done, Label, MoveWarning};
use crate::domain::dates::{month_day, ymd_hm};
use crate::domain::plan::{Outcome, Risk};
use crate::domain::quick_add::{Intent, ParseError, ParseErrorKind};
use crate::domain::session::LookupError;
use crate::domain::status::{Band, Status, countdown_days};
use crate::domain::validation::BadgeError;
use crate::domain::work::Idle;
use crate::io::InvalidRecord;
use crate::present::month::DayEventKind;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

/// Minutes as the TUI's compact duration (`1h30m`): the risk advice keeps the short form
/// the planner's columns were laid out for.
fn short(minutes: u32) -> String {
    crate::domain::duration::format_minutes(minutes)
}

impl Texts for Ja {
    fn language(&self) -> Language {
        Language::Ja
    }

    fn status_label(&self, b: &Badge, status: Status, today: NaiveDate) -> String {
        let word = match status {
            Status::Expired => "失効",
            Status::Retired => "廃止済",
            Status::Retiring => "廃止予定",
            Status::Expiring => "失効間近",
            Status::Active => "有効",
            Status::NoExpiry => "無期限",
            Status::Target => "目標",
        };
        match countdown_days(b, status, today) {
            Some(d) if d < 0 => format!("{word} {}日前", -d),
            Some(d) if status != Status::Target || b.goal_on.is_some() => format!("{word} {d}日"),
            _ => word.to_string(),
        }
    }

    fn risk_text(&self, o: &Outcome) -> String {
        let (due, release, short) = (o.due, o.release, short(o.shortfall));
        match (o.risk, o.finish) {
            (None, _) => String::new(),
            (Some(Risk::DuplicateKey), _) => "二重に登録されています".into(),
            (Some(Risk::DuePassed), _) => {
                format!("期限 {due} を過ぎています: 今から遅れて計画します")
            }
            (Some(Risk::DueBeforeRelease), _) => format!(
                "{release} より前には始められませんが、期限は {due} です: 目標日を設定してください"
            ),
            (Some(_), Some(r)) => format!("期限 {due} までに {short} 不足、準備完了は {r}"),
            (Some(_), None) => {
                format!("期限 {due} までに {short} 不足、計画の範囲では終わりません")
            }
        }
    }

    fn idle(&self, idle: &Idle) -> String {
        match idle {
            Idle::Archived => "アーカイブ済み: 計画しません".into(),
            Idle::LetLapse => "廃止予定、更新なし: そのまま失効させます".into(),
            Idle::ReplacedBy(k) => format!("廃止予定: 代わりに後継 #{k} を学習します"),
            Idle::ReplacementHeld(k) => format!("廃止予定: 後継 #{k} は取得済みです"),
            Idle::Expired => "失効済み: 取り直すには目標日を設定してください".into(),
            Idle::Retired => "廃止済".into(),
            Idle::NoExpiry => "無期限: 更新は不要です".into(),
            Idle::NoGoal => "目標日のない目標: 計画するには目標日を設定してください".into(),
        }
    }

    fn minutes(&self, minutes: u32) -> String {
        match (minutes / 60, minutes % 60) {
            (0, m) => format!("{m}分"),
            (h, 0) => format!("{h}時間"),
            (h, m) => format!("{h}時間{m}分"),
        }
    }

    fn weekday(&self, w: Weekday) -> &'static str {
        ["月", "火", "水", "木", "金", "土", "日"][w.num_days_from_monday() as usize]
    }

    fn month_abbr(&self, month: u32) -> &'static str {
        const JA: [&str; 12] = [
            "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
        ];
        JA[(month as usize + 11) % 12]
    }

    fn month_title(&self, first: NaiveDate) -> String {
        format!("{}年{}月", first.year(), first.month())
    }

    fn weekday_date(&self, d: NaiveDate) -> String {
        format!("{}({})", d.format("%Y-%m-%d"), self.weekday(d.weekday()))
    }

    fn weekday_date_time(&self, t: NaiveDateTime) -> String {
        format!("{} {}", self.weekday_date(t.date()), t.format("%H:%M"))
    }

    fn day_name(&self, d: NaiveDate, today: NaiveDate) -> String {
        if d == today {
            "今日".to_string()
        } else if Some(d) == today.succ_opt() {
            "明日".to_string()
        } else {
            format!("{}({})", month_day(d, today), self.weekday(d.weekday()))
        }
    }

    fn date(&self, d: NaiveDate, today: NaiveDate) -> String {
        let day = format!(
            "{}月{}日({})",
            d.month(),
            d.day(),
            self.weekday(d.weekday())
        );
        if d.year() == today.year() {
            day
        } else {
            format!("{}年{day}", d.year())
        }
    }

    fn legend_month(&self) -> [&'static str; 8] {
        [
            "失効",
            "更新開始",
            "廃止",
            "後継",
            "期限",
            "目標",
            "予定",
            "記録",
        ]
    }

    fn event_label(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Past) => "失効済み",
            DayEventKind::Expiry(_) => "失効",
            DayEventKind::RenewalOpens => "更新開始",
            DayEventKind::Retirement => "廃止",
            DayEventKind::ReplacementAvailable => "後継が受験可能",
            DayEventKind::Due => "期限",
            DayEventKind::Goal => "目標",
            DayEventKind::Deal => "案件",
        }
    }

    fn event_note(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Red) => "30日以内",
            DayEventKind::Expiry(Band::Yellow) => "60日以内",
            DayEventKind::Expiry(Band::Plain) => "90日以内",
            _ => "",
        }
    }

    fn intent(
        &self,
        intent: &Intent,
        badges: &[Badge],
        today: NaiveDate,
        _relative: bool,
    ) -> String {
        crate::present::intent::japanese(intent, badges, today)
    }

    fn parse_error(&self, e: &ParseError) -> String {
        match &e.kind {
            Some(ParseErrorKind::UnknownBadge { shown, close }) => {
                let keys: Vec<String> = close.iter().map(|k| format!("#{k}")).collect();
                match keys.split_last() {
                    None => format!(
                        "'{shown}' というバッジはありません (sukima badge list で一覧できます)"
                    ),
                    Some((only, [])) => {
                        format!("'{shown}' というバッジはありません: {only} のことですか？")
                    }
                    Some((last, rest)) => format!(
                        "'{shown}' というバッジはありません: {} または {last} のことですか？",
                        rest.join("、")
                    ),
                }
            }
            Some(ParseErrorKind::NoBadge) => {
                "バッジがありません: #キーか名前の一語を書いてください".into()
            }
            Some(ParseErrorKind::NoDuration) => {
                "時間がありません: 30m のように書いてください".into()
            }
            Some(ParseErrorKind::DurationNeedsUnit { shown, number }) => format!(
                "時間がありません: '{shown}' には {number}m や {number}分 のように単位が必要です"
            ),
            Some(ParseErrorKind::NotADuration { shown }) => format!(
                "時間がありません: '{shown}' は時間として読めません。30m、1h30m、1.5h のように書いてください"
            ),
            None => e.message.clone(),
        }
    }

    fn blackout_conflicts(&self, pinned: usize) -> String {
        format!("固定したセッション {pinned}件と重なります (残したまま sukima plan で警告します)")
    }

    fn done(&self, done: &Done) -> String {
        match done {
            Done::BadgeAdded { key, name } => format!("{key} ({name}) を追加しました"),
            Done::BadgeUpdated { old_key, key } if old_key == key => {
                format!("{key} を更新しました")
            }
            Done::BadgeUpdated { old_key, key } => {
                format!("{old_key} を更新しました (新しいキー: {key})")
            }
            Done::BadgeRenewed {
                key,
                earned,
                expires,
            } => format!(
                "{key} を{}にしました: 有効期限 {expires}",
                if *earned {
                    "取得済み"
                } else {
                    "更新済み"
                }
            ),
            Done::Archived {
                key,
                archived: true,
            } => format!("{key} をアーカイブしました"),
            Done::Archived {
                key,
                archived: false,
            } => format!("{key} をアーカイブから戻しました"),
            Done::BadgeDeleted {
                key,
                logs,
                pins,
                orphans,
            } => {
                let orphans = if orphans.is_empty() {
                    String::new()
                } else {
                    format!("。{} の後継はなくなりました", orphans.join("、"))
                };
                format!(
                    "{key} を記録 {logs}件、固定セッション {pins}件とともに削除しました{orphans}"
                )
            }
            Done::PrioritySet {
                keys,
                to,
                already: true,
            } => format!("{} はすでに優先度 {to} です", keys.join("、")),
            Done::PrioritySet { keys, to, .. } => {
                format!("{} の優先度を {to} にしました", keys.join("、"))
            }
            Done::WindowAdded {
                id,
                what,
                conflicts: 0,
            } => format!("時間枠 {id} を追加しました: {what}"),
            Done::WindowAdded {
                id,
                what,
                conflicts,
            } => format!(
                "時間枠 {id} を追加しました: {what}。{}",
                self.blackout_conflicts(*conflicts)
            ),
            Done::WindowUpdated { id, what } => format!("時間枠 {id} を更新しました: {what}"),
            Done::WindowDeleted { id } => format!("時間枠 {id} を削除しました"),
            Done::Unpinned {
                session: Some((badge, start)),
                ..
            } => format!(
                "{badge} の固定を外しました: {}",
                self.weekday_date_time(*start)
            ),
            Done::Unpinned { id, session: None } => {
                format!("セッション {id} の固定を外しました")
            }
            Done::Restored(c) => format!(
                "取り込みました: バッジ {}件、時間枠 {}件、記録 {}件、固定セッション {}件",
                c.badges, c.windows, c.log, c.pinned
            ),
            Done::BusyDeleted { source, events } => {
                format!("{source} から取り込んだ予定 {events}件を削除しました")
            }
            Done::CalendarImported(r) => imports::calendar_report(r),
            Done::Undone(label) => format!("元に戻しました: {}", self.label(label)),
            Done::Redone(label) => format!("やり直しました: {}", self.label(label)),
            Done::SessionDone {
                badge,
                start,
                minutes,
                ..
            } => format!(
                "{badge} を {} 学習しました ({})",
                self.minutes(*minutes),
                self.weekday_date_time(*start)
            ),
            Done::SessionSkipped { badge, start, end } => format!(
                "{badge} の {}-{} をスキップしました: その時間はふさがり、学習は別の時間に移ります",
                self.weekday_date_time(*start),
                end.format("%H:%M")
            ),
            Done::SessionMoved {
                badge,
                from,
                to,
                warning,
            } => {
                let warn = warning
                    .as_ref()
                    .map(|w| format!(" (競合: {})", self.move_warning(w)))
                    .unwrap_or_default();
                format!(
                    "{badge} を {} から {} に移して固定しました{warn}",
                    self.weekday_date_time(*from),
                    self.weekday_date_time(*to)
                )
            }
            Done::SessionNotDone { badge, start } => format!(
                "{badge} の {} は学習しなかったので、固定から外しました",
                self.weekday_date_time(*start)
            ),
            Done::LogEdited { id } => format!("記録 {id} を更新しました"),
            Done::LogDeleted {
                id,
                badge,
                date,
                minutes,
            } => format!(
                "記録 {id} ({date} {badge} {}) を削除しました",
                self.minutes(*minutes)
            ),
            Done::StepAdded { key, number, title } => {
                format!("{key} にステップ {number} を追加しました: {title}")
            }
            Done::StepUpdated {
                key,
                number,
                now,
                title,
            } if number == now => format!("{key} のステップ {number} を更新しました: {title}"),
            Done::StepUpdated {
                key,
                number,
                now,
                title,
            } => format!("{key} のステップ {number} を更新し、{now} に移しました: {title}"),
            Done::StepUnchanged { key, number } => {
                format!("{key} のステップ {number}: 変更はありません")
            }
            Done::StepMoved {
                key,
                from,
                to,
                title,
            } => format!("{key} のステップ {from} を {to} に移しました: {title}"),
            Done::StepMarked {
                key,
                number,
                title,
                done: false,
                ..
            } => format!("{key} のステップ {number} を未完了に戻しました: {title}"),
            Done::StepMarked {
                key,
                number,
                title,
                next,
                ..
            } => format!(
                "{key} のステップ {number} を完了しました: {title}。{}",
                next.as_ref().map_or_else(
                    || "すべてのステップが完了です".into(),
                    |(n, t)| format!("次は {n} {t}")
                )
            ),
            Done::StepDeleted { key, number, title } => {
                format!("{key} のステップ {number} を削除しました: {title}")
            }
            Done::DealAdded { .. }
            | Done::DealUpdated { .. }
            | Done::DealClosed { .. }
            | Done::DealDeleted { .. } => self.deal_done(done),
        }
    }

    fn label(&self, label: &Label) -> String {
        match label {
            Label::AddBadge(k) => format!("バッジ {k} の追加"),
            Label::EditBadge(k) => format!("バッジ {k} の編集"),
            Label::Renew(k) => format!("{k} の更新"),
            Label::Archive(k) => format!("{k} のアーカイブ"),
            Label::Restore(k) => format!("{k} のアーカイブ解除"),
            Label::DeleteBadge(k) => format!("バッジ {k} の削除"),
            Label::AddWindow(w) => format!("時間枠 {w} の追加"),
            Label::EditWindow(id) => format!("時間枠 {id} の編集"),
            Label::DeleteWindow(id) => format!("時間枠 {id} の削除"),
            Label::Log { duration, badge } => format!("{badge} への {duration} の記録"),
            Label::Pin {
                duration,
                badge,
                at,
            } => format!("{badge} の {duration} の固定 ({at})"),
            Label::Unpin(what) => format!("{what} の固定解除"),
            Label::ImportBackup => "バックアップの取り込み".into(),
            Label::DeleteBusy(s) => format!("取り込んだ予定 {s} の削除"),
            Label::ImportCalendar(s) => format!("カレンダー {s} の取り込み"),
            Label::Import(what) => format!("{what} の取り込み"),
            Label::SetPriority { keys, to } => format!("{keys} の優先度 {to} への変更"),
            Label::Done {
                duration,
                badge,
                at,
            } => format!("{badge} の {duration} の学習 ({at})"),
            Label::Skip { badge, at } => format!("{badge} のスキップ ({at})"),
            Label::Move { badge, from, to } => format!("{badge} の移動 ({from} → {to})"),
            Label::NotDone { badge, at } => format!("{badge} の未学習 ({at})"),
            Label::EditLog(id) => format!("記録 {id} の編集"),
            Label::DeleteLog(id) => format!("記録 {id} の削除"),
            Label::AddStep(k) => format!("{k} へのステップの追加"),
            Label::EditStep { key, number } => format!("{key} のステップ {number} の編集"),
            Label::MoveStep { key, number } => format!("{key} のステップ {number} の移動"),
            Label::MarkStep { key, done: true } => format!("{key} のステップの完了"),
            Label::MarkStep { key, done: false } => format!("{key} のステップの未完了への戻し"),
            Label::DeleteStep { key, number } => format!("{key} のステップ {number} の削除"),
            Label::AddDeal(_)
            | Label::EditDeal(_)
            | Label::CloseDeal { .. }
            | Label::DeleteDeal(_) => self.deal_label(label),
            Label::Other(text) => text.clone(),
        }
    }

    fn change_error(&self, e: &ChangeError) -> String {
        let unknown = |key: &str, close: &[String]| {
            if close.is_empty() {
                format!(
                    "キーが '{key}' のバッジはありません: `sukima badge list` で確認してください"
                )
            } else {
                format!(
                    "キーが '{key}' のバッジはありません: {} のことですか？",
                    close
                        .iter()
                        .map(|k| format!("'{k}'"))
                        .collect::<Vec<_>>()
                        .join(" または ")
                )
            }
        };
        match e {
            ChangeError::UnknownBadge { key, close } => unknown(key, close),
            ChangeError::UnknownReplacement { of, key, close } => {
                format!("'{of}' の --replaced-by: {}", unknown(key, close))
            }
            ChangeError::KeyTaken {
                key,
                renaming: false,
            } => {
                format!("キー '{key}' のバッジはすでにあります: --key で別のキーを指定してください")
            }
            ChangeError::KeyTaken {
                key,
                renaming: true,
            } => format!("キー '{key}' のバッジはすでにあります: 別のキーにしてください"),
            ChangeError::ReplacementLoop { chain } => format!(
                "--replaced-by が循環しています ({}): バッジは、他を経由しても自分自身の後継になれません",
                chain.join(" → ")
            ),
            ChangeError::ExpiryNotAfterToday { expires, today } => format!(
                "新しい有効期限 {expires} が今日 ({today}) より後ではありません: --expires に後の日付を指定してください"
            ),
            ChangeError::Retired { key, on } => format!(
                "{key} は {on} に廃止されました: もう更新できません (アーカイブするか、badge edit --retires で日付を直してください)"
            ),
            ChangeError::NeverExpires { key } => format!(
                "{key} は無期限です: 更新するものはありません (badge edit --expires で有効期限を設定してください)"
            ),
            ChangeError::AlreadyArchived {
                key,
                archived: true,
            } => format!("{key} はすでにアーカイブ済みです"),
            ChangeError::AlreadyArchived {
                key,
                archived: false,
            } => format!("{key} はアーカイブされていません: 戻すものはありません"),
            ChangeError::SameWindow { id, what } => {
                format!("同じ時間枠がすでに {id} にあります: {what}")
            }
            ChangeError::UnknownWindow { id } => {
                format!("ID {id} の時間枠はありません: `sukima window list` で確認してください")
            }
            ChangeError::UnknownPin { id } => format!("ID {id} の固定セッションはありません"),
            ChangeError::UnknownSource { name } => format!(
                "'{name}' という時間枠 ID やカレンダーの取り込みはありません: `sukima window list` で確認してください"
            ),
            ChangeError::AmbiguousSource { name, candidates } => format!(
                "'{name}' という名前のカレンダーの取り込みが複数あります: どれか一つを完全な名前で指定してください ({})",
                candidates.join(", ")
            ),
            ChangeError::Badge(e) => self.badge_error(e),
            ChangeError::NoMinutes { session: false } => "記録には時間が必要です (30m など)".into(),
            ChangeError::NoMinutes { session: true } => {
                "セッションには時間が必要です (30m など)".into()
            }
            ChangeError::PinClash {
                start,
                other_badge,
                other_start,
                other_end,
            } => format!(
                "{} は {other_badge} の固定セッション {}-{} と重なります: 別の時間にするか、先にそちらの固定を外してください",
                self.weekday_date_time(*start),
                other_start.format("%H:%M"),
                other_end.format("%H:%M")
            ),
            ChangeError::NotEmpty(c) => format!(
                "データベースにはすでにバッジ {}件、時間枠 {}件、記録 {}件があります: すべて置き換えるには --replace を付けてください",
                c.badges, c.windows, c.log
            ),
            ChangeError::NothingToUndo => "元に戻す変更はありません".into(),
            ChangeError::NothingToRedo => {
                "やり直す変更はありません (元に戻した変更だけをやり直せます)".into()
            }
            ChangeError::BadMinutes { minutes } => format!(
                "{minutes}分はセッションの長さになりません: 1〜1440分を指定してください (--minutes 30 など)"
            ),
            ChangeError::NoSession(e) => self.lookup_error(e),
            ChangeError::MoveRefused { to, why } => format!(
                "{}: {}: 別の時間にするか、--anyway を付けて競合として固定してください",
                ymd_hm(*to),
                self.move_warning(why)
            ),
            ChangeError::UnknownLog { id } => {
                format!("ID {id} の記録はありません: `sukima log --json` で確認してください")
            }
            ChangeError::LogInFuture { date } => {
                format!("{date} は今日より後です: 学習はした日に記録します")
            }
            ChangeError::UnknownPrerequisite { of, key, close } => {
                format!("'{of}' の --after: {}", unknown(key, close))
            }
            ChangeError::Prerequisite(e) => prereq_error(e),
            ChangeError::Step(e) => step_error(e),
            ChangeError::NoSteps { key } => format!(
                "{key} にはステップがありません: `sukima step add {key} \"タイトル\"` で追加してください"
            ),
            ChangeError::NoSuchStep { key, len, number } => format!(
                "{key} のステップは 1 から {len} までです ({number} はありません): `sukima step list {key}` で確認してください"
            ),
            ChangeError::StepPlace { key, max, number } => {
                format!("{key} の新しいステップは 1 から {max} の位置に置けます ({number} は不可)")
            }
            ChangeError::StepAlready {
                key,
                number,
                title,
                done,
            } => format!(
                "{key} のステップ {number} はすでに{}です: {title}",
                if *done { "完了" } else { "未完了" }
            ),
            ChangeError::AllStepsDone { key } => {
                format!("{key} のステップはすべて完了しています: 完了にするものはありません")
            }
            ChangeError::Invalid(text) => text.clone(),
            ChangeError::Deal(_)
            | ChangeError::UnknownDeal { .. }
            | ChangeError::DealKeyTaken { .. }
            | ChangeError::DealAlreadyClosed { .. } => self.deal_change_error(e),
        }
    }

    fn step_kind(&self, k: crate::domain::step::StepKind) -> &'static str {
        use crate::domain::step::StepKind as K;
        match k {
            K::Course => "講座",
            K::Assessment => "評価",
            K::Exam => "試験",
            K::Experience => "実務",
            K::Other => "その他",
        }
    }

    fn session_step(&self, s: &crate::domain::step::SessionStep) -> String {
        let head = format!("{} · {}/{}分", s.title, s.covered, s.estimate);
        match &s.then {
            Some(next) => format!("{head}、続けて {next}"),
            None => head,
        }
    }

    fn badge_error(&self, e: &BadgeError) -> String {
        imports::badge_error(e)
    }

    fn invalid_record(&self, r: &InvalidRecord) -> String {
        imports::invalid_record(r)
    }

    fn calendar_headline(&self, r: &CalendarImport) -> String {
        imports::calendar_headline(r)
    }

    fn undo_hint(&self) -> &'static str {
        " (`sukima undo` で元に戻せます)"
    }

    fn move_warning(&self, w: &MoveWarning) -> String {
        match w {
            MoveWarning::Past => "その時間は過ぎています".into(),
            MoveWarning::Blackout(label) if label.is_empty() => "その日は休みです".into(),
            MoveWarning::Blackout(label) => format!("その日は休みです ({label})"),
            MoveWarning::Busy => "その時間は予定があります".into(),
        }
    }

    fn lookup_error(&self, e: &LookupError) -> String {
        match e {
            LookupError::NotAName(text) => format!(
                "'{text}' に当たるセッションはありません: next か、2027-01-14T07:40 のような開始時刻で指定してください (`sukima session list`)"
            ),
            LookupError::NoneAt { at, next: Some(n) } if n.date() == at.date() => format!(
                "{} に始まるセッションはありません。次は {} です",
                ymd_hm(*at),
                n.format("%H:%M")
            ),
            LookupError::NoneAt { at, next: Some(n) } => format!(
                "{} に始まるセッションはありません。次は {} です",
                ymd_hm(*at),
                ymd_hm(*n)
            ),
            LookupError::NoneAt { at, next: None } => format!(
                "{} 以降に始まるセッションはありません (`sukima session list`)",
                ymd_hm(*at)
            ),
            LookupError::NoSessions => {
                "セッションがありません: 何も計画されていません (`sukima plan`)".into()
            }
        }
    }

    fn nothing_to_change(&self, key: &str) -> String {
        format!("{key}: 変更はありません")
    }

    fn needs_terminal(&self) -> &'static str {
        "プランナーには端末が必要です (標準入力と標準出力が端末ではありません): スクリプトでは `sukima agenda` や `sukima due` などのコマンドを使ってください (sukima --help)"
    }

    fn demo_not_kept(&self) -> &'static str {
        "(--demo: 使い捨てのデータベースです。何も保存されていません)"
    }

    fn no_database_yet(&self, path: &str) -> String {
        format!(
            "({path} にデータベースはまだありません: `sukima badge add` や `sukima import credly` などの最初の変更で作られます)"
        )
    }

    fn error_word(&self) -> &'static str {
        "エラー"
    }

    fn cal_today(&self) -> &'static str {
        "今日"
    }

    fn cal_no_events(&self) -> &'static str {
        "更新に関わる予定はありません。"
    }

    fn cal_no_events_in(&self, month: &str) -> String {
        format!("{month}は更新に関わる予定はありません。")
    }

    fn cal_study(&self, planned: &str, logged: &str) -> String {
        format!("今月の学習: 予定 {planned}、記録 {logged}。")
    }

    fn cal_study_short(&self, planned: &str, logged: &str) -> String {
        format!("予定 {planned}、記録 {logged}。")
    }
}

/// Why prerequisites cannot be, in Japanese.
pub fn prereq_error(e: &crate::domain::prereq::PrereqError) -> String {
    use crate::domain::prereq::PrereqError as E;
    match e {
        E::Unknown { key } => format!(
            "キーが '{key}' のバッジはありません: 前提はバッジのキーで指定してください (`sukima badge list`)"
        ),
        E::Archived { key } => {
            format!("'{key}' はアーカイブ済みです: 先に復元するか、--after から外してください")
        }
        E::Itself { key } => format!("バッジ '{key}' は自分自身の後にはできません"),
        E::Cycle { cycle } => format!(
            "前提が循環しています ({}): どれか一つを --after から外してください",
            cycle.join(" → ")
        ),
    }
}

/// Why a step cannot be written, in Japanese.
pub fn step_error(e: &crate::domain::step::StepError) -> String {
    use crate::domain::step::{MAX_TITLE_CHARS, StepError as E};
    match e {
        E::EmptyTitle => {
            "ステップにはタイトルが必要です (例: \"Module 2: Data governance\")".into()
        }
        E::TitleTooLong(n) => {
            format!(
                "ステップのタイトルが {n} 文字あります: {MAX_TITLE_CHARS} 文字以内にしてください"
            )
        }
        E::ControlCharacter(_) => {
            "ステップに制御文字 (タブ、改行、エスケープ) が含まれています: 取り除いてください"
                .into()
        }
        E::ZeroMinutes => {
            "見積もり 0 分は使えません: 45m のように指定するか、空欄にしてください".into()
        }
        E::TooManyMinutes(m) => {
            format!(
                "見積もり {m} 分は 1000 時間を超えています: 2h のような現実的な値にしてください"
            )
        }
        E::BadUrl(u) => {
            format!(
                "'{u}' はウェブのアドレスではありません: https:// か http:// で始まるものにしてください"
            )
        }
        E::UnknownKind(k) => format!(
            "'{k}' はステップの種類ではありません: course、assessment、exam、experience、other のどれかにしてください"
        ),
    }
}
