# Words shared by many screens, and the notes above every screen (a wrong clock, a failed backup, the
# key missing from the keychain).

common-cancel = Cancel
common-save = Save
common-saving = Saving…
common-try-again = Try again
common-trying = Trying…
common-copied = Copied.
common-service = Service
common-account-name = Account name or email
# Names a warning box for screen readers.
common-careful = Careful
# Shown in bold at the top of a warning box.
common-careful-title = Careful:
# The plain fallback when a failure did not come with a message written for people.
common-error-unexpected = Something went wrong. Try again.
common-screen-load-error = Keystep could not open this screen. Try again, or restart Keystep.

## Parts of the saved information that this version cannot read (the names come after the colon).

common-unreadable-title = This version of Keystep could not read part of your saved information:
common-unreadable-kept = It is kept unchanged in your vault. A newer Keystep can use it.

## The computer's clock is off: "Your computer's clock is 2 minutes slow."

common-clock-wrong = Your computer's clock is { $offset }.
common-clock-refused = Sites may refuse your codes. Turn on “Set time automatically” in your system settings.
common-clock-until = Until then, Keystep's codes use the right time from the internet.
# How far off the clock is; it completes "Your computer's clock is …".
common-clock-right-time = the right time
common-clock-seconds-slow = { $count ->
    [one] 1 second slow
   *[other] { $count } seconds slow
}
common-clock-seconds-fast = { $count ->
    [one] 1 second fast
   *[other] { $count } seconds fast
}
common-clock-minutes-slow = { $count ->
    [one] 1 minute slow
   *[other] { $count } minutes slow
}
common-clock-minutes-fast = { $count ->
    [one] 1 minute fast
   *[other] { $count } minutes fast
}
common-clock-hours-slow = { $count ->
    [one] 1 hour slow
   *[other] { $count } hours slow
}
common-clock-hours-fast = { $count ->
    [one] 1 hour fast
   *[other] { $count } hours fast
}

## A backup did not reach the backup folder.

# Followed by the reason, such as "The folder is not there."
common-backup-failed = The last backup did not reach { $folder }:
common-backup-fixed = Done. The backup reached { $folder }.

## Keystep was opened with the recovery password because the keychain had no key.

common-keychain-label = The key of your codes
common-keychain-opened = You opened your codes with your recovery password, because this computer's keychain does not have their key.
common-keychain-why = Put the key back, and Keystep opens by itself again here.
common-keychain-put-back = Put the key back into this computer's keychain
common-keychain-putting-back = Putting it back…
common-keychain-fixed = Done. The key is back in this computer's keychain.
