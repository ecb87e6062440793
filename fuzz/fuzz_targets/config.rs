//! The configuration loader on arbitrary text: an error naming the problem, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(config) = sukima::config::Config::from_toml(text, std::path::Path::new("fuzz.toml")) {
        let _ = config.to_toml();
    }
});
