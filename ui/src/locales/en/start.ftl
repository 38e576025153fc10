# Before the codes show: opening, the first start, unlocking, and when the codes cannot be opened.

start-opening = Opening your codes…
start-keychain-hint = Waiting for your keychain. If it asks for your password, unlock it.

start-welcome-heading = Welcome to Keystep
start-welcome-lead = Keystep keeps the codes you use to sign in. Are you new, or do you have a backup?
start-new = I'm new to Keystep
start-getting-ready = Getting ready…
start-restore = Restore from a backup
start-restore-about = Your codes, phone numbers and services come back as they were when the backup was made.
start-restore-continue = Continue

start-locked-heading = Keystep is locked
start-unlock-form = Unlock Keystep
start-unlock-password = Recovery password
start-unlock-hint = Type your recovery password to open your codes.
start-unlock-hint-keychain = This computer's keychain does not have the key to your codes. Your recovery password opens them.
start-unlock-empty = Type your recovery password.
start-unlocking = Unlocking…
start-unlock = Unlock

start-error-heading = Keystep can't open your codes
start-error-retry = Try again
start-error-details = Details
start-error-code = Error code:

start-damaged-heading = Open your newest backup
# $when: the date and time the backup was made.
start-damaged-done = Your codes are back from the backup of { $when }: { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
}. The damaged file is kept as { $kept }.
start-damaged-show-codes = Show my codes
start-damaged-about = Keystep keeps the damaged file aside (it deletes nothing) and opens the newest backup of your codes.
start-damaged-form = Open the newest backup
start-damaged-password = Recovery password
start-damaged-password-hint = The backup opens with your recovery password.
start-damaged-password-empty = Type your recovery password.
start-damaged-opening = Opening…
start-damaged-open = Open my newest backup
