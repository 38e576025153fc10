//! The safe Markdown subset of guide text, turned into blocks the UI renders as plain elements (never as
//! HTML): paragraphs and "- " lists, with *emphasis* and **strong** runs.

use serde::Serialize;
use ts_rs::TS;

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Inline {
    pub text: String,
    pub em: bool,
    pub strong: bool,
}

/// A paragraph or a bulleted list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
#[ts(export)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// Splits guide text into blocks. Lines of a paragraph join with spaces; a blank line ends a block.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush = |out: &mut Vec<Block>, paragraph: &mut Vec<&str>, items: &mut Vec<String>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(inlines(&paragraph.join(" "))));
            paragraph.clear();
        }
        if !items.is_empty() {
            out.push(Block::List(items.iter().map(|i| inlines(i)).collect()));
            items.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut out, &mut paragraph, &mut items);
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                let mut none = Vec::new();
                flush(&mut out, &mut paragraph, &mut none);
            }
            items.push(item.trim().to_string());
        } else if !items.is_empty() && paragraph.is_empty() {
            // A line right after an item continues that item.
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut out, &mut paragraph, &mut items);
    out
}

/// Splits a line into runs at `**` (strong) and `*` (emphasis) markers; unmatched markers stay text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut runs: Vec<Inline> = Vec::new();
    let (mut em, mut strong) = (false, false);
    let mut current = String::new();
    let mut rest = text;
    let closes = |s: &str, marker: &str| s.contains(marker);
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**")
            && (strong || closes(after, "**"))
        {
            push_run(&mut runs, &mut current, em, strong);
            strong = !strong;
            rest = after;
        } else if let Some(after) = rest.strip_prefix('*')
            && (em || closes(after, "*"))
        {
            push_run(&mut runs, &mut current, em, strong);
            em = !em;
            rest = after;
        } else {
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                current.push(c);
            }
            rest = chars.as_str();
        }
    }
    push_run(&mut runs, &mut current, em, strong);
    runs
}

fn push_run(runs: &mut Vec<Inline>, current: &mut String, em: bool, strong: bool) {
    if !current.is_empty() {
        runs.push(Inline {
            text: std::mem::take(current),
            em,
            strong,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(t: &str) -> Inline {
        Inline {
            text: t.into(),
            em: false,
            strong: false,
        }
    }

    #[test]
    fn paragraphs_lists_and_emphasis_become_blocks() {
        let b =
            blocks("Type the code.\nThen press *Continue*.\n\n- one **big** step\n- two\n\nDone.");
        assert_eq!(b.len(), 3);
        assert_eq!(
            b[0],
            Block::Paragraph(vec![
                plain("Type the code. Then press "),
                Inline {
                    text: "Continue".into(),
                    em: true,
                    strong: false
                },
                plain("."),
            ])
        );
        assert_eq!(
            b[1],
            Block::List(vec![
                vec![
                    plain("one "),
                    Inline {
                        text: "big".into(),
                        em: false,
                        strong: true
                    },
                    plain(" step")
                ],
                vec![plain("two")],
            ])
        );
        assert_eq!(b[2], Block::Paragraph(vec![plain("Done.")]));
    }

    #[test]
    fn markup_characters_stay_text_and_never_become_elements() {
        let b = blocks("3 * 4 = 12 and <b>not bold</b>");
        assert_eq!(
            b,
            vec![Block::Paragraph(vec![plain(
                "3 * 4 = 12 and <b>not bold</b>"
            )])]
        );
    }

    #[test]
    fn every_bundled_guide_text_turns_into_blocks() {
        let guides = crate::guides::bundled(crate::catalog::Catalog::bundled()).unwrap();
        for g in &guides {
            for (_, s) in g.all_steps() {
                assert!(
                    !blocks(&s.text).is_empty(),
                    "{}/{} has no text blocks",
                    g.id,
                    s.id
                );
            }
        }
    }
}
