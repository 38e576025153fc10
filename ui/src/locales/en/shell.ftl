# The frame around every screen: the screens' names, the menu they fold into, Lock.

nav-label = Keystep screens
nav-codes = Codes
nav-check = Check a link
nav-guides = Guides
nav-phones = Phones
nav-settings = Settings
nav-help = Help
nav-lock = Lock
# Followed by the current screen's name: "☰ Screens: Codes".
nav-menu = Screens:
