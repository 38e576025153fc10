//! How easy a guide is to read: the Flesch–Kincaid grade level of English text and the
//! Fernández-Huerta score of Spanish text, measured over what a person reads in the guide (step titles
//! and texts, warnings, waits, questions and their answers), with the Markdown marks taken out.
//!
//! Both formulas count words, sentences and syllables. Syllables are counted by rule, not from a
//! dictionary: vowel groups, with English's silent *e* and Spanish's diphthongs. The counts are close
//! enough to compare guides and to hold a limit, not to grade one sentence exactly.

use serde::Serialize;

use super::format::{Action, Guide};
use super::text::{Block, Inline, blocks};
use crate::Lang;

/// The highest Flesch–Kincaid grade a bundled English guide may have (the tests hold it).
pub const MAX_ENGLISH_GRADE: f64 = 8.0;

/// Words, sentences and syllables of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
    }

    /// Flesch–Kincaid grade level: 0.39·words/sentences + 11.8·syllables/words − 15.59 (0 for no words).
    pub fn flesch_kincaid_grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        let sentences = self.sentences.max(1) as f64;
        0.39 * words / sentences + 11.8 * self.syllables as f64 / words - 15.59
    }

    /// Fernández-Huerta reading ease: 206.84 − 0.60·P − 1.02·F, P syllables and F sentences per 100
    /// words (higher is easier; 70 to 80 is "fairly easy", 80 to 90 "easy"). 0 for no words.
    pub fn fernandez_huerta(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let per_100 = 100.0 / self.words as f64;
        206.84
            - 0.60 * self.syllables as f64 * per_100
            - 1.02 * self.sentences.max(1) as f64 * per_100
    }

    /// The score of `lang`: the grade for English, Fernández-Huerta for Spanish.
    pub fn score(&self, lang: Lang) -> f64 {
        match lang {
            Lang::En => self.flesch_kincaid_grade(),
            Lang::Es => self.fernandez_huerta(),
        }
    }
}

/// What the score of a language is called, for lists and messages.
pub fn score_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Flesch-Kincaid grade",
        Lang::Es => "Fernandez-Huerta score",
    }
}

/// The reading text of a guide, one piece per title, paragraph, list item, question and answer,
/// with the Markdown marks taken out. A piece that ends without a full stop (a title, a button's
/// answer) still counts as one sentence.
pub fn reading_text(guide: &Guide) -> Vec<String> {
    let mut pieces = Vec::new();
    let text = |t: &str, pieces: &mut Vec<String>| {
        for block in blocks(t) {
            match block {
                Block::Paragraph(runs) => pieces.push(plain(&runs)),
                Block::List(items) => pieces.extend(items.iter().map(|i| plain(i))),
            }
        }
    };
    for (_, step) in guide.all_steps() {
        pieces.push(step.title.clone());
        text(&step.text, &mut pieces);
        for action in &step.actions {
            match action {
                Action::Warning { text: t } | Action::Wait { text: t, .. } => text(t, &mut pieces),
                Action::Question { text: t, answers } => {
                    text(t, &mut pieces);
                    pieces.extend(answers.iter().map(|a| a.label.clone()));
                }
                Action::OpenPage { .. }
                | Action::ShowCode { .. }
                | Action::ShowPhone { .. }
                | Action::CheckAddress { .. } => {}
            }
        }
    }
    pieces
}

fn plain(runs: &[Inline]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// The counts of a guide's reading text in `lang`.
pub fn guide_counts(guide: &Guide, lang: Lang) -> Counts {
    let mut total = Counts::default();
    for piece in reading_text(guide) {
        total.add(counts(&piece, lang));
    }
    total
}

/// The counts of one piece of text. A sentence ends at a word that ends in `.`, `!` or `?`
/// (closing quotes and brackets aside), and at the end of the piece.
pub fn counts(text: &str, lang: Lang) -> Counts {
    let mut c = Counts::default();
    let mut open_sentence = false;
    for token in text.split_whitespace() {
        let word: String = token
            .chars()
            .filter(|ch| ch.is_alphanumeric() || *ch == '\'' || *ch == '’')
            .collect();
        if word.chars().any(char::is_alphanumeric) {
            c.words += 1;
            c.syllables += syllables(&word, lang);
            open_sentence = true;
        }
        let end = token.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '»']);
        if open_sentence && end.ends_with(['.', '!', '?']) {
            c.sentences += 1;
            open_sentence = false;
        }
    }
    if open_sentence {
        c.sentences += 1;
    }
    c
}

/// Syllables of one word in `lang` (at least 1; a number or a word without vowels counts as 1).
pub fn syllables(word: &str, lang: Lang) -> usize {
    match lang {
        Lang::En => english_syllables(word),
        Lang::Es => spanish_syllables(word),
    }
}

/// English: vowel groups (a e i o u, and y after a consonant), less a silent final *e* (but not the
/// *-le* of "table"), less the silent *e* of *-ed* except after t or d ("jumped", "wanted").
pub fn english_syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    if w.is_empty() {
        return 1;
    }
    let is_vowel = |i: usize| match w[i] {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        // A first y is a consonant ("yes"); later it is a vowel ("gym", "every").
        'y' => i > 0,
        _ => false,
    };
    let mut groups = 0;
    let mut previous = false;
    for i in 0..w.len() {
        let v = is_vowel(i);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let n = w.len();
    let consonant = |i: usize| !is_vowel(i);
    if groups > 1 && w[n - 1] == 'e' {
        // "table", "simple": the e of -le after a consonant is heard; "whole", "make": it is not.
        let heard_le = n >= 3 && w[n - 2] == 'l' && consonant(n - 3);
        // "free", "toe": a final e after a vowel belongs to that vowel's group already.
        if !heard_le && consonant(n - 2) {
            groups -= 1;
        }
    } else if groups > 1
        && n >= 3
        && w[n - 2] == 'e'
        && w[n - 1] == 'd'
        && consonant(n - 3)
        // "wanted", "needed": the e of -ed after t or d is heard.
        && !matches!(w[n - 3], 't' | 'd')
    {
        groups -= 1;
    }
    groups.max(1)
}

/// Spanish: every vowel group is one syllable, except where two vowels are in hiatus. Two strong
/// vowels (a, e, o) are two syllables ("le-er"); a strong and a weak one (i, u) or two weak ones make
/// one diphthong ("ciu-dad", "cue-ro"), unless the weak vowel carries the accent ("pa-ís", "le-í-a").
/// The u of "que", "qui", "gue", "gui" is not said; "ü" is ("pin-güi-no"). A final y after a vowel
/// closes its syllable ("muy", "hoy"), and the word "y" is one syllable.
pub fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 1;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum V {
        Strong,
        Weak,
        /// An accented weak vowel: a syllable of its own beside any vowel.
        Stressed,
        Not,
    }
    let n = w.len();
    let kind = |i: usize| -> V {
        match w[i] {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => V::Strong,
            'í' | 'ú' => V::Stressed,
            'i' | 'ü' => V::Weak,
            'u' => {
                let after_q_or_g = i > 0 && matches!(w[i - 1], 'q' | 'g');
                let before_e_or_i = i + 1 < n && matches!(w[i + 1], 'e' | 'i' | 'é' | 'í');
                if after_q_or_g && before_e_or_i {
                    V::Not
                } else {
                    V::Weak
                }
            }
            'y' if i + 1 == n && (n == 1 || kind_is_vowel(w[i - 1])) => V::Weak,
            _ => V::Not,
        }
    };
    let mut count = 0;
    let mut previous = V::Not;
    for i in 0..n {
        let k = kind(i);
        let joins = match (previous, k) {
            (_, V::Not) | (V::Not, _) => false,
            (V::Stressed, _) | (_, V::Stressed) => false,
            (V::Strong, V::Strong) => false,
            // Strong + weak, weak + strong, weak + weak: one diphthong.
            _ => true,
        };
        if k != V::Not && !joins {
            count += 1;
        }
        previous = k;
    }
    count.max(1)
}

