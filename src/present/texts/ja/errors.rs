//! The Japanese words of the errors a person can meet beyond the refusals of changes: the
//! database, files and the badge files an import refuses. A detail a parser or the system
//! gave (a JSON parser's position, a CSV reader's complaint) stays in parentheses as it
//! was written.

use crate::domain::Source;
use crate::io::FileError;
use crate::io::import_error::{ImportError, Location, Problem};
use crate::net::credly::FetchError;
use crate::present::usage::UsageError;
use crate::store::StoreError;
use std::io::ErrorKind;

/// What the system said of a file, in Japanese when it is a common case.
pub(super) fn io_reason(kind: ErrorKind, text: &str) -> String {
    match kind {
        ErrorKind::NotFound => "ファイルがありません".into(),
        ErrorKind::PermissionDenied => "アクセスする権限がありません".into(),
        ErrorKind::IsADirectory => "フォルダーです".into(),
        ErrorKind::StorageFull => "ディスクがいっぱいです".into(),
        ErrorKind::ReadOnlyFilesystem => "読み取り専用の場所です".into(),
        _ => format!("システムのエラー ({text})"),
    }
}

pub(super) fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::NotSqlite { path } => format!(
            "{} は sukima のデータベースではありません (SQLite ではありません): --db で別のファイルを指定してください",
            path.display()
        ),
        StoreError::Foreign { path } => format!(
            "{} は別のプログラムの SQLite データベースです: --db で別のファイルを指定してください",
            path.display()
        ),
        StoreError::Corrupt { path, detail } => format!(
            "{} は壊れています ({detail}): バックアップから戻してください (sukima export json)",
            path.display()
        ),
        StoreError::TooNew {
            path,
            found,
            supported,
        } => format!(
            "{} は新しい sukima で書かれています (スキーマ {found}、この sukima は {supported} まで): sukima を更新してください",
            path.display()
        ),
        StoreError::Io { path, source } => format!(
            "{} を開けません: {}",
            path.display(),
            io_reason(source.kind(), &source.to_string())
        ),
        StoreError::Busy => {
            "データベースを使用中です (別の sukima が書き込んでいます): もう一度試してください"
                .into()
        }
        StoreError::Sqlite(e) => format!("データベースのエラー ({e})"),
    }
}

pub(super) fn file_error(e: &FileError) -> String {
    match e {
        FileError::Read { path, source } => format!(
            "{path} を読めません: {}",
            io_reason(source.kind(), &source.to_string())
        ),
        FileError::FolderToRead { path } => {
            format!("{path} はフォルダーです: その中のファイルを指定してください")
        }
        FileError::FolderToWrite { path, example } => {
            format!("{path} はフォルダーです: {example} のようにファイル名を指定してください")
        }
        FileError::NoFolder { path, folder } => {
            format!("{path} に書き込めません: フォルダー {folder} がありません")
        }
        FileError::Write { path, reason, kind } => {
            format!("{path} に書き込めません: {}", io_reason(*kind, reason))
        }
    }
}

fn location(at: &Location) -> String {
    match at {
        Location::File => String::new(),
        Location::Record {
            index,
            id: Some(id),
        } => format!("{index}件目 (id {id})"),
        Location::Record { index, id: None } => format!("{index}件目 (id なし)"),
        Location::Line { line, column: None } => format!("{line}行目"),
        Location::Line {
            line,
            column: Some(c),
        } => format!("{line}行目、列 {c}"),
    }
}

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotJson(e) => format!("JSON ではありません ({e})"),
        Problem::WrongShape { found, .. } => {
            format!("想定した形のファイルではありません ({found})")
        }
        Problem::Missing(field) => format!("{field} がありません"),
        Problem::BadDate { field, value } => format!("{field} の \"{value}\" は日付ではありません"),
        Problem::BadDuration(v) => format!("\"{v}\" は時間の長さではありません"),
        Problem::NotUtf8(what) => format!("UTF-8 のテキストではありません ({what})"),
        Problem::MissingColumn { column, found } => {
            let mut s = format!("\"{column}\" の列がありません");
            if !found.is_empty() {
                s.push_str(&format!(" (列: {})", found.join(", ")));
            }
            s
        }
        Problem::DuplicateColumn(c) => format!("\"{c}\" の列が二つあります"),
        Problem::Empty => "空です".into(),
        Problem::Csv(e) => format!("CSV として読めません ({e})"),
    }
}

