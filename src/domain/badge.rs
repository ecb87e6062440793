//! A badge: a credential held, or a target the user works toward.

pub mod fields;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// How much a badge matters when not everything fits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Planned last when time is short.
    Low,
    /// The default.
    #[default]
    Normal,
    /// Kept on time before any other.
    High,
}

impl Priority {
    /// The name as stored and typed.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "low" => Ok(Priority::Low),
            "normal" | "" => Ok(Priority::Normal),
            "high" => Ok(Priority::High),
            other => Err(format!(
                "'{other}' is not a priority: use low, normal or high"
            )),
        }
    }
}

/// Where a badge record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Typed by the user.
    #[default]
    Manual,
    /// A Credly `badges.json` download.
    Credly,
    /// A spreadsheet export.
    Csv,
    /// A sukima backup.
    Json,
    /// An Open Badges 2.0 assertion.
    Openbadges,
}

impl Source {
    /// The name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Manual => "manual",
            Source::Credly => "credly",
            Source::Csv => "csv",
            Source::Json => "json",
            Source::Openbadges => "openbadges",
        }
    }
}

impl FromStr for Source {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "manual" => Ok(Source::Manual),
            "credly" => Ok(Source::Credly),
            "csv" => Ok(Source::Csv),
            "json" => Ok(Source::Json),
            "openbadges" => Ok(Source::Openbadges),
            other => Err(format!("unknown source '{other}'")),
        }
    }
}

/// Every field of a badge (DESIGN section 1). Field names are the JSON names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Badge {
    /// Short unique handle, `[a-z0-9-]`.
    pub key: String,
    pub name: String,
    pub issuer: String,
    pub level: Option<String>,
    pub url: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// Empty for a target (not yet earned).
    pub earned_on: Option<NaiveDate>,
    /// Empty when it never expires.
    pub expires_on: Option<NaiveDate>,
    /// Start of the current renewal cycle, when it was renewed.
    pub renewed_on: Option<NaiveDate>,
    pub retires_on: Option<NaiveDate>,
    /// Key of the badge that replaces this one.
    pub replaced_by: Option<String>,
    /// For a target: the first date it can be studied for.
    pub available_on: Option<NaiveDate>,
    /// For a target: the date the user wants it by.
    pub goal_on: Option<NaiveDate>,
    /// Study needed in the current cycle.
    pub effort_minutes: u32,
    /// First date a renewal is possible; empty = expiry minus the issuer's window.
    pub renew_from: Option<NaiveDate>,
    pub priority: Priority,
    pub source: Source,
    pub source_id: Option<String>,
    pub archived: bool,
    /// Keys of the badges it requires first (its prerequisites), in the order given.
    #[serde(default)]
    pub after: Vec<String>,
}

impl Badge {
    /// A badge is held once earned; otherwise it is a target.
    pub fn is_held(&self) -> bool {
        self.earned_on.is_some()
    }

    /// The first day whose study counts toward this cycle's effort.
    pub fn cycle_start(&self) -> Option<NaiveDate> {
        self.renewed_on.or(self.earned_on)
    }

    /// The first day a renewal is possible, given the issuer's renewal window.
    pub fn renewal_opens(&self, window_days: u32) -> Option<NaiveDate> {
        self.renew_from.or_else(|| {
            self.expires_on
                .and_then(|e| e.checked_sub_days(chrono::Days::new(u64::from(window_days))))
        })
    }

