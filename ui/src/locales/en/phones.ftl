# "Phones": the person's numbers, the services that send them codes, backup codes, the review of what
# could lock them out, and the change-number checklist. The review's own sentences and the catalog's
# page titles come from the core in the window's language; these are the words around them.

phones-heading = Phone numbers
phones-intro = Which services send you codes, and to which number, so a new number never locks you out.
phones-try-again = Try again
phones-loading = Loading your numbers…
# The label of the button that leaves the change-number checklist.
phones-back = Back to phone numbers

## Said after a change (screen readers announce it)

# $name is a phone number or a service's name.
phones-added = Added { $name }.
phones-saved = Saved { $name }.
phones-removed = Removed { $name }.
phones-linked-code = { $service } now uses { $code } from Keystep.
phones-linked-code-unnamed = { $service } now uses its code from Keystep.

## Words a screen reader hears after a button's own words ("Copy the next code" "for Gmail")

phones-for-service = for { $service }
phones-of-service = of { $service }
phones-cancel-editing = editing { $number }
phones-save-numbers-of = the numbers of { $service }

## Buttons used in several places

phones-cancel = Cancel
phones-save = Save
phones-saving = Saving…
phones-edit = Edit
phones-remove = Remove
phones-removing = Removing…
phones-adding = Adding…

## Removing a number or a service (a dialog asks first)

# $name is a phone number or a service's name.
phones-remove-title = Remove { $name }?
phones-remove-phone-body = Keystep forgets this number. This does not change anything on the services themselves.
# $services lists the services that use the number: "Gmail, IRS".
phones-remove-phone-body-used = Keystep forgets this number. It is also taken off { $services } in Keystep. This does not change anything on the services themselves.
phones-remove-phone-confirm = Remove number
phones-remove-service-body = Keystep forgets which numbers { $service } uses, and its saved backup codes. Your account at { $service } stays as it is.
phones-remove-service-confirm = Remove service

## The summary at the top and the review

phones-summary = { $count ->
    [one] 1 thing could lock you out.
   *[other] { $count } things could lock you out.
}
phones-summary-urgent = { $count ->
    [one] 1 thing could lock you out
   *[other] { $count } things could lock you out
}, { $urgent } of them to fix now.
phones-summary-link = See what to do
phones-empty-no-phones = Start by adding the phone number you have now, under “Your numbers”. Then add the services that send you codes.
phones-empty-no-services = Next, add a service that sends you sign-in codes, under “Your services”, such as your bank or email.
phones-empty-no-ticks = Next, tick the numbers each of your services uses, and press Save.
phones-empty-done = Nothing to fix right now.
phones-review-heading = What could lock you out
phones-review-list = Things to fix
# How serious a finding is, next to it (so colour is never the only sign).
phones-severity-urgent = Fix now
phones-severity-high = Important
phones-severity-medium = Worth doing
phones-severity-low = Tip
phones-review-what-to-do = What to do:
# $title is the guide's title.
phones-review-guide = Follow the guide “{ $title }”
# $code is the name of a code in Keystep ("ID.me (me@example.com)").
phones-review-use-code = Use { $code } for { $service }
phones-review-here = You can fix this on this screen.

## Buttons that open a service's official page, built around the page's title from the catalog

# A title such as "Chase: choose Sign in": "Open Chase and choose Sign in".
phones-page-open-and = Open { $site } and { $then }
# A title that says what to do ("Turn on 2-Step Verification"), followed by the service.
phones-page-do-for = { $title } for { $service }
# Any other title (a name or a question).
phones-page-open = Open the { $service } page “{ $title }”

## Buttons that open Settings

phones-settings-recovery-password = Open Settings to set a recovery password
phones-settings-backup-folder = Open Settings to choose a backup folder
phones-settings-backup-again = Open Settings to try the backup again
phones-settings-open = Open Settings

## Your numbers

phones-numbers-heading = Your numbers
phones-no-phones = You have not added a number yet. Start with the number you have now.
phones-add-phone-heading = Add a number
phones-number-label = Phone number
phones-name-optional-label = Name for this number (optional)
phones-name-hint = For example: My cell, Home phone.
phones-kind-label = Kind of line
phones-country-label = Country (2 letters)
phones-country-hint = For example US or CA. Not needed if the number starts with +.
phones-add-phone-submit = Add number
# The kind of a number, short, in its row.
phones-kind-mobile = mobile
phones-kind-landline = landline
phones-kind-voip = internet number
# The kind of a number, in the list to choose from.
phones-kind-option-mobile = Mobile phone
phones-kind-option-landline = Landline (home or work phone)
phones-kind-option-voip = Internet number (such as Google Voice)
# Whether the person still has a number, in its row.
phones-status-in-use = in use
# $date is spelled out: "December 15, 2026".
phones-status-leaving = leaving on { $date }
phones-status-gone = gone
# Whether the person still has a number, in the list to choose from.
phones-status-option-in-use = In use
phones-status-option-leaving = Leaving on a date
phones-status-option-gone = Gone (I no longer have it)
# $services lists service names: "Gmail, IRS".
phones-used-by = Used by: { $services }
phones-used-by-none = Used by: no services yet

## Editing a number

