//! The Credly reader on arbitrary bytes: an error, never a panic. The input is split at
//! the first NUL byte into two "pages", so multi-page merging is exercised too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .splitn(2, |b| *b == 0)
        .enumerate()
        .map(|(i, page)| (format!("page{i}.json"), page.to_vec()))
        .collect();
    let _ = sukima::io::credly::parse(&files);
});
