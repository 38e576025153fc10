# Keystep's error messages in English: one message per error code (error- and the code with . and _
# as -), with the named values of ErrorDto.args; input.bad_* messages choose their sentence by
# ErrorDto.reason. They say exactly what the core says (crates/keystep-core/src/error.rs checks it).

## Input that was refused (ErrorDto.reason chooses the sentence)

error-input-bad-uri = The setup link is not valid: { $reason ->
        [uri_too_long] it is longer than { $max } characters.
        [uri_no_scheme] it must start with otpauth://. Copy the whole setup link, or type the setup key instead.
        [uri_no_label] it has no account label after the type (otpauth://totp/Label?secret=...).
        [uri_bad_type] the type after otpauth:// must be totp, hotp or steam.
        [uri_no_secret] it has no setup key in it. Check that you copied the whole link, or type the setup key instead.
        [uri_too_long_for_qr] it is too long for one QR code.
       *[other] check it and try again.
    }
error-input-bad-kind = The type is not valid: { $reason ->
        [kind_unknown] it must be time-based (totp), counter-based (hotp) or Steam.
       *[other] check it and try again.
    }
error-input-bad-issuer = The service name is not valid: { $reason ->
        [not_text] it contains percent-encoded bytes that are not text.
        [name_or_issuer_needed] give the service name or the account name (or both), so you can tell this account apart.
        [name_control_char] it has a line break or another control character ({ $character }, character { $position }). Type it on one line.
        [name_direction_char] it has an invisible character that changes the direction of the text ({ $character }, character { $position }). It can make a name show as another one ("moc.lagyap" as "paypal.com"). Type the name yourself instead of pasting it.
        [name_invisible_char] it has an invisible character ({ $character }, character { $position }). It can make a name look like another one. Type the name yourself instead of pasting it.
        [name_too_long] it is { $count } characters long; at most { $max } fit.
        [issuer_unknown_service] Keystep does not know a service "{ $id }". Add it as your own service with its web address.
        [issuer_name_needed] type the name of the service, such as My Credit Union
       *[other] check it and try again.
    }
error-input-bad-name = The account name is not valid: { $reason ->
        [not_text] it contains percent-encoded bytes that are not text.
        [name_or_issuer_needed] give the service name or the account name (or both), so you can tell this account apart.
        [name_control_char] it has a line break or another control character ({ $character }, character { $position }). Type it on one line.
        [name_direction_char] it has an invisible character that changes the direction of the text ({ $character }, character { $position }). It can make a name show as another one ("moc.lagyap" as "paypal.com"). Type the name yourself instead of pasting it.
        [name_invisible_char] it has an invisible character ({ $character }, character { $position }). It can make a name look like another one. Type the name yourself instead of pasting it.
        [name_too_long] it is { $count } characters long; at most { $max } fit.
       *[other] check it and try again.
    }
error-input-bad-secret = The setup key is not valid: { $reason ->
        [not_text] it contains percent-encoded bytes that are not text.
        [secret_bad_char] character { $position } is not allowed. A setup key uses only the letters A to Z and the digits 2 to 7. Check for a 0 (zero) instead of O, or 1 (one) instead of I.
        [secret_empty] it is empty. Copy the setup key (or the setup link) from the service's setup page.
        [secret_too_long] it is too long ({ $count } characters; at most { $max }).
        [secret_unreadable] it could not be read.
        [secret_incomplete] it has { $count } characters, which cannot be a complete key. Check that you copied all of it.
        [secret_not_base32] it is not a valid base32 key.
        [steam_key_unreadable] the key after steam:// is neither base32 nor base64.
       *[other] check it and try again.
    }
error-input-bad-algorithm = The algorithm is not valid: { $reason ->
        [not_text] it contains percent-encoded bytes that are not text.
        [algorithm_unknown] use SHA1, SHA256 or SHA512.
       *[other] check it and try again.
    }
error-input-bad-digits = The number of digits is not valid: { $reason ->
        [digits_not_number] use a whole number from 6 to 10.
        [digits_range] codes have { $min } to { $max } digits; { $digits } is not possible.
       *[other] check it and try again.
    }
error-input-bad-period = The time step is not valid: { $reason ->
        [period_not_number] use a whole number of seconds, such as 30.
        [period_zero] the time step must be at least 1 second (most services use 30).
       *[other] check it and try again.
    }
error-input-bad-counter = The counter is not valid: { $reason ->
        [counter_not_number] use a whole number, such as 0.
        [counter_exhausted] "{ $name }" has used its last code: its counter is at the highest value there is. Set up the code again on the service's site to get a new key.
       *[other] check it and try again.
    }
error-input-bad-phone = The phone number is not valid: { $reason ->
        [phone_same_number] the new number is the same as the old one
        [phone_empty] it is empty. Type the phone number, for example (202) 555-0143.
        [phone_too_long] it is longer than { $max } characters. Type just the number.
        [phone_no_digits] it has no digits. Type the phone number, for example (202) 555-0143.
        [phone_unreadable] it could not be read as a phone number. Check the digits. For a number outside { $region }, start with + and the country code.
        [phone_extension] it has an extension. Sign-in codes cannot be sent to an extension: use a direct number.
        [phone_invalid] { $number } is not a valid phone number in { $region }. Check the digits, or start with + and the country code.
       *[other] check it and try again.
    }
error-input-bad-region = The country is not valid: { $reason ->
        [region_unknown] "{ $region }" is not a country code. Use two letters, such as US, CA or GB.
       *[other] check it and try again.
    }
error-input-bad-label = The label is not valid: { $reason ->
        [name_control_char] it has a line break or another control character ({ $character }, character { $position }). Type it on one line.
        [name_direction_char] it has an invisible character that changes the direction of the text ({ $character }, character { $position }). It can make a name show as another one ("moc.lagyap" as "paypal.com"). Type the name yourself instead of pasting it.
        [name_invisible_char] it has an invisible character ({ $character }, character { $position }). It can make a name look like another one. Type the name yourself instead of pasting it.
        [name_too_long] it is { $count } characters long; at most { $max } fit.
       *[other] check it and try again.
    }
error-input-bad-date = The date is not valid: { $reason ->
        [date_shape] "{ $date }" is not written as a date. Use YYYY-MM-DD, for example 2026-12-31.
        [date_shape_unshown] that is not written as a date. Use YYYY-MM-DD, for example 2026-12-31.
        [date_year] { $date } is not a possible day: the year must be from { $min } to { $max }.
        [date_month] { $date } does not exist: there is no month { $month } (months go from 01 to 12). Use YYYY-MM-DD, for example 2026-12-31.
        [date_day] { $date } does not exist: { $month_number ->
           *[other] { $month }
        } { $year } has days 01 to { $days }. Use YYYY-MM-DD, for example 2026-12-31.
        [date_invalid] { $date } does not exist ({ $problem }).
       *[other] check it and try again.
    }
error-input-bad-backup-codes = The list of backup codes is not valid: { $reason ->
        [backup_codes_text_too_long] the text is longer than { $limit }; backup codes are much shorter. Nothing was changed. Put one code on each line.
        [backup_codes_control_char] line { $line } has a control character ({ $character }). Backup codes are letters and digits: paste them as text, one on each line. Nothing was changed.
        [backup_codes_length] line { $line } is not a backup code: it has { $count } characters, and backup codes have { $min } to { $max }. Put one code on each line. Nothing was changed.
        [backup_codes_bad_char] line { $line } is not a backup code: character { $position } is not a letter or a digit (inside a code, spaces, '-', '.' and '_' are fine too). Put one code on each line. Nothing was changed.
        [backup_codes_none] no backup codes were read: the text is empty or has only blank lines. Nothing was changed. Removing the saved codes is a separate action (Remove all backup codes in the window, --clear with the keystep command).
        [backup_codes_too_many] there are { $count } codes; Keystep keeps up to { $max }. Put one code on each line. Nothing was changed.
        [backup_codes_none_left] no unused backup code is left for { $service }. Make new ones on { $service } and paste them in.
        [backup_code_gone] that backup code is not in the list any more. Reload and try again.
       *[other] check it and try again.
    }
error-input-bad-domain = The web address is not valid: { $reason ->
        [domain_not_address] "{ $address }" is not a web address. Type the service's own address, such as mycu.org.
        [domain_not_address_unshown] that is not a web address. Type the service's own address, such as mycu.org.
        [domain_known_service] { $domain } is an official address of { $service }, which Keystep already knows: use the catalog service { $service_id } instead (choose { $service } in the list of services).
        [domain_imitates] it imitates { $service }, a service Keystep knows: { $problems } Type the address exactly as the service itself writes it.
        [domain_unsafe] it is not safe: { $problems } Type the address exactly as the service itself writes it.
       *[other] check it and try again.
    }
error-input-bad-password = The recovery password is not valid: { $reason ->
        [export_password_needed] an encrypted export needs a password for the file (--password-file). Choose one you will type again on the other device.
        [password_empty] Type a recovery password.
        [password_too_long] That password is longer than { $max } characters. Use a shorter one.
        [password_control_char] That password holds a line break or another invisible character. Use letters, digits, spaces and punctuation.
        [password_weak] That password is too easy to guess.{ $feedback } Or use the passphrase Keystep suggests, and write it down.
       *[other] check it and try again.
    }
error-input-bad-lock-after = The time before locking is not valid: { $reason ->
        [lock_after_choice] Keystep locks after 1, 5, 15 or 60 minutes, or never; not { $minutes }.
       *[other] check it and try again.
    }
error-input-bad-format = The file format is not valid: { $reason ->
        [export_format_unknown] "{ $name }" is not one Keystep writes. Use one of: { $formats }.
        [import_format_unknown] "{ $name }" is not one Keystep reads. Use one of: { $formats }.
       *[other] check it and try again.
    }
error-input-bad-server = The time server is not valid: { $reason ->
        [server_empty] "{ $server }" is not a time server: it is empty. Write a name such as pool.ntp.org, or name:port.
        [server_has_path] "{ $server }" is not a time server: write only the server's name, without http:// or a path. Write a name such as pool.ntp.org, or name:port.
        [server_bracket] "{ $server }" is not a time server: the bracket is not closed. Write a name such as pool.ntp.org, or name:port.
        [server_not_ip] "{ $server }" is not a time server: that is not an IP address. Write a name such as pool.ntp.org, or name:port.
        [server_after_address] "{ $server }" is not a time server: only :port may follow the address. Write a name such as pool.ntp.org, or name:port.
        [server_port] "{ $server }" is not a time server: the port must be a number from 1 to 65535. Write a name such as pool.ntp.org, or name:port.
        [server_name_chars] "{ $server }" is not a time server: a server name has only letters, digits, dots and hyphens. Write a name such as pool.ntp.org, or name:port.
        [server_too_many] Keystep asks at most { $max } time servers; { $count } were given.
       *[other] check it and try again.
    }

## Accounts

error-account-duplicate = You already have this account{ $has_existing ->
        [yes] {" "}("{ $existing }")
       *[no] {""}
    }. Nothing was added.
error-account-not-found = No account matches "{ $query }".
error-account-ambiguous = Several accounts match "{ $query }": { $matches }. Use more of the name, or the id.
error-account-wrong-kind = "{ $name }" is a time-based account: its code changes by itself every few seconds. Only counter accounts give out a next code. Nothing was changed.
error-account-no-code-yet = This account has no code yet. Press "New code" first.

## The keychain

error-keychain-no-service = No keychain service is running, so Keystep cannot reach the key that protects your codes. Sign in to a desktop session with a keyring (such as GNOME Keyring or KWallet), then try again. Nothing was changed.
error-keychain-locked = Your keychain is locked. Unlock it (in an unlock window if one is open, in the Passwords and Keys app, or by signing out and in again), then try again. Nothing was changed.
error-keychain-denied = Access to your keychain was refused, so Keystep cannot read the key that protects your codes. Allow Keystep when the keychain asks, then try again. Nothing was changed.
error-keychain-key-missing = Your keychain does not hold the key for this vault: it may have been deleted, or this may be another user's keychain. Keystep did not touch your vault file; keep it, because it opens again once the key is back. If your system keeps a backup of your keychain, restore the keychain from it, then try again.
error-keychain-timeout = Your keychain did not answer. It may be waiting for you to unlock it in another window. Unlock it, then try again. Nothing was changed.
error-keychain-failed = The keychain reported a problem, so Keystep cannot reach the key that protects your codes. Nothing was changed. The details below may help.

## The vault and its files

error-vault-corrupt = The file { $path } is damaged ({ $problem }). Nothing was changed. Keystep can open your newest backup instead (in the window, or: keystep recover).
error-vault-wrong-key = The vault { $path } could not be unlocked with the key in your keychain. The file may be damaged, or the key belongs to another vault. Nothing was changed.
error-vault-too-new = The vault { $path } was written by a newer Keystep (format { $version }). Update Keystep to open it.
error-vault-link-broken = The vault { $path } is a link to { $target }, which is not there (a drive that is not connected, or a synced folder that is not ready yet). Connect it and try again, or remove the link to start a new vault. Nothing was changed.
error-vault-lock-is-link = The lock file { $path } is a link. Keystep does not follow links for its lock file: remove it and try again (Keystep makes a new one). Nothing was changed.
error-vault-io = Keystep could not { $action_key ->
       *[other] { $action }
    } { $path }: { $problem }
error-vault-encode = Keystep could not prepare your data for saving. Nothing was saved, and no file was changed. Try again; if it keeps happening, report it: it is a fault in Keystep. The details below help to fix it.
error-system-random = Your system's random number generator failed, so Keystep could not { $purpose_key ->
       *[other] { $purpose }
    }. Nothing was changed. Try again; if it keeps happening, restart the computer, and report it if that does not help.
error-vault-no-data-dir = Keystep could not find a folder for its data. Set KEYSTEP_HOME or use --home DIR.
error-vault-wrong-password = That is not the recovery password of these codes. Check it and try again (capital letters and spaces count). Nothing was changed.
error-vault-password-needed = Keystep cannot get the key of your codes from this computer's keychain, but you set a recovery password: open your codes with it (in the window, type it; on the command line, add --password-file FILE). Nothing was changed.
error-vault-not-open = Your codes are not open yet. Wait a moment, or restart Keystep.
error-vault-none = Keystep has no codes on this computer yet. Start new, or restore a backup.
error-vault-locked = Keystep is locked. Type your recovery password to open your codes.
error-password-none = { $what_key ->
       *[other] { $what }
    } needs a recovery password, and none is set. Set one first (Settings, or: keystep password set --new-password-file FILE). Nothing was changed.
error-password-current-needed = To change or remove the recovery password, give the current one first (--password-file). Nothing was changed.
error-backup-none = There is no backup of your codes in Keystep's data folder yet. If you have one elsewhere (a USB stick, a synced folder), restore it from there.
error-file-not-regular = Keystep did not read { $path }: it is { $what_key ->
       *[other] { $what }
    }, not a regular file. Give the path of a file saved on disk.
error-file-too-large = Keystep did not read { $path }: it is larger than { $limit }, more than a file of this kind can be.
error-file-not-text = Keystep did not read { $path }: it is not a text file (it is not UTF-8). Save it as plain text and try again.
error-file-unreadable = Keystep did not read { $path }: it could not be read ({ $problem }).

## Links and guides

error-link-not-official = Keystep will not open this page: { $problem }
error-link-none-found = No link found. Paste the whole address (such as https://www.irs.gov) or the message that contains it.
error-guide-not-found = There is no guide "{ $id }". It may have been removed from your guides folder.
error-guide-run-not-found = This guide run was not found. Start the guide again from the list of guides.
error-guide-bad-answer = That choice does not belong to the step you are on. Go back to the guide and choose again.

## Phones and services

error-phone-duplicate = You already have { $number } in Keystep{ $has_label ->
        [yes] {" "}("{ $label }")
       *[no] {""}
    }. Nothing was added.
error-phone-not-found = No phone number matches "{ $query }". Add it first, or check the digits.
error-service-duplicate = { $name } is already in your services. Nothing was added.
error-service-not-found = { $has_query ->
        [yes] You have no service "{ $query }" in Keystep. Check the name, or add the service first.
       *[no] That service is not in your list any more. Reload the list and try again.
    }
error-backup-codes-fewer = { $service } has { $saved ->
        [one] 1 backup code
       *[other] { $saved } backup codes
    } saved, and { $read ->
        [one] 1 was
       *[other] { $read } were
    } read now. Saving would replace all { $saved } with { $read ->
        [one] this one
       *[other] these { $read }
    }. Nothing was changed.

## Importing and exporting

error-import-unknown-format = { $file } is not an export Keystep can read. Keystep reads exports of Google Authenticator (its QR codes), Aegis, 2FAS, Bitwarden, Ente Auth, Proton Authenticator, andOTP, FreeOTP+ and LastPass Authenticator, and lists of otpauth:// links. Export again from your app, or name the app (--format). Nothing was added.
error-import-damaged = { $file } looks like an export of { $app }, but Keystep cannot read it: { $problem } Nothing was added.
error-import-password-needed = { $file } is an encrypted export of { $app }. Give the password you chose when you exported it (in the window, type it; on the command line, add --password-file FILE). Nothing was added.
error-import-wrong-password = That password does not open { $file } (an encrypted export of { $app }). Use the password you chose when you exported it; capital letters and spaces count. Nothing was added.
error-import-no-qr = Keystep found no QR code in { $file }. Make the QR code bigger on the screen (zoom in), make sure all of it shows, and try again; or use the site's "can't scan it?" link to get the setup key and type it. Nothing was added.
error-import-image-refused = Keystep did not read the picture { $file }: { $problem } Nothing was added.
error-import-screen-capture = { $problem }
error-import-no-picture = There is no picture to paste. Take a screenshot of the QR code first (Print Screen, or your system's screenshot tool, copying it), then press Paste a picture again.
error-import-nothing-pending = There is nothing waiting to be added. Open the picture or file again.
error-export-password-needed = This export is not encrypted: whoever gets the file can make every one of your codes. Give your recovery password first (in the window, type it; on the command line, --password-file FILE). Nothing was written.
error-export-nothing-for-google = None of your accounts can go to Google Authenticator: it takes only 6-digit codes that change every 30 seconds. Export them to an Aegis file instead.

## The clock

error-clock-no-answer = No time server answered ({ $servers }), so Keystep could not check your computer's clock. Check your internet connection, or choose other time servers. Your codes are made with your computer's clock.
error-clock-bad-answer = The time servers' answers could not be used ({ $answers }), so Keystep ignored them. Your codes are made with your computer's clock. Choose other time servers if this goes on.
error-clock-disagree = The time servers do not agree ({ $answers }), so Keystep trusts none of them and makes your codes with your computer's clock. Try again later, or choose other time servers.

## The app

error-app-unexpected = Something went wrong. Try again.
error-app-open-failed = Keystep could not start your web browser. Open the page yourself: type the address shown in the guide.
error-app-nothing-chosen = No file was chosen.
error-clipboard-failed = Keystep could not copy the { $what_key ->
       *[other] { $what }
    }. { $instead_key ->
       *[other] { $instead }
    }
