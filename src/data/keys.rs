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
