//! The Japanese words of [`Texts`].

mod deals;
mod errors;
mod imports;

use super::{DealTexts, Ja, Texts};
use crate::config::Language;
use crate::domain::Priority;
use crate::domain::badge::fields::FieldError;
use crate::domain::badge::{Badge, KeyError};
use crate::domain::change::{CalendarImport, ChangeError, Done, Label, MoveWarning};
use crate::domain::dates::{hm, ymd_hm};
use crate::domain::plan::{Outcome, Risk};
use crate::domain::quick_add::{Intent, ParseError, ParseErrorKind};
use crate::domain::session::LookupError;
use crate::domain::spare::format_days;
use crate::domain::status::{Band, Status, countdown_days};
use crate::domain::validation::BadgeError;
use crate::domain::work::Idle;
use crate::io::InvalidRecord;
use crate::planning::conflicts::Reason;
use crate::planning::fixes::{Fix, NoFix};
use crate::present::month::DayEventKind;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

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

    fn risk_text(&self, o: &Outcome, today: NaiveDate) -> String {
        let (due, release, short) = (
            self.date(o.due, today),
            self.date(o.release, today),
            self.minutes(o.shortfall),
        );
        match (o.risk, o.finish) {
            (None, _) => String::new(),
            (Some(Risk::DuplicateKey), _) => "二重に登録されています".into(),
            (Some(Risk::DuePassed), _) => {
                format!("期限 {due} を過ぎています: 今から遅れて計画します")
            }
            (Some(Risk::DueBeforeRelease), _) => format!(
                "{release} より前には始められませんが、期限は {due} です: 目標日を設定してください"
            ),
            (Some(_), Some(r)) => format!(
                "期限 {due} までに {short} 不足、準備完了は {}",
                self.date(r, today)
            ),
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

    fn weekday_date(&self, d: NaiveDate, today: NaiveDate) -> String {
        self.date(d, today)
    }

    fn weekday_date_time(&self, t: NaiveDateTime, today: NaiveDate) -> String {
        format!(
            "{} {}",
            self.weekday_date(t.date(), today),
            t.format("%H:%M")
        )
    }

    fn day_name(&self, d: NaiveDate, today: NaiveDate) -> String {
        if d == today {
            "今日".to_string()
        } else if Some(d) == today.succ_opt() {
            "明日".to_string()
        } else {
            self.date(d, today)
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
            Some(kind) => quick_add_error(self, kind),
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
                "{key} を{}にしました: 有効期限 {}",
                if *earned {
                    "取得済み"
                } else {
                    "更新済み"
                },
                // What was done names no today: the expiry with its year.
                self.date(*expires, NaiveDate::MIN)
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
                deals,
            } => {
                let orphans = if orphans.is_empty() {
                    String::new()
                } else {
                    format!("。{} の後継はなくなりました", orphans.join("、"))
                };
                let deals = if deals.is_empty() {
                    String::new()
                } else {
                    format!("。案件 {} の必要バッジから外れました", deals.join("、"))
                };
                format!(
                    "{key} を記録 {logs}件、固定セッション {pins}件とともに削除しました{orphans}{deals}"
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
                self.weekday_date_time(*start, start.date())
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
                self.weekday_date_time(*start, start.date())
            ),
            Done::SessionSkipped { badge, start, end } => format!(
                "{badge} の {}-{} をスキップ。学習は別の時間に移ります",
                self.weekday_date_time(*start, start.date()),
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
                    self.weekday_date_time(*from, from.date()),
                    self.weekday_date_time(*to, to.date())
                )
            }
            Done::SessionNotDone { badge, start } => format!(
                "{badge} の {} は学習しなかったので、固定から外しました",
                self.weekday_date_time(*start, start.date())
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
                self.weekday_date_time(*start, start.date()),
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

    // The fixes and conflicts of the plan.

    fn fix_text(&self, f: &Fix, due: NaiveDate, today: NaiveDate) -> String {
        let due = self.date(due, today);
        match f {
            Fix::DailyCap { minutes } => {
                format!("1日の上限を {} に上げる", self.minutes(*minutes))
            }
            // The days and times as the quick-add grammar writes them, as typed.
            Fix::Window {
                days, start, end, ..
            } => format!(
                "{due} まで {} {}-{} に時間枠を足す",
                format_days(days),
                hm(*start),
                hm(*end)
            ),
            Fix::LowerPriority {
                badges,
                to,
                then_at_risk,
            } => {
                let cost = if then_at_risk.is_empty() {
                    String::new()
                } else {
                    format!("(代わりに {} が遅延リスク)", then_at_risk.join(", "))
                };
                format!(
                    "{} の優先度を {} に下げる{cost}",
                    badges.join(", "),
                    match to {
                        Priority::Low => "低",
                        Priority::Normal => "通常",
                        Priority::High => "高",
                    }
                )
            }
        }
    }

    fn no_fix(&self, why: NoFix, o: &Outcome, today: NaiveDate) -> String {
        let due = self.date(o.due, today);
        let need = self.minutes(o.remaining);
        match why {
            NoFix::DuePassed => format!("対策なし: 期限 {due} を過ぎています"),
            NoFix::DueBeforeRelease => {
                format!("対策なし: 始められる日より前の {due} が期限です: 目標日を設定してください")
            }
            NoFix::MoreThanTheDays => {
                format!("対策なし: {due} までの残り時間では {need} に足りません")
            }
            NoFix::CapNotTheLimit => {
                format!("上限を上げても間に合いません: {due} までのスキマ時間が足りません")
            }
            NoFix::CapFull => {
                format!("時間枠を足しても間に合いません: {due} までの日は1日の上限に達しています")
            }
            NoFix::NoFreeTimeOfDay => {
                format!("時間枠を足せません: {due} までの日に空いている時間帯がありません")
            }
            NoFix::WindowNotEnough => "4時間の時間枠を足しても間に合いません".into(),
            NoFix::AlreadyLowest => "優先度では救えません: すでに低優先度です".into(),
            NoFix::NoRival => format!(
                "優先度では救えません: {due} までに同等以上の優先度のバッジは学習していません"
            ),
            NoFix::RivalsNotEnough => {
                "優先度では救えません: 時間を使う全バッジを下げても間に合いません".into()
            }
        }
    }

    fn conflict_reason(&self, r: Reason) -> &'static str {
        match r {
            Reason::Blackout => "休止期間中",
            Reason::Busy => "予定と重複",
            Reason::DailyCap => "1日の上限超過",
            Reason::BeforeRelease => "更新期間の前",
            Reason::Done => "学習は完了済み",
        }
    }

    fn minutes_cells(&self) -> usize {
        9
    }

    fn list_date(&self, d: NaiveDate, today: NaiveDate) -> String {
        self.date(d, today)
    }

    fn short_date(&self, d: NaiveDate, today: NaiveDate) -> String {
        self.date(d, today)
    }

    fn list_separator(&self) -> &'static str {
        "、"
    }

    fn badge_import(&self, plan: &crate::io::merge::ImportPlan, today: NaiveDate) -> String {
        imports::badge_import(self, plan, today)
    }

    // Errors.

    fn config_error(&self, e: &crate::config::ConfigError) -> String {
        use crate::config::ConfigError as E;
        match e {
            E::Read { path, source } => format!(
                "設定ファイル {} を読めません: {}",
                path.display(),
                errors::io_reason(source.kind(), &source.to_string())
            ),
            E::Invalid { path, message } => format!(
                "設定ファイル {} に誤りがあります: {}",
                path.display(),
                errors::config_problem(message)
            ),
            E::Write { path, source } => format!(
                "設定ファイル {} に書き込めません: {}",
                path.display(),
                errors::io_reason(source.kind(), &source.to_string())
            ),
        }
    }

    fn store_error(&self, e: &crate::store::StoreError) -> String {
        errors::store_error(e)
    }

    fn file_error(&self, e: &crate::io::FileError) -> String {
        errors::file_error(e)
    }

    fn import_error(&self, e: &crate::io::ImportError) -> String {
        errors::import_error(e)
    }

    fn field_error(&self, e: &FieldError) -> String {
        match e {
            FieldError::NoName => "名前は必須です".into(),
            FieldError::Key(KeyError::Empty) => "キーを a-z・0-9・- で入力してください".into(),
            FieldError::Key(KeyError::TooLong { max, .. }) => {
                format!("キーは{max}文字以内にしてください")
            }
            FieldError::Key(KeyError::BadChar { .. }) => {
                "キーに使えるのは a-z・0-9・- だけです (先頭・末尾に - は不可)".into()
            }
            FieldError::Date { typed, .. } => format!(
                "'{typed}' は日付として読めません: 2027-03-31、2027、2027-Q1 などで入力してください"
            ),
            FieldError::Effort { typed, .. } => format!(
                "'{typed}' は時間として読めません: 90m、1h30m、6h、3時間 などで入力してください"
            ),
            FieldError::Priority { .. } => "優先度は low、normal、high のどれかです".into(),
        }
    }

    fn usage_error(&self, e: &crate::present::usage::UsageError) -> String {
        errors::usage_error(self, e)
    }

    fn date_error(&self, e: &crate::domain::dates::DateError) -> String {
        use crate::domain::dates::DateError as E;
        match e {
            E::NotADate(s) => format!("{s} という日付はありません"),
            E::Format(s) => format!(
                "'{s}' は日付ではありません: YYYY-MM-DD か、2027、2027-Q1、\"Q1 '27\"、2027-H1 のような期間で書いてください"
            ),
        }
    }

    fn duration_error(&self, e: &crate::domain::duration::DurationError) -> String {
        format!(
            "'{}' は時間の長さではありません: 30m、1h30m、1.5h、6h、3時間 のように書いてください",
            e.0
        )
    }

    fn fetch_error(&self, e: &crate::net::credly::FetchError) -> String {
        errors::fetch_error(e)
    }

    fn backup_error(&self, e: &crate::io::backup::BackupError) -> String {
        use crate::io::backup::{BackupError as E, OLDEST_VERSION, VERSION};
        match e {
            E::NotJson { file, detail } => {
                format!("{file} は JSON として読めません ({detail}): sukima のバックアップですか？")
            }
            E::NotABackup { file } => format!(
                "{file} は sukima のバックアップではありません (\"format\": \"sukima-backup\" がありません): `sukima export json` で作ってください"
            ),
            E::TooNew { file, version } => format!(
                "{file} はバージョン {version} のバックアップです。この sukima が読めるのはバージョン {OLDEST_VERSION} から {VERSION} までです: sukima を更新してください"
            ),
            // The record and field at fault, as the reader named them.
            E::Record(detail) => format!("バックアップを読めません ({detail})"),
        }
    }

    fn calendar_error(&self, e: &crate::io::ics::ImportError) -> String {
        match e {
            crate::io::ics::ImportError::NotICalendar { file, why } => {
                let why = match why.as_str() {
                    "it is UTF-16 text (save it as UTF-8)" => {
                        "UTF-16 のテキストです。UTF-8 で保存してください"
                    }
                    "the file is empty" => "空のファイルです",
                    "it looks like binary data" => "バイナリのデータのようです",
                    "it looks like JSON" => "JSON のようです",
                    "it looks like HTML or XML" => "HTML か XML のようです",
                    "it is a vCard (contacts), not a calendar" => {
                        "vCard (連絡先) で、カレンダーではありません"
                    }
                    "it does not begin with BEGIN:VCALENDAR" => {
                        "BEGIN:VCALENDAR で始まっていません"
                    }
                    other => other,
                };
                format!(
                    "{file} は iCalendar のファイルではありません ({why}): カレンダーを .ics として書き出し、それを取り込んでください"
                )
            }
        }
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

/// The quick-add errors beyond the commonest, in Japanese.
fn quick_add_error(ja: &Ja, kind: &ParseErrorKind) -> String {
    use crate::domain::quick_add::{Hint, Twice};
    match kind {
        ParseErrorKind::NeedsKey { shown } => {
            format!("'{shown}' の # の後にキーが必要です (例: #aws-saa)")
        }
        ParseErrorKind::NotATime { shown, at: true } => {
            format!("'{shown}' は時刻ではありません: @7:30 や @19:00 のように書いてください")
        }
        ParseErrorKind::NotATime { shown, at: false } if shown.starts_with("24") => {
            format!("'{shown}' は時刻ではありません: 時刻は 0:00 から 23:59 までです")
        }
        ParseErrorKind::NotATime { shown, at: false } => format!("'{shown}' は時刻ではありません"),
        ParseErrorKind::BadDuration { shown } => format!(
            "'{shown}' は時間の長さではありません: 30m、1h30m、1.5h、30分 のように書いてください"
        ),
        ParseErrorKind::NotADate { shown } => format!("{shown} という日付はありません"),
        ParseErrorKind::NotDays { shown } => format!(
            "'{shown}' は曜日の並びではありません: mon,wed,fri や 月,水,金 のように書いてください"
        ),
        ParseErrorKind::EmptyRange { shown } => {
            format!("'{shown}' は長さがありません: 終わりは始まりより後にしてください")
        }
        ParseErrorKind::Backwards {
            shown,
            fix: Some((a, b)),
        } => format!(
            "'{shown}' は始まりより前に終わります: {}-{} のことですか？",
            a.format("%-H:%M"),
            b.format("%-H:%M")
        ),
        ParseErrorKind::Backwards { shown, fix: None } => format!(
            "'{shown}' は始まりより前に終わります: 1日の中に収めてください (0時で分けてください)"
        ),
        ParseErrorKind::OpenQuote { quote, close } => {
            format!("引用符 {quote}… が閉じていません: メモの終わりに {close} を付けてください")
        }
        ParseErrorKind::TwoNotes => "メモが二つあります: 一つにしてください".into(),
        ParseErrorKind::Two {
            what,
            first,
            second,
        } => {
            let what = match what {
                Twice::Durations => "時間",
                Twice::Times => "時刻",
                Twice::Days => "日",
                Twice::Badges => "バッジ",
                Twice::DateRanges => "期間",
                Twice::SetsOfDays => "曜日",
                Twice::FirstDays => "開始日",
                Twice::LastDays => "終了日",
                Twice::Other => "指定",
            };
            format!("{what}が二つあります ('{first}' と '{second}'): 一つにしてください")
        }
        ParseErrorKind::NotABadge { shown } => format!(
            "'{shown}' はバッジではありません: #キーか名前の一語を書いてください"
        ),
        ParseErrorKind::Ambiguous { shown, keys } => {
            let mut shown_keys: Vec<String> = keys.iter().take(6).map(|k| format!("#{k}")).collect();
            if keys.len() > 6 {
                shown_keys.push(format!("ほか {}件", keys.len() - 6));
            }
            format!(
                "'{shown}' に合うバッジが {}件あります: {}。#キーで指定してください",
                keys.len(),
                shown_keys.join("、")
            )
        }
        ParseErrorKind::OnlyArchived { shown, keys } => match keys.as_slice() {
            [k] => format!(
                "'{shown}' に合うのはアーカイブ済みの #{k} だけです: 使うなら #{k} と書いてください"
            ),
            _ => format!(
                "'{shown}' に合うのはアーカイブ済みのバッジだけです ({}): 使うなら #キーで指定してください",
                keys.iter().map(|k| format!("#{k}")).collect::<Vec<_>>().join("、")
            ),
        },
        ParseErrorKind::NoBadgesYet { shown } => format!(
            "'{shown}' というバッジはありません: バッジがまだないので、先に追加してください"
        ),
        ParseErrorKind::TooFar { shown } => format!("'{shown}' は今日から離れすぎています"),
        ParseErrorKind::NothingToAdd => {
            "追加するものがありません: 30m #aws-saa、free sat 9:00-11:00、off tomorrow のように入力してください".into()
        }
        ParseErrorKind::NeedsTimeRange => {
            "時間帯を付けてください (例: sat 9:00-11:00、weekdays 7:10-7:40)".into()
        }
        ParseErrorKind::NeedsDay => {
            "日を付けてください (例: today、sat、2027-02-11、weekdays、daily)".into()
        }
        ParseErrorKind::NeedsDaysOff => {
            "休む日を付けてください (例: tomorrow、12/28..1/3)".into()
        }
        ParseErrorKind::ZeroDuration { shown } => {
            format!("'{shown}' では時間がありません: 1m 以上を記録してください")
        }
        ParseErrorKind::MoreThanADay { shown } => {
            format!("'{shown}' は1日より長いです: 1件は 24h 以内にしてください")
        }
        ParseErrorKind::SessionNeedsTime { day: None } => {
            "明日のセッションには時刻を付けてください (例: 7:30)".into()
        }
        ParseErrorKind::SessionNeedsTime { day: Some(d) } => format!(
            "{} のセッションには時刻を付けてください (例: 7:30)",
            ja.date(*d, *d)
        ),
        ParseErrorKind::NotUnderstood { shown, hint } => match hint {
            Hint::Note => format!(
                "'{shown}' は読み取れません: メモは -- の後か引用符の中に書いてください"
            ),
            Hint::DidYouMean(k) => format!("'{shown}' は読み取れません: {k} のことですか？"),
            Hint::TimeOrMinutes(n) => format!(
                "'{shown}' は読み取れません: 時刻なら {n}:00、分なら {n}m と書いてください"
            ),
            Hint::Minutes(n) => {
                format!("'{shown}' は読み取れません: 分なら {n}m と書いてください")
            }
        },
        ParseErrorKind::RepeatsWeekly { shown } => format!(
            "'{shown}' は毎週の繰り返しです: スキマ時間なら free で始めてください (例: free {shown} 7:10-7:40)"
        ),
        ParseErrorKind::SeveralDays { shown } => format!(
            "'{shown}' は複数の日です: 記録は1日ずつにしてください (休みは off で始めます)"
        ),
        ParseErrorKind::KeyNotWanted {
            shown,
            blackout: false,
        } => format!("'{shown}': スキマ時間はどのバッジにも使うので、キーは外してください"),
        ParseErrorKind::KeyNotWanted {
            shown,
            blackout: true,
        } => format!("'{shown}': 休みはすべての学習を止めるので、キーは外してください"),
        ParseErrorKind::NotNeeded { duration, range } => {
            format!("'{range}' があれば '{duration}' は要りません: 一つにしてください")
        }
        ParseErrorKind::PastMidnight { start, duration } => format!(
            "'{start}' から '{duration}' では0時を越えます: 時間枠は1日の中に収めてください"
        ),
        ParseErrorKind::NeedsEnd { shown } => {
            format!("'{shown}' には終わりが必要です: 9:00-11:00 のように範囲で書いてください")
        }
        ParseErrorKind::NeedsStart { shown } => {
            format!("'{shown}' には始まりが必要です: 9:00-11:00 のように範囲で書いてください")
        }
        ParseErrorKind::WholeDays { shown } => {
            format!("休みは丸一日単位です: '{shown}' を外してください")
        }
        ParseErrorKind::DaysBackwards { shown, from, to } => format!(
            "'{shown}' は始まり ({}) より前に終わります ({})",
            ja.date(*from, *from),
            ja.date(*to, *from)
        ),
        // Said by the arms of `Texts::parse_error`.
        ParseErrorKind::UnknownBadge { .. }
        | ParseErrorKind::NoBadge
        | ParseErrorKind::NoDuration
        | ParseErrorKind::DurationNeedsUnit { .. }
        | ParseErrorKind::NotADuration { .. } => String::new(),
    }
}
