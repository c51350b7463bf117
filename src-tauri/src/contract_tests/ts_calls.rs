//! Reads the command calls of `ui/src/lib/api.ts`: a small TypeScript
//! tokenizer (comments, strings, words, punctuation), enough to find each
//! call, its command name and the keys of its argument object. What it
//! cannot read is an error, never skipped.

use super::Body;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(String),
    /// A template literal or a number: never a command name or a key.
    Other,
}

fn is_punct(t: Option<&Tok>, p: &str) -> bool {
    matches!(t, Some(Tok::Punct(q)) if q == p)
}

/// Tokens of TypeScript with their line: enough to find calls, their
/// arguments and object keys (comments and strings are not mistaken for code).
fn tokenize(src: &str) -> Result<Vec<(usize, Tok)>, String> {
    let chars: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    while i < chars.len() {
        let (c, start) = (chars[i], i);
        let tok = match c {
            _ if c.is_whitespace() => None,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while chars.get(i + 1).is_some_and(|&d| d != '\n') {
                    i += 1;
                }
                None
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i = (i + 2..chars.len())
                    .find(|&k| chars[k..].starts_with(&['*', '/']))
                    .ok_or_else(|| format!("{line}: unterminated comment"))?
                    + 1;
                None
            }
            '\'' | '"' | '`' => {
                i += 1;
                while chars
                    .get(i)
                    .is_some_and(|&d| d != c && (d != '\n' || c == '`'))
                {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                if chars.get(i) != Some(&c) {
                    return Err(format!("{line}: unterminated string"));
                }
                let text = chars[start + 1..i].iter().collect();
                Some(if c == '`' { Tok::Other } else { Tok::Str(text) })
            }
            _ if word_char(c) => {
                while chars.get(i + 1).is_some_and(|&d| word_char(d)) {
                    i += 1;
                }
                let word = chars[start..=i].iter().collect();
                Some(if c.is_ascii_digit() {
                    Tok::Other
                } else {
                    Tok::Ident(word)
                })
            }
            _ => {
                let long = ["=>", "..."].into_iter().find(|p| {
                    let p: Vec<char> = p.chars().collect();
                    chars[i..].starts_with(&p)
                });
                i += long.map_or(0, |p| p.len() - 1);
                Some(Tok::Punct(chars[start..=i].iter().collect()))
            }
        };
        out.extend(tok.map(|t| (line, t)));
        i += 1;
        line += chars[start..i].iter().filter(|&&d| d == '\n').count();
    }
    Ok(out)
}

/// The top-level items (split at commas) of the bracketed group opening at
/// `toks[open]`, and the index after its closing bracket.
fn split_group(toks: &[Tok], open: usize) -> Option<(Vec<Vec<Tok>>, usize)> {
    let (mut depth, mut items, mut item) = (0, Vec::new(), Vec::new());
    for (k, tok) in toks.iter().enumerate().skip(open) {
        let p = match tok {
            Tok::Punct(p) => p.as_str(),
            _ => "",
        };
        if matches!(p, ")" | "]" | "}") {
            depth -= 1;
            if depth == 0 {
                items.extend((!item.is_empty()).then_some(item));
                return Some((items, k + 1));
            }
        }
        match depth {
            0 if !matches!(p, "(" | "[" | "{") => return None,
            0 => {}
            1 if p == "," => items.push(std::mem::take(&mut item)),
            _ => item.push(tok.clone()),
        }
        if matches!(p, "(" | "[" | "{") {
            depth += 1;
        }
    }
    None
}

/// One command call of `api.ts`.
#[derive(Debug, PartialEq)]
pub(super) struct Invoke {
    pub line: usize,
    pub command: String,
    pub body: Body,
}

