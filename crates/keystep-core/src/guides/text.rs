//! The safe Markdown subset of guide text, turned into blocks the UI renders as plain elements (never as
//! HTML): paragraphs and "- " lists, with *emphasis* and **strong** runs. A guide names another guide
//! by its exact title in emphasis right after the word "guide" (`the Keystep guide *I am locked out*`);
//! [`link_guides`] makes such a name a link, and the validator refuses a name no guide has.

use serde::Serialize;
use ts_rs::TS;

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Inline {
    pub text: String,
    pub em: bool,
    pub strong: bool,
    /// The id of the guide this run names, when it is a guide's title written as a guide name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub guide: Option<String>,
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
            guide: None,
        });
    }
}

/// True when `run` is written as a guide's name: in emphasis, right after the word "guide" (or "guía"
/// in a Spanish translation: `la guía *Mi cuenta está bloqueada*`).
fn names_a_guide(before: Option<&Inline>, run: &Inline) -> bool {
    run.em
        && before.is_some_and(|b| {
            let words = b.text.trim_end();
            let last = words.to_lowercase();
            b.text.len() > words.len() && (last.ends_with("guide") || last.ends_with("guía"))
        })
}

/// The titles a text names as guides (`the guide *Title*`), in order: the validator checks each is a
/// guide's exact title.
pub fn guide_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for block in blocks(text) {
        let lines = match block {
            Block::Paragraph(runs) => vec![runs],
            Block::List(items) => items,
        };
        for runs in &lines {
            for (i, run) in runs.iter().enumerate() {
                if names_a_guide(i.checked_sub(1).and_then(|j| runs.get(j)), run) {
                    names.push(run.text.clone());
                }
            }
        }
    }
    names
}

/// Marks every guide name in `blocks` whose text is the exact title of one of `guides` with that
/// guide's id, so the window shows it as a link that opens the guide.
pub fn link_guides(blocks: &mut [Block], guides: &[super::Guide]) {
    let link = |runs: &mut Vec<Inline>| {
        for i in 0..runs.len() {
            let named = names_a_guide(i.checked_sub(1).and_then(|j| runs.get(j)), &runs[i]);
            if !named {
                continue;
            }
            if let Some(g) = guides.iter().find(|g| g.title == runs[i].text) {
                runs[i].guide = Some(g.id.clone());
            }
        }
    };
    for block in blocks {
        match block {
            Block::Paragraph(runs) => link(runs),
            Block::List(items) => items.iter_mut().for_each(link),
        }
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
            guide: None,
        }
    }

    fn em(t: &str) -> Inline {
        Inline {
            em: true,
            ..plain(t)
        }
    }

    #[test]
    fn a_guide_title_in_emphasis_after_the_word_guide_becomes_a_link_to_it() {
        let guides = crate::guides::bundled(crate::catalog::Catalog::bundled()).unwrap();
        let mut b = blocks(
            "Use the Keystep guide *I am locked out*. Choose *I am locked out* on the page.\n\n- or the guide *No such guide*",
        );
        link_guides(&mut b, &guides);
        let Block::Paragraph(runs) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(
            runs[1],
            Inline {
                guide: Some("locked-out".into()),
                ..em("I am locked out")
            }
        );
        // The same words not written as a guide name stay plain emphasis (a button on a page).
        assert_eq!(runs[3], em("I am locked out"));
        let Block::List(items) = &b[1] else {
            panic!("{b:?}")
        };
        assert_eq!(items[0][1], em("No such guide"));
        assert_eq!(
            guide_names("Use the guide *A*, then *B*.\n\n- The Keystep guide *C* helps"),
            ["A", "C"]
        );
        let json = serde_json::to_value(&runs[0]).unwrap();
        assert!(json.get("guide").is_none(), "{json}");
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
                em("Continue"),
                plain("."),
            ])
        );
        assert_eq!(
            b[1],
            Block::List(vec![
                vec![
                    plain("one "),
                    Inline {
                        strong: true,
                        ..plain("big")
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