fn fix(e: &ImportError) -> &'static str {
    let credly = e.source == Source::Credly;
    match &e.problem {
        Problem::NotJson(_) | Problem::WrongShape { .. } if credly => {
            "ブラウザで https://www.credly.com/users/<name>/badges.json を開き、JSON そのものを保存してください (Firefox の JSON 表示なら「保存」)。全ページを保存してください"
        }
        Problem::NotJson(_) | Problem::WrongShape { .. } => {
            "バッジの画像やウェブページではなく、アサーションの JSON (\"type\": \"Assertion\" のオブジェクト) を渡してください"
        }
        Problem::Missing(_) if e.source == Source::Csv => "記入するか、その行を削除してください",
        Problem::Missing(_) if credly => {
            "ファイルが編集されたか壊れているようです: Credly からページをもう一度ダウンロードしてください"
        }
        Problem::Missing(_) => {
            "アサーションがバッジや発行元にリンクしているなら、それらの JSON ファイルも渡してください"
        }
        Problem::BadDate { .. } if e.source == Source::Csv => {
            "日付は 2027-01-31 のように YYYY-MM-DD で書いてください"
        }
        Problem::BadDate { .. } if credly => {
            "Credly は正しい YYYY-MM-DD の日付を書くので、ファイルが編集されたか壊れているようです: ページをもう一度ダウンロードしてください"
        }
        Problem::BadDate { .. } => {
            "発行元は ISO 8601 の日付を書くので、ファイルが編集されたか壊れているようです: もう一度ダウンロードしてください"
        }
        Problem::BadDuration(_) => "学習時間は 90m、1h30m、6h のように書くか、空欄にしてください",
        Problem::NotUtf8(_) => "表計算ソフトから「CSV UTF-8」で保存してください",
        Problem::MissingColumn { .. } | Problem::Empty => {
            "1行目に列の名前を書いてください: name (必須)、issuer、earned_on、expires_on、retires_on、effort、url、notes"
        }
        Problem::DuplicateColumn(_) => "その名前の列は一つにしてください",
        Problem::Csv(_) => {
            "その行の引用符を確かめてください: 引用符で始まるセルは引用符で終わる必要があります"
        }
    }
}

pub(super) fn import_error(e: &ImportError) -> String {
    let at = match e.at {
        Location::File => format!("{}: {}", e.file, problem(&e.problem)),
        _ => format!("{} {}: {}", e.file, location(&e.at), problem(&e.problem)),
    };
    format!("{at}; {}", fix(e))
}

pub(super) fn usage_error(ja: &super::Ja, e: &UsageError) -> String {
    use super::Texts;
    match e {
        UsageError::NowNotATime(t) => {
            format!("--now '{t}' は日時ではありません: YYYY-MM-DDTHH:MM で書いてください")
        }
        UsageError::NoHome => {
            "データベースを置くホームフォルダーが見つかりません: --db PATH で指定してください".into()
        }
        UsageError::NoConfigFolder => {
            "このシステムには設定フォルダーがありません: --config PATH で指定してください".into()
        }
        UsageError::NotAMonth(t) => {
            format!("--month '{t}' は月ではありません: 2027-01 のように YYYY-MM で書いてください")
        }
        UsageError::NotADay(t) => format!(
            "--since '{t}' は日付ではありません: YYYY-MM-DD、today、yesterday、7d (過去7日) のように書いてください"
        ),
        UsageError::NotAStatus { typed, all } => format!(
            "--status: '{typed}' は状態ではありません: {} のどれかにしてください",
            all.join("、")
        ),
        UsageError::EmptyName => "--name を空にはできません".into(),
        UsageError::ExpiresNeedsDate => {
            "--expires には 2028-01-31 のように日付が必要です".into()
        }
        UsageError::NeedsName => {
            "バッジには名前が必要です: `sukima badge add \"AWS Certified Cloud Practitioner\"` のように指定してください".into()
        }
        UsageError::EarnedAfterToday(d) => format!(
            "--earned {d} は今日より後です: まだ取得していないバッジなら省いてください"
        ),
        UsageError::Date { flag, error } => format!("--{flag}: {}", ja.date_error(error)),
        UsageError::Duration { flag, error } => {
            format!("--{flag}: {}", ja.duration_error(error))
        }
        UsageError::StartNotATime(t) => {
            format!("--start '{t}' は時刻ではありません: HH:MM で書いてください")
        }
        UsageError::NotMinutes(t) => {
            format!("--minutes '{t}' は分数ではありません: 45 や 1h30m のように書いてください")
        }
        UsageError::NameLooksLikeId(n) => format!(
            "'{n}' は取り込みの名前にできません (時間枠の ID に見えます): --name で名前を付けてください"
        ),
        UsageError::IsABackup(f) => format!(
            "{f} は sukima のバックアップです: `sukima import json {f} --replace` で戻してください"
        ),
        UsageError::NoFileNamed => {
            "ファイルが指定されていません: ~/Downloads/badges.json のようにパスを入力してください".into()
        }
        UsageError::NotACredlyPage(f) => format!(
            "{f} は Credly のダウンロードのページではありません: まとめて取り込めるのはそれだけです。単独で取り込んでください"
        ),
        UsageError::NoStdinInPlanner => {
            "プランナーは標準入力を読めません: ファイルのパスを指定してください".into()
        }
        UsageError::NoFileMatches(w) => format!("{w} に合うファイルはありません"),
        UsageError::NotUtf8(f) => {
            format!("{f} は UTF-8 のテキストではありません: 正しいファイルですか？")
        }
    }
}

