//! The table: every token kind, every meaning, every error, English and Japanese,
//! full-width input. `now` is Wednesday 2027-01-06 08:00.

use super::*;

/// Every case at [`now`] with [`badges`].
pub(super) fn cases() -> Vec<(&'static str, Want)> {
    let t = "2027-01-06";
    vec![
        // Durations, each form; no day and no time: a log ending now.
        ("30m #aws-saa", log(t, Some("07:30"), 30, "aws-saa")),
        ("45min #cp4d-admin", log(t, Some("07:15"), 45, "cp4d-admin")),
        ("1h #az-104", log(t, Some("07:00"), 60, "az-104")),
        ("1h30m #aws-saa", log(t, Some("06:30"), 90, "aws-saa")),
        ("1.5h #aws-saa", log(t, Some("06:30"), 90, "aws-saa")),
        ("90m #aws-saa", log(t, Some("06:30"), 90, "aws-saa")),
        ("2hours #aws-saa", log(t, Some("06:00"), 120, "aws-saa")),
        ("45 min #aws-saa", log(t, Some("07:15"), 45, "aws-saa")),
        ("#aws-saa 30m", log(t, Some("07:30"), 30, "aws-saa")),
        ("1時間 #az-104", log(t, Some("07:00"), 60, "az-104")),
        ("1時間30分 #az-104", log(t, Some("06:30"), 90, "az-104")),
        ("1時間半 #az-104", log(t, Some("06:30"), 90, "az-104")),
        ("1.5時間 #az-104", log(t, Some("06:30"), 90, "az-104")),
        ("30分 #az-104", log(t, Some("07:30"), 30, "az-104")),
        ("1h 30m #aws-saa", log(t, Some("06:30"), 90, "aws-saa")),
        ("1時間 30分 データ", log(t, Some("06:30"), 90, "ds-basic")),
        ("1 h 30 min #aws-saa", log(t, Some("06:30"), 90, "aws-saa")),
        (
            "60min 30m #aws-saa",
            err("two durations ('60min' and '30m'): keep one"),
        ),
        (
            "30m #aws-saa at 7 pm",
            pin("2027-01-06T19:00", 30, "aws-saa"),
        ),
        ("#aws-saa、30分", log(t, Some("07:30"), 30, "aws-saa")),
        (
            "30m aws, yesterday.",
            log("2027-01-05", None, 30, "aws-saa"),
        ),
        (
            "30m aws 2027",
            err("'2027' is not understood: a note goes after -- or in quotes"),
        ),
        (
            "30m aws 90",
            err("'90' is not understood: write 90m for minutes"),
        ),
        // Badges by words: case-, width-, accent-insensitive; Japanese substrings.
        ("30m aws", log(t, Some("07:30"), 30, "aws-saa")),
        ("30m azure", log(t, Some("07:30"), 30, "az-104")),
        ("30m AZURE admin", log(t, Some("07:30"), 30, "az-104")),
        ("30m aws-saa", log(t, Some("07:30"), 30, "aws-saa")),
        ("30m AWS SAA", log(t, Some("07:30"), 30, "aws-saa")),
        (
            "30m solutions architect",
            log(t, Some("07:30"), 30, "aws-saa"),
        ),
        ("30m Cloud Architect", log(t, Some("07:30"), 30, "gcp-pca")),
        ("30m az 104", log(t, Some("07:30"), 30, "az-104")),
        ("30m securite", log(t, Some("07:30"), 30, "secu-fr")),
        ("30m SÉCURITÉ réseau", log(t, Some("07:30"), 30, "secu-fr")),
        ("30m #AWS-SAA", log(t, Some("07:30"), 30, "aws-saa")),
        ("30分 データ", log(t, Some("07:30"), 30, "ds-basic")),
        (
            "30分 データサイエンス基礎",
            log(t, Some("07:30"), 30, "ds-basic"),
        ),
        ("90分 サイエンス", log(t, Some("06:30"), 90, "ds-basic")),
        ("30分 ﾃﾞｰﾀ", log(t, Some("07:30"), 30, "ds-basic")),
        // Full-width input from an IME.
        ("３０分　データ", log(t, Some("07:30"), 30, "ds-basic")),
        (
            "１時間 ＃cp4d-admin",
            log(t, Some("07:00"), 60, "cp4d-admin"),
        ),
        (
            "＃aws-saa ７：００ ３０ｍ",
            log(t, Some("07:00"), 30, "aws-saa"),
        ),
        // Days.
        ("30m #aws-saa today", log(t, Some("07:30"), 30, "aws-saa")),
        (
            "30m #aws-saa yesterday",
            log("2027-01-05", None, 30, "aws-saa"),
        ),
        ("yday 30m #aws-saa", log("2027-01-05", None, 30, "aws-saa")),
        (
            "30m #aws-saa tomorrow",
            err("add a time for a session tomorrow, like 7:30"),
        ),
        (
            "30m #aws-saa tomorrow 7:30",
            pin("2027-01-07T07:30", 30, "aws-saa"),
        ),
        ("30m #aws-saa mon", log("2027-01-04", None, 30, "aws-saa")),
        ("30m #aws-saa wed", log(t, Some("07:30"), 30, "aws-saa")),
        (
            "30m #aws-saa monday 7:30",
            pin("2027-01-11T07:30", 30, "aws-saa"),
        ),
        (
            "30m #aws-saa wed 9:00",
            pin("2027-01-06T09:00", 30, "aws-saa"),
        ),
        (
            "30m #aws-saa wed 7:30",
            pin("2027-01-13T07:30", 30, "aws-saa"),
        ),
        (
            "30m #aws-saa last fri 7:30",
            log("2027-01-01", Some("07:30"), 30, "aws-saa"),
        ),
        (
            "30m #aws-saa last wed",
            log("2026-12-30", None, 30, "aws-saa"),
        ),
        (
            "30m #aws-saa next wed",
            err("add a time for a session on Wed 2027-01-13, like 7:30"),
        ),
        (
            "30m #aws-saa next fri 7pm",
            pin("2027-01-08T19:00", 30, "aws-saa"),
        ),
        (
            "30m #aws-saa 2027-01-05",
            log("2027-01-05", None, 30, "aws-saa"),
        ),
        (
            "30m #aws-saa 2027/1/5",
            log("2027-01-05", None, 30, "aws-saa"),
        ),
        ("30m #aws-saa 1/5", log("2027-01-05", None, 30, "aws-saa")),
        ("30m #aws-saa 12/28", log("2026-12-28", None, 30, "aws-saa")),
        (
            "30m #aws-saa 1/10 7:30",
            pin("2027-01-10T07:30", 30, "aws-saa"),
        ),
        (
            "30m #aws-saa 1/10",
            err("add a time for a session on Sun 2027-01-10, like 7:30"),
        ),
        (
            "30m #aws-saa 2027-01-05 19:00",
            log("2027-01-05", Some("19:00"), 30, "aws-saa"),
        ),
        ("30m 昨日 #aws-saa", log("2027-01-05", None, 30, "aws-saa")),
        ("30分 今日 データ", log(t, Some("07:30"), 30, "ds-basic")),
        (
            "明日 7時 30分 データ",
            pin("2027-01-07T07:00", 30, "ds-basic"),
        ),
        ("30分 月曜 データ", log("2027-01-04", None, 30, "ds-basic")),
        (
            "30分 水曜日 #ds-basic",
            log(t, Some("07:30"), 30, "ds-basic"),
        ),
        ("昨日30分データ", log("2027-01-05", None, 30, "ds-basic")),
        (
            "一昨日 1時間 データ",
            log("2027-01-04", None, 60, "ds-basic"),
        ),
        (
            "1月5日 30分 データ",
            log("2027-01-05", None, 30, "ds-basic"),
        ),
        (
            "2027年1月5日 30分 データ",
            log("2027-01-05", None, 30, "ds-basic"),
        ),
        // Times.
        ("30m #aws-saa 7:00", log(t, Some("07:00"), 30, "aws-saa")),
        ("30m #aws-saa 07:00", log(t, Some("07:00"), 30, "aws-saa")),
        ("30m #aws-saa 19:00", pin("2027-01-06T19:00", 30, "aws-saa")),
        ("30m #aws-saa 7pm", pin("2027-01-06T19:00", 30, "aws-saa")),
        (
            "30m #aws-saa 7:30pm",
            pin("2027-01-06T19:30", 30, "aws-saa"),
        ),
        ("30m #aws-saa 7 pm", pin("2027-01-06T19:00", 30, "aws-saa")),
        (
            "30m #aws-saa 12am yesterday",
            log("2027-01-05", Some("00:00"), 30, "aws-saa"),
        ),
        ("30m #aws-saa @7:30", log(t, Some("07:30"), 30, "aws-saa")),
        ("30m #aws-saa @19", pin("2027-01-06T19:00", 30, "aws-saa")),
        ("30m #aws-saa at 6:15", log(t, Some("06:15"), 30, "aws-saa")),
        ("30m #aws-saa noon", pin("2027-01-06T12:00", 30, "aws-saa")),
        ("30m #aws-saa 8:00", pin("2027-01-06T08:00", 30, "aws-saa")),
        ("30分 7時 データ", log(t, Some("07:00"), 30, "ds-basic")),
        ("30分 7時30分 データ", log(t, Some("07:30"), 30, "ds-basic")),
        ("30分 7時半 データ", log(t, Some("07:30"), 30, "ds-basic")),
        (
            "30分 午後7時 データ",
            pin("2027-01-06T19:00", 30, "ds-basic"),
        ),
        (
            "明日午前7時30分 1時間 データ",
            pin("2027-01-07T07:30", 60, "ds-basic"),
        ),
        // Glued, 7時30分 is 7:30 (a time), not 7:00 and 30 minutes.
        ("明日7時30分データ", err("no duration: add one like 30m")),
        ("#aws-saa 7:00-7:45", log(t, Some("07:00"), 45, "aws-saa")),
        (
            "#aws-saa 45m 7:00-7:45",
            log(t, Some("07:00"), 45, "aws-saa"),
        ),
        // Notes.
        (
            "30m #aws-saa -- chapter 3 review",
            note_log(t, Some("07:30"), 30, "aws-saa", Some("chapter 3 review")),
        ),
        (
            "30m \"chapter 3\" #aws-saa",
            note_log(t, Some("07:30"), 30, "aws-saa", Some("chapter 3")),
        ),
        (
            "30分 データ 「第３章」",
            note_log(t, Some("07:30"), 30, "ds-basic", Some("第３章")),
        ),
        (
            "30分 データ ーー 第3章",
            note_log(t, Some("07:30"), 30, "ds-basic", Some("第3章")),
        ),
        (
            "X1h #aws-saa",
            err("no duration: 'X1h' is not one; write it like 30m, 1h30m or 1.5h"),
        ),
        // A log may not reach past now.
        ("30m #aws-saa 7:30", log(t, Some("07:30"), 30, "aws-saa")),
        (
            "1h #aws-saa 7:30",
            err(
                "1h from 07:30 ends at 08:30, after now: log 30m from 07:30, or leave out the time to log 1h ending now",
            ),
        ),
        (
            "１時間半 ＃ａｗｓ－ｓａａ ７：３０",
            err(
                "1h30m from 07:30 ends at 09:00, after now: log 30m from 07:30, or leave out the time to log 1h30m ending now",
            ),
        ),
        (
            "30m #aws-saa 19:00 -- ch 3",
            err(
                "\"ch 3\": a note goes with study done, and 2027-01-06 19:00 is still ahead; drop it",
            ),
        ),
        (
            "30m #aws-saa \"a\" -- b",
            err("two notes (\"a\" and \"b\"): keep one"),
        ),
        (
            "30m #aws-saa \"unclosed",
            err("the quote \"… is not closed: end the note with \""),
        ),
        // Archived badges: only by exact #key.
        (
            "30m #old-cert yesterday",
            log("2027-01-05", None, 30, "old-cert"),
        ),
        (
            "30m legacy java",
            err(
                "'legacy java' matches only the archived badge #old-cert: type #old-cert to use it",
            ),
        ),
        (
            "30m legacy",
            err(
                "'legacy' matches only archived badges (#old-cert, #old-web): type the #key to use one",
            ),
        ),
        // Limits and errors.
        (
            "30m #aws-saa @x",
            err("'@x' is not a time: write it like @7:30 or @19:00"),
        ),
        (
            "30m aws from 1/5",
            err("'from 1/5' bounds weekly spare time: start the line with free"),
        ),
        (
            "30m -",
            err("'-' is not a badge: add #key or a word of its name"),
        ),
        (
            "24h #aws-saa yesterday",
            log("2027-01-05", None, 1440, "aws-saa"),
        ),
        (
            "0m #aws-saa",
            err("'0m' is no time at all: log at least 1m"),
        ),
        (
            "25h #aws-saa",
            err("'25h' is more than a day: keep one entry to 24h or less"),
        ),
        (
            "30m awz",
            err("unknown badge 'awz': did you mean #aws-saa?"),
        ),
        (
            "30m cloud",
            err("'cloud' matches 3 badges: #cp4d-admin, #gcp-ace, #gcp-pca; use #key"),
        ),
        (
            "30m associate",
            err("'associate' matches 3 badges: #aws-saa, #az-104, #gcp-ace; use #key"),
        ),
        (
            "30m #awz",
            err("unknown badge '#awz': did you mean #aws-saa?"),
        ),
        (
            "30m #aws",
            err("unknown badge '#aws': did you mean #aws-saa?"),
        ),
        (
            "30m #gcp",
            err("unknown badge '#gcp': did you mean #gcp-ace or #gcp-pca?"),
        ),
        (
            "30m xyzzy",
            err(
                "unknown badge 'xyzzy': no badge's key or name is like it (sukima badge list shows them all)",
            ),
        ),
        ("#aws-saa", err("no duration: add one like 30m")),
        (
            "25 #aws-saa",
            err("no duration: '25' needs a unit, like 25m or 25分"),
        ),
        (
            "30m 1h #aws-saa",
            err("two durations ('30m' and '1h'): keep one"),
        ),
        ("30m #aws-saa 25:00", err("'25:00' is not a time")),
        ("30m #aws-saa 7:5", err("'7:5' is not a time")),
        ("30m #aws-saa 13pm", err("'13pm' is not a time")),
        ("30分 25時 データ", err("'25時' is not a time")),
        ("30m #aws-saa 2027-02-30", err("2027-02-30 is not a date")),
        ("30m #aws-saa 2/30", err("2/30 is not a date")),
        (
            "1.33h #aws-saa",
            err("'1.33h' is not a duration: write it like 30m, 1h30m, 1.5h or 30分"),
        ),
        (
            "-5m #aws-saa",
            err("'-5m' is not a duration: write it like 30m, 1h30m, 1.5h or 30分"),
        ),
        ("30m", err("no badge: add #key or a word of its name")),
        ("30m #", err("'#' needs a key after the #, like #aws-saa")),
        (
            "30m #aws-saa #az-104",
            err("two badges ('#aws-saa' and '#az-104'): keep one"),
        ),
        (
            "30m #aws-saa today yesterday",
            err("two days ('today' and 'yesterday'): keep one"),
        ),
        (
            "30m #aws-saa 7:00 9:00",
            err("two times ('7:00' and '9:00'): keep one"),
        ),
        (
            "#aws-saa 7:00-7:45 30m",
            err("'7:00-7:45' is 45m but '30m' is 30m: keep one"),
        ),
        (
            "30m #aws-saa tomorow",
            err("'tomorow' is not understood: did you mean tomorrow?"),
        ),
        (
            "30m aws tomorow",
            err("'tomorow' is not understood: did you mean tomorrow?"),
        ),
        (
            "30m #aws-saa chapter 3",
            err("'chapter 3' is not understood: a note goes after -- or in quotes"),
        ),
        (
            "30m #aws-saa architect",
            log(t, Some("07:30"), 30, "aws-saa"),
        ),
        (
            "30m #aws-saa 7",
            err("'7' is not understood: write 7:00 for a time or 7m for minutes"),
        ),
        (
            "30m aws 7",
            err("'7' is not understood: write 7:00 for a time or 7m for minutes"),
        ),
        (
            "30m aws next week",
            err("'next' needs a weekday after it, like next fri"),
        ),
        // Latin words match at word starts: 'tect' is not in "Architect".
        (
            "30m tect",
            err(
                "unknown badge 'tect': no badge's key or name is like it (sukima badge list shows them all)",
            ),
        ),
        (
            "30m arch",
            err("'arch' matches 2 badges: #aws-saa, #gcp-pca; use #key"),
        ),
        (
            "30m sun java",
            err(
                "'sun' is read as a day, but it is also in the name Sun Certified Java Programmer: write #sun-java for the badge, or last sun for the day",
            ),
        ),
        (
            "30m sun",
            err(
                "'sun' is read as a day, but it is also in the name Sun Certified Java Programmer: write #sun-java for the badge, or last sun for the day",
            ),
        ),
        ("30m #sun-java sun", log("2027-01-03", None, 30, "sun-java")),
        (
            "30m #aws-saa weekdays",
            err(
                "'weekdays' repeats every week: for spare time start the line with free, like free weekdays 7:10-7:40",
            ),
        ),
        (
            "30m #aws-saa 12/28..1/3",
            err("'12/28..1/3' is several days: log one day at a time (days off start with off)"),
        ),
        (
            "",
            err(
                "nothing to add: type something like 30m #aws-saa, free sat 9:00-11:00 or off tomorrow",
            ),
        ),
        // Spare time: weekly.
        (
            "free weekdays 7:10-7:40 commute",
            weekly("weekdays", "07:10", "07:40", None, None, "commute"),
        ),
        (
            "free mon,wed,fri 12:15-12:45 lunch",
            weekly("mon,wed,fri", "12:15", "12:45", None, None, "lunch"),
        ),
        (
            "free every sat 9:00-11:00",
            weekly("sat", "09:00", "11:00", None, None, ""),
        ),
        (
            "free daily 21:00-21:30",
            weekly("daily", "21:00", "21:30", None, None, ""),
        ),
        (
            "free every day 21:00-21:30 reading",
            weekly("daily", "21:00", "21:30", None, None, "reading"),
        ),
        (
            "free weekdays 7:10〜7:40 通勤",
            weekly("weekdays", "07:10", "07:40", None, None, "通勤"),
        ),
        (
            "free weekends 7:10~7:40",
            weekly("weekends", "07:10", "07:40", None, None, ""),
        ),
        (
            "free daily 19-21",
            weekly("daily", "19:00", "21:00", None, None, ""),
        ),
        (
            "free mon-fri 7:10-7:40",
            weekly("weekdays", "07:10", "07:40", None, None, ""),
        ),
        (
            "空き 毎週土曜 9時〜11時 ジム",
            weekly("sat", "09:00", "11:00", None, None, "ジム"),
        ),
        (
            "空き 平日 7:10-7:40 通勤電車",
            weekly("weekdays", "07:10", "07:40", None, None, "通勤電車"),
        ),
        (
            "空き 月・水・金 12時〜12時45分",
            weekly("mon,wed,fri", "12:00", "12:45", None, None, ""),
        ),
        (
            "free 土日 9時から11時まで",
            weekly("weekends", "09:00", "11:00", None, None, ""),
        ),
        (
            "free weekdays 7:10-7:40 2027-01-10..2027-03-31 commute",
            weekly(
                "weekdays",
                "07:10",
                "07:40",
                Some("2027-01-10"),
                Some("2027-03-31"),
                "commute",
            ),
        ),
        (
            "free weekdays 7:10-7:40 until 3/31",
            weekly("weekdays", "07:10", "07:40", None, Some("2027-03-31"), ""),
        ),
        (
            "free 1/10..1/14 9-10",
            weekly(
                "daily",
                "09:00",
                "10:00",
                Some("2027-01-10"),
                Some("2027-01-14"),
                "",
            ),
        ),
        // Spare time: one-off.
        (
            "free sat 9:00-11:00",
            once("2027-01-09", "09:00", "11:00", ""),
        ),
        ("free wed 9:00-10:00", once(t, "09:00", "10:00", "")),
        (
            "free wed 7:00-9:00",
            once("2027-01-13", "07:00", "09:00", ""),
        ),
        (
            "free 2027-02-11 13:00-17:00",
            once("2027-02-11", "13:00", "17:00", ""),
        ),
        (
            "free tomorrow 9-10",
            once("2027-01-07", "09:00", "10:00", ""),
        ),
        ("free sat 7-9pm", once("2027-01-09", "19:00", "21:00", "")),
        ("free sat 9:00 2h", once("2027-01-09", "09:00", "11:00", "")),
        (
            "free sat 9:00 - 11:00 \"soccer practice\"",
            once("2027-01-09", "09:00", "11:00", "soccer practice"),
        ),
        (
            "空き 明日 午後1時〜3時",
            once("2027-01-07", "13:00", "15:00", ""),
        ),
        (
            "free １/１０ ９：００－１１：００",
            once("2027-01-10", "09:00", "11:00", ""),
        ),
        // Spare time: errors.
        (
            "free weekdays 8:00-7:00",
            err("'8:00-7:00' ends before it starts: did you mean 8:00-19:00?"),
        ),
        (
            "free sat 9-5",
            err("'9-5' ends before it starts: did you mean 9:00-17:00?"),
        ),
        (
            "free weekdays 7:00-7:00",
            err("'7:00-7:00' is empty: the end must come after the start"),
        ),
        (
            "free sat 23:00-01:00",
            err(
                "'23:00-01:00' ends before it starts: keep it within one day (split it at midnight)",
            ),
        ),
        (
            "free 9-10",
            err("add a day: today, sat, 2027-02-11, weekdays or daily"),
        ),
        (
            "free sat",
            err("add a time range, like sat 9:00-11:00 or weekdays 7:10-7:40"),
        ),
        (
            "free sat 2h",
            err("'2h' needs a start: write a range like 9:00-11:00"),
        ),
        (
            "free sat 9-11 2h",
            err("'2h' is not needed with '9-11': keep one"),
        ),
        (
            "free sat 23:00 2h",
            err("'23:00' for '2h' runs past midnight: a window stays within one day"),
        ),
        (
            "free daily 21:00-24:00",
            err("'24:00' is not a time: times run from 0:00 to 23:59"),
        ),
        (
            "free mon,xyz 9-10",
            err("'mon,xyz' is not a list of days: write it like mon,wed,fri or 月,水,金"),
        ),
        (
            "free weekdays weekends 9-10",
            err("two sets of days ('weekdays' and 'weekends'): keep one"),
        ),
        (
            "free sat 9:00-11:00 9:00-10:00",
            err("two times ('9:00-11:00' and '9:00-10:00'): keep one"),
        ),
        (
            "free sat 9-11 until 3/1",
            err("'until 3/1' bounds weekly spare time; 'sat' is a single day: keep one"),
        ),
        (
            "free weekdays 7-8 1/10..1/20 until 3/1",
            err("two date ranges ('1/10..1/20' and 'until 3/1'): keep one"),
        ),
        (
            "free sat 9:00",
            err("'9:00' needs an end: write a range like 9:00-11:00"),
        ),
        (
            "free sat 9:00-11:00 #aws-saa",
            err("'#aws-saa': spare time is for any badge, so leave the key out"),
        ),
        (
            "free weekdays sat 9-10",
            err("two days ('weekdays' and 'sat'): keep one"),
        ),
        // Blackouts.
        (
            "off 2027-01-02..2027-01-05 new year",
            off("2027-01-02", "2027-01-05", "new year"),
        ),
        ("off tomorrow", off("2027-01-07", "2027-01-07", "")),
        ("off 12/28..1/3", off("2027-12-28", "2028-01-03", "")),
        (
            "休み 12/28〜1/3 年末年始",
            off("2027-12-28", "2028-01-03", "年末年始"),
        ),
        ("off fri", off("2027-01-08", "2027-01-08", "")),
        ("off today..fri trip", off(t, "2027-01-08", "trip")),
        (
            "off from 12/28 until 1/3",
            off("2027-12-28", "2028-01-03", ""),
        ),
        (
            "off 2027-01-05..2027-01-02",
            err("'2027-01-05..2027-01-02' ends (2027-01-02) before it starts (2027-01-05)"),
        ),
        ("off", err("add the days off, like tomorrow or 12/28..1/3")),
        ("off mon..fri", off("2027-01-04", "2027-01-08", "")),
        (
            "off tomorrow #aws-saa",
            err("'#aws-saa': a blackout stops all study, so leave the key out"),
        ),
        (
            "off weekends",
            err("'weekends' repeats: a blackout is one stretch of days, like 12/28..1/3"),
        ),
        (
            "off from 12/28",
            err("'from 12/28' needs the other end too, like from 12/28 until 1/3 or 12/28..1/3"),
        ),
        (
            "off tomorrow 13:00-17:00",
            err("blackouts are whole days: drop '13:00-17:00'"),
        ),
        (
            "off tomorrow fri",
            err("two days ('tomorrow' and 'fri'): for several days write tomorrow..fri"),
        ),
        ("off 2027-02-30", err("2027-02-30 is not a date")),
    ]
}
