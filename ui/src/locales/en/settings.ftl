# The Settings screen: language, the recovery password, locking, backups and restore, exporting the
# codes, the clock check, colours. Also the question for the recovery password before a QR code shows.

settings-heading = Settings
settings-loading = Loading your settings…
settings-retry = Try again

## Language

settings-language-heading = Language
settings-language-label = Language of the window
settings-language-hint = Menus, messages and guides change at once.
# An option of the list: the computer's language, named in itself ("English", "Español").
settings-language-system = Same as this computer ({ $language })
# Said once the window changed language (this message is read in the new language).
settings-language-saved = Keystep now speaks English.
# Said once the window follows the computer again; $language is the computer's language, named in itself.
settings-language-saved-system = Keystep now uses the language of this computer ({ $language }).

## Appearance

settings-appearance-heading = Appearance
settings-theme-label = Colours
settings-theme-hint = Light or dark. “Same as this computer” follows your system's setting.
settings-theme-system = Same as this computer
settings-theme-light = Light
settings-theme-dark = Dark
settings-theme-saved-system = Colours now follow this computer.
settings-theme-saved-light = Colours set to light.
settings-theme-saved-dark = Colours set to dark.

## The recovery password

settings-password-heading = Recovery password
settings-password-about = With this password you can open your codes on another computer, or if this computer's keychain is lost.
settings-password-is-set = A recovery password is set. Your backups open with it.
settings-password-not-set = No recovery password is set yet.
settings-password-form-set = Set a recovery password
settings-password-form-change = Change or remove the recovery password
settings-password-current = Current password
settings-password-current-first = Type your current password first.
settings-password-mismatch = The two new passwords are not the same. Type the same password twice.
settings-password-changing = Changing…
settings-password-change = Change password
settings-password-setting = Setting…
settings-password-set = Set password
settings-password-remove-heading = Remove the password
settings-password-remove-about = Type your current password above, then remove it.
settings-password-remove = Remove password
settings-password-remove-current-first = To remove the password, type your current password first.
settings-password-saved = Your recovery password is set. Your backups open with it.
settings-password-saved-folder = Your recovery password is set. Your backups open with it, and go to your backup folder.
settings-password-remove-title = Remove the recovery password?
settings-password-remove-body = Your backups then open only on this computer, and nothing more goes to your backup folder. Keystep also stops locking.
settings-password-removing = Removing…
settings-password-removed = The recovery password is removed.

settings-new-password = New password
settings-new-password-hint = Several words you can remember are easier than symbols, and harder to guess.
settings-new-password-again = Type the new password again
settings-suggest = Suggest a passphrase
settings-suggest-failed = Keystep could not make a passphrase. Type a password of your own.
settings-suggest-write-down = Write these words down and keep them somewhere safe.

## Locking

settings-locking-heading = Locking
settings-locking-needs-password = Locking needs a recovery password: set one above first.
settings-lock-after = Lock after
settings-lock-after-hint = Keystep locks when you have not used it for this long. Your recovery password opens it again.
settings-lock-off = Off
settings-lock-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
settings-lock-ask-on-open = Ask for my password when Keystep opens
settings-lock-saved-after = Keystep now locks after { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} without use.
settings-lock-saved-never = Keystep does not lock by itself.
settings-lock-saved-asks = It asks for your password when it opens.
settings-lock-saved-not-asks = It does not ask for your password when it opens.

## Backups

settings-backups-heading = Backups
settings-backups-about = Keystep keeps a backup on this computer each time you change something.
settings-folder-heading = Backup folder
settings-folder-about = A folder on a USB stick or in a cloud drive keeps a copy off this computer, in case it is lost or breaks.
settings-folder = Backup folder:
settings-folder-none = None
settings-folder-needs-password = Without a recovery password, nothing goes to the folder. Set a password above first.
settings-folder-last = Last backup to the folder: { $when }
settings-folder-never = No backup has reached the folder yet.
settings-folder-choose = Choose a backup folder…
settings-folder-stop = Stop using this folder
settings-folder-saved = Backups now go to { $folder }.
settings-folder-saved-no-password = Chose { $folder }. Set a recovery password so backups go there.
settings-folder-stopped = Keystep no longer puts backups in { $folder }.
settings-recent-heading = Recent automatic backups
settings-no-backups = No backup yet. Keystep makes one each time you change something.
settings-backup-accounts = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
settings-backup-from-other = from another Keystep
settings-backup-opens-password = opens with your password
settings-backup-opens-here = opens only on this computer

## Restore

settings-restore-heading = Restore
settings-restore-about = Bring back codes from a backup file. Codes you have here stay; the same code is kept once.
settings-restore = Restore from a backup
settings-replace = Replace everything with a backup
settings-replace-title = Replace everything with a backup?
settings-replace-body = Your codes, phone numbers and services here are replaced by the ones in the backup. Keystep first keeps a backup of what is here now.
settings-replace-confirm = Choose the backup
settings-restore-done = Done
settings-restore-file = 1. The backup file
settings-restore-choosing = Choosing…
settings-restore-choose = Choose the backup file…
settings-restore-chosen = Chosen:
settings-restore-file-hint = Backups end in .ksv. Look in your backup folder, on your USB stick or in your cloud drive.
settings-restore-no-file = Choose the backup file first.
settings-restore-password = 2. The password of the backup
settings-restore-password-hint = The recovery password you had when the backup was made.
settings-restore-cancel = Cancel
settings-restore-restoring = Restoring…
settings-restore-replace-button = Replace everything
settings-restore-button = Restore
settings-restore-replaced = Replaced everything with the backup: { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
}, { $phones ->
    [one] { $phones } phone number
   *[other] { $phones } phone numbers
}, { $services ->
    [one] { $services } service
   *[other] { $services } services
}. What was here before is kept as a backup.
settings-restore-merged = Restored: { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
} added, { $duplicates } already here, { $phones ->
    [one] { $phones } phone number
   *[other] { $phones } phone numbers
}, { $services ->
    [one] { $services } service
   *[other] { $services } services
}.

## Export

settings-export-heading = Export your codes
settings-export-about = Save a copy of all your codes in a file, to use them on another computer, on a phone, or in another app.
settings-export-kind = What kind of file?
settings-export-keystep = Keystep backup
settings-export-keystep-about = to restore Keystep on another computer (encrypted)
settings-export-aegis-encrypted = Aegis, with a password
settings-export-aegis-encrypted-about = to use your codes on an Android phone (encrypted)
settings-export-google-qr = Google Authenticator QR codes
settings-export-google-qr-about = pictures to scan with a phone (not encrypted)
settings-export-aegis = Aegis, not encrypted
settings-export-aegis-about = for apps that read Aegis files but not their passwords
settings-export-otpauth = List of setup links, not encrypted
settings-export-otpauth-about = a text file with one otpauth:// link for each account
settings-export-opens-with-password = It opens with your recovery password.
settings-export-needs-password = A Keystep backup opens with your recovery password. Set one above first.
settings-export-no-recovery-password = A Keystep backup opens with your recovery password, and none is set. Set one above first.
settings-export-file-password = Password for the file
settings-export-file-password-hint = A new password, only for this file. You type it in Aegis when you import the file.
settings-export-file-password-again = Type the password again
settings-export-no-file-password = Type a password for the file.
settings-export-mismatch = The two passwords are not the same. Type the same password twice.
settings-export-recovery-password = Your recovery password
settings-export-recovery-password-hint = Keystep asks for it before it saves a file that is not encrypted.
settings-export-recovery-password-first = Type your recovery password first.
settings-export-exporting = Exporting…
settings-export-choose-folder = Choose a folder and export…
settings-export-choose-file = Choose a file and export…
settings-export-show-qr = Show them on the screen
settings-export-shown = The QR codes are shown in their own window.
# $list: each account left out, with the reason, such as "Steam (gabe) (Google Authenticator does not make Steam codes.)".
settings-export-shown-skipped = Not in them: { $list }
settings-export-warning-pictures = These pictures are not encrypted. Anyone who gets them can make all your codes. Delete them after you use them.
settings-export-warning-file = This file is not encrypted. Anyone who gets it can make all your codes. Delete it after you use it.
settings-export-done = Exported { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
}.
settings-export-done-pictures = Exported { $accounts ->
    [one] { $accounts } account
   *[other] { $accounts } accounts
} in { $pictures ->
    [one] { $pictures } QR picture
   *[other] { $pictures } QR pictures
}.
settings-export-saved-to = { $count ->
    [one] Saved to:
   *[other] Saved to these files:
}
settings-export-next-keystep = On the other computer, choose Restore from a backup in Keystep, and type your recovery password.
settings-export-next-aegis-encrypted = Import this file in Aegis on your phone. Aegis asks for the password you chose for it.
settings-export-next-google-qr = In Google Authenticator on your phone, choose Transfer accounts, then Import accounts, and scan each picture.
settings-export-next-other-app = Import this file in your other app.
settings-export-delete-pictures = These pictures are not encrypted. Delete them after you use them.
settings-export-delete-file = This file is not encrypted. Delete it after you use it.
settings-export-skipped = Not exported: { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}

## The clock check

settings-clock-heading = Clock check
settings-clock-about = Sites refuse codes made with a wrong clock. Keystep asks time servers on the internet for the time when it starts and every few hours. They learn your internet address and that you asked for the time; nothing else is sent.
settings-clock-check = Check my computer's clock
settings-clock-saved-on = Saved. Keystep checks your clock now.
settings-clock-saved-off = Saved. Keystep no longer checks your computer's clock.
settings-clock-checking = Checking…
settings-clock-not-checked = Not checked yet.
# $offset: how far the clock is off, such as "2 minutes slow".
settings-clock-corrected = Checked at { $at }: your computer's clock is { $offset }. Keystep's codes use the right time until it is set.
settings-clock-one-server = Checked at { $at }: one time server says your clock is { $offset }. One server alone is not enough for Keystep to change its codes.
settings-clock-too-far = Checked at { $at }: your clock is { $offset }. That is too far for Keystep to correct: check the date, time and time zone in your system settings.
settings-clock-right = Checked at { $at }: your computer's clock is right.
settings-clock-check-now = Check now
settings-clock-servers = Time servers
settings-clock-servers-label = Time servers (one per line)
settings-clock-servers-hint = Leave empty to use { $servers }.
settings-clock-servers-usual = Leave empty to use the usual public servers.
settings-clock-servers-save = Save servers

## Before a QR code shows a secret

settings-reveal-heading = Type your recovery password
settings-reveal-about = A QR code holds the secret of your codes. Keystep shows it only after you type your recovery password.
settings-reveal-password = Recovery password
settings-reveal-cancel = Cancel
settings-reveal-submit = Show the QR code
