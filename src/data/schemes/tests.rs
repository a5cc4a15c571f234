use super::*;

#[test]
fn the_bundled_file_loads() {
    let schemes = Schemes::parse(BUNDLED_TOML, BUNDLED_NAME).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!schemes.rules.is_empty());
}
