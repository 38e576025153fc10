# El cuadro Agregar: agregar una cuenta con un enlace de configuración o escribiendo su clave de configuración.

add-heading = Agregar una cuenta
add-by-hand = O agréguela a mano
add-how = ¿Cómo quiere agregarla?
add-mode-uri = Pegar un enlace de configuración
add-mode-key = Escribir la clave de configuración
add-key-moved = Eso es una clave de configuración, no un enlace, así que ahora está abajo, en “Clave de configuración”. Escriba el nombre del servicio y luego presione Agregar.
add-uri-label = Enlace de configuración (empieza con otpauth://)
add-uri-hint = Copie el enlace de la página de configuración del servicio y péguelo aquí. Una clave de configuración también sirve aquí.
add-submit = Agregar
add-adding = Agregando…

## Escribir la clave de configuración.

add-service-hint = Por ejemplo: Login.gov
add-secret = Clave de configuración
add-secret-hint = Letras de la A a la Z y números del 2 al 7. Puede usar espacios y minúsculas.
add-advanced = Configuración avanzada
add-advanced-hint = Cambie estos valores solo si el servicio se lo indica.
add-kind = Tipo
add-kind-totp = Basado en el tiempo
add-kind-hotp = Basado en un contador
# El nombre de la plataforma de juegos; sus códigos tienen letras.
add-kind-steam = Steam
add-algorithm = Algoritmo
add-digits = Dígitos
add-period = Intervalo en segundos
add-counter = Contador
