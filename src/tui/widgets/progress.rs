//! A progress bar in text: `███████░░░ 3h/5h`.

/// `cells` wide bar of `done` out of `total` (full when total is zero).
pub fn bar(done: u32, total: u32, cells: usize) -> String {
    if cells == 0 {
        return String::new();
    }
    let filled = if total == 0 {
        cells
    } else {
        let ratio = u64::from(done.min(total)) * cells as u64 / u64::from(total);
        usize::try_from(ratio).unwrap_or(cells)
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars() {
        assert_eq!(bar(0, 300, 5), "░░░░░");
        assert_eq!(bar(150, 300, 4), "██░░");
        assert_eq!(bar(299, 300, 4), "███░");
        assert_eq!(bar(900, 300, 4), "████");
        assert_eq!(bar(0, 0, 3), "███");
        assert_eq!(bar(1, 2, 0), "");
    }
}
