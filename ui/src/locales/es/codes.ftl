# "Sus códigos": la lista de cuentas y sus códigos, y lo que se dice de ellos.

codes-heading = Sus códigos
codes-add-account = Agregar cuenta
codes-loading = Cargando sus códigos…
codes-search = Buscar cuentas
# Nombra la lista de cuentas para los lectores de pantalla.
codes-list = Cuentas
codes-no-match = Ninguna cuenta coincide con “{ $query }”.

## La fila de una cuenta. $account es su nombre como lo muestra Keystep, como "ID.me (sam)".

codes-copy = Copiar
codes-copy-label = Copiar el código de { $account }
codes-new-code = Código nuevo
codes-new-code-label = Código nuevo para { $account }
codes-rename = Cambiar nombre
codes-rename-label = Cambiar nombre de { $account }
codes-qr = Código QR
codes-qr-label = Mostrar el código QR de { $account }, para agregarlo a otro dispositivo
codes-delete = Eliminar
codes-delete-label = Eliminar { $account }
# Un código basado en un contador se crea solo cuando se pide.
codes-press-new-code = Presione “Código nuevo” para obtener un código.
codes-no-code = No hay código en este momento.
# Antes del código que viene después del que se muestra: "Siguiente: 234 567".
codes-next = Siguiente:

## Los segundos que le quedan a un código, junto a su código.

codes-seconds-left = { $seconds ->
    [one] Queda 1 segundo
   *[other] Quedan { $seconds } segundos
}
# Se muestra junto a la barra: "18 s".
codes-seconds-short = { $seconds } s

## Un código como lo dicen los lectores de pantalla. $code ya viene en grupos de dígitos ("622 792").

codes-spoken = Código de { $service } { $code }
codes-spoken-no-service = Código { $code }
codes-spoken-timed = { $seconds ->
    [one] Código de { $service } { $code }, queda 1 segundo
   *[other] Código de { $service } { $code }, quedan { $seconds } segundos
}
codes-spoken-timed-no-service = { $seconds ->
    [one] Código { $code }, queda 1 segundo
   *[other] Código { $code }, quedan { $seconds } segundos
}
codes-spoken-next = Siguiente código de { $service } { $code }
codes-spoken-next-no-service = Siguiente código { $code }

## Lo que dice la línea de estado después de una acción.

codes-copied-until = { $seconds ->
    [one] Copiado. Se borrará del portapapeles en 1 segundo.
   *[other] Copiado. Se borrará del portapapeles en { $seconds } segundos.
}
codes-saved = Se guardó { $account }.
codes-added = Se agregó { $account }.
codes-added-count = { $count ->
    [one] Se agregó 1 cuenta.
   *[other] Se agregaron { $count } cuentas.
}
codes-qr-shown = El código QR de { $account } se muestra en una ventana aparte.
codes-deleted = Se eliminó { $account }.

## Eliminar una cuenta.

codes-delete-title = ¿Eliminar { $account }?
codes-delete-body = Ya no recibirá códigos para esta cuenta en Keystep. Primero asegúrese de que todavía puede iniciar sesión de otra manera.
codes-delete-confirm = Eliminar cuenta
codes-deleting = Eliminando…

## Todavía no hay cuentas.

codes-empty-heading = Todavía no hay cuentas.
codes-empty-intro = Agregar una lleva tres pasos:
codes-empty-step-settings = Abra la configuración de seguridad del servicio (por ejemplo, ID.me o Login.gov) y elija “aplicación de autenticación”.
codes-empty-step-copy = Copie la clave de configuración o el enlace de configuración.
codes-empty-step-add = Presione “Agregar cuenta” y pegue lo que copió.

## Después de la primera cuenta, mientras no haya una contraseña de recuperación.

codes-nudge-heading = Proteja sus códigos
codes-nudge-text = Establezca una contraseña de recuperación. Con ella puede abrir sus códigos en otra computadora, o si se pierde el llavero de esta computadora.
codes-nudge-set = Establecer una contraseña de recuperación
codes-nudge-later = Ahora no