/// Every `invoke('cmd', …)` and `call('cmd', …)` (the wrapper of `api.ts`),
/// with or without type arguments. A call whose command is not a string
/// literal is an error, except the wrapper passing its own `cmd` on.
pub(super) fn invokes(src: &str) -> Result<Vec<Invoke>, String> {
    let (lines, toks): (Vec<usize>, Vec<Tok>) = tokenize(src)?.into_iter().unzip();
    let mut out = Vec::new();
    let mut next = 0;
    while next < toks.len() {
        let i = next;
        next += 1;
        let Tok::Ident(word) = &toks[i] else { continue };
        if word == "import" {
            // `import { invoke, … } from '…'` names it, does not call it.
            while toks.get(next).is_some_and(|t| !matches!(t, Tok::Str(_))) {
                next += 1;
            }
            continue;
        }
        let line = lines[i];
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let definition = matches!(prev, Some(Tok::Ident(w)) if w == "function");
        let caller = word == "invoke" || (word == "call" && !is_punct(prev, "."));
        if !caller || definition {
            continue;
        }
        let mut open = i + 1;
        if is_punct(toks.get(open), "<") {
            let mut depth = 0;
            while let Some(t) = toks.get(open) {
                depth += i32::from(is_punct(Some(t), "<")) - i32::from(is_punct(Some(t), ">"));
                open += 1;
                if depth == 0 {
                    break;
                }
            }
        }
        if !is_punct(toks.get(open), "(") {
            match word.as_str() {
                "invoke" => return Err(format!("{line}: `invoke` used other than in a call")),
                _ => continue,
            }
        }
        let (args, _) = split_group(&toks, open).ok_or(format!("{line}: unclosed call"))?;
        let command = match args.first().map(Vec::as_slice) {
            Some([Tok::Str(name)]) => name.clone(),
            Some([Tok::Ident(cmd)]) if cmd == "cmd" => continue,
            _ => return Err(format!("{line}: cannot read the command name of this call")),
        };
        let body = match args.get(1) {
            _ if args.len() > 3 => return Err(format!("{line}: `{command}`: too many arguments")),
            None => Body::Keys(BTreeSet::new()),
            Some(arg) if is_punct(arg.first(), "{") => object_keys(arg)
                .map_err(|e| format!("{line}: `{command}`: cannot read its arguments: {e}"))?,
            Some(_) => Body::Raw,
        };
        out.push(Invoke {
            line,
            command,
            body,
        });
    }
    Ok(out)
}

/// The keys of an object literal `{ a, b: x, 'c': y }`.
fn object_keys(arg: &[Tok]) -> Result<Body, String> {
    let (entries, end) = split_group(arg, 0).ok_or("unclosed object")?;
    if end != arg.len() {
        return Err("not one object literal".into());
    }
    let mut keys = BTreeSet::new();
    for entry in entries {
        let key = match entry.as_slice() {
            [Tok::Ident(k)] => k,
            [Tok::Ident(k) | Tok::Str(k), Tok::Punct(colon), _, ..] if colon == ":" => k,
            _ => return Err(format!("an entry {entry:?}")),
        };
        if !keys.insert(key.clone()) {
            return Err(format!("`{key}` given twice"));
        }
    }
    Ok(Body::Keys(keys))
}

#[test]
fn reads_calls_and_refuses_what_it_cannot_read() {
    let keys = |k: &[&str]| Body::Keys(k.iter().map(|s| s.to_string()).collect());
    let src = "import { invoke } from 'x';\n// invoke('commented_out')\n\
        const s = \"call('in_a_string')\";\n\
        async function call<T>(cmd: string, a?: A): Promise<T> { return invoke<T>(cmd, a); }\n\
        f.call(this, 1);\n\
        x = { a: () => call('no_args'), b: (r: R) =>\n\
        call<Promise<() => void>>('two', { regNo: r.x, 'y': [1, 2], z, }),\n\
        c: () => invoke('raw', bytes, { headers: { 'x-a': '1' } }) };";
    let found = invokes(src).unwrap();
    let got: Vec<_> = found
        .iter()
        .map(|i| (i.line, i.command.as_str(), &i.body))
        .collect();
    let (none, two) = (keys(&[]), keys(&["regNo", "y", "z"]));
    assert_eq!(
        got,
        [
            (6, "no_args", &none),
            (7, "two", &two),
            (8, "raw", &Body::Raw)
        ]
    );
    for bad in [
        "invoke(name, {})",
        "call(`tpl`)",
        "invoke('a', { ...rest })",
        "invoke('a', { [k]: 1 })",
        "invoke('a', { b: 1, b: 2 })",
        "const f = invoke;",
        "invoke('a', {",
        "invoke('a)",
    ] {
        assert!(invokes(bad).is_err(), "read without complaint: {bad}");
    }
}
