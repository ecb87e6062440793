//! The backup reader on arbitrary text: an error, never a panic; what it accepts
//! writes back out without a panic too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(backup) = sukima::io::backup::from_json(text, "fuzz.json", &|_| 600) {
        let _ = sukima::io::backup::to_json(&backup);
    }
});
