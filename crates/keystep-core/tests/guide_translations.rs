//! Guide translations: held against their English guide with file:line:column, bundled and user
//! translations chosen by language with a `translated` flag, and runs that continue across languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_core::Lang;
use keystep_core::catalog::Catalog;
use keystep_core::guides::translation::{check_translation, load_translations};
use keystep_core::guides::view::{Person, run_view_in};
use keystep_core::guides::{self, Guide, Library, Run, load_guide};

const EN: &str = r#"id = "sample-sign-in"
title = "Sign in to Login.gov"
service = "logingov"
summary = "Sign in with your email, password and a one-time code."
minutes = 5
needs = ["Your email", "Your phone"]

[[sources]]
url = "https://www.login.gov/help/"
checked = "2026-11-25"

[[steps]]
id = "open"
title = "Open the sign-in page"
text = "Press the button."
[[steps.actions]]
type = "open_page"
page = "sign_in"
label = "Open Login.gov"

[[steps]]
id = "code"
title = "Enter the code"
text = "Type the code from your text message."
[[steps.actions]]
type = "question"
text = "Did the text arrive?"
[[steps.actions.answers]]
label = "Yes"
goto = "next"
[[steps.actions.answers]]
label = "No"
goto = "branch:no-text"

[[steps]]
id = "done"
title = "You are in"
text = "Well done."

[[branches]]
id = "no-text"
title = "No text arrived"
returns = true
[[branches.steps]]
id = "wait-a-minute"
title = "Wait a minute"
text = "Texts can take a minute."
[[branches.steps.actions]]
type = "wait"
minutes = 1
text = "Wait one minute."
[[branches.steps]]
id = "new-code"
title = "Ask for a new code"
text = "Press **Send another code**."
"#;

const ES: &str = r#"id = "sample-sign-in"
title = "Iniciar sesión en Login.gov"
service = "logingov"
summary = "Inicie sesión con su correo electrónico, su contraseña y un código de un solo uso."
minutes = 5
needs = ["Su correo electrónico", "Su teléfono"]

[[sources]]
url = "https://www.login.gov/es/help/"
checked = "2026-11-29"

[[steps]]
id = "open"
title = "Abra la página para iniciar sesión"
text = "Presione el botón."
[[steps.actions]]
type = "open_page"
page = "sign_in"
label = "Abrir Login.gov"

[[steps]]
id = "code"
title = "Escriba el código"
text = "Escriba el código de su mensaje de texto."
[[steps.actions]]
type = "question"
text = "¿Le llegó el mensaje?"
[[steps.actions.answers]]
label = "Sí"
goto = "next"
[[steps.actions.answers]]
label = "No"
goto = "branch:no-text"

[[steps]]
id = "done"
title = "Ya entró"
text = "Muy bien."

[[branches]]
id = "no-text"
title = "No llegó el mensaje"
returns = true
[[branches.steps]]
id = "wait-a-minute"
title = "Espere un minuto"
text = "Los mensajes pueden tardar un minuto."
[[branches.steps.actions]]
type = "wait"
minutes = 1
text = "Espere un minuto."
[[branches.steps]]
id = "new-code"
title = "Pida un código nuevo"
text = "Presione **Enviar otro código**."
"#;

fn catalog() -> &'static Catalog {
    Catalog::bundled()
}

fn english() -> Guide {
    load_guide("sample.toml", EN, catalog()).unwrap()
}

