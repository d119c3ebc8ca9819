//! YAML front matter: the `---` block of `key: value` lines at the top of a
//! text file, as Markdown converters and scrapers write it (trafilatura's
//! `--with-metadata`, Jekyll, Hugo):
//!
//! ```text
//! ---
//! title: "Floods displace thousands in Sindh"
//! author: Jane Doe
//! date: 2020-09-26
//! sitename: Dawn
//! ---
//! ```
//!
//! Its keys are read as the columns of a record (see [`super::columns`]),
//! so `title`, `date`, `author`, `sitename`, `url` and the like fill the
//! fields they name. Only flat keys are read: nested maps are passed over,
//! a list ("- item" lines or `[a, b]`) becomes its items joined, and a
//! block scalar (`>` or `|`, then indented lines) its lines joined.

use super::records::Row;

/// Most lines a front matter block may have.
const MAX_LINES: usize = 200;

/// A file's front matter and its text without it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct FrontMatter {
    pub names: Vec<String>,
    pub values: Row,
    /// The text with the block's lines left empty, so that the line numbers
    /// fields are found on stay those of the file.
    pub blanked: String,
}

/// The front matter at the top of `text`, if it has one.
pub(super) fn split(text: &str) -> Option<FrontMatter> {
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    if lines.next()? != "---" {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut values: Row = Vec::new();
    let mut closed_at = None;
    // The last key opened a block scalar.
    let mut in_block = false;
    for (n, line) in lines.take(MAX_LINES).enumerate() {
        if line == "---" || line == "..." {
            closed_at = Some(n + 2);
            break;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            // An item of the list the last key opened ("authors:").
            if let (Some(value), true) = (values.last_mut(), line.starts_with([' ', '-'])) {
                if !value.is_empty() {
                    value.push_str(", ");
                }
                value.push_str(scalar(item));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // A line of a block scalar ("description: >" then indented
            // lines); other nested lines are passed over.
            if let Some(value) = values.last_mut().filter(|_| in_block) {
                if !value.is_empty() {
                    value.push(' ');
                }
                value.push_str(line.trim());
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || "_-".contains(c)) {
            return None;
        }
        names.push(key.to_owned());
        in_block = is_block_start(value.trim());
        values.push(if in_block {
            String::new()
        } else {
            list_or_scalar(value.trim())
        });
    }
    let closed_at = closed_at?;
    let rest: usize = text
        .split_inclusive('\n')
        .take(closed_at)
        .map(str::len)
        .sum();
    let mut blanked = "\n".repeat(closed_at);
    blanked.push_str(&text[rest..]);
    Some(FrontMatter {
        names,
        values,
        blanked,
    })
}

/// The indicator of a YAML block scalar, whose text is on the indented
/// lines that follow ("title: >").
fn is_block_start(value: &str) -> bool {
    matches!(value, "|" | ">" | "|-" | ">-" | "|+" | ">+")
}

/// A value without its quotes; an inline list's items joined.
fn list_or_scalar(value: &str) -> String {
    match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(items) => items
            .split(',')
            .map(|item| scalar(item.trim()))
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        None => scalar(value).to_owned(),
    }
}

/// A scalar without the quotes around it.
fn scalar(value: &str) -> &str {
    let value = value.trim();
    ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_lists_and_quotes_and_keeps_line_numbers() {
        let text = "---\ntitle: \"Floods: thousands displaced\"\ndate: 2020-09-26\nauthors:\n  - Jane Doe\n  - John Roe\ntags: [floods, 'sindh']\nimage:\n  url: x.png\ndescription: >\n  Relief camps are full\n  as waters rise.\n---\n\nKARACHI: Text.\n";
        let fm = split(text).unwrap();
        assert_eq!(
            fm.names,
            ["title", "date", "authors", "tags", "image", "description"]
        );
        assert_eq!(
            fm.values,
            [
                "Floods: thousands displaced",
                "2020-09-26",
                "Jane Doe, John Roe",
                "floods, sindh",
                "",
                "Relief camps are full as waters rise."
            ]
        );
        assert_eq!(fm.blanked, "\n".repeat(13) + "\nKARACHI: Text.\n");
        assert_eq!(
            fm.blanked.lines().count(),
            text.lines().count(),
            "same line numbers"
        );
    }

    #[test]
    fn only_a_closed_block_of_keys_at_the_top() {
        for text in [
            "Title\n---\ntitle: x\n---\n",
            "---\ntitle: x\nno closing line\n",
            "---\nThis is a sentence, not a key.\n---\n",
            "---\n\nA horizontal rule above a paragraph.\n",
        ] {
            assert_eq!(split(text), None, "{text:?}");
        }
    }
}
