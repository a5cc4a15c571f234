//! The keys that names are looked up by, shared with `build.rs` (which indexes the aliases with
//! them) so that the table and the lookups cannot disagree. `tools/gen-divisions/aliases.py`
//! checks its rows for duplicates with the same rules (`alias_key`, `pinyin_key`).

use std::borrow::Cow;

/// Lowercase letters only, with ü written as u (also when typed as v): `Xi'an` and `xian` meet,
/// as do `Lüliang`, `lvliang` and `luliang`.
pub fn pinyin_key(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_ascii_lowercase() {
            'v' => Some('u'),
            c if c.is_ascii_lowercase() => Some(c),
            'ü' | 'Ü' => Some('u'),
            _ => None,
        })
        .collect()
}

/// The key of an alias or a query for the alias index: a code as it is, other text in Latin
/// letters by its pinyin key (`Hong Kong` → `hongkong`), Chinese text as it is.
pub fn alias_key(text: &str) -> Cow<'_, str> {
    let latin = text
        .chars()
        .all(|c| c.is_ascii() || matches!(c, 'ü' | 'Ü' | '’'));
    let code = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if code || !latin {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(pinyin_key(text))
    }
}

/// Latin letters that Unicode does not decompose into a base letter and a mark; the same table
/// is `FOLD` in `tools/gen-world/generate.py`.
const FOLD: [(char, &str); 14] = [
    ('ß', "ss"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ø', "o"),
    ('ł', "l"),
    ('đ', "d"),
    ('ð', "d"),
    ('þ', "th"),
    ('ı', "i"),
    ('ħ', "h"),
    ('ŧ', "t"),
    ('ŋ', "n"),
    ('ĸ', "k"),
    ('ſ', "s"),
];

/// The key of a world place's name or a query for the world index: Latin text as lowercase
/// ASCII letters only, accents folded (`São Paulo` and `sao paulo` meet, as do `Kraków` and
/// `Krakow`); letters of other alphabets lowercased without their marks (`Βραζιλία` and
/// `ΒΡΑΖΙΛΙΑ`, `Россия` and `россия`); a text with Chinese in it as it is (`悉尼`). Unlike `pinyin_key`, v
/// stays v (Kiev, not Kieu).
pub fn place_key(text: &str) -> Cow<'_, str> {
    // Chinese text is its own key (folding gives it back unchanged); seeing so here spares a
    // Chinese query the decomposition tables, some 64 KB of the binary read in at every such
    // check.
    if text.chars().any(is_cjk_ideograph) {
        return Cow::Borrowed(text);
    }
    folded_key(text)
}

/// A CJK Unified Ideograph (U+4E00 to U+9FFF, where the characters of place names are): a
/// letter of its own, with no decomposition and no case.
fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn folded_key(text: &str) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let mut key = String::with_capacity(text.len());
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        if lower.is_ascii_lowercase() {
            key.push(lower);
        } else if let Some((_, folded)) = FOLD.iter().find(|(from, _)| *from == lower) {
            key.push_str(folded);
        } else if is_cjk_ideograph(c) {
            return Cow::Borrowed(text);
        } else if c.is_alphabetic() {
            key.push(lower);
        }
    }
    Cow::Owned(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for Chinese text gives what the folding gives, for every character it
    /// takes and for Chinese beside Latin letters, marks and other scripts.
    #[test]
    fn chinese_text_is_its_own_key_either_way() {
        for c in '\u{4E00}'..='\u{9FFF}' {
            let text = c.to_string();
            assert!(
                matches!(folded_key(&text), Cow::Borrowed(key) if key == text),
                "{c}"
            );
        }
        for text in [
            "悉尼",
            "São Paulo 圣保罗",
            "Kraków克拉科夫",
            "e\u{301}东京",
            "Москва莫斯科",
            "1008中国",
        ] {
            assert_eq!(place_key(text), folded_key(text), "{text}");
            assert_eq!(place_key(text), text);
        }
    }

    #[test]
    fn other_alphabets_fold_case_and_marks() {
        assert_eq!(place_key("Βραζιλία"), place_key("ΒΡΑΖΙΛΙΑ"));
        assert_eq!(place_key("Российская Федерация"), "россиискаяфедерация");
        assert_eq!(place_key("서울"), place_key("서 울"));
    }
}