phones-edit-label = Edit { $number }
phones-name-label = Name for this number
phones-status-label = Do you still have it?
phones-date-label = Day it stops working
# $example is how to type a day: "12/15/2026 or December 15, 2026".
phones-date-hint = For example { $example }.
phones-date-needed = Choose the day the number stops working.

## Typing a day

# How to type a day, in the window's language: "12/15/2026 or December 15, 2026".
phones-date-example = { $numeric } or { $spelled }
phones-date-unreadable = Keystep could not read “{ $typed }” as a day. Type it like { $example }.
# When what was typed is too long to repeat.
phones-date-unreadable-long = Keystep could not read that as a day. Type it like { $example }.

## Your services

phones-services-heading = Your services
phones-services-intro = The services that send you sign-in codes: the IRS, your bank, your email. Tick the numbers each one uses.
phones-no-services = You have not added a service yet.
phones-add-service-heading = Add a service
phones-service-label = Service that sends you codes
phones-service-choose = Choose a service
phones-service-other = Another service…
phones-service-needed = Choose a service from the list.
phones-custom-name-label = Name of the service
phones-custom-name-hint = For example: My Credit Union.
phones-custom-domain-label = Its web address
phones-custom-domain-hint = For example: mycu.org. Keystep uses it to check links that claim to be from this service.
phones-add-service-submit = Add this service
phones-service-form = How you sign in to { $service }
phones-service-no-phones = Add your numbers above, then tick the ones { $service } uses.
phones-code-phones-legend = Sends sign-in codes to:
phones-code-phones-spoken = gets sign-in codes from { $service }
phones-recovery-phones-legend = Keeps for recovery:
phones-recovery-phones-spoken = is kept by { $service } for recovery
phones-security-key = I also use a security key or passkey
phones-unsaved = You have changes that are not saved yet.
phones-unlinked = { $service } is no longer linked to a code.
phones-linked = Linked { $service } to its code.

## The code in Keystep that belongs to a service

phones-code-heading = Code in Keystep
# Followed by the code's name.
phones-code-linked = Keystep makes the codes for { $service }:
phones-code-linked-gone = a code that is no longer in Keystep
phones-code-forget = Forget this link
phones-code-find = Find my Keystep code
phones-code-none = No code in Keystep looks like { $service }. If you use an authenticator app for it, add it under “Your codes” first.
phones-code-pick = Is one of these the code for { $service }? Pick it to link it.
phones-code-use = Use { $code }

## Backup codes

phones-backup-heading = Backup codes
phones-backup-none = No backup codes saved yet.
phones-backup-left = { $total ->
    [one] { $left } of { $total } backup code left
   *[other] { $left } of { $total } backup codes left
}
phones-backup-all-used = All used. Make new ones on { $service } and paste them here.
phones-backup-few-left = Only { $left } left. Make new ones soon.
phones-backup-copied = Copied. It is marked as used.
phones-backup-copied-clears = Copied. It is marked as used. Keystep clears the clipboard in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}.
phones-backup-copy = Copy the next code
phones-backup-paste = Paste backup codes
phones-backup-remove-all = Remove all backup codes
phones-backup-form = Save backup codes for { $service }
phones-backup-input = Backup codes for { $service }, one per line
phones-backup-input-hint = They replace the codes saved before (Keystep asks first if there are fewer). Keystep keeps them locked away and shows only their last two characters.
phones-backup-save = Save backup codes
phones-backup-needed = Paste your backup codes first, one on each line.
phones-backup-saved = { $count ->
    [one] Saved 1 backup code for { $service }.
   *[other] Saved { $count } backup codes for { $service }.
}
phones-backup-replace-title = { $count ->
    [one] Replace the 1 saved backup code with fewer?
   *[other] Replace the { $count } saved backup codes with fewer?
}
# $why is the core's sentence saying there are fewer codes than are saved.
phones-backup-replace-body = { $why } Replace them only if these are the new codes { $service } gave you.
phones-backup-replace-confirm = Replace the codes
phones-backup-clear-title = { $count ->
    [one] Remove the 1 backup code of { $service }?
   *[other] Remove the { $count } backup codes of { $service }?
}
phones-backup-clear-body = Keystep forgets them. If you still need them, keep them on paper, or make new ones on { $service } and paste those here.
phones-backup-clear-confirm = Remove the codes
phones-backup-cleared = Removed the backup codes of { $service }.
# Which backup codes are used, for a person who also uses codes from paper.
phones-backup-list-open = See which codes are used
phones-backup-list-hint = Used a code from paper? Tick it here so Keystep does not give it to you again.
# Followed by the code's last two characters, then ": used".
phones-backup-code-ending = Code { $number }, ending
phones-backup-code-used = used
# $ending is the code's last two characters.
phones-backup-marked-used = Code ending { $ending } marked as used.
phones-backup-marked-unused = Code ending { $ending } marked as not used.

## Changing your number

phones-plan-heading = Changing your number?
phones-plan-intro = Keystep makes a checklist: add the new number to each service first, then take the old one off.
phones-plan-no-phones = Add the number you have now under “Your numbers” first.
phones-plan-form = Make a checklist for a new number
phones-plan-from-label = Your old number
phones-plan-to-label = Your new number
phones-plan-date-label = Day the old number stops working (optional)
phones-plan-date-hint = For example { $example }. Leave it empty if it stops today or has stopped already.
phones-plan-submit = Make my checklist
phones-plan-making = Making it…
