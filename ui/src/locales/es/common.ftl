# Palabras que usan muchas pantallas, y los avisos sobre todas las pantallas (un reloj equivocado, una
# copia de seguridad que falló, la clave que falta en el llavero).

common-cancel = Cancelar
common-save = Guardar
common-saving = Guardando…
common-try-again = Intentar de nuevo
common-trying = Intentando…
common-copied = Copiado.
common-service = Servicio
common-account-name = Nombre de la cuenta o correo electrónico
# Nombra un cuadro de advertencia para los lectores de pantalla.
common-careful = Cuidado
# Se muestra en negrita arriba de un cuadro de advertencia.
common-careful-title = Cuidado:
# El mensaje simple cuando una falla no trae un mensaje escrito para personas.
common-error-unexpected = Algo salió mal. Inténtelo de nuevo.
common-screen-load-error = Keystep no pudo abrir esta pantalla. Inténtelo de nuevo o reinicie Keystep.

## Partes de la información guardada que esta versión no puede leer (los nombres van después de los dos puntos).

common-unreadable-title = Esta versión de Keystep no pudo leer parte de su información guardada:
common-unreadable-kept = Se conserva sin cambios. Una versión más nueva de Keystep puede usarla.

## El reloj de la computadora no está en hora: "El reloj de su computadora está 2 minutos atrasado."

common-clock-wrong = El reloj de su computadora está { $offset }.
common-clock-refused = Es posible que los sitios rechacen sus códigos. Active “Establecer la hora automáticamente” en la configuración de su sistema.
common-clock-until = Mientras tanto, los códigos de Keystep usan la hora correcta de internet.
# Cuánto se desvía el reloj; completa "El reloj de su computadora está …".
common-clock-right-time = en hora
common-clock-seconds-slow = { $count ->
    [one] 1 segundo atrasado
   *[other] { $count } segundos atrasado
}
common-clock-seconds-fast = { $count ->
    [one] 1 segundo adelantado
   *[other] { $count } segundos adelantado
}
common-clock-minutes-slow = { $count ->
    [one] 1 minuto atrasado
   *[other] { $count } minutos atrasado
}
common-clock-minutes-fast = { $count ->
    [one] 1 minuto adelantado
   *[other] { $count } minutos adelantado
}
common-clock-hours-slow = { $count ->
    [one] 1 hora atrasado
   *[other] { $count } horas atrasado
}
common-clock-hours-fast = { $count ->
    [one] 1 hora adelantado
   *[other] { $count } horas adelantado
}

## Una copia de seguridad no llegó a la carpeta de copias de seguridad.

# Seguido del motivo, como "La carpeta no está."
common-backup-failed = La última copia de seguridad no llegó a { $folder }:
common-backup-fixed = Listo. La copia de seguridad llegó a { $folder }.

## Keystep se abrió con la contraseña de recuperación porque el llavero no tenía la clave.

common-keychain-label = La clave de sus códigos
common-keychain-opened = Abrió sus códigos con su contraseña de recuperación, porque el llavero de esta computadora no tiene su clave.
common-keychain-why = Vuelva a guardar la clave y Keystep se abrirá solo otra vez en esta computadora.
common-keychain-put-back = Guardar la clave otra vez en el llavero de esta computadora
common-keychain-putting-back = Guardándola…
common-keychain-fixed = Listo. La clave está otra vez en el llavero de esta computadora.
