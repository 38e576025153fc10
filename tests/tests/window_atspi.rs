//! The real window read as a screen reader reads it: the accessibility tree over AT-SPI (what Orca
//! hears), on every screen. Fails on a control without a name, a code exposed as an image, a list row
//! whose parts run together, or something that takes the focus with no role. tests/atspi/tree.py does the reading.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use keystep_e2e::{Window, add_account_by_link, click, wait_for};

const URI: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=IRS";

/// The tree as tests/atspi/tree.py reports it.
fn read_tree(dump: bool) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("atspi/tree.py");
    let mut cmd = Command::new("/usr/bin/python3");
    cmd.arg(&script).arg("0");
    if dump {
        cmd.arg("--dump");
    }
    let out = cmd
        .output()
        .expect("/usr/bin/python3 runs (Debian's, which has python3-pyatspi)");
    assert!(
        out.status.success(),
        "tree.py failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("tree.py said {e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Reads the tree of what the window shows now; returns its problems named after `screen`, and
/// "screen: N nodes, M named controls" for the report.
async fn audit(screen: &str) -> (Vec<String>, String) {
    // WebKit sends the tree's changes over the bus a moment after the page changed.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    // KEYSTEP_ATSPI_DUMP=1 prints the whole tree of each screen, to see what a screen reader gets.
    let dump = std::env::var_os("KEYSTEP_ATSPI_DUMP").is_some();
    let tree = read_tree(dump);
    if dump {
        println!(
            "== {screen}\n{}",
            tree["dump"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    assert_eq!(
        tree["document"], true,
        "{screen}: the page is not in the accessibility tree"
    );
    let problems = tree["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{screen}: {}", p.as_str().unwrap()))
        .collect();
    let summary = format!(
        "{screen}: {} nodes, {} named controls",
        tree["nodes"], tree["named_controls"]
    );
    (problems, summary)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_reads_well_to_a_screen_reader() {
    // GTK's side of the window joins the accessibility bus only without NO_AT_BRIDGE=1 (set for the
    // other tests, to keep their logs quiet).
    let window = Window::open(&[("NO_AT_BRIDGE", "0")]).await;
    let client = &window.client;
    let mut problems = Vec::new();
    let mut summaries = Vec::new();
    let mut note = |(p, s): (Vec<String>, String)| {
        problems.extend(p);
        summaries.push(s);
    };

    note(audit("codes, none yet").await);
    add_account_by_link(client, URI).await;
    note(audit("codes").await);

    click(client, "[data-testid=add-account]").await;
    wait_for(client, "[data-testid=add-dialog][open]").await;
    note(audit("add dialog").await);
    click(client, "[data-testid=mode-key]").await;
    wait_for(client, "[data-testid=secret-input]").await;
    // The advanced settings opened, as a person who needs them would.
    click(client, "[data-testid=advanced-toggle]").await;
    note(audit("add dialog, setup key and advanced settings").await);
    client
        .execute("document.querySelector('dialog[open]').close()", vec![])
        .await
        .unwrap();

    click(client, "[data-testid=nav-check]").await;
    let field = wait_for(client, "[data-testid=check-input]").await;
    field
        .send_keys(
            "IRS: your refund is on hold. Verify at https://irs-gov-refund.example.com/verify",
        )
        .await
        .unwrap();
    click(client, "[data-testid=check-submit]").await;
    wait_for(client, "[data-testid=check-result]").await;
    note(audit("check a link, with a result").await);

    click(client, "[data-testid=nav-guides]").await;
    wait_for(client, "[data-testid='guide-start-irs-sign-in']").await;
    note(audit("guides").await);
    click(client, "[data-testid='guide-start-irs-sign-in']").await;
    wait_for(client, "[data-testid=run-screen]").await;
    note(audit("a guide's first step").await);

    for screen in ["phones", "settings", "help"] {
        click(client, &format!("[data-testid=nav-{screen}]")).await;
        wait_for(client, &format!("[data-testid={screen}-screen]")).await;
        note(audit(screen).await);
    }

    println!(
        "The accessibility tree, screen by screen:\n{}",
        summaries.join("\n")
    );
    assert!(
        problems.is_empty(),
        "a screen reader would trip over:\n{}",
        problems.join("\n")
    );
    window.close().await;
}