    /// True when the vendor retires it on or before it would expire (or it never expires).
    pub fn retires_before_expiry(&self) -> bool {
        match (self.retires_on, self.expires_on) {
            (Some(r), Some(e)) => r <= e,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

/// Why a key is not acceptable.
pub fn validate_key(key: &str) -> Result<(), KeyError> {
    if key.is_empty() {
        return Err(KeyError::Empty);
    }
    if key.len() > MAX_KEY_LEN {
        return Err(KeyError::TooLong {
            key: key.to_string(),
            max: MAX_KEY_LEN,
        });
    }
    if !key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || key.starts_with('-')
        || key.ends_with('-')
    {
        return Err(KeyError::BadChar {
            key: key.to_string(),
        });
    }
    Ok(())
}

/// The longest key, in bytes (all ASCII).
pub const MAX_KEY_LEN: usize = 40;

/// Why a key is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("a key cannot be empty: use letters a-z, digits and '-'")]
    Empty,
    #[error("key '{key}' is too long: keep it under {max} characters")]
    TooLong { key: String, max: usize },
    #[error("key '{key}' has characters other than a-z, 0-9 and '-' (or starts or ends with '-')")]
    BadChar { key: String },
}

/// Derives a short readable key from a name: lowercase ASCII words joined by `-`, with
/// filler words and vendor names dropped and at most four words kept
/// ("IBM Cloud Pak for Data v4.x Administrator" → `cloud-pak-data-v4x`). Levels stay
/// ("AWS Certified Solutions Architect – Professional" → `solutions-architect-professional`,
/// beside `…-associate`); "Google Cloud" is a vendor name ("Google Cloud Professional Cloud
/// Architect" → `professional-cloud-architect`); `C++`, `C#` and `.NET` are spelt `cpp`,
/// `csharp` and `dotnet`. Kana are written in romaji (`データサイエンス基礎` →
/// `deetasaiensu`); a name with nothing to spell in Latin letters (all kanji) gives
/// `badge`. The caller makes it unique with [`distinct_keys`] (or [`unique_key`]).
pub fn derive_key(name: &str) -> String {
    let words = key_words(name);
    join_key(
        &words.iter().take(4).map(String::as_str).collect::<Vec<_>>(),
        32,
    )
}

/// The words of a name that a key is made of, in order, each once: lowercase ASCII,
/// filler words and vendor names left out (unless they are all there is).
fn key_words(name: &str) -> Vec<String> {
    const DROP: &[&str] = &[
        "a",
        "an",
        "and",
        "the",
        "for",
        "of",
        "on",
        "in",
        "with",
        "to",
        "ibm",
        "microsoft",
        "aws",
        "google",
        "certified",
        "certification",
        "badge",
    ];
    const KEEP_VENDOR_IF_ALONE: &[&str] = &["aws", "ibm", "google", "microsoft"];
    // Names of languages and platforms whose letters alone would lose them (C++ → c).
    const SPELLED: &[(&str, &str)] = &[
        ("c++", " cpp "),
        ("c#", " csharp "),
        ("f#", " fsharp "),
        (".net", " dotnet "),
    ];
    let mut folded: String = romanize_kana(name)
        .nfkd()
        .filter(char::is_ascii)
        .collect::<String>()
        .to_ascii_lowercase();
    for (from, to) in SPELLED {
        folded = replace_word(&folded, from, to);
    }
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut kept: Vec<String> = Vec::new();
    let mut previous = "";
    for w in &words {
        // "Google Cloud" is the vendor; a cloud named later ("Cloud Architect") stays.
        let vendor_cloud = w == "cloud" && previous == "google";
        if !DROP.contains(&w.as_str()) && !vendor_cloud && !kept.contains(w) {
            kept.push(w.clone());
        }
        previous = w;
    }
    if kept.is_empty() {
        kept = words
            .iter()
            .filter(|w| KEEP_VENDOR_IF_ALONE.contains(&w.as_str()) || !DROP.contains(&w.as_str()))
            .take(4)
            .cloned()
            .collect();
    }
    kept
}

/// `text` with `from` replaced by `to` where it stands as a word of its own (`.net`, not
/// the start of `.network`; `c++`, not the end of `abc++`).
fn replace_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back());
        let after = rest[at + from.len()..].chars().next();
        let alone = !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric());
        out.push_str(&rest[..at]);
        out.push_str(if alone { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// Words joined by `-`, cut between words at `max` characters (a first word longer than
/// that is cut itself); `badge` when there is none.
fn join_key(words: &[&str], max: usize) -> String {
    let mut key = String::new();
    for w in words {
        let extra = if key.is_empty() { w.len() } else { w.len() + 1 };
        if key.len() + extra > max {
            if key.is_empty() {
                key = w.chars().take(max).collect();
            }
            break;
        }
        if !key.is_empty() {
            key.push('-');
        }
        key.push_str(w);
    }
    if key.is_empty() {
        "badge".to_string()
    } else {
        key
    }
}

/// Keys for new badges named `names`, beside the stored badges `existing` (key, name),
/// whose keys never change. Each is its name's [`derive_key`], unless that key is shared
/// (by another of the new names, or by a stored badge holding it or a numbered copy of
/// it, or by one whose name gives the same key): then it is made of the words that tell the name apart from those others ("Software
/// Security Practitioner – Defending Java" and "– Defending C++" become
/// `software-security-practitioner-java` and `…-cpp`, not `…-defending` and
/// `…-defending-2`), after the first words of the name. A name no word tells apart (its
/// words are all in another's) keeps the plain key; only what is still taken after that
/// gets `-2`, `-3`…
pub fn distinct_keys(names: &[&str], existing: &[(&str, &str)]) -> Vec<String> {
    let words: Vec<Vec<String>> = names.iter().map(|n| key_words(n)).collect();
    let bases: Vec<String> = names.iter().map(|n| derive_key(n)).collect();
    let stored: Vec<(&str, Vec<String>, String)> = existing
        .iter()
        .map(|&(k, n)| (k, key_words(n), derive_key(n)))
        .collect();
    let mut used: HashSet<String> = existing.iter().map(|(k, _)| (*k).to_string()).collect();
    let mut out = Vec::with_capacity(names.len());
    for (i, base) in bases.iter().enumerate() {
        let peers: Vec<&[String]> = bases
            .iter()
            .enumerate()
            .filter(|&(j, b)| j != i && b == base)
            .map(|(j, _)| words[j].as_slice())
            .chain(
                stored
                    .iter()
                    .filter(|(k, _, b)| b == base || is_key_or_numbered(k, base))
                    .map(|(_, w, _)| w.as_slice()),
            )
            .collect();
        let key = if peers.is_empty() {
            base.clone()
        } else {
            told_apart(&words[i], &peers).unwrap_or_else(|| base.clone())
        };
        let key = unique_key(&key, |k| used.contains(k));
        used.insert(key.clone());
        out.push(key);
    }
    out
}

/// The key for one new badge named `name` beside the stored badges `existing`.
pub fn key_for(name: &str, existing: &[(&str, &str)]) -> String {
    distinct_keys(&[name], existing)
        .pop()
        .unwrap_or_else(|| "badge".to_string())
}

/// `key` is `base` or `base-N`.
fn is_key_or_numbered(key: &str, base: &str) -> bool {
    key == base
        || key
            .strip_prefix(base)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A key of `mine` that none of `peers` would have: the fewest of its words that some
/// peer lacks (chosen greedily, the word most peers lack first, then the later one, as
/// names go from the family to the particular: "… Technical Sales Intermediate"), after
/// the name's first words, all in the name's order, at most 40 characters. `None` when
/// no word of `mine` is missing from any peer.
fn told_apart(mine: &[String], peers: &[&[String]]) -> Option<String> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut left: Vec<&[String]> = peers.to_vec();
    while !left.is_empty() {
        let best = mine
            .iter()
            .enumerate()
            .filter(|(i, _)| !chosen.contains(i))
            .map(|(i, w)| (left.iter().filter(|p| !p.contains(w)).count(), i))
            .filter(|&(lacking, _)| lacking > 0)
            .max_by_key(|&(lacking, i)| (lacking, i));
        let Some((_, i)) = best else { break };
        chosen.push(i);
        left.retain(|p| p.contains(&mine[i]));
    }
    if chosen.is_empty() {
        return None;
    }
    let lead = 4usize.saturating_sub(chosen.len()).max(1);
    let mut keep: Vec<usize> = (0..mine.len())
        .filter(|i| !chosen.contains(i))
        .take(lead)
        .chain(chosen.iter().copied())
        .collect();
    keep.sort_unstable();
    // Within 40 characters: the first words give way before the telling ones.
    let length = |keep: &[usize]| {
        keep.iter()
            .map(|&i| mine[i].len() + 1)
            .sum::<usize>()
            .saturating_sub(1)
    };
    while length(&keep) > 40 {
        match keep.iter().rposition(|i| !chosen.contains(i)) {
            Some(p) => {
                keep.remove(p);
            }
            None => break,
        }
    }
    let words: Vec<&str> = keep.iter().map(|&i| mine[i].as_str()).collect();
    Some(join_key(&words, 40))
}

/// The name with each run of katakana written in romaji, set apart by spaces so it makes a
/// word of its own (`AWSクラウド基礎` → `AWS kuraudo 基礎`). Width is folded first, so
/// half-width katakana count too; kanji stay as they are (and are dropped later).
/// Hiragana is mostly particles and word endings beside kanji (`データの見える化`), so it
/// is written only in a name with no katakana or Latin letters to go by.
fn romanize_kana(name: &str) -> String {
    use wana_kana::ConvertJapanese;
    #[derive(Clone, Copy, PartialEq)]
    enum Kana {
        Hiragana,
        Katakana,
    }
    let kana = |c: char| match c {
        '\u{3041}'..='\u{3096}' | 'ゝ' | 'ゞ' => Some(Kana::Hiragana),
        '\u{30A1}'..='\u{30FA}' | 'ヽ' | 'ヾ' => Some(Kana::Katakana),
        _ => None,
    };
    // Sounds written with small vowels, which wana_kana spells letter by letter
    // (ファ → "fua", ティ → "tei").
    const PAIRS: &[(&str, &str)] = &[
        ("ヴァ", "va"),
        ("ヴィ", "vi"),
        ("ヴェ", "ve"),
        ("ヴォ", "vo"),
        ("ヴ", "vu"),
        ("ファ", "fa"),
        ("フィ", "fi"),
        ("フェ", "fe"),
        ("フォ", "fo"),
        ("フュ", "fyu"),
        ("ティ", "ti"),
        ("ディ", "di"),
        ("トゥ", "tu"),
        ("ドゥ", "du"),
        ("テュ", "tyu"),
        ("デュ", "dyu"),
        ("ウィ", "wi"),
        ("ウェ", "we"),
        ("ウォ", "wo"),
        ("クァ", "kwa"),
        ("グァ", "gwa"),
        ("ツァ", "tsa"),
        ("イェ", "ye"),
    ];
    let wide: String = name.nfkc().collect();
    let others = wide
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || kana(c) == Some(Kana::Katakana));
    let mut out = String::with_capacity(wide.len());
    let mut run = String::new();
    let mut run_kind = None;
    let flush = |run: &mut String, kind: Option<Kana>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        out.push(' ');
        if kind == Some(Kana::Katakana) || !others {
            let mut text = std::mem::take(run);
            for (pair, latin) in PAIRS {
                text = text.replace(pair, latin);
            }
            // A long-vowel mark after one of those repeats its vowel (ヴァー → vaa).
            let mut lengthened = String::with_capacity(text.len());
            for c in text.chars() {
                match lengthened.chars().next_back() {
                    Some(v @ ('a' | 'i' | 'u' | 'e' | 'o')) if c == 'ー' => lengthened.push(v),
                    _ => lengthened.push(c),
                }
            }
            let text = lengthened;
            // `ンア` is written `n'a`: one word.
            out.push_str(&text.to_romaji().replace('\'', ""));
            out.push(' ');
        }
        run.clear();
    };
    for c in wide.chars() {
        // The long-vowel mark belongs to the run it follows.
        let kind = match (c, run_kind) {
            ('ー', Some(k)) => Some(k),
            ('ー', None) => Some(Kana::Katakana),
            _ => kana(c),
        };
        if kind.is_some() && kind == run_kind {
            run.push(c);
            continue;
        }
        flush(&mut run, run_kind, &mut out);
        run_kind = kind;
        if kind.is_some() {
            run.push(c);
        } else {
            out.push(c);
        }
    }
    flush(&mut run, run_kind, &mut out);
    out
}

/// `base`, or `base-2`, `base-3`… whichever is not taken.
pub fn unique_key(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|k| !taken(k))
        .expect("an unbounded range always finds a free key")
}

/// The longest name a badge may have, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Whether `c` would reach the terminal as something other than text: a control
/// character (tab, newline, escape) or an invisible direction override.
pub(crate) fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from a file made printable on one line: control characters and direction
/// overrides become spaces, runs of white space one space, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || is_unprintable(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks a badge on its own: a valid key, a name, and dates that make sense together
/// (see [`crate::domain::validation`], where the whole validation lives).
///
/// # Errors
///
/// The first problem found.
pub fn check(b: &Badge) -> Result<(), crate::domain::validation::BadgeError> {
    crate::domain::validation::check(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_from_names() {
        for (name, key) in [
            (
                "IBM Cloud Pak for Data v4.x Administrator - Technical Sales Intermediate",
                "cloud-pak-data-v4x",
            ),
            (
                "AWS Certified Solutions Architect – Associate",
                "solutions-architect-associate",
            ),
            (
                "Microsoft Certified: Azure Administrator Associate",
                "azure-administrator-associate",
            ),
            (
                "Google Cloud Professional Cloud Architect",
                "professional-cloud-architect",
            ),
            ("データサイエンス基礎", "deetasaiensu"),
            ("ｸﾗｳﾄﾞ・プラクティショナー", "kuraudo-purakutishonaa"),
            (
                "セキュリティ・ファンダメンタルズ",
                "sekyuriti-fandamentaruzu",
            ),
            ("ソフトウェア開発", "sofutowea"),
            ("ヴァーチャル基礎", "vaacharu"),
            ("データの見える化", "deeta"),
            ("クラウドの基礎を学ぶ", "kuraudo"),
            ("はじめての あんぜん", "hajimeteno-anzen"),
            ("コンアクセス", "konakusesu"),
            ("AWSクラウド基礎", "kuraudo"),
            ("IBM きょうの テスト", "tesuto"),
            ("情報処理安全確保支援士", "badge"),
            ("Café Über", "cafe-uber"),
            ("AWS", "aws"),
            (
                "IBM watsonx.ai Technical Sales Intermediate Extraordinarily",
                "watsonxai-technical-sales",
            ),
        ] {
            assert_eq!(derive_key(name), key, "{name}");
            validate_key(&derive_key(name)).unwrap();
        }
    }

    proptest::proptest! {
        /// Any name, kana and long-vowel marks included, gives a valid key.
        #[test]
        fn every_derived_key_is_valid(
            name in "[a-zA-Z0-9 .・ーぁ-ゖァ-ヺｦ-ﾟ漢字ゝヽ'-]{0,40}|\\PC{0,40}"
        ) {
            let key = derive_key(&name);
            proptest::prop_assert!(validate_key(&key).is_ok(), "{name:?} gave {key:?}");
        }
    }

    /// Levels, vendor names and platforms in single names, as vendors spell them.
    #[test]
    fn keys_keep_the_words_that_say_what_a_badge_is() {
        for (name, key) in [
            (
                "AWS Certified Solutions Architect – Professional",
                "solutions-architect-professional",
            ),
            (
                "AWS Certified Solutions Architect – Associate",
                "solutions-architect-associate",
            ),
            ("AWS Certified Cloud Practitioner", "cloud-practitioner"),
            (
                "AWS Certified DevOps Engineer – Professional",
                "devops-engineer-professional",
            ),
            ("AWS Certified Security – Specialty", "security-specialty"),
            (
                "Google Cloud Certified Professional Cloud Architect",
                "professional-cloud-architect",
            ),
            (
                "Google Cloud Certified Associate Cloud Engineer",
                "associate-cloud-engineer",
            ),
            (
                "Google Cloud Professional Data Engineer",
                "professional-data-engineer",
            ),
            ("Google Cloud Digital Leader", "digital-leader"),
            (
                "Microsoft Certified: Azure Solutions Architect Expert",
                "azure-solutions-architect-expert",
            ),
            (
                "Microsoft Certified: Azure AI Fundamentals",
                "azure-ai-fundamentals",
            ),
            (
                "Microsoft Certified: Azure Developer Associate",
                "azure-developer-associate",
            ),
            (
                "Programming in C# (Exam 70-483)",
                "programming-csharp-exam-70",
            ),
            ("ASP.NET Core Developer", "aspnet-core-developer"),
            ("Developing on .NET 8", "developing-dotnet-8"),
            ("Cloud.Network Basics", "cloudnetwork-basics"),
        ] {
            assert_eq!(derive_key(name), key, "{name}");
        }
    }

    /// Families of badges whose names share their first words, as vendors publish them:
    /// each key says which one it is; a stored key never changes.
    #[test]
    fn families_get_keys_from_the_words_that_tell_them_apart() {
        for (names, stored, keys) in [
            (
                &[
                    "Software Security Practitioner - Defending Java",
                    "Software Security Practitioner - Defending General",
                    "Software Security Practitioner - Defending C++",
                    "Software Security Practitioner - Defending .NET",
                    "Software Security Practitioner - Defending Android",
                ][..],
                &[][..],
                &[
                    "software-security-practitioner-java",
                    "software-security-practitioner-general",
                    "software-security-practitioner-cpp",
                    "software-security-practitioner-dotnet",
                    "software-security-practitioner-android",
                ][..],
            ),
            (
                // One of the family already stored under the plain key: it keeps it.
                &["Software Security Practitioner - Defending C++"],
                &[(
                    "software-security-practitioner",
                    "Software Security Practitioner - Defending Java",
                )],
                &["software-security-practitioner-cpp"],
            ),
            (
                // Stored under a key of the user's: its name still counts.
                &["Software Security Practitioner - Defending C++"],
                &[(
                    "ssp-java",
                    "Software Security Practitioner - Defending Java",
                )],
                &["software-security-practitioner-cpp"],
            ),
            (
                &[
                    "IBM Cloud Pak for Data Technical Sales Foundation",
                    "IBM Cloud Pak for Data Technical Sales Intermediate",
                    "IBM Cloud Pak for Data Sales Foundation",
                ],
                &[],
                &[
                    "cloud-pak-data-foundation",
                    "cloud-pak-data-intermediate",
                    "cloud-pak-data-sales",
                ],
            ),
            (
                // The plain one's words are all in the other's: it keeps the plain key.
                &[
                    "IBM Cloud Pak for Data v4.x Administrator",
                    "IBM Cloud Pak for Data v4.x Administrator - Technical Sales Intermediate",
                ],
                &[],
                &["cloud-pak-data-v4x", "cloud-pak-data-intermediate"],
            ),
            (
                &["AWS Certified Solutions Architect – Professional"],
                &[(
                    "solutions-architect-associate",
                    "AWS Certified Solutions Architect – Associate",
                )],
                &["solutions-architect-professional"],
            ),
            (
                // The very same name twice: nothing tells them apart but a number.
                &["IBM Z Xplore - Concepts", "IBM Z Xplore - Concepts"],
                &[("z-xplore-concepts", "IBM Z Xplore - Concepts")],
                &["z-xplore-concepts-2", "z-xplore-concepts-3"],
            ),
            (
                // A numbered copy counts as the family too.
                &["Software Security Practitioner - Defending Android"],
                &[
                    (
                        "software-security-practitioner",
                        "Software Security Practitioner - Defending Java",
                    ),
                    (
                        "software-security-practitioner-2",
                        "Software Security Practitioner - Defending General",
                    ),
                ],
                &["software-security-practitioner-android"],
            ),
        ] {
            let got = distinct_keys(names, stored);
            assert_eq!(got, keys, "{names:?} beside {stored:?}");
            for k in &got {
                validate_key(k).unwrap();
            }
        }
    }

    proptest::proptest! {
        /// Whatever the names, the keys are valid, different from each other and from the
        /// stored ones.
        #[test]
        fn distinct_keys_are_valid_and_distinct(
            names in proptest::collection::vec("(Software Security|Cloud Pak) ?[A-Za-z+#. -]{0,30}", 0..8),
            stored in proptest::collection::vec(("[a-z]{1,3}(-[a-z]{1,3}){0,2}", "(Software Security|Cloud Pak) ?[A-Za-z+#. -]{0,30}"), 0..5),
        ) {
            let stored: Vec<(&str, &str)> = stored.iter().map(|(k, n)| (k.as_str(), n.as_str())).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let keys = distinct_keys(&names, &stored);
            proptest::prop_assert_eq!(keys.len(), names.len());
            let mut seen: HashSet<&str> = stored.iter().map(|(k, _)| *k).collect();
            for k in &keys {
                proptest::prop_assert!(validate_key(k).is_ok(), "{:?}", k);
                proptest::prop_assert!(seen.insert(k.as_str()), "{:?} twice in {:?}", k, keys);
            }
        }
    }

    #[test]
    fn unique_keys_count_up() {
        let taken = ["x", "x-2"];
        assert_eq!(unique_key("x", |k| taken.contains(&k)), "x-3");
        assert_eq!(unique_key("y", |k| taken.contains(&k)), "y");
    }

    #[test]
    fn key_rules() {
        assert!(validate_key("cp4d-admin").is_ok());
        for bad in ["", "CP4D", "a b", "-a", "a-", "鍵"] {
            assert!(validate_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_from_files_is_made_one_printable_line() {
        for (raw, clean) in [
            ("Plain name", "Plain name"),
            ("  two\n lines\r\n ", "two lines"),
            ("tab\there\u{1b}[31mRED", "tab here [31mRED"),
            ("right\u{202e}to left", "right to left"),
            ("データ\u{3000}サイエンス", "データ サイエンス"),
            ("\u{7}\u{0}", ""),
        ] {
            assert_eq!(one_line(raw), clean, "{raw:?}");
        }
    }

    #[test]
    fn check_refuses_control_characters_and_endless_names() {
        let ok = Badge {
            key: "k".into(),
            name: "Name".into(),
            issuer: "IBM".into(),
            notes: Some("line one\nline two".into()),
            ..Badge::default()
        };
        assert_eq!(check(&ok), Ok(()));
        for (bad, why) in [
            (
                Badge {
                    name: "tab\there".into(),
                    ..ok.clone()
                },
                "the name of badge 'k' holds a control character",
            ),
            (
                Badge {
                    issuer: "IBM\u{1b}[31m".into(),
                    ..ok.clone()
                },
                "the issuer of badge 'k' holds a control character",
            ),
            (
                Badge {
                    notes: Some("\u{1b}[2J".into()),
                    ..ok.clone()
                },
                "the notes of badge 'k' hold a control character",
            ),
            (
                Badge {
                    name: "x".repeat(MAX_NAME_CHARS + 1),
                    ..ok.clone()
                },
                "is 201 characters long",
            ),
        ] {
            let err = check(&bad).unwrap_err().to_string();
            assert!(err.contains(why), "{err}");
        }
    }
}