/// The problems of a changed translation, as "es/sample.toml:LINE:COLUMN: message".
fn problems(text: &str) -> Vec<String> {
    match check_translation("es/sample.toml", text, &english(), catalog()) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

/// "es/sample.toml:LINE:COLUMN:" of the `nth` occurrence of `needle` in `text` (the column of its
/// first character).
fn place(text: &str, needle: &str, nth: usize) -> String {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in text"))
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("es/sample.toml:{line}:{column}:")
}

fn has(all: &[String], at: &str, words: &str) -> bool {
    all.iter().any(|p| p.starts_with(at) && p.contains(words))
}

#[test]
fn a_faithful_translation_passes_and_keeps_its_texts() {
    let es = check_translation("es/sample.toml", ES, &english(), catalog()).unwrap();
    assert_eq!(es.title, "Iniciar sesión en Login.gov");
    assert_eq!(es.steps[1].title, "Escriba el código");
    assert_eq!(es.sources[0].url, "https://www.login.gov/es/help/");
}

#[test]
fn a_missing_step_is_reported_where_it_belongs_and_an_extra_one_at_its_id() {
    // "code" taken out of the main steps: reported at the step before it ("open").
    let start = ES.find("[[steps]]\nid = \"code\"").unwrap();
    let end = ES.find("[[steps]]\nid = \"done\"").unwrap();
    let missing = format!("{}{}", &ES[..start], &ES[end..]);
    let p = problems(&missing);
    assert!(
        has(
            &p,
            &place(&missing, "\"open\"", 0),
            "step \"code\" of the main steps of the English guide is missing here (after step \"open\")"
        ),
        "{p:?}"
    );

    // The first step of a branch taken out: reported at the branch's id.
    let start = ES
        .find("[[branches.steps]]\nid = \"wait-a-minute\"")
        .unwrap();
    let end = ES.find("[[branches.steps]]\nid = \"new-code\"").unwrap();
    let missing = format!("{}{}", &ES[..start], &ES[end..]);
    let p = problems(&missing);
    assert!(
        has(
            &p,
            &place(&missing, "\"no-text\"", 0),
            "step \"wait-a-minute\" of branch \"no-text\" of the English guide is missing here (at the start)"
        ),
        "{p:?}"
    );

    // An extra step in the branch: reported at its id.
    let extra = format!(
        "{ES}[[branches.steps]]\nid = \"call-us\"\ntitle = \"Llámenos\"\ntext = \"Llame.\"\n"
    );
    let p = problems(&extra);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        has(
            &p,
            &place(&extra, "\"call-us\"", 0),
            "step \"call-us\" is not in branch \"no-text\" of the English guide"
        ),
        "{p:?}"
    );
}

#[test]
fn steps_out_of_order_and_missing_or_extra_branches_are_reported() {
    let swapped = ES
        .replacen("id = \"open\"", "id = \"TMP\"", 1)
        .replacen("id = \"code\"", "id = \"open\"", 1)
        .replacen("id = \"TMP\"", "id = \"code\"", 1);
    let p = problems(&swapped);
    assert!(
        has(
            &p,
            &place(&swapped, "\"code\"", 0),
            "step \"code\" is out of order in the main steps: the English guide has step \"open\" here"
        ),
        "{p:?}"
    );

    let renamed = ES.replace("no-text", "sin-texto");
    let p = problems(&renamed);
    assert!(
        has(
            &p,
            &place(&renamed, "\"sin-texto\"", 0),
            "branch \"no-text\" of the English guide is missing"
        ),
        "{p:?}"
    );
    assert!(
        has(
            &p,
            &place(&renamed, "\"sin-texto\"", 0),
            "branch \"sin-texto\" is not in the English guide"
        ),
        "{p:?}"
    );
}

#[test]
fn every_non_text_field_must_match_and_is_reported_at_its_value() {
    let changed = ES
        .replacen("minutes = 5", "minutes = 7", 1)
        .replacen(
            "needs = [\"Su correo electrónico\", \"Su teléfono\"]",
            "needs = [\"Su correo electrónico\"]",
            1,
        )
        .replacen("page = \"sign_in\"", "page = \"help\"", 1)
        .replacen("goto = \"branch:no-text\"", "goto = \"end\"", 1)
        .replacen("returns = true", "returns = false", 1)
        .replacen("minutes = 1\n", "minutes = 2\n", 1);
    let p = problems(&changed);
    let all = p.join("\n");
    assert!(
        has(
            &p,
            &place(&changed, "7", 0),
            "minutes = 7: the English guide says 5"
        ),
        "{all}"
    );
    assert!(
        has(
            &p,
            &place(&changed, "[\"Su correo", 0),
            "1 needs: the English guide lists 2"
        ),
        "{all}"
    );
    assert!(
        has(
            &p,
            &place(&changed, "\"help\"", 0),
            "action 1 of step \"open\": page is \"help\", the English guide has \"sign_in\""
        ),
        "{all}"
    );
    assert!(
        has(
            &p,
            &place(&changed, "\"end\"", 0),
            "answer 2's goto is \"end\", the English guide has \"branch:no-text\""
        ),
        "{all}"
    );
    assert!(
        has(
            &p,
            &place(&changed, "false", 0),
            "branch \"no-text\": returns = false, the English guide has true"
        ),
        "{all}"
    );
    assert!(
        has(
            &p,
            &wait_minutes_place(&changed),
            "action 1 of step \"wait-a-minute\": minutes is 2, the English guide has 1"
        ),
        "{all}"
    );
    assert_eq!(p.len(), 6, "{all}");
}

/// The place of the wait's `minutes` value (after "minutes = ").
fn wait_minutes_place(text: &str) -> String {
    let offset = text.find("minutes = 2").unwrap() + "minutes = ".len();
    let before = &text[..offset];
    format!(
        "es/sample.toml:{}:{}:",
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().unwrap().chars().count() + 1
    )
}

