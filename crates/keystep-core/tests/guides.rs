//! Guides: validation with positions, the safe Markdown subset, and the runner as a state machine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_core::catalog::Catalog;
use keystep_core::guides::{self, Guide, Run, load_guide};

const GOOD: &str = r#"
id = "test-sign-in"
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
text = "Press the button. *Only* use this button."
[[steps.actions]]
type = "open_page"
page = "sign_in"
label = "Open Login.gov"

[[steps]]
id = "code"
title = "Enter the code"
text = """
Type the code from your text message.

- It works once.
- Only the newest code works.
"""
[[steps.actions]]
type = "show_phone"
service = "logingov"
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
text = "Wait one minute, then ask for a new code."
[[branches.steps]]
id = "new-code"
title = "Ask for a new code"
text = "Press **Send another code**."
"#;

fn catalog() -> &'static Catalog {
    Catalog::bundled()
}

fn good() -> Guide {
    load_guide("good.toml", GOOD, catalog()).unwrap()
}

fn problems(text: &str) -> Vec<String> {
    match load_guide("bad.toml", text, catalog()) {
        Ok(_) => panic!("expected problems"),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_good_guide_loads() {
    let g = good();
    assert_eq!((g.steps.len(), g.branches.len()), (3, 1));
}

#[test]
fn unknown_fields_are_reported_with_line_and_column() {
    let text = GOOD.replacen("minutes = 5", "minutes = 5\ncolour = \"blue\"", 1);
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    let line = text.lines().position(|l| l.starts_with("colour")).unwrap() + 1;
    assert!(
        p[0].starts_with(&format!("bad.toml:{line}:1:")) && p[0].contains("colour"),
        "{p:?}"
    );
}

#[test]
fn every_semantic_problem_is_reported_at_its_place() {
    let text = GOOD
        .replacen("goto = \"branch:no-text\"", "goto = \"branch:no-txt\"", 1)
        .replacen("page = \"sign_in\"", "page = \"front_door\"", 1)
        .replacen("id = \"done\"", "id = \"open\"", 1)
        .replacen("minutes = 1\n", "minutes = 0\n", 1)
        .replacen(
            "service = \"logingov\"\n[[steps.actions]]",
            "service = \"nasa\"\n[[steps.actions]]",
            1,
        );
    let p = problems(&text);
    let all = p.join("\n");
    assert!(all.contains("there is no branch \"no-txt\""), "{all}");
    assert!(all.contains("has no page \"front_door\""), "{all}");
    assert!(all.contains("step id \"open\" is used twice"), "{all}");
    assert!(all.contains("a wait of 0 minutes is not possible"), "{all}");
    assert!(
        all.contains("service \"nasa\" is not in the catalog"),
        "{all}"
    );
    let line_of = |needle: &str| GOOD.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let goto_line = line_of("goto = \"branch:no-text\"");
    assert!(
        p.iter()
            .any(|x| x.starts_with(&format!("bad.toml:{goto_line}:")) && x.contains("no-txt")),
        "{all}"
    );
}

#[test]
fn a_guide_without_sources_is_an_error() {
    let text = GOOD.replacen(
        "[[sources]]\nurl = \"https://www.login.gov/help/\"\nchecked = \"2026-11-25\"\n",
        "sources = []\n",
        1,
    );
    assert!(problems(&text).join("\n").contains("lists no source"));
}

#[test]
fn html_scripts_images_links_and_bare_addresses_are_errors_not_injections() {
    for (bad, why) in [
        ("<script>alert(1)</script>", "raw HTML"),
        ("Click <a href=x>here</a>", "raw HTML"),
        ("![logo](logo.png)", "images"),
        ("[the IRS](https://irs.gov.evil.example)", "links"),
        ("Go to https://www.irs.gov now", "web addresses"),
        ("Go to www.irs.gov now", "web addresses"),
    ] {
        let text = GOOD.replacen("Press the button. *Only* use this button.", bad, 1);
        let all = problems(&text).join("\n");
        assert!(all.contains(why), "{bad}: {all}");
    }
    assert_eq!(
        guides::unsafe_markup("Use *this* and **that**:\n\n- one\n- two\n\n3 < 4 is fine."),
        None
    );
}

#[test]
fn the_runner_goes_step_by_step_to_the_end() {
    let g = good();
    let mut run = Run::start(&g, "r1".into(), 1_000);
    assert_eq!(run.current(&g).unwrap().id, "open");
    assert_eq!(run.progress(&g), (0, 3));
    run.advance(&g, 2_000);
    run.answer(&g, "next", 3_000);
    assert_eq!(run.current(&g).unwrap().id, "done");
    assert_eq!(run.progress(&g), (2, 3));
    run.advance(&g, 4_000);
    assert!(run.is_finished());
    assert_eq!(run.finished_at_ms, Some(4_000));
    assert_eq!(run.progress(&g), (3, 3));
    assert_eq!(run.done, ["open", "code", "done"]);
}

#[test]
fn a_returning_branch_comes_back_to_the_step_it_left() {
    let g = good();
    let mut run = Run::start(&g, "r1".into(), 0);
    run.advance(&g, 0);
    run.answer(&g, "branch:no-text", 0);
    assert_eq!(run.current(&g).unwrap().id, "wait-a-minute");
    assert_eq!(run.branches_taken, ["no-text"]);
    run.advance(&g, 0);
    run.advance(&g, 0);
    assert_eq!(run.current(&g).unwrap().id, "code", "back at the question");
    assert!(
        !run.done.contains(&"code".to_string()),
        "the question is not done until answered"
    );
    run.answer(&g, "next", 0);
    assert_eq!(run.current(&g).unwrap().id, "done");
}

#[test]
fn a_wait_survives_a_restart_as_a_deadline() {
    let g = good();
    let mut run = Run::start(&g, "r1".into(), 0);
    run.advance(&g, 0);
    run.answer(&g, "branch:no-text", 0);
    let until = run.start_wait(&g, 10_000).unwrap();
    assert_eq!(until, 70_000);
    // Saved and read back, as the vault does across a restart.
    let saved = serde_json::to_string(&run).unwrap();
    let restored: Run = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored.wait_left_ms("wait-a-minute", 40_000), Some(30_000));
    assert_eq!(restored.wait_left_ms("wait-a-minute", 90_000), Some(0));
    assert_eq!(restored.current(&g).unwrap().id, "wait-a-minute");
    assert_eq!(restored.wait_left_ms("open", 0), None);
}

#[test]
fn every_bundled_guide_passes_validation() {
    let guides = guides::bundled(catalog()).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(guides.len(), guides::BUNDLED_GUIDES.len());
    let ids: Vec<&str> = guides.iter().map(|g| g.id.as_str()).collect();
    for id in [
        "irs-sign-in",
        "idme-create-verify",
        "idme-authenticator",
        "logingov-sign-in",
        "logingov-change-phone",
        "ssa-sign-in",
        "no-text-code",
        "locked-out",
        "lost-phone",
        "is-it-the-irs",
        "moving-from-authy",
        "moving-from-phone-authenticator",
    ] {
        assert!(ids.contains(&id), "missing bundled guide {id}");
    }
    // The IRS guide shows the live ID.me code and the phone on file, and has a way out when no text comes.
    let irs = guides.iter().find(|g| g.id == "irs-sign-in").unwrap();
    let actions: Vec<_> = irs
        .all_steps()
        .flat_map(|(_, s)| s.actions.iter())
        .collect();
    assert!(
        actions
            .iter()
            .any(|a| matches!(a, guides::Action::ShowCode { service } if service == "idme"))
    );
    assert!(
        actions
            .iter()
            .any(|a| matches!(a, guides::Action::ShowPhone { service } if service == "idme"))
    );
    assert!(irs.branch("no-text").is_some_and(|b| b.returns));
}

#[test]
fn every_bundled_guide_can_be_walked_to_its_end_and_every_branch_returns_or_ends() {
    let guides = guides::bundled(catalog()).unwrap();
    for g in &guides {
        let mut run = Run::start(g, "walk".into(), 0);
        for _ in 0..200 {
            if run.is_finished() {
                break;
            }
            run.advance(g, 0);
        }
        assert!(run.is_finished(), "{} never finishes", g.id);
        assert_eq!(run.progress(g), (g.steps.len(), g.steps.len()));
        for b in &g.branches {
            let mut run = Run::start(g, "branch".into(), 0);
            run.answer(g, &format!("branch:{}", b.id), 0);
            for _ in 0..200 {
                if run.is_finished() || run.at.branch.is_none() {
                    break;
                }
                run.advance(g, 0);
            }
            assert!(
                run.is_finished() || run.at.branch.is_none(),
                "{}: branch {} never ends",
                g.id,
                b.id
            );
        }
    }
}

#[test]
fn guides_from_a_user_folder_load_and_bad_or_clashing_files_are_reported_not_loaded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-mine.toml"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("b-broken.toml"),
        GOOD.replacen("goto = \"next\"", "goto = \"nowhere\"", 1),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-clash.toml"),
        GOOD.replacen("id = \"test-sign-in\"", "id = \"irs-sign-in\"", 1),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a guide").unwrap();
    let bundled: Vec<String> = guides::bundled(catalog())
        .unwrap()
        .into_iter()
        .map(|g| g.id)
        .collect();
    let (loaded, problems) = guides::load_folder(dir.path(), catalog(), &bundled);
    assert_eq!(
        loaded.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
        ["test-sign-in"]
    );
    let all = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains("b-broken.toml") && all.contains("no step \"nowhere\""),
        "{all}"
    );
    assert!(
        all.contains("c-clash.toml") && all.contains("already used"),
        "{all}"
    );
    assert!(!all.contains("notes.txt"), "{all}");

    let (none, missing) = guides::load_folder(&dir.path().join("absent"), catalog(), &bundled);
    assert!(none.is_empty() && missing[0].message.contains("cannot read this folder"));
}

