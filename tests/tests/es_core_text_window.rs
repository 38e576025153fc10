//! The core's own text in Spanish, through the real app: `set_language` makes the catalog's names,
//! the review and the change-number plan Spanish, and
//! an error keeps its stable code with the named values and the reason the window translates it by,
//! never a secret. The commands are called the way the window calls them (`__TAURI_INTERNALS__`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_e2e::{Window, screenshot};
use serde_json::{Value, json};

const SECRET: &str = "KRSXG5CTMVRXEZLUKN2XAZLD";

/// Calls a command as the window does; its answer, or `{"rejected": ErrorDto}`.
async fn invoke(window: &Window, command: &str, args: Value) -> Value {
    window
        .client
        .execute_async(
            "const [command, args, done] = arguments; window.__TAURI_INTERNALS__.invoke(command, args).then((v) => done(v ?? null), (e) => done({ rejected: e }));",
            vec![json!(command), args],
        )
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn spanish_core_text_and_translatable_errors() {
    let window = Window::open(&[]).await;
    // Wait for the codes screen: the vault is open.
    keystep_e2e::wait_for(&window.client, "[data-testid=add-account]").await;

    // English first: the catalog names Social Security as the English catalog does.
    let catalog = invoke(&window, "catalog_list", json!({})).await;
    let ssa = |c: &Value| {
        c.as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "ssa")
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(ssa(&catalog), "my Social Security (SSA)");

    assert_eq!(
        invoke(&window, "set_language", json!({ "lang": "es" })).await,
        Value::Null
    );
    let catalog = invoke(&window, "catalog_list", json!({})).await;
    assert_eq!(ssa(&catalog), "my Social Security (Seguro Social)");

    // A service that texts one number only: the review says so in Spanish, naming both.
    let phone = invoke(
        &window,
        "add_phone",
        json!({ "number": "(202) 555-0143", "region": "US", "label": "celular", "kind": "mobile" }),
    )
    .await;
    let service = invoke(
        &window,
        "add_service",
        json!({ "service": { "type": "catalog", "id": "idme" } }),
    )
    .await;
    invoke(
        &window,
        "update_service",
        json!({
            "id": service["id"], "codePhones": [phone["id"]], "recoveryPhones": [],
            "keystepAccount": null, "securityKey": false
        }),
    )
    .await;
    let review = invoke(&window, "review_risks", json!({})).await;
    let only = review
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "only_one_phone")
        .unwrap_or_else(|| panic!("{review:#}"));
    assert_eq!(
        only["message"],
        "La única forma de entrar a ID.me después de su contraseña es un código enviado al (202) 555-0143. Si pierde ese teléfono o ese número, se quedará sin acceso."
    );

    // An error: the same stable code, its values and its reason, and no part of the key.
    let refused = invoke(
        &window,
        "add_account_uri",
        json!({ "uri": format!("otpauth://totp/IRS:sam?secret={SECRET}&digits=99") }),
    )
    .await;
    let error = &refused["rejected"];
    assert_eq!(error["code"], "input.bad_digits", "{refused:#}");
    assert_eq!(error["reason"], "digits_range", "{refused:#}");
    assert_eq!(error["args"]["digits"], 99, "{refused:#}");
    assert!(!refused.to_string().contains(SECRET), "{refused:#}");

    screenshot(&window.client, "es-core-text-review.png").await;
    window.close().await;
}