#[test]
fn another_action_type_count_or_service_is_reported() {
    let other_type = ES.replacen(
        "type = \"open_page\"\npage = \"sign_in\"\nlabel = \"Abrir Login.gov\"",
        "type = \"warning\"\ntext = \"Cuidado.\"",
        1,
    );
    let p = problems(&other_type);
    assert!(
        has(
            &p,
            &place(&other_type, "\"warning\"", 0),
            "action 1 of step \"open\" is warning, the English guide has open_page here"
        ),
        "{p:?}"
    );

    let more = ES.replacen(
        "label = \"Abrir Login.gov\"\n",
        "label = \"Abrir Login.gov\"\n[[steps.actions]]\ntype = \"show_code\"\nservice = \"logingov\"\n",
        1,
    );
    let p = problems(&more);
    assert!(
        has(
            &p,
            &place(&more, "\"open\"", 0),
            "step \"open\" has 2 actions, the English guide has 1"
        ),
        "{p:?}"
    );

    let service = ES.replacen("service = \"logingov\"", "service = \"irs\"", 1);
    let p = problems(&service);
    assert!(
        has(
            &p,
            &place(&service, "\"irs\"", 0),
            "service \"irs\": the English guide's service is \"logingov\""
        ),
        "{p:?}"
    );
}

#[test]
fn a_translation_must_first_be_a_valid_guide() {
    let broken = ES.replacen("page = \"sign_in\"", "page = \"nowhere\"", 1);
    let p = problems(&broken);
    assert!(
        has(
            &p,
            &place(&broken, "\"nowhere\"", 0),
            "has no page \"nowhere\""
        ),
        "{p:?}"
    );
    let unknown = ES.replacen("title = \"Ya entró\"", "titulo = \"Ya entró\"", 1);
    let p = problems(&unknown);
    assert!(has(&p, &place(&unknown, "titulo", 0), "titulo"), "{p:?}");
}

#[test]
fn a_translation_of_no_guide_and_guide_names_of_no_spanish_title_are_problems() {
    let english = vec![english()];
    let orphan = ES.replacen("id = \"sample-sign-in\"", "id = \"no-such-guide\"", 1);
    let naming = ES.replacen(
        "text = \"Muy bien.\"",
        "text = \"Muy bien. Si olvidó la contraseña, use la guía *Olvidé mi contraseña*; la Guía *Iniciar sesión en Login.gov* vuelve a empezar.\"",
        1,
    );
    let (loaded, p) = load_translations(
        &[("es/orphan.toml", &orphan), ("es/sample.toml", &naming)],
        &english,
        catalog(),
    );
    let all: Vec<String> = p.iter().map(ToString::to_string).collect();
    assert!(
        all.iter()
            .any(|x| x.starts_with("es/orphan.toml:1:6:")
                && x.contains("no English guide with that id")),
        "{all:?}"
    );
    // "Olvidé mi contraseña" is no title among these translations; its own title is one.
    assert!(
        all.iter()
            .any(|x| x.starts_with(&place(&naming, "*Olvidé", 0))
                && x.contains("names the guide \"Olvidé mi contraseña\"")),
        "{all:?}"
    );
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(loaded.is_empty());

    // Once a translation with that title is there, the name is fine.
    let forgot = ES
        .replacen("id = \"sample-sign-in\"", "id = \"sample-forgot\"", 1)
        .replacen("Iniciar sesión en Login.gov", "Olvidé mi contraseña", 1);
    let english_forgot = EN.replacen("id = \"sample-sign-in\"", "id = \"sample-forgot\"", 1);
    let english = vec![
        english[0].clone(),
        load_guide("f.toml", &english_forgot, catalog()).unwrap(),
    ];
    let (loaded, p) = load_translations(
        &[("es/sample.toml", &naming), ("es/forgot.toml", &forgot)],
        &english,
        catalog(),
    );
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(loaded.len(), 2);
}

/// Every translation compiled in (data/guides/<lang>/*.toml) matches its English guide and names only
/// guides of its language; a folder that is no language Keystep speaks is a problem too.
#[test]
fn every_bundled_translation_has_no_problem() {
    let english = guides::bundled(catalog()).unwrap();
    let mut all = Vec::new();
    for lang in Lang::ALL {
        let (loaded, problems) = guides::bundled_translations(lang, &english, catalog());
        all.extend(problems.iter().map(ToString::to_string));
        for g in &loaded {
            assert!(english.iter().any(|e| e.id == g.id));
        }
    }
    let present = guides::BUNDLED_TRANSLATIONS.len();
    assert!(
        all.is_empty(),
        "{} problems in {present} bundled translations:\n{}",
        all.len(),
        all.join("\n")
    );
    // Each one loaded: none is left out without a problem.
    let loaded: usize = Lang::ALL
        .into_iter()
        .map(|l| guides::library::translations_cached(l).len())
        .sum();
    assert_eq!(loaded, present);
}

/// A Spanish translation of the bundled IRS guide, as a person could put in `guides/es/`: the English
/// file with its title and first step's title translated. Its texts still name English guides, which
/// a translation may not (it names guides by their Spanish titles), so those names are unmade.
fn irs_in_spanish() -> String {
    let (_, en) = guides::BUNDLED_GUIDES
        .iter()
        .find(|(f, _)| *f == "irs-sign-in.toml")
        .unwrap();
    en.replacen(
        "title = \"Sign in to your IRS online account\"",
        "title = \"Iniciar sesión en su cuenta en línea del IRS\"",
        1,
    )
    .replacen(
        "title = \"Open the IRS sign-in page\"",
        "title = \"Abra la página del IRS para iniciar sesión\"",
        1,
    )
    .replace("guide *", "guide: *")
}

/// A guides folder with two guides of the person's own (copies of the IRS guide, `my-irs` and
/// `my-other`), a Spanish translation of `my-irs` in `es/`, and a translation of no guide.
fn own_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (_, en) = guides::BUNDLED_GUIDES
        .iter()
        .find(|(f, _)| *f == "irs-sign-in.toml")
        .unwrap();
    let mine = en
        .replacen("id = \"irs-sign-in\"", "id = \"my-irs\"", 1)
        .replacen(
            "title = \"Sign in to your IRS online account\"",
            "title = \"My IRS sign-in\"",
            1,
        );
    std::fs::write(dir.path().join("mine.toml"), &mine).unwrap();
    let other = mine
        .replacen("id = \"my-irs\"", "id = \"my-other\"", 1)
        .replacen("My IRS sign-in", "My other IRS sign-in", 1);
    std::fs::write(dir.path().join("other.toml"), other).unwrap();
    std::fs::create_dir(dir.path().join("es")).unwrap();
    let spanish = irs_in_spanish()
        .replacen("id = \"irs-sign-in\"", "id = \"my-irs\"", 1)
        .replacen(
            "Iniciar sesión en su cuenta en línea del IRS",
            "Mi inicio de sesión del IRS",
            1,
        );
    std::fs::write(dir.path().join("es/my-irs.toml"), spanish).unwrap();
    std::fs::write(
        dir.path().join("es/nothing.toml"),
        ES.replacen("sample-sign-in", "not-a-guide", 1),
    )
    .unwrap();
    dir
}

#[test]
fn the_library_gives_each_guide_in_a_language_and_says_when_it_is_english() {
    let dir = own_folder();
    let lib = Library::load(catalog(), Some(dir.path()));
    let problems: Vec<String> = lib.problems().iter().map(ToString::to_string).collect();
    assert!(
        problems.len() == 1 && problems[0].contains("nothing.toml"),
        "{problems:?}"
    );

    let mine = lib.guide_in("my-irs", Lang::Es).unwrap();
    assert!(mine.translated);
    assert_eq!(mine.guide.title, "Mi inicio de sesión del IRS");
    let english = lib.guide_in("my-irs", Lang::En).unwrap();
    assert!(english.translated);
    assert_eq!(english.guide.title, "My IRS sign-in");
    // A guide without a translation is the English one, flagged.
    let other = lib.guide_in("my-other", Lang::Es).unwrap();
    assert!(!other.translated);
    assert_eq!(other.guide.title, "My other IRS sign-in");

    let entries = lib.entries_in(Lang::Es);
    let entry = entries.iter().find(|e| e.id == "my-irs").unwrap();
    assert!(entry.translated && entry.own);
    assert_eq!(entry.title, "Mi inicio de sesión del IRS");
    assert!(
        !entries
            .iter()
            .find(|e| e.id == "my-other")
            .unwrap()
            .translated
    );
    let json = serde_json::to_value(&entries).unwrap();
    assert!(json[0].get("translated").is_some(), "{json}");
    assert!(
        lib.entries_in(Lang::En).iter().all(|e| e.translated),
        "English is every guide's own language"
    );

    let list = lib.list_in(catalog(), &[], &[], Lang::Es);
    let shown = list.guides.iter().find(|g| g.id == "my-irs").unwrap();
    assert!(shown.translated);
    assert_eq!(shown.title, "Mi inicio de sesión del IRS");
    let json = serde_json::to_value(shown).unwrap();
    assert_eq!(json["translated"], true, "{json}");
    let untranslated = list.guides.iter().find(|g| g.id == "my-other").unwrap();
    assert!(!untranslated.translated);

    // Every bundled guide that has a bundled translation is listed in Spanish.
    for g in &list.guides {
        if let Some(t) = guides::library::translations_cached(Lang::Es)
            .iter()
            .find(|t| t.id == g.id)
        {
            assert!(g.translated && g.title == t.title, "{}", g.id);
        }
    }
}

