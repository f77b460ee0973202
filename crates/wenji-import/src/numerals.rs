//! Numbers as headings write them: Chinese numerals (一 … 十 … 九百九十九,
//! 〇 and 零, 两) and digits, ASCII or full width.

/// The value of `s` when all of it is one number, up to 9,999.
pub fn parse(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| digit(c).is_some()) {
        if s.chars().count() > 4 {
            return None;
        }
        return s.chars().try_fold(0u32, |n, c| Some(n * 10 + digit(c)?));
    }
    chinese(s)
}

/// The length in bytes of the number at the start of `s`, and its value.
pub fn leading(s: &str) -> Option<(usize, u32)> {
    let end = s
        .char_indices()
        .find(|(_, c)| digit(*c).is_none() && chinese_digit(*c).is_none() && unit(*c).is_none())
        .map_or(s.len(), |(i, _)| i);
    // The longest prefix that is one number (十二 in 十二章, not 十二章).
    let mut ends: Vec<usize> = s[..end]
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    ends.reverse();
    ends.into_iter()
        .find_map(|e| parse(&s[..e]).map(|n| (e, n)))
}

/// An ASCII or full-width digit.
pub fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// 十二, 二十, 一百零五, 三百二十一; a lone digit; never a digit string
/// such as 一二 (that is not how a heading counts).
fn chinese(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    let mut zero_seen = false;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            if pending.is_some() {
                return None;
            }
            if d == 0 {
                if zero_seen || total == 0 {
                    return None;
                }
                zero_seen = true;
                continue;
            }
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            if u >= last_unit {
                return None;
            }
            // 十 alone at the start is 一十.
            let d = pending
                .take()
                .unwrap_or(if total == 0 && u == 10 { 1 } else { 0 });
            if d == 0 {
                return None;
            }
            total += d * u;
            last_unit = u;
            zero_seen = false;
        } else {
            return None;
        }
    }
    if let Some(d) = pending {
        // 一百零五: the last digit after a zero is units; 二百五 is 250
        // in speech but not in headings: taken as units too.
        if last_unit != u32::MAX && last_unit > 10 && !zero_seen {
            return None;
        }
        total += d;
    }
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_as_headings_count() {
        for (s, n) in [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("两", 2),
            ("一百", 100),
            ("一百零五", 105),
            ("三百二十一", 321),
        ] {
            assert_eq!(parse(s), Some(n), "{s}");
        }
        for s in ["", "一二", "零", "十十", "百", "二百五", "abc", "一是"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn digits_ascii_and_full_width() {
        assert_eq!(parse("12"), Some(12));
        assert_eq!(parse("１２"), Some(12));
        assert_eq!(parse("12345"), None);
    }

    #[test]
    fn the_number_at_the_start() {
        assert_eq!(leading("十二章 总结"), Some(("十二".len(), 12)));
        assert_eq!(leading("3、内容"), Some((1, 3)));
        assert_eq!(leading("一、学习"), Some(("一".len(), 1)));
        assert_eq!(leading("其一"), None);
    }
}
