//! The layering of `src/`: its top-level modules (each `src/NAME.rs` or `src/NAME/`) refer to
//! one another through `crate::` in one direction only, so no two of them depend on each other,
//! even through others. `lib.rs`, the crate root, may use them all; `main.rs` is the binary.
//! Test code counts too: a test that needs a module above its own is in the wrong place.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Each top-level module of `src/`, with the top-level modules its files name through `crate::`.
fn module_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("an entry of src/").path();
        let name = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .expect("a UTF-8 name")
            .to_string();
        if path.is_dir() {
            files.entry(name).or_default().extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") && name != "lib" && name != "main"
        {
            files.entry(name).or_default().push(path);
        }
    }
    files
        .iter()
        .map(|(name, paths)| {
            let uses = paths
                .iter()
                .flat_map(|path| crate_paths(&fs::read_to_string(path).expect("a source file")))
                .filter(|used| used != name && files.contains_key(used))
                .collect();
            (name.clone(), uses)
        })
        .collect()
}

/// The `.rs` files under a directory, at any depth.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
    found
}

/// The first segment of every `crate::` path in a text: `crate::data::Level` names `data`, and
/// `crate::{data::Level, place}` names `data` and `place`.
fn crate_paths(text: &str) -> Vec<String> {
    let identifier = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            names.push(identifier(rest));
            continue;
        };
        // A group: the paths that start at its top level, after `{` or a comma.
        let mut depth = 1;
        let mut starts = true;
        for (offset, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 1 => break,
                '}' => depth -= 1,
                ',' if depth == 1 => starts = true,
                c if c.is_whitespace() => {}
                _ if starts => {
                    names.push(identifier(&group[offset..]));
                    starts = false;
                }
                _ => {}
            }
        }
    }
    names
}

/// A cycle of the graph, as the modules along it (the first again at the end), if it has one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|on| on == module) {
            let mut found = path[start..].to_vec();
            found.push(module.to_string());
            return Some(found);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for used in graph.get(module).into_iter().flatten() {
            if let Some(found) = visit(used, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_top_level_modules_of_src_use_each_other_one_way_only() {
    let graph = module_graph();
    // The reader sees edges: the engine's, and the edge's above it.
    for (module, used) in [
        ("place", "data"),
        ("verdict", "place"),
        ("i18n", "verdict"),
        ("output", "i18n"),
        ("cli", "i18n"),
    ] {
        assert!(
            graph[module].contains(used),
            "{module} uses {used}, but the graph says {graph:?}"
        );
    }
    assert_eq!(
        cycle(&graph),
        None,
        "a cycle among src/'s modules: {graph:?}"
    );
}

#[test]
fn a_cycle_is_found_however_long() {
    let graph = |edges: &[(&str, &str)]| -> Graph {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph.entry(to.to_string()).or_default();
            graph
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
        }
        graph
    };
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")])),
        Some(["b", "c", "d", "b"].map(String::from).to_vec())
    );
}

#[test]
fn crate_paths_are_read_alone_and_in_groups() {
    assert_eq!(
        crate_paths("use crate::data::Level;\nuse crate::{i18n::{Lang, echo}, place};"),
        ["data", "i18n", "place"]
    );
    assert_eq!(crate_paths("f(&crate::output::width())"), ["output"]);
}
