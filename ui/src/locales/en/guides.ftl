# Guided sign-in: the list of guides, a guide's steps, and what each kind of step shows. The guides' own
# words (titles, steps) come from Keystep's core in the window's language; these are the words around them.

## The list of guides

guides-heading = Guided sign-in
guides-intro = A guide takes you through signing in to a service, one small step at a time. Keystep remembers where you are.
guides-try-again = Try again
guides-none = No guides are available right now.
# The name screen readers give the list of guides.
guides-list-label = Guides
guides-loading = Loading guides…
# After the service's name on a guide's card.
guides-own-guide = One of your own guides
guides-minutes = About { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
guides-needs = What you need
guides-start = Start
guides-continue-step = Continue (step { $step } of { $total })
# The name screen readers give a guide's Start or Continue button: the button's words, then the guide.
guides-start-named = { $action }: { $title }
guides-restart = Start over
guides-restart-named = Start over: { $title }
# Shown only when the window is in Spanish and a guide has no Spanish version yet.
guides-not-translated = This guide is not yet in Spanish, so it is shown in English.

## Past runs and your own guides

guides-past-runs = Past runs
guides-past-run-done = Done: { $title } — { $date }
guides-past-run-stopped = Stopped at step { $step } of { $total }: { $title } — { $date }
guides-own-heading = Your own guides
guides-own-folder = Put guide files (.toml) in this folder to add your own guides:
guides-own-problems = These guide files were left out:

## Starting over

guides-restart-question = Start over?
guides-restart-kept = Your progress in this guide is kept in past runs.
guides-restart-cancel = Cancel
guides-restart-busy = Starting over…

## Under "Your codes": a guide left half-way

guides-in-progress-label = Guide in progress
guides-in-progress = You have a guide in progress: { $title }.
guides-continue = Continue
guides-continue-named = Continue the guide: { $title }

## A run of a guide

guides-back-to-list = Back to all guides
guides-checked = Checked against the official pages on { $date }
guides-progress-label = Progress in this guide
guides-step-of = Step { $step } of { $total }
guides-all-done = { $total ->
    [one] 1 step done
   *[other] All { $total } steps done
}
# Before the title of a side path of a guide (what to do when a text does not come).
guides-branch-help = Help:
guides-branch-return = When you finish these steps, you go back to where you were.
guides-branch-back-step = Back to step { $step }: { $title }
guides-branch-back = Back to: { $title }
guides-next = Done, next step
guides-previous = Previous step
guides-open-named = Open the guide: { $title }
guides-finished-heading = You did it.
guides-finished-text = You finished every step of “{ $title }” on { $date }.
guides-finished-close = You can close Keystep now, or look at another guide.

## Steps that open an official page

guides-page-hint = Opens the official site in your web browser
guides-page-opening = The page is opening in your web browser.
guides-page-type = Type this address into your web browser yourself:
guides-page-copy = Copy the address
guides-page-copied = Copied. In your browser, click the address bar, paste it (Ctrl+V, on a Mac Command+V) and press Enter.

## Steps that check the address in the browser

guides-address-ends = A real { $service } address ends in { $ending }.
guides-address-look = Look at the end of the site's name, just before the first { $slash }.
guides-address-check = Check this address in Keystep
guides-address-how = First copy the address: click the address bar of your browser, then press Ctrl+C (on a Mac, Command+C).

## Steps that show a code

guides-code-heading = Your { $service } code
guides-code-missing = You have not added your { $service } code to Keystep yet.
guides-code-missing-hint = You can add it under “Your codes”. Or use another way to get your code for this step.
guides-code-loading = Loading your code…
guides-code-none = No code right now. Open “Your codes” to get one.
guides-code-copy = Copy
guides-code-copy-named = Copy your { $service } code
guides-code-copied = Copied.
guides-code-copied-clears = Copied. Keystep clears it from the clipboard in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}.

## Steps that show a phone number

guides-phone-heading = The phone number you keep for { $service }
guides-phone-missing = No number saved yet.
guides-phone-how = On the Phone numbers screen, add your number under “Your numbers”. Then add { $service } under “Your services” and say that it sends its codes to that number. Come back to this guide with the “Guides” tab: it keeps your place.
guides-phone-add = Add your number for { $service }

## Steps that wait

guides-wait-start = Start the countdown ({ $length })
guides-wait-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
guides-wait-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
guides-wait-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
guides-time-left = Time left: { $left }
# What is left of a wait, short: "9 days 23 h", "23 h 59 min", "14 min 32 s", "40 s".
guides-left-days = { $days ->
    [one] 1 day
   *[other] { $days } days
} { $hours } h
guides-left-hours = { $hours } h { $minutes } min
guides-left-minutes = { $minutes } min { $seconds } s
guides-left-seconds = { $seconds } s
guides-wait-over = The wait is over. You can try again now.
guides-wait-until = You can try again after { $date }.
