# La pantalla Ayuda: los atajos de teclado, y qué hacer cuando algo no parece estar bien.

help-heading = Ayuda
help-keys-heading = Atajos de teclado
help-keys-intro = Todo en Keystep funciona con el teclado. Estas teclas le ahorran algunos pasos:
help-keys-column = Teclas
help-does-column = Qué hacen

## Los atajos: las teclas como están escritas en el teclado, y lo que hacen.

help-search-keys = Ctrl+F
help-search = Buscar en sus códigos
help-add-keys = Ctrl+N
help-add = Agregar cuenta
help-copy-keys = Ctrl+C
help-copy = Copiar el código de la cuenta en la que está
help-help-keys = F1
help-help = Abrir esta pantalla de Ayuda
help-tab-keys = Tab y Shift+Tab
help-tab = Ir al botón o campo siguiente o al anterior
help-press-keys = Enter o la barra espaciadora
help-press = Oprimir el botón en el que está
help-close-keys = Esc
help-close = Cerrar una ventana que se abrió sobre la página

## Si algo no parece estar bien

help-safe-heading = Si algo no parece estar bien
help-safe-never = Nunca le dé un código de inicio de sesión a nadie que le llame, le envíe un mensaje de texto o le escriba un correo electrónico, aunque diga que es del IRS, de su banco o de Keystep. Cuelgue e inicie sesión por su cuenta con “Inicio de sesión guiado”.
help-safe-check = Para saber si un enlace de un mensaje es real, pegue el mensaje en “Revisar un enlace”.