#[test]
fn a_guides_folder_with_a_named_pipe_a_link_to_a_device_and_a_huge_file_reports_them_without_hanging()
 {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-mine.toml"), GOOD).unwrap();
    let fifo = dir.path().join("b-pipe.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("c-zero.toml")).unwrap();
    std::fs::write(
        dir.path().join("d-huge.toml"),
        "#".repeat(guides::validate::MAX_GUIDE_BYTES + 1),
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let (loaded, problems) = guides::load_folder(&path, catalog(), &[]);
        let _ = tx.send((
            loaded.into_iter().map(|g| g.id).collect::<Vec<_>>(),
            problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ));
    });
    let (loaded, problems) = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading a guides folder with a named pipe in it hangs");
    assert_eq!(loaded, ["test-sign-in"]);
    let all = problems.join("\n");
    assert!(
        all.contains("b-pipe.toml:1:1: Keystep did not read this guide file: it is a named pipe (FIFO), not a regular file"),
        "{all}"
    );
    assert!(
        all.contains("c-zero.toml:1:1: Keystep did not read this guide file: it is a device"),
        "{all}"
    );
    assert!(
        all.contains(
            "d-huge.toml:1:1: Keystep did not read this guide file: it is larger than 256 KB"
        ),
        "{all}"
    );
}

