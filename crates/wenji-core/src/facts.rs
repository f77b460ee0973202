//! The one-line summary of an essay's facts shown under its title.

use crate::model::Facts;

/// `原文 .docx · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南`
pub fn facts_line(facts: &Facts) -> String {
    format!(
        "原文 .{} · 约 {} 字 · 约 {} 页 · {} 发布于{}",
        facts.format,
        group_thousands(facts.chars),
        group_thousands(facts.pages),
        facts.published,
        facts.region
    )
}

/// `2490` → `2,490`.
pub fn group_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(6), "6");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(2490), "2,490");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn facts_line_reads_as_on_the_seed_page() {
        let facts = crate::fixtures::facts();
        assert_eq!(
            facts_line(&facts),
            "原文 .docx · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南"
        );
    }
}
