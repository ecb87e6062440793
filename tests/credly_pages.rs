//! Made-up Credly profiles of any size, for the fetch tests and the import benchmark
//! (`benches/input.rs` includes this file too).

/// `total` pages of `per` badges each in Credly's shape, as a profile serves them: the
/// first record of the fixture page with its id, name and dates changed, and the
/// pagination metadata.
pub fn pages(total: u64, per: u64) -> Vec<Vec<u8>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/credly/page1.json");
    let fixture: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let template = fixture["data"][0].clone();
    (1..=total)
        .map(|p| {
            let data: Vec<serde_json::Value> = (0..per)
                .map(|i| {
                    let n = (p - 1) * per + i;
                    let mut r = template.clone();
                    r["id"] = format!("00000000-0000-4000-8000-{n:012}").into();
                    r["badge_template"]["name"] = format!("Made-up Skill {n} Foundation").into();
                    r["issued_at_date"] = "2026-03-01".into();
                    r["expires_at_date"] = format!("2028-{:02}-15", n % 12 + 1).into();
                    r
                })
                .collect();
            serde_json::json!({
                "data": data,
                "metadata": {"count": per, "current_page": p, "total_count": total * per,
                             "total_pages": total, "per": per}
            })
            .to_string()
            .into_bytes()
        })
        .collect()
}