fn kind_is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ü'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_syllables_follow_the_usual_rules() {
        for (word, expected) in [
            ("the", 1),
            ("cat", 1),
            ("code", 1),
            ("phone", 1),
            ("whole", 1),
            ("be", 1),
            ("free", 1),
            ("table", 2),
            ("simple", 2),
            ("people", 2),
            ("little", 2),
            ("password", 2),
            ("jumped", 1),
            ("wanted", 2),
            ("needed", 2),
            ("yes", 1),
            ("gym", 1),
            ("security", 4),
            ("authenticator", 5),
            ("verification", 5),
            ("Account", 2),
            ("2026", 1),
        ] {
            assert_eq!(english_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn spanish_syllables_follow_the_diphthong_rules() {
        for (word, expected) in [
            ("ciudad", 2),
            ("país", 2),
            ("leía", 3),
            ("baúl", 2),
            ("que", 1),
            ("guitarra", 3),
            ("guía", 2),
            ("pingüino", 3),
            ("teléfono", 4),
            ("aéreo", 4),
            ("leer", 2),
            ("poeta", 3),
            ("cuidado", 3),
            ("hoy", 1),
            ("muy", 1),
            ("y", 1),
            ("yo", 1),
            ("código", 3),
            ("contraseña", 4),
            ("Seguro", 3),
            ("identidad", 4),
            ("autenticación", 5),
            ("buey", 1),
        ] {
            assert_eq!(spanish_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn the_formulas_give_the_published_values_on_known_counts() {
        // "The cat sat on the mat.": 6 words, 1 sentence, 6 syllables.
        let c = counts("The cat sat on the mat.", Lang::En);
        assert_eq!(
            c,
            Counts {
                words: 6,
                sentences: 1,
                syllables: 6
            }
        );
        let grade = c.flesch_kincaid_grade();
        assert!(
            (grade - (0.39 * 6.0 + 11.8 - 15.59)).abs() < 1e-9,
            "{grade}"
        );
        // 100 words, 5 sentences, 150 syllables: 206.84 − 0.60·150 − 1.02·5 = 111.74.
        let es = Counts {
            words: 100,
            sentences: 5,
            syllables: 150,
        };
        assert!((es.fernandez_huerta() - 111.74).abs() < 1e-9);
        assert_eq!(Counts::default().flesch_kincaid_grade(), 0.0);
    }

    #[test]
    fn sentences_end_at_stops_and_at_the_end_of_a_piece() {
        let c = counts(
            "Open the page. Is it **there**? Then press *Continue*",
            Lang::En,
        );
        assert_eq!((c.words, c.sentences), (9, 3));
        // A domain name's dot does not end a sentence.
        assert_eq!(counts("Go to id.me now.", Lang::En).sentences, 1);
        let es = counts("Abra la página. ¿Ve el código?", Lang::Es);
        assert_eq!(
            (es.words, es.sentences, es.syllables),
            (6, 2, 2 + 1 + 3 + 1 + 1 + 3)
        );
    }

    #[test]
    fn a_guide_is_measured_over_its_reading_text_without_markdown() {
        let guides = crate::guides::bundled(crate::catalog::Catalog::bundled()).unwrap();
        let g = &guides[0];
        let pieces = reading_text(g);
        assert!(pieces.iter().any(|p| p == &g.steps[0].title));
        assert!(
            pieces
                .iter()
                .all(|p| !p.contains("**") && !p.starts_with("- "))
        );
        let c = guide_counts(g, Lang::En);
        assert!(
            c.words > 100 && c.sentences > 10 && c.syllables > c.words,
            "{c:?}"
        );
    }

    /// The rule of docs/guide-format.md: every bundled English guide reads at grade 8 or below.
    #[test]
    fn every_bundled_english_guide_reads_at_grade_8_or_below() {
        let guides = crate::guides::bundled(crate::catalog::Catalog::bundled()).unwrap();
        let too_hard: Vec<String> = guides
            .iter()
            .map(|g| (g, guide_counts(g, Lang::En).flesch_kincaid_grade()))
            .filter(|(_, grade)| *grade > MAX_ENGLISH_GRADE)
            .map(|(g, grade)| format!("{} ({}): grade {grade:.1}", g.id, g.title))
            .collect();
        assert!(
            too_hard.is_empty(),
            "these guides read above grade {MAX_ENGLISH_GRADE}; use shorter sentences and plainer words:\n{}",
            too_hard.join("\n")
        );
    }
}