#[test]
fn a_run_started_in_english_continues_in_spanish_at_the_same_step() {
    let dir = own_folder();
    let lib = Library::load(catalog(), Some(dir.path()));
    let en = lib.guide("my-irs").unwrap();
    let mut run = Run::start(en, "r".into(), 0);
    let english_view = run_view_in(
        lib.guide_in("my-irs", Lang::En).unwrap(),
        &run,
        catalog(),
        &Person::default(),
        &lib.texts_in(Lang::En),
    );
    assert_eq!(
        english_view.step.unwrap().title,
        "Open the IRS sign-in page"
    );
    let es = lib.guide_in("my-irs", Lang::Es).unwrap();
    let spanish_view = run_view_in(
        es,
        &run,
        catalog(),
        &Person::default(),
        &lib.texts_in(Lang::Es),
    );
    assert!(spanish_view.translated);
    assert_eq!(spanish_view.guide_title, "Mi inicio de sesión del IRS");
    assert_eq!(
        spanish_view.step.unwrap().title,
        "Abra la página del IRS para iniciar sesión"
    );
    // One step on in English, then shown in Spanish: the same step id and number.
    run.advance(en, 1);
    let en_view = run_view_in(
        lib.guide_in("my-irs", Lang::En).unwrap(),
        &run,
        catalog(),
        &Person::default(),
        &[],
    );
    let es_view = run_view_in(es, &run, catalog(), &Person::default(), &[]);
    assert_eq!(en_view.step_number, es_view.step_number);
    assert_eq!(en_view.step.unwrap().id, es_view.step.unwrap().id);

    // Without a translation, the Spanish view is the English guide, flagged.
    let other = lib.guide("my-other").unwrap();
    let run = Run::start(other, "o".into(), 0);
    let view = run_view_in(
        lib.guide_in("my-other", Lang::Es).unwrap(),
        &run,
        catalog(),
        &Person::default(),
        &[],
    );
    assert!(!view.translated);
    assert_eq!(view.guide_title, "My other IRS sign-in");
}

/// A Spanish guide that names another guide links to that guide's Spanish title.
#[test]
fn spanish_guide_names_link_to_spanish_guides() {
    let lib = Library::load(catalog(), None);
    let texts = lib.texts_in(Lang::Es);
    for g in guides::library::translations_cached(Lang::Es) {
        for (_, step) in g.all_steps() {
            for name in guides::text::guide_names(&step.text) {
                assert!(
                    texts.iter().any(|t| t.title == name),
                    "{}/{} names \"{name}\"",
                    g.id,
                    step.id
                );
            }
        }
    }
}

#[test]
fn a_translation_file_is_checked_against_the_library_for_the_command_line() {
    let lib = Library::load(catalog(), None);
    let text = irs_in_spanish();
    // Naming an English title in a Spanish translation is refused, at the name.
    let named = text.replacen("guide: *I am locked out*", "guía *I am locked out*", 1);
    assert_ne!(named, text, "the fixture names the locked-out guide");
    let p = keystep_core::check_guide_translation(&lib, "es/irs-sign-in.toml", &named, Lang::Es)
        .unwrap_err();
    assert!(
        p.len() == 1 && p[0].message.contains("names the guide \"I am locked out\""),
        "{p:?}"
    );

    let g = keystep_core::check_guide_translation(&lib, "es/irs-sign-in.toml", &text, Lang::Es)
        .unwrap();
    assert_eq!(g.id, "irs-sign-in");
    let broken = text.replacen("id = \"check-idme-page\"", "id = \"check-page\"", 1);
    let p = keystep_core::check_guide_translation(&lib, "es/irs-sign-in.toml", &broken, Lang::Es)
        .unwrap_err();
    assert!(
        p.iter()
            .any(|x| x.message.contains("step \"check-page\" is not in")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|x| x
            .message
            .contains("step \"check-idme-page\" of the main steps")),
        "{p:?}"
    );
}
