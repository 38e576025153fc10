# The Help screen: the keyboard shortcuts, and what to do when something feels wrong.

help-heading = Help
help-keys-heading = Keyboard shortcuts
help-keys-intro = Everything in Keystep works with the keyboard. These keys save a few steps:
help-keys-column = Keys
help-does-column = What they do

## The shortcuts: the keys as they are written on the keyboard, then what they do.

help-search-keys = Ctrl+F
help-search = Search your codes
help-add-keys = Ctrl+N
help-add = Add an account
help-copy-keys = Ctrl+C
help-copy = Copy the code of the account you are on
help-help-keys = F1
help-help = Open this Help screen
help-tab-keys = Tab and Shift+Tab
help-tab = Move to the next or the previous button or field
help-press-keys = Enter or Space
help-press = Press the button you are on
help-close-keys = Escape
help-close = Close a window that opened over the page

## If something feels wrong

help-safe-heading = If something feels wrong
help-safe-never = Never give a sign-in code to anyone who calls, texts or emails you, even if they say they are from the IRS, your bank or Keystep. Hang up, and sign in yourself through “Guided sign-in”.
help-safe-check = To find out if a link in a message is real, paste the message into “Check a link”.
