# "Your codes": the list of accounts and their codes, and what is said about them.

codes-heading = Your codes
codes-add-account = Add account
codes-loading = Loading your codes…
codes-search = Search accounts
# Names the list of accounts for screen readers.
codes-list = Accounts
codes-no-match = No accounts match “{ $query }”.

## One account's row. $account is its name as Keystep shows it, such as "ID.me (sam)".

codes-copy = Copy
codes-copy-label = Copy { $account } code
codes-new-code = New code
codes-new-code-label = New code for { $account }
codes-rename = Rename
codes-rename-label = Rename { $account }
codes-qr = QR code
codes-qr-label = Show the QR code of { $account }, to add it to another device
codes-delete = Delete
codes-delete-label = Delete { $account }
# A counter-based code is made only on request.
codes-press-new-code = Press “New code” to get a code.
codes-no-code = No code right now.
# Before the code that comes after the one shown: "Next: 234 567".
codes-next = Next:

## The seconds a code has left, next to its code.

codes-seconds-left = { $seconds ->
    [one] 1 second left
   *[other] { $seconds } seconds left
}
# Shown next to the bar: "18 s".
codes-seconds-short = { $seconds } s

## A code as screen readers say it. $code is already in groups of digits ("622 792").

codes-spoken = { $service } code { $code }
codes-spoken-no-service = Code { $code }
codes-spoken-timed = { $seconds ->
    [one] { $service } code { $code }, 1 second left
   *[other] { $service } code { $code }, { $seconds } seconds left
}
codes-spoken-timed-no-service = { $seconds ->
    [one] Code { $code }, 1 second left
   *[other] Code { $code }, { $seconds } seconds left
}
codes-spoken-next = Next { $service } code { $code }
codes-spoken-next-no-service = Next code { $code }

## What the status line says after an action.

codes-copied-until = { $seconds ->
    [one] Copied. It will be cleared from the clipboard in 1 second.
   *[other] Copied. It will be cleared from the clipboard in { $seconds } seconds.
}
codes-saved = Saved { $account }.
codes-added = Added { $account }.
codes-added-count = { $count ->
    [one] Added 1 account.
   *[other] Added { $count } accounts.
}
codes-qr-shown = The QR code of { $account } is shown in its own window.
codes-deleted = Deleted { $account }.

## Deleting an account.

codes-delete-title = Delete { $account }?
codes-delete-body = You will no longer get codes for this account in Keystep. Make sure you can still sign in another way first.
codes-delete-confirm = Delete account
codes-deleting = Deleting…

## No accounts yet.

codes-empty-heading = No accounts yet.
codes-empty-intro = Adding one takes three steps:
codes-empty-step-settings = Open the security settings of the service (for example ID.me or Login.gov) and choose “authenticator app”.
codes-empty-step-copy = Copy the setup key or setup link.
codes-empty-step-add = Press “Add account” and paste it.

## After the first account, while no recovery password is set.

codes-nudge-heading = Keep your codes safe
codes-nudge-text = Set a recovery password. With it you can open your codes on another computer, or if this computer's keychain is lost.
codes-nudge-set = Set a recovery password
codes-nudge-later = Not now
