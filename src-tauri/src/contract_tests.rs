//! The IPC contract between the page and the shell, checked.
//!
//! A command lives in five hand-kept lists: its `#[tauri::command] fn` in
//! `commands/`, `generate_handler![…]` in `lib.rs`, `COMMANDS` in `build.rs`,
//! its `allow-…` permission in `capabilities/`, and its `invoke` in
//! `ui/src/lib/api.ts` with the parameters' camelCase names. A slip shows only
//! at run time (an unknown or refused command, a missing argument), and the
//! UI's own tests only mirror `api.ts`. Generating the TS side (tauri-specta)
//! would move every shared type from ts-rs to specta, so these tests read
//! the five lists instead: Rust with `syn`, TS with a small tokenizer that
//! refuses a call it cannot read. Each failure names the command and the
//! list it is missing from. They live in the app's unit-test binary so that
//! CI links no extra test binary.

mod ts_calls;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use ts_calls::{invokes, Invoke};

/// Parameters Tauri fills in itself; the page never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// What a command takes from the page.
#[derive(Debug, PartialEq)]
enum Body {
    /// A JSON object with these keys (as the page spells them).
    Keys(BTreeSet<String>),
    /// The raw IPC body: `tauri::ipc::Request` in Rust, bytes in TS.
    Raw,
}

impl std::fmt::Display for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Keys(keys) => write!(f, "{{ {} }}", Vec::from_iter(keys.clone()).join(", ")),
            Body::Raw => f.write_str("a raw body"),
        }
    }
}

fn path_in_repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    fs::read_to_string(path_in_repo(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn parse_rust(rel: &str) -> syn::File {
    syn::parse_file(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The files of a folder with this extension, by name.
fn files_in(rel: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(path_in_repo(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        assert!(
            name.ends_with(&format!(".{ext}")),
            "{rel}/{name}: only .{ext} files are read here"
        );
    }
    names
}

/// Tauri's default renaming of a Rust parameter (`reg_no` → `regNo`).
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').filter(|p| !p.is_empty()).enumerate() {
        let mut chars = part.chars();
        if let (true, Some(first)) = (i > 0, chars.next()) {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Every `#[tauri::command] fn` under `src-tauri/src/commands/`, with what
/// it takes from the page.
fn defined_commands() -> BTreeMap<String, Body> {
    let mut out = BTreeMap::new();
    for name in files_in("src-tauri/src/commands", "rs") {
        let rel = format!("src-tauri/src/commands/{name}");
        for item in parse_rust(&rel).items {
            let syn::Item::Fn(f) = item else { continue };
            let Some(attr) = f.attrs.iter().find(|a| is_path(a.path(), "tauri::command")) else {
                continue;
            };
            let name = f.sig.ident.to_string();
            // `rename_all` would change the keys the page must send.
            assert!(
                matches!(attr.meta, syn::Meta::Path(_)),
                "{rel}: `{name}`: #[tauri::command(…)] arguments are not read by this test"
            );
            let body = body_of(&f.sig, &format!("{rel}: `{name}`"));
            assert!(
                out.insert(name.clone(), body).is_none(),
                "`{name}` is defined twice"
            );
        }
    }
    out
}

/// Whether `path` spells `want` (`tauri::command`).
fn is_path(path: &syn::Path, want: &str) -> bool {
    let path: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    path.join("::") == want
}

/// The last segment of a parameter's type (`tauri::State<'_, _>` → `State`).
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::Reference(r) => type_name(&r.elem),
        _ => None,
    }
}

fn body_of(sig: &syn::Signature, at: &str) -> Body {
    let mut keys = BTreeSet::new();
    let mut raw = false;
    for input in &sig.inputs {
        let syn::FnArg::Typed(arg) = input else {
            panic!("{at}: a command cannot take self");
        };
        match type_name(&arg.ty).as_deref() {
            Some(t) if INJECTED.contains(&t) => continue,
            Some("Request") => raw = true,
            _ => {
                let syn::Pat::Ident(name) = &*arg.pat else {
                    panic!("{at}: a parameter without a plain name");
                };
                keys.insert(camel_case(&name.ident.to_string()));
            }
        }
    }
    match raw {
        true if keys.is_empty() => Body::Raw,
        true => panic!("{at}: takes both the raw body and arguments {keys:?}"),
        false => Body::Keys(keys),
    }
}

/// The commands named in `generate_handler![…]` in `lib.rs` (their paths
/// the compiler checks).
fn registered_commands() -> Vec<String> {
    #[derive(Default)]
    struct Finder(Vec<Vec<String>>);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if mac.path.is_ident("generate_handler")
                || is_path(&mac.path, "tauri::generate_handler")
            {
                let paths = mac
                    .parse_body_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
                    .unwrap_or_else(|e| panic!("lib.rs: generate_handler!: {e}"));
                let last = |p: syn::Path| p.segments.last().map(|s| s.ident.to_string());
                self.0.push(paths.into_iter().filter_map(last).collect());
            }
            syn::visit::visit_macro(self, mac);
        }
    }
    let mut finder = Finder::default();
    finder.visit_file(&parse_rust("src-tauri/src/lib.rs"));
    assert_eq!(finder.0.len(), 1, "lib.rs: expected one generate_handler!");
    finder.0.remove(0)
}

/// The string array `COMMANDS` in `build.rs`.
fn build_commands() -> Vec<String> {
    let file = parse_rust("src-tauri/build.rs");
    let list = file
        .items
        .iter()
        .find_map(|i| match i {
            syn::Item::Const(c) if c.ident == "COMMANDS" => Some(&c.expr),
            _ => None,
        })
        .expect("build.rs: no const COMMANDS");
    let syn::Expr::Reference(syn::ExprReference { expr: list, .. }) = &**list else {
        panic!("build.rs: COMMANDS is not &[…]");
    };
    let syn::Expr::Array(list) = &**list else {
        panic!("build.rs: COMMANDS is not &[…]");
    };
    let name = |e: &syn::Expr| match e {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => s.value(),
        _ => panic!("build.rs: COMMANDS holds something other than a string literal"),
    };
    list.elems.iter().map(name).collect()
}

/// The commands granted by `capabilities/*.json` (`allow-doc-add-paths` →
/// `doc_add_paths`); plugin and core permissions (`dialog:…`) are not ours.
fn granted_commands() -> Vec<String> {
    let mut out = Vec::new();
    for name in files_in("src-tauri/capabilities", "json") {
        let rel = format!("src-tauri/capabilities/{name}");
        let file: serde_json::Value =
            serde_json::from_str(&read(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let permissions = file["permissions"].as_array();
        for p in permissions.unwrap_or_else(|| panic!("{rel}: no permissions array")) {
            let id = p.as_str().or_else(|| p["identifier"].as_str());
            let id = id.unwrap_or_else(|| panic!("{rel}: a permission without a name: {p}"));
            if id.contains(':') {
                continue;
            }
            let Some(command) = id.strip_prefix("allow-") else {
                panic!("{rel}: `{id}` is neither allow-<command> nor a plugin's permission");
            };
            out.push(command.replace('-', "_"));
        }
    }
    out
}

fn api_ts() -> Vec<Invoke> {
    invokes(&read("ui/src/lib/api.ts")).unwrap_or_else(|e| panic!("ui/src/lib/api.ts:{e}"))
}

/// The command names of one list, and how to name the list to someone who
/// must add a command to it.
struct List {
    names: Vec<String>,
    place: fn(&str) -> String,
}

#[test]
fn every_command_is_in_all_five_lists() {
    let lists = [
        List {
            names: defined_commands().into_keys().collect(),
            place: |_| "the #[tauri::command] fns of src-tauri/src/commands/".into(),
        },
        List {
            names: registered_commands(),
            place: |_| "generate_handler![…] in src-tauri/src/lib.rs".into(),
        },
        List {
            names: build_commands(),
            place: |_| "COMMANDS in src-tauri/build.rs".into(),
        },
        List {
            names: granted_commands(),
            place: |c| {
                format!(
                    "src-tauri/capabilities/ (as \"allow-{}\")",
                    c.replace('_', "-")
                )
            },
        },
        List {
            names: api_ts().into_iter().map(|i| i.command).collect(),
            place: |_| "the calls of ui/src/lib/api.ts".into(),
        },
    ];
    let mut problems = Vec::new();
    let all: BTreeSet<&String> = lists.iter().flat_map(|l| &l.names).collect();
    for command in all {
        let (has, lacks): (Vec<&List>, Vec<&List>) =
            lists.iter().partition(|l| l.names.contains(command));
        let places = |ls: Vec<&List>| Vec::from_iter(ls.iter().map(|l| (l.place)(command)));
        if !lacks.is_empty() {
            problems.push(format!(
                "`{command}` is missing from {}\n    (it is in {})",
                places(lacks).join(", "),
                places(has).join(", ")
            ));
        }
    }
    // Twice in a hand-kept list is a slip too (api.ts may call a command twice).
    for list in &lists[..4] {
        let mut seen = BTreeSet::new();
        for name in list.names.iter().filter(|n| !seen.insert(*n)) {
            problems.push(format!("`{name}` is twice in {}", (list.place)(name)));
        }
    }
    assert!(
        problems.is_empty(),
        "the command lists disagree:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_call_sends_the_parameters_of_its_command() {
    let defined = defined_commands();
    let mut problems = Vec::new();
    for call in api_ts() {
        // An undefined command is reported by the test of the lists.
        match defined.get(&call.command) {
            Some(takes) if *takes != call.body => problems.push(format!(
                "ui/src/lib/api.ts:{}: `{}` sends {} but its #[tauri::command] fn takes {takes}",
                call.line, call.command, call.body
            )),
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "arguments disagree:\n{}",
        problems.join("\n")
    );
}

/// Only `api.ts` calls commands, so the tests above see every call.
#[test]
fn no_other_ui_file_invokes_a_command() {
    fn walk(rel: &str, out: &mut Vec<String>) {
        for name in fs::read_dir(path_in_repo(rel)).unwrap() {
            let name = name.unwrap().file_name().to_string_lossy().into_owned();
            let rel = format!("{rel}/{name}");
            let code = name.ends_with(".ts") || name.ends_with(".svelte");
            if path_in_repo(&rel).is_dir() {
                walk(&rel, out);
            } else if code && !name.ends_with(".test.ts") && rel != "ui/src/lib/api.ts" {
                let text = read(&rel);
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                let mut at = text.match_indices("invoke").map(|(i, _)| i);
                if at.any(|i| {
                    !word(text[..i].chars().next_back()) && !word(text[i + 6..].chars().next())
                }) {
                    out.push(rel);
                }
            }
        }
    }
    let mut others = Vec::new();
    walk("ui/src", &mut others);
    assert!(
        others.is_empty(),
        "call commands through ui/src/lib/api.ts, not in {others:?}"
    );
}