/// What is wrong in a config file, from the reader's message: the position of a TOML
/// syntax error and the key of a bad value in Japanese, the parser's own detail kept in
/// parentheses as it wrote it.
pub(super) fn config_problem(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("TOML parse error at line ")
        && let Some((line, rest)) = rest.split_once(", column ")
    {
        let (column, detail) = rest.split_once(' ').unwrap_or((rest, ""));
        return format!("{line}行{column}列目が TOML として読めません ({detail})");
    }
    if let Some((detail, key)) = message.rsplit_once(" in `")
        && let Some(key) = key.strip_suffix('`')
    {
        if let Some(rest) = detail.strip_prefix("unknown variant `")
            && let Some((typed, rest)) = rest.split_once('`')
            && let Some(list) = rest.strip_prefix(", expected one of ")
        {
            let list = list.replace(", ", "、");
            return format!("`{key}` に `{typed}` は使えません: {list} のどれかにしてください");
        }
        return format!("`{key}` の値が正しくありません ({detail})");
    }
    message.to_string()
}

/// A Credly profile that could not be fetched, in Japanese; nothing was imported in any
/// case. The detail a connection or the answer gave stays in parentheses.
pub(super) fn fetch_error(e: &FetchError) -> String {
    const NOTHING: &str = "何も取り込んでいません";
    match e {
        FetchError::BadProfile { text, why } => format!(
            "'{text}' は Credly のユーザー名でもプロフィールのアドレスでもありません ({why}): https://www.credly.com/users/NAME の NAME か、そのアドレスを指定してください"
        ),
        FetchError::BadSetting { var, value, why } => {
            format!("{var}='{value}' は使えません ({why})")
        }
        FetchError::NotFound { user, url } => format!(
            "公開されている Credly プロフィール '{user}' はありません ({url} が 404 を返しました): プロフィールのアドレスの名前と、公開設定を確かめてください"
        ),
        FetchError::Private { user, url, status } => format!(
            "Credly プロフィール '{user}' は非公開です ({url} が {status} を返しました): Credly のプライバシー設定で公開するか、ブラウザでページを保存してそのファイルを取り込んでください"
        ),
        FetchError::Status { url, status } => {
            let why = match status {
                429 => "リクエストが多すぎます。数分待ってください",
                500..=599 => "Credly のサーバーのエラーです",
                300..=399 => "たどれないリダイレクトです",
                _ => "想定外の応答です",
            };
            format!("{url} が {status} を返しました ({why}): {NOTHING}。後でもう一度試してください")
        }
        FetchError::Timeout { url, limit } => format!(
            "{url} から {} 秒以内に応答が揃いませんでした: {NOTHING}。ネットワークを確かめてもう一度試してください",
            limit.as_secs_f64()
        ),
        FetchError::Unreachable { host, why } => {
            format!("{host} に接続できません ({why}): ネットワークを確かめてください ({NOTHING})")
        }
        FetchError::Broken { url, why } => {
            format!("{url} からの応答が途中で切れました ({why}): {NOTHING}。もう一度試してください")
        }
        FetchError::NotCredly { url, found } => format!(
            "{url} から届いたのは Credly のバッジの JSON ではありません ({found}): {NOTHING}。Credly のアドレスですか？"
        ),
        FetchError::TooLarge { url } => format!(
            "{url} から1ページとして大きすぎるデータが届きました: Credly のページではありません。{NOTHING}"
        ),
        FetchError::BadPages { url, what } => {
            format!("{url} のページ分けが Credly のものと合いません ({what}): {NOTHING}")
        }
    }
}
