# Adding accounts from a QR code on the screen, a picture, or another app's export file.

import-heading = Scan a QR code
import-scan-hint = Open the site's setup page so its QR code shows on your screen, then press Scan the screen. Keystep hides for a moment and looks at everything on your screen.
import-scan-screen = Scan the screen
import-open-file = Open a picture or file…
import-paste = Paste a picture
import-other-ways = You can also drop a picture or an export file on this window. Open a picture takes a screenshot or a photo of a QR code, and also the export file of another authenticator app (Google Authenticator's export QR codes, Aegis, 2FAS, Bitwarden, Ente Auth, Proton, andOTP, FreeOTP+, LastPass).

import-busy-scan = Looking at your screen…
import-busy-picture = Reading the picture…
import-busy-file = Reading the file…
import-busy-opening = Opening the file…
import-busy-adding = Adding…

import-password-heading = This file has a password
import-password-about = Type the password you chose when you exported it from the other app.
import-password = Password of the export file
import-back = Back
import-password-submit = Open the file

# $app: the app the file came from, such as "Aegis".
import-found = Found { $count ->
    [one] { $count } account
   *[other] { $count } accounts
} from { $app }
import-summary = { $added } will be added{ $duplicates ->
        [0] {""}
       *[other] , { $duplicates } already in Keystep
    }{ $skipped ->
        [0] {""}
       *[other] , { $skipped } cannot be added
    }.
import-more = Show the next QR code of the export on your phone or screen, then scan it too. Keystep adds it to this list.
import-scan-more = Scan the next QR code
import-open-more = Open the next picture…
import-add = Add { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
import-close = Close
import-added = Added { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
import-done = Done

## What happens to each entry

import-rows = What happens to each account
import-row-added = Added
import-row-will-add = Will be added
import-row-duplicate = Already in Keystep
import-row-not-added = Not added
import-kind-totp = changes every few seconds
import-kind-hotp = counter
import-kind-steam = Steam Guard
import-other = A QR code held something that is not a setup code. Nothing was added from it:
import-other-check = If it holds a web address, check it with "Check a link" before you open it.