/// The words every code step's warning must hold: a code told to a caller is the most common way
/// people lose an account to a scammer.
fn warns_never_to_tell_a_code(step: &guides::Step) -> bool {
    step.actions.iter().any(|a| {
        matches!(a, guides::Action::Warning { text } if {
            let t = text.to_lowercase();
            t.contains("never") && (t.contains("tell") || t.contains("give")) && t.contains("code")
        })
    })
}

#[test]
fn every_bundled_step_where_a_code_is_typed_warns_never_to_tell_it() {
    let mut missing = Vec::new();
    for g in guides::bundled(catalog()).unwrap() {
        for (_, step) in g.all_steps() {
            let text = step.text.to_lowercase();
            let shows_code = step
                .actions
                .iter()
                .any(|a| matches!(a, guides::Action::ShowCode { .. }));
            let types_code = text.contains("code")
                && ["type ", "type the", "enter ", "paste "]
                    .iter()
                    .any(|verb| text.contains(verb))
                && !text.contains("personal key");
            if (shows_code || types_code) && !warns_never_to_tell_a_code(step) {
                missing.push(format!("{}: {}", g.id, step.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "code steps without the never-tell warning:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_bundled_address_bar_step_names_the_ending_and_offers_the_check() {
    let mut missing = Vec::new();
    for g in guides::bundled(catalog()).unwrap() {
        for (_, step) in g.all_steps() {
            let text = step.text.to_lowercase();
            let looks_at_address = text.contains("address bar") || text.contains("must end in");
            let checks = step
                .actions
                .iter()
                .any(|a| matches!(a, guides::Action::CheckAddress { .. }));
            if looks_at_address && !checks {
                missing.push(format!("{}: {}", g.id, step.id));
            }
            // "Ends in .me" is passed by any .me name a scammer buys (irs-verify.me).
            let all_text = std::iter::once(step.text.clone()).chain(
                step.actions.iter().filter_map(|a| match a {
                    guides::Action::Warning { text } => Some(text.clone()),
                    _ => None,
                }),
            );
            for t in all_text {
                let t = t.to_lowercase();
                assert!(
                    !t.contains("end in .me")
                        && !t.contains("ends in .me")
                        && !t.contains("end in **.me"),
                    "{}: {} says an address ending in .me is safe",
                    g.id,
                    step.id
                );
                // "Ends in id.me" is passed by irs-id.me: the dot belongs to the rule.
                for bare in [
                    "end in id.me",
                    "ends in id.me",
                    "end in **id.me",
                    "ends in **id.me",
                ] {
                    assert!(
                        !t.contains(bare),
                        "{}: {} says \"{bare}\" without the dot",
                        g.id,
                        step.id
                    );
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "address-bar steps without a check_address action:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_check_address_ending_must_be_an_official_name_of_its_service() {
    let with_ending = |ending: &str, service: &str| {
        GOOD.replace(
            "[[steps]]\nid = \"done\"",
            &format!(
                "[[steps.actions]]\ntype = \"check_address\"\nending = \"{ending}\"\nservice = \"{service}\"\n\n[[steps]]\nid = \"done\""
            ),
        )
    };
    for (ending, service, said) in [
        ("id.me", "idme", ".id.me"),
        ("account.id.me", "idme", "account.id.me"),
        ("secure.login.gov", "logingov", "secure.login.gov"),
        ("irs.gov", "irs", "irs.gov"),
    ] {
        let g = load_guide("ok.toml", &with_ending(ending, service), catalog())
            .unwrap_or_else(|p| panic!("{ending}: {p:?}"));
        let view = serde_json::to_value(keystep_core::guides::view::run_view(
            &g,
            &{
                let mut run = Run::start(&g, "r".into(), 0);
                run.advance(&g, 0);
                run
            },
            catalog(),
            &Default::default(),
            &[],
        ))
        .unwrap();
        let actions = &view["step"]["actions"];
        assert!(
            actions
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["type"] == "check_address"
                    && a["ending"] == said
                    && a["service"] == service),
            "{ending}: {actions}"
        );
    }
    for (ending, service) in [
        (".me", "idme"),
        ("me", "idme"),
        ("irs-verify.me", "idme"),
        ("gov", "irs"),
        ("login.gov", "idme"),
        ("ID.ME", "idme"),
    ] {
        let found = problems(&with_ending(ending, service));
        assert!(
            found
                .iter()
                .any(|p| p.contains(&format!("\"{ending}\" is not an address of"))),
            "{ending}: {found:?}"
        );
    }
}

#[test]
fn a_guide_is_checked_as_of_its_oldest_source_and_lists_every_service_it_uses() {
    let g = good();
    assert_eq!(g.checked_on(), Some("2026-11-25"));
    assert_eq!(g.services(), vec!["logingov".to_string()]);
    let irs = guides::bundled(catalog())
        .unwrap()
        .into_iter()
        .find(|g| g.id == "irs-sign-in")
        .unwrap();
    assert_eq!(irs.services()[0], "irs");
    assert!(irs.services().contains(&"idme".to_string()));
}

/// Every choice a step's text names in "text message or phone call" must be an answer: a person who
/// gets calls must not have to pick "A text message".
#[test]
fn every_bundled_step_that_offers_text_or_phone_call_answers_for_both() {
    let guides = guides::bundled(catalog()).unwrap();
    let mut checked = 0;
    for g in &guides {
        for (_, step) in g.all_steps() {
            if !step
                .text
                .to_lowercase()
                .contains("text message or phone call")
            {
                continue;
            }
            for action in &step.actions {
                let guides::Action::Question { answers, .. } = action else {
                    continue;
                };
                let labels = answers
                    .iter()
                    .map(|a| a.label.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" | ");
                assert!(
                    labels.contains("text") && labels.contains("call"),
                    "{}/{}: the answers ({labels}) leave out texts or calls",
                    g.id,
                    step.id
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 2,
        "the IRS and Login.gov sign-in questions are checked"
    );
}

#[test]
fn the_irs_guide_leads_a_phone_call_to_the_same_steps_as_a_text() {
    let guides = guides::bundled(catalog()).unwrap();
    let irs = guides.iter().find(|g| g.id == "irs-sign-in").unwrap();
    let by_text = |label: &str| {
        let mut run = Run::start(irs, "r".into(), 0);
        while run.current(irs).map(|s| s.id.as_str()) != Some("choose-method") {
            run.advance(irs, 1);
        }
        let step = run.current(irs).unwrap();
        let goto = step
            .actions
            .iter()
            .find_map(|a| match a {
                guides::Action::Question { answers, .. } => answers
                    .iter()
                    .find(|x| x.label == label)
                    .map(|x| x.goto.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no answer {label:?}"));
        run.answer(irs, &goto, 2);
        run.current(irs).unwrap().id.clone()
    };
    assert_eq!(by_text("A text message"), "watch-for-text");
    assert_eq!(by_text("A phone call"), "watch-for-text");
}

/// A guide named in another's text (`the guide *Title*`) opens that guide: bundled ones all do, and a
/// user guide naming a guide that does not exist is refused with the place of the name.
#[test]
fn a_guide_named_in_a_guide_must_exist_and_becomes_a_link() {
    let guides = guides::bundled(catalog()).unwrap();
    let irs = guides.iter().find(|g| g.id == "irs-sign-in").unwrap();
    let named: Vec<String> = irs
        .all_steps()
        .flat_map(|(_, s)| guides::text::guide_names(&s.text))
        .collect();
    assert!(
        named.contains(&"I lost my phone or my number changed".to_string()),
        "{named:?}"
    );
    let (_, step) = irs
        .all_steps()
        .find(|(_, s)| s.id == "no-text-number")
        .unwrap();
    let mut blocks = guides::text::blocks(&step.text);
    guides::text::link_guides(&mut blocks, &guides);
    let json = serde_json::to_string(&blocks).unwrap();
    assert!(json.contains(r#""guide":"lost-phone""#), "{json}");

    let dir = tempfile::tempdir().unwrap();
    let naming = |title: &str| {
        GOOD.replacen(
            "text = \"Well done.\"",
            &format!("text = \"Well done. If you are stuck, use the guide *{title}*.\""),
            1,
        )
    };
    std::fs::write(dir.path().join("a-ok.toml"), naming("I am locked out")).unwrap();
    std::fs::write(
        dir.path().join("b-wrong.toml"),
        naming("I am locked outside").replacen("test-sign-in", "test-two", 1),
    )
    .unwrap();
    let (loaded, problems) = guides::load_folder(dir.path(), catalog(), &[]);
    assert_eq!(
        loaded.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
        ["test-sign-in"]
    );
    let all = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let line = naming("x").lines().position(|l| l.contains("*x*")).unwrap() + 1;
    assert!(
        all.contains(&format!("b-wrong.toml:{line}:"))
            && all.contains("names the guide \"I am locked outside\""),
        "{all}"
    );
}

/// The link check points to this guide when a message has no link (ui/src/lib/linkCheck.ts names it by
/// id and title): it must exist under both.
#[test]
fn the_guide_the_link_check_points_to_exists_with_the_title_the_window_shows() {
    let guides = guides::bundled(catalog()).unwrap();
    let irs = guides.iter().find(|g| g.id == "is-it-the-irs").unwrap();
    let ui = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/linkCheck.ts"),
    )
    .unwrap();
    assert!(
        ui.contains(&format!("{{ id: '{}', title: '{}' }}", irs.id, irs.title)),
        "ui/src/lib/linkCheck.ts NO_LINK_GUIDE differs from the guide: {}",
        irs.title
    );
}
