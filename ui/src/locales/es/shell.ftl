# El marco de todas las pantallas: los nombres de las pantallas, el menú en que se pliegan, Bloquear.

nav-label = Pantallas de Keystep
nav-codes = Códigos
nav-check = Revisar un enlace
nav-guides = Guías
nav-phones = Teléfonos
nav-settings = Configuración
nav-help = Ayuda
nav-lock = Bloquear
# Seguido del nombre de la pantalla actual: "☰ Pantallas: Códigos".
nav-menu = Pantallas:
