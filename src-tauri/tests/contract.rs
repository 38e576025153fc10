//! One contract between Rust and the window. A command's name is written in four places: registered in
//! `src/lib.rs` (`generate_handler!`), declared in `build.rs` (`AppManifest::commands`), allowed in
//! `capabilities/main.json` (`allow-<name-with-dashes>`) and called in `ui/src/lib/ipc.ts`
//! (`call<...>('name', { ... })`). This test reads the four files and fails, naming each difference,
//! when they disagree. It also checks that the argument names the window sends are the Rust command's
//! parameters in camelCase (as Tauri expects them), so a renamed parameter cannot silently arrive as
//! "missing".
//!
//! The files are read with plain string scanning (no parser crates): it expects the shapes used today,
//! and says so plainly when a file stops looking like that.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn tauri_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A registered command: the module it lives in (`commands`, or empty for lib.rs) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Registered {
    module: Vec<String>,
    name: String,
}

/// What the window sends for one command: its argument names, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum UiArgs {
    Keys(BTreeSet<String>),
    Unreadable(String),
}

// ---- scanning helpers --------------------------------------------------------------------------------

/// The two languages read: they differ in what a `'` starts and whether `<` brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    /// `'` starts a lifetime (`'_`), `<…>` holds generic parameters (whose commas do not split).
    Rust,
    /// `'`, `"` and `` ` `` start strings; `<` is only bracketed right after `call`.
    Ts,
}

impl Lang {
    fn quotes(self) -> &'static [char] {
        match self {
            Lang::Rust => &['"'],
            Lang::Ts => &['\'', '"', '`'],
        }
    }
}

/// Removes `//` and `/* */` comments, leaving strings alone (and, in Rust, the char literal `'"'`).
fn strip_comments(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if lang == Lang::Rust && c == '\'' && next == Some('"') && chars.get(i + 2) == Some(&'\'') {
            out.push_str("'\"'");
            i += 3;
        } else if lang.quotes().contains(&c) {
            let quote = c;
            out.push(c);
            i += 1;
            while i < chars.len() {
                let s = chars[i];
                out.push(s);
                i += 1;
                if s == '\\' {
                    if let Some(&escaped) = chars.get(i) {
                        out.push(escaped);
                        i += 1;
                    }
                } else if s == quote {
                    break;
                }
            }
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The text between `open` (whose last char opens a bracket) and the bracket that closes it, in Rust.
fn bracketed<'a>(text: &'a str, open: &str, what: &str) -> &'a str {
    let start = text
        .find(open)
        .unwrap_or_else(|| panic!("{what}: `{open}` not found"))
        + open.len();
    let opener = open.chars().last().unwrap();
    let end = closing(&text[start..], opener, Lang::Rust)
        .unwrap_or_else(|| panic!("{what}: no closing bracket after `{open}`"));
    &text[start..start + end]
}

/// What a character is to the bracket structure of a text.
enum Mark {
    /// Inside a quoted string, its quotes included.
    Quoted,
    Open,
    Close,
    Plain,
}

/// Every character of `text` with what it is to the brackets, until `visit` says stop. Strings are
/// skipped with their escapes; with `angles`, `<` and `>` are brackets, but `->` and `=>` are arrows.
fn scan(text: &str, lang: Lang, angles: bool, mut visit: impl FnMut(usize, char, Mark) -> bool) {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        let mark = if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            Mark::Quoted
        } else {
            match c {
                q if lang.quotes().contains(&q) => {
                    quote = Some(q);
                    Mark::Quoted
                }
                '<' if !angles => Mark::Plain,
                '>' if !angles || prev == '-' || prev == '=' => Mark::Plain,
                '(' | '[' | '{' | '<' => Mark::Open,
                ')' | ']' | '}' | '>' => Mark::Close,
                _ => Mark::Plain,
            }
        };
        prev = c;
        if !visit(i, c, mark) {
            return;
        }
    }
}

/// The byte offset in `text` of the bracket that closes an already opened `opener`, skipping nested
/// brackets and quoted strings.
fn closing(text: &str, opener: char, lang: Lang) -> Option<usize> {
    let mut depth = 1usize;
    let mut found = None;
    scan(
        text,
        lang,
        opener == '<' || lang == Lang::Rust,
        |i, _, mark| {
            match mark {
                Mark::Open => depth += 1,
                Mark::Close => {
                    depth -= 1;
                    if depth == 0 {
                        found = Some(i);
                        return false;
                    }
                }
                Mark::Quoted | Mark::Plain => {}
            }
            true
        },
    );
    found
}

/// Splits on commas that are not inside brackets or strings.
fn split_top_level(text: &str, lang: Lang) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    scan(text, lang, lang == Lang::Rust, |_, c, mark| {
        match mark {
            Mark::Open => depth += 1,
            Mark::Close => depth -= 1,
            Mark::Plain if c == ',' && depth == 0 => {
                parts.push(std::mem::take(&mut current));
                return true;
            }
            Mark::Quoted | Mark::Plain => {}
        }
        current.push(c);
        true
    });
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every `"…"` string in `text`, in order.
fn quoted_strings(text: &str) -> Vec<String> {
    text.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn snake_to_camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

// ---- the four lists ----------------------------------------------------------------------------------

/// `generate_handler![module::name, ...]` in lib.rs.
fn registered(lib_rs: &str) -> Vec<Registered> {
    let lib_rs = strip_comments(lib_rs, Lang::Rust);
    split_top_level(
        bracketed(&lib_rs, "generate_handler![", "src/lib.rs"),
        Lang::Rust,
    )
    .into_iter()
    .map(|path| {
        let mut segments: Vec<String> = path.split("::").map(|s| s.trim().to_string()).collect();
        let name = segments.pop().unwrap_or_default();
        Registered {
            module: segments,
            name,
        }
    })
    .collect()
}

/// `AppManifest::new().commands(&["name", ...])` in build.rs.
fn declared(build_rs: &str) -> Vec<String> {
    let build_rs = strip_comments(build_rs, Lang::Rust);
    quoted_strings(bracketed(&build_rs, ".commands(&[", "build.rs"))
}

/// The command names `capabilities/main.json` allows, and its entries that are not `allow-<command>`.
/// Plugin permissions (`plugin:...`) are not commands of Keystep's and are left to the capability
/// file's review.
fn allowed(main_json: &str) -> (Vec<String>, Vec<String>) {
    let json: serde_json::Value = serde_json::from_str(main_json)
        .unwrap_or_else(|e| panic!("capabilities/main.json is not JSON: {e}"));
    let permissions = json["permissions"]
        .as_array()
        .unwrap_or_else(|| panic!("capabilities/main.json has no \"permissions\" list"));
    let mut names = Vec::new();
    let mut other = Vec::new();
    for p in permissions {
        let id = p
            .as_str()
            .or_else(|| p["identifier"].as_str())
            .unwrap_or_default();
        if id.contains(':') {
            continue;
        }
        match id.strip_prefix("allow-") {
            Some(rest) => names.push(rest.replace('-', "_")),
            None => other.push(p.to_string()),
        }
    }
    (names, other)
}

/// Every `call<...>('name', { arg, ... })` in ipc.ts, in order, and problems found on the way (a call
/// whose command is not a string literal, `invoke` used outside `call`).
fn called(ipc_ts: &str) -> (Vec<(String, UiArgs)>, Vec<String>) {
    let text = strip_comments(ipc_ts, Lang::Ts);
    let mut calls = Vec::new();
    let mut problems = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("call<") {
        let at = from + found;
        from = at + "call<".len();
        let before = text[..at].trim_end();
        let word_start = before
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.');
        if before.ends_with("function") || word_start {
            continue; // the definition of `call`, or another name ending in "call"
        }
        let Some(generic_end) = closing(&text[from..], '<', Lang::Ts) else {
            problems.push(format!("ipc.ts: unclosed `call<` at byte {at}"));
            break;
        };
        let rest = text[from + generic_end + 1..].trim_start();
        let Some(inside) = rest.strip_prefix('(') else {
            problems.push(format!("ipc.ts: `call<...>` at byte {at} is not called"));
            continue;
        };
        let args_end = closing(inside, '(', Lang::Ts).unwrap_or(inside.len());
        let args = split_top_level(&inside[..args_end], Lang::Ts);
        let Some(name) = args.first().and_then(|a| literal(a)) else {
            problems.push(format!(
                "ipc.ts: a call at byte {at} names its command with `{}`, not a string literal; write the name out so that it can be checked",
                args.first().map_or("", String::as_str)
            ));
            continue;
        };
        let ui_args = match args.get(1) {
            None => UiArgs::Keys(BTreeSet::new()),
            Some(object) => object_keys(object),
        };
        if args.len() > 2 {
            problems.push(format!(
                "ipc.ts: `{name}` is called with more than two arguments"
            ));
        }
        calls.push((name, ui_args));
    }
    let invokes = text.matches("invoke<").count() + text.matches("invoke(").count();
    if invokes != 1 {
        problems.push(format!(
            "ipc.ts calls `invoke` {invokes} times; it should call it once, inside `call`, so that every command goes through `call` and this test sees it"
        ));
    }
    (calls, problems)
}

/// `'name'` or `"name"` without its quotes.
fn literal(text: &str) -> Option<String> {
    let t = text.trim();
    let quote = t.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = t.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains(quote)).then(|| inner.to_string())
}

/// The keys of an object literal `{ a, b: x, 'c': y }`.
fn object_keys(text: &str) -> UiArgs {
    let Some(inner) = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
    else {
        return UiArgs::Unreadable(format!(
            "its arguments `{text}` are not an object literal; write them as {{ name, ... }} so that they can be checked"
        ));
    };
    let mut keys = BTreeSet::new();
    for entry in split_top_level(inner, Lang::Ts) {
        if entry.starts_with("...") {
            return UiArgs::Unreadable(format!(
                "its arguments spread `{entry}`; name each argument instead so that they can be checked"
            ));
        }
        let key = entry.split(':').next().unwrap_or_default().trim();
        let key = literal(key).unwrap_or_else(|| key.to_string());
        keys.insert(key);
    }
    UiArgs::Keys(keys)
}

/// Types Tauri fills in itself: the window never sends them.
fn injected(ty: &str) -> bool {
    let ty = ty
        .trim()
        .trim_start_matches("tauri::")
        .trim_start_matches("ipc::");
    [
        "State<",
        "AppHandle",
        "Window",
        "WebviewWindow",
        "Webview",
        "Request<",
        "Request",
    ]
    .iter()
    .any(|p| ty.starts_with(p))
}

/// The argument names the window must send to the command `name` defined in `source`: its parameters
/// in camelCase (or as written with `rename_all = "snake_case"`), leaving out what Tauri injects.
fn rust_args(source: &str, name: &str) -> Result<BTreeSet<String>, String> {
    let source = &strip_comments(source, Lang::Rust);
    let mut from = 0;
    let at = loop {
        let Some(found) = source[from..].find(&format!("fn {name}")) else {
            return Err(format!("no `fn {name}` found"));
        };
        let at = from + found;
        let after = source[at + 3 + name.len()..].trim_start();
        if after.starts_with('(') || after.starts_with('<') {
            break at;
        }
        from = at + 1;
    };
    // The attributes just above the function.
    let item_start = source[..at].rfind(['}', ';']).map_or(0, |i| i + 1);
    let attributes = &source[item_start..at];
    let Some(attr_at) = attributes.find("#[tauri::command") else {
        return Err(format!("`fn {name}` has no #[tauri::command] attribute"));
    };
    let attribute = &attributes[attr_at
        ..attributes[attr_at..]
            .find(']')
            .map_or(attributes.len(), |e| attr_at + e)];
    let snake = attribute.contains("rename_all") && attribute.contains("\"snake_case\"");
    let params_start = at + source[at..].find('(').unwrap_or(0) + 1;
    let params_end = closing(&source[params_start..], '(', Lang::Rust)
        .ok_or_else(|| format!("`fn {name}`: unclosed parameter list"))?;
    let params = &source[params_start..params_start + params_end];
    let mut names = BTreeSet::new();
    for param in split_top_level(params, Lang::Rust) {
        let Some((pattern, ty)) = param.split_once(':') else {
            return Err(format!("`fn {name}`: cannot read the parameter `{param}`"));
        };
        if injected(ty) {
            continue;
        }
        let pattern = pattern.trim().trim_start_matches("mut ").trim();
        names.insert(if snake {
            pattern.to_string()
        } else {
            snake_to_camel(pattern)
        });
    }
    Ok(names)
}

// ---- the comparison ----------------------------------------------------------------------------------

/// Everything read from the four files.
struct Contract {
    registered: Vec<Registered>,
    declared: Vec<String>,
    allowed: Vec<String>,
    called: Vec<(String, UiArgs)>,
    problems: Vec<String>,
}

fn read_contract(root: &Path) -> Contract {
    let (allowed, other) = allowed(&read(&root.join("capabilities/main.json")));
    let (called, mut problems) = called(&read(&root.join("../ui/src/lib/ipc.ts")));
    problems.extend(other.into_iter().map(|p| {
        format!("capabilities/main.json: `{p}` is not an `allow-<command>` permission of a Keystep command")
    }));
    Contract {
        registered: registered(&read(&root.join("src/lib.rs"))),
        declared: declared(&read(&root.join("build.rs"))),
        allowed,
        called,
        problems,
    }
}

/// Names listed twice in one place.
fn twice<'a>(place: &str, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    names
        .filter(|n| !seen.insert(*n))
        .map(|n| format!("`{n}` is {place} twice"))
        .collect()
}

/// Every difference between the four lists, one sentence each; empty when they agree.
fn differences(c: &Contract) -> Vec<String> {
    const PLACES: [&str; 4] = [
        "registered in src/lib.rs (generate_handler!)",
        "declared in build.rs (AppManifest::commands)",
        "allowed in capabilities/main.json (allow-<name>)",
        "called in ui/src/lib/ipc.ts (call<...>('name'))",
    ];
    let lists: [Vec<&str>; 4] = [
        c.registered.iter().map(|r| r.name.as_str()).collect(),
        c.declared.iter().map(String::as_str).collect(),
        c.allowed.iter().map(String::as_str).collect(),
        c.called.iter().map(|(n, _)| n.as_str()).collect(),
    ];
    let mut out = c.problems.clone();
    for (place, list) in PLACES.iter().zip(&lists) {
        let place = place.split(" (").next().unwrap_or(place);
        // The UI may call one command from two functions; the Rust side lists each once.
        if !place.starts_with("called") {
            out.extend(twice(place, list.iter().copied()));
        }
    }
    let all: BTreeSet<&str> = lists.iter().flatten().copied().collect();
    for name in all {
        let missing: Vec<&str> = PLACES
            .iter()
            .zip(&lists)
            .filter(|(_, list)| !list.contains(&name))
            .map(|(place, _)| *place)
            .collect();
        if !missing.is_empty() {
            let present: Vec<&str> = PLACES
                .iter()
                .zip(&lists)
                .filter(|(_, list)| list.contains(&name))
                .map(|(place, _)| place.split(" (").next().unwrap_or(place))
                .collect();
            out.push(format!(
                "`{name}` is {} but not {}",
                present.join(", "),
                missing.join(", nor ")
            ));
        }
    }
    out
}

/// Argument names the window sends that differ from the Rust command's parameters.
fn argument_differences(c: &Contract, root: &Path) -> Vec<String> {
    let mut sources: BTreeMap<Vec<String>, String> = BTreeMap::new();
    let mut out = Vec::new();
    for (name, ui) in &c.called {
        let Some(command) = c.registered.iter().find(|r| r.name == *name) else {
            continue; // already named by `differences`
        };
        let source = sources.entry(command.module.clone()).or_insert_with(|| {
            let base = root.join("src").join(command.module.join("/"));
            let file = if command.module.is_empty() {
                root.join("src/lib.rs")
            } else if base.with_extension("rs").exists() {
                base.with_extension("rs")
            } else {
                base.join("mod.rs")
            };
            read(&file)
        });
        let rust = match rust_args(source, name) {
            Ok(args) => args,
            Err(e) => {
                out.push(format!("`{name}`: {e}"));
                continue;
            }
        };
        let sent = match ui {
            UiArgs::Keys(keys) => keys,
            UiArgs::Unreadable(why) => {
                out.push(format!("ipc.ts `{name}`: {why}"));
                continue;
            }
        };
        let extra: Vec<&String> = sent.difference(&rust).collect();
        let missing: Vec<&String> = rust.difference(sent).collect();
        if !extra.is_empty() || !missing.is_empty() {
            out.push(format!(
                "`{name}`: the window sends {{{}}} but the Rust command takes {{{}}}{}{}",
                sent.iter().cloned().collect::<Vec<_>>().join(", "),
                rust.iter().cloned().collect::<Vec<_>>().join(", "),
                if extra.is_empty() {
                    String::new()
                } else {
                    format!("; not a parameter: {extra:?}")
                },
                if missing.is_empty() {
                    String::new()
                } else {
                    format!("; not sent: {missing:?}")
                },
            ));
        }
    }
    out
}

#[test]
fn every_command_is_registered_declared_allowed_and_called_and_nothing_else() {
    let contract = read_contract(&tauri_dir());
    assert!(
        contract.registered.len() > 10 && contract.called.len() > 10,
        "the lists were not read: {} registered, {} called",
        contract.registered.len(),
        contract.called.len()
    );
    let found = differences(&contract);
    assert!(
        found.is_empty(),
        "the command lists disagree:\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn the_window_sends_each_command_exactly_its_rust_parameters_in_camel_case() {
    let root = tauri_dir();
    let contract = read_contract(&root);
    let found = argument_differences(&contract, &root);
    assert!(
        found.is_empty(),
        "the window's arguments disagree with the Rust commands:\n  {}",
        found.join("\n  ")
    );
}

// ---- the checker checks itself on small inputs ---------------------------------------------------------

fn sample_contract(lib: &str, build: &str, json: &str, ts: &str) -> Contract {
    let (allowed, other) = allowed(json);
    let (called, mut problems) = called(ts);
    problems.extend(other);
    Contract {
        registered: registered(lib),
        declared: declared(build),
        allowed,
        called,
        problems,
    }
}

const SAMPLE_TS: &str = r#"
import { invoke } from '@tauri-apps/api/core';
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  return await invoke<T>(command, args); // call<X>('not_a_command') in a comment
}
export const a = () => call<Array<Map<string, number>>>('alpha');
/* call<Y>('nor_this') */
export const b = (runId: string, goto: string) =>
  call<RunView>("beta_gamma", { runId, goto: goto.trim(), 'quoted': 1 });
"#;

#[test]
fn the_checker_reads_each_file_shape() {
    let c = sample_contract(
        "tauri::generate_handler![\n  commands::alpha, // first\n  guide::beta_gamma,\n]",
        "AppManifest::new().commands(&[\"alpha\", /* x */ \"beta_gamma\"])",
        r#"{"permissions": ["allow-alpha", "allow-beta-gamma", "clipboard-manager:allow-read-text"]}"#,
        SAMPLE_TS,
    );
    assert_eq!(differences(&c), Vec::<String>::new());
    assert_eq!(c.registered[1].module, ["guide"]);
    assert_eq!(
        c.called[0],
        ("alpha".to_string(), UiArgs::Keys(BTreeSet::new()))
    );
    let expected: BTreeSet<String> = ["goto", "quoted", "runId"].map(String::from).into();
    assert_eq!(
        c.called[1],
        ("beta_gamma".to_string(), UiArgs::Keys(expected))
    );
}

#[test]
fn the_checker_names_a_command_missing_from_one_place() {
    let c = sample_contract(
        "generate_handler![commands::alpha, commands::beta_gamma, commands::alpha]",
        ".commands(&[\"alpha\"])",
        r#"{"permissions": ["allow-alpha", "allow-beta-gamma", "allow-delta", "deny-alpha"]}"#,
        SAMPLE_TS,
    );
    let found = differences(&c).join("\n");
    assert!(found.contains("`beta_gamma` is registered in src/lib.rs, allowed in capabilities/main.json, called in ui/src/lib/ipc.ts but not declared in build.rs"), "{found}");
    assert!(
        found.contains(
            "`delta` is allowed in capabilities/main.json but not registered in src/lib.rs"
        ),
        "{found}"
    );
    assert!(
        found.contains("`alpha` is registered in src/lib.rs twice"),
        "{found}"
    );
    assert!(found.contains("deny-alpha"), "{found}");
}

#[test]
fn the_checker_reads_rust_parameters_and_leaves_out_injected_ones() {
    let source = r#"
#[tauri::command]
pub async fn beta_gamma_more(x: String) -> CmdResult<()> { Ok(()) }

/// Doc.
#[tauri::command]
pub async fn beta_gamma(
    app: AppHandle,
    state: State<'_, AppState>,
    run_id: String, // the run
    callback: Box<dyn Fn(u8) -> u8>,
    mut goto: Option<Vec<String>>,
) -> CmdResult<RunView> { todo!() }

#[tauri::command(rename_all = "snake_case")]
pub fn snaky(run_id: String) {}
"#;
    let expected: BTreeSet<String> = ["callback", "goto", "runId"].map(String::from).into();
    assert_eq!(rust_args(source, "beta_gamma"), Ok(expected));
    assert_eq!(
        rust_args(source, "snaky"),
        Ok(["run_id".to_string()].into())
    );
    assert!(rust_args(source, "nowhere").is_err());
}

#[test]
fn the_checker_refuses_calls_it_cannot_read() {
    let (calls, problems) = called(
        "const x = invoke('a');\nasync function call<T>(c: string) { return invoke<T>(c); }\nexport const f = (n: string) => call<null>(n);\nexport const g = (o: object) => call<null>('g', o);",
    );
    assert!(
        problems.iter().any(|p| p.contains("not a string literal")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("`invoke` 2 times")),
        "{problems:?}"
    );
    assert!(
        matches!(&calls[0].1, UiArgs::Unreadable(why) if why.contains("not an object literal"))
    );
}
