# "Check a link": whether each link in a pasted link or message goes to an official site. Keystep's core
# decides every verdict; these are the words for it.

check-heading = Is this link real?
check-intro = Paste a link, or a whole text message or email. Keystep tells you whether each link goes to an official site.
check-input-label = Link or message
check-submit = Check
check-input-empty = Paste a link or a message first.
# When a guide step's "Check this address" found no address on the clipboard.
check-nothing-copied = No address was copied. In your browser, click the address bar and press Ctrl+C (on a Mac, Command+C). Then paste it here.
check-no-link = No link found. Paste the whole address, such as https://www.irs.gov, or the message that contains it.
# No link is not the same as safe: pressure by phone or message needs no link at all.
check-no-link-scam = A message or a phone call can be a scam even without a link: for example, someone who says you must pay right now, threatens arrest, or asks for a sign-in code. If that is what you got, take your time and check it first.
# The title of the bundled guide "is-it-the-irs", exactly as that guide gives it in this language.
check-no-link-guide-title = Is this message or link really from the IRS?
check-open-guide = Open the guide “{ $title }”

## The results

# Said by screen readers before each checked link.
check-link-label = Link:
# The name screen readers give the list of reasons under a warning.
check-reasons-label = Why
check-suspicious-advice = Do not open it or reply. If you are worried, go to the official site yourself.
# What screen readers hear after a check, and the heading of the results: "2 links checked: 1 warning, 1 official."
check-summary = { $count ->
    [one] 1 link checked
   *[other] { $count } links checked
}: { $details }.
check-summary-warnings = { $count ->
    [0] no warnings
    [one] 1 warning
   *[other] { $count } warnings
}
check-summary-official = { $count } official
check-summary-not-official = { $count } not official

## The verdict on one link

check-verdict-official = Official { $service } site.
check-verdict-not-official = Not an official site of a service Keystep knows. Be careful before you sign in or pay there.
check-verdict-imitation = Warning: this is not a real { $service } link.
check-verdict-real-but-unsafe = This goes to the real { $service } site, but not in a safe way. Go to the site yourself instead.
check-verdict-unsafe = Warning: this link is not safe.

## Why a link is suspicious, by the core's reason code. In English the window shows the core's own
## sentence, which also names the exact official address; these are the same reasons in words the window
## can say in every language.

check-reason-unreadable = This link is malformed, so it is not safe to follow.
check-reason-ip-address = The link goes to a bare number address ({ $host }) instead of a named site. Official sites use their names.
check-reason-userinfo = The part before "@" is only decoration: this link really goes to { $host }.
check-reason-international-letters = The address uses letters from other alphabets that can look like ordinary ones. Its real name is { $host }.
check-reason-shortener = { $domain } is a link shortener: it hides where the link really goes. Government agencies do not send shortened links.
check-reason-not-https = { $service } uses secure (https) links; this one starts with http, which anyone on the network can change.
check-reason-subdomain = The address starts with a { $service } name, but it really belongs to { $domain }, which is not a { $service } site.
check-reason-glued = { $domain } hides a { $service } address inside a different address, without its dot. It is not a { $service } site.
check-reason-lookalike = { $domain } looks like { $service }'s real address, but it is a different site.
check-reason-brand = The address uses the name { $service } but belongs to { $domain }, which is not a { $service } site.
