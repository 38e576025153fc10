# The Add dialog: adding an account with a setup link or by typing its setup key.

add-heading = Add an account
add-by-hand = Or add it by hand
add-how = How do you want to add it?
add-mode-uri = Paste a setup link
add-mode-key = Type the setup key
add-key-moved = That is a setup key, not a link, so it is now under “Setup key” below. Type the name of the service, then press Add.
add-uri-label = Setup link (starts with otpauth://)
add-uri-hint = Copy the link from the service's setup page, then paste it here. A setup key works here too.
add-submit = Add
add-adding = Adding…

## Typing the setup key.

add-service-hint = For example: Login.gov
add-secret = Setup key
add-secret-hint = Letters A to Z and digits 2 to 7. Spaces and small letters are fine.
add-advanced = Advanced settings
add-advanced-hint = Change these only if the service tells you to.
add-kind = Type
add-kind-totp = Time-based
add-kind-hotp = Counter-based
# The name of the game platform; its codes have letters.
add-kind-steam = Steam
add-algorithm = Algorithm
add-digits = Digits
add-period = Time step in seconds
add-counter = Counter
