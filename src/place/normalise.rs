//! What a person typed, made comparable with the names in the tables: full-width letters and
//! digits as ASCII, tone marks dropped (but ü kept apart from u), enclosing punctuation and a
//! leading 中国 removed, brackets read as separators. Normalising twice changes nothing.

use unicode_normalization::UnicodeNormalization;

/// Punctuation that may enclose or end a place without being part of it.
fn is_enclosing(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '('
            | ')'
            | '（'
            | '）'
            | '【'
            | '】'
            | '《'
            | '》'
            | '「'
            | '」'
            | '『'
            | '』'
            | '['
            | ']'
            | '〈'
            | '〉'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
    ) || c.is_whitespace()
}

/// Brackets inside a query set off a qualifier: 苏州（江苏） is 苏州 in 江苏.
fn is_inner_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '（' | '）' | '【' | '】' | '[' | ']' | '「' | '」' | '《' | '》'
    )
}

/// How map apps start an address; the country is no division.
const COUNTRY_PREFIXES: [&str; 2] = ["中华人民共和国", "中国"];

/// The combining diaeresis: ü is u + U+0308 once decomposed, and must stay ü.
const DIAERESIS: char = '\u{308}';

/// The kana voicing marks: ブ is フ + U+3099 once decomposed, and must stay ブ, as a Japanese
/// name with a kanji in it is its own key (アラブ首長国連邦).
const KANA_VOICING: [char; 2] = ['\u{3099}', '\u{309A}'];

/// The query as the tables write names.
pub fn normalise(query: &str) -> String {
    let folded = if query.chars().all(is_plain) {
        query.to_string()
    } else {
        fold(query)
    };
    let mut text: &str = folded.trim_matches(is_enclosing);
    // Every leading country name, so that normalising again finds none (中国中国成都).
    while let Some(rest) = COUNTRY_PREFIXES
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .map(|rest| rest.trim_matches(is_enclosing))
        .filter(|rest| !rest.is_empty())
    {
        text = rest;
    }
    text.chars()
        .map(|c| if is_inner_bracket(c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Characters that need no folding: ASCII and the common CJK ideographs.
fn is_plain(c: char) -> bool {
    c.is_ascii() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Compatibility forms (full-width, CJK compatibility ideographs) to their usual form, and
/// every combining mark dropped except the diaeresis on u.
fn fold(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut previous = None;
    for c in query.nfkd() {
        let combining = unicode_normalization::char::is_combining_mark(c);
        if !combining
            || (c == DIAERESIS && matches!(previous, Some('u' | 'U')))
            || KANA_VOICING.contains(&c)
        {
            out.push(c);
        }
        if !combining {
            previous = Some(c);
        }
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_keyboards_and_map_apps_produce() {
        for (typed, expected) in [
            ("ＳＵＺＨＯＵ", "SUZHOU"),
            ("５１０１００", "510100"),
            ("chéngdū", "chengdu"),
            ("Xiàmén", "Xiamen"),
            ("lǚliáng", "lüliang"),
            ("nü\u{301}jiang", "nüjiang"),
            ("成都。", "成都"),
            ("“成都”", "成都"),
            ("(成都)", "成都"),
            ("苏州（江苏）", "苏州 江苏"),
            ("中国浙江省杭州市", "浙江省杭州市"),
            ("中华人民共和国北京市", "北京市"),
            ("中国", "中国"),
            ("中国中国成都", "成都"),
            ("中国 中华人民共和国成都", "成都"),
            ("xi'an", "xi'an"),
            ("\u{3000}成都\u{3000}", "成都"),
        ] {
            assert_eq!(normalise(typed), expected, "{typed}");
        }
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for typed in [
            "ＳＵＺＨＯＵ",
            "chéngdū",
            "苏州（江苏）",
            "“中国 成都”",
            "lǚ",
        ] {
            let once = normalise(typed);
            assert_eq!(normalise(&once), once, "{typed}");
        }
    }

    #[test]
    fn combining_marks_cost_nothing_but_their_length() {
        let marks = format!("a{}", "\u{301}".repeat(10_000));
        assert_eq!(normalise(&marks), "a");
    }
}
