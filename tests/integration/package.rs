//! The Debian package's definition: `[package.metadata.deb]` in Cargo.toml installs the binary,
//! the man page in section 1 and the completions where bash, zsh and fish look for them, and
//! `tools/deb/build` writes every generated file it lists. (`.ci/run` builds the package,
//! installs it and uses it.)

const MANIFEST: &str = include_str!("../../Cargo.toml");
const BUILD: &str = include_str!("../../tools/deb/build");

/// The (source, destination) of every asset.
fn assets() -> Vec<(String, String)> {
    let manifest: toml::Table = MANIFEST.parse().expect("Cargo.toml is TOML");
    let deb = &manifest["package"]["metadata"]["deb"];
    deb["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|asset| {
            let asset = asset
                .as_array()
                .expect("an asset is [source, destination, mode]");
            let text = |i: usize| asset[i].as_str().expect("a string").to_string();
            (text(0), text(1))
        })
        .collect()
}

#[test]
fn the_package_installs_the_binary_man_page_and_completions() {
    let assets = assets();
    let installed = |source: &str, destination: &str| {
        assert!(
            assets.iter().any(|(s, d)| s == source && d == destination),
            "{source} → {destination} in {assets:?}"
        );
    };
    installed("target/release/edl", "usr/bin/");
    installed("target/deb-assets/edl.1.gz", "usr/share/man/man1/");
    installed(
        "target/deb-assets/edl.bash",
        "usr/share/bash-completion/completions/edl",
    );
    installed(
        "target/deb-assets/_edl",
        "usr/share/zsh/vendor-completions/",
    );
    installed(
        "target/deb-assets/edl.fish",
        "usr/share/fish/vendor_completions.d/",
    );
}

#[test]
fn the_build_script_writes_every_generated_asset() {
    for (source, _) in assets() {
        if let Some(name) = source.strip_prefix("target/deb-assets/") {
            assert!(
                BUILD.contains(&format!(">\"$assets/{name}\"")),
                "tools/deb/build writes {name}"
            );
        } else if !source.starts_with("target/release/") {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&source);
            assert!(path.is_file(), "{source} is in the repository");
        }
    }
    assert!(BUILD.contains("cargo deb --no-build"));
}

#[test]
fn the_readme_says_how_to_install() {
    let readme = include_str!("../../README.md");
    assert!(readme.contains("cargo install --locked --path ."));
    assert!(readme.contains("tools/deb/build"));
}
