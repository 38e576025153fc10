# La pantalla Configuración: idioma, contraseña de recuperación, bloqueo, copias de seguridad y restaurar,
# exportar los códigos, la revisión del reloj, colores. También la pregunta por la contraseña de
# recuperación antes de mostrar un código QR.

settings-heading = Configuración
settings-loading = Cargando su configuración…
settings-retry = Intentar otra vez

## Idioma

settings-language-heading = Idioma
settings-language-label = Idioma de la ventana
settings-language-hint = Los menús, los mensajes y las guías cambian de inmediato.
# Una opción de la lista: el idioma de la computadora, con su propio nombre ("English", "Español").
settings-language-system = Igual que esta computadora ({ $language })
# Se dice cuando la ventana cambió de idioma (este mensaje se lee en el idioma nuevo).
settings-language-saved = Keystep ahora está en español.
# Se dice cuando la ventana vuelve a seguir a la computadora; $language es el idioma de la computadora.
settings-language-saved-system = Keystep ahora usa el idioma de esta computadora ({ $language }).

## Apariencia

settings-appearance-heading = Apariencia
settings-theme-label = Colores
settings-theme-hint = Claro u oscuro. “Igual que esta computadora” sigue la configuración de su sistema.
settings-theme-system = Igual que esta computadora
settings-theme-light = Claro
settings-theme-dark = Oscuro
settings-theme-saved-system = Los colores ahora siguen a esta computadora.
settings-theme-saved-light = Ahora los colores son claros.
settings-theme-saved-dark = Ahora los colores son oscuros.

## La contraseña de recuperación

settings-password-heading = Contraseña de recuperación
settings-password-about = Con esta contraseña puede abrir sus códigos en otra computadora, o si se pierde el llavero de esta computadora.
settings-password-is-set = Ya tiene una contraseña de recuperación. Sus copias de seguridad se abren con ella.
settings-password-not-set = Todavía no tiene una contraseña de recuperación.
settings-password-form-set = Crear una contraseña de recuperación
settings-password-form-change = Cambiar o quitar la contraseña de recuperación
settings-password-current = Contraseña actual
settings-password-current-first = Primero escriba su contraseña actual.
settings-password-mismatch = Las dos contraseñas nuevas no son iguales. Escriba la misma contraseña dos veces.
settings-password-changing = Cambiando…
settings-password-change = Cambiar contraseña
settings-password-setting = Creando…
settings-password-set = Crear contraseña
settings-password-remove-heading = Quitar la contraseña
settings-password-remove-about = Escriba arriba su contraseña actual y luego quítela.
settings-password-remove = Quitar contraseña
settings-password-remove-current-first = Para quitar la contraseña, primero escriba su contraseña actual.
settings-password-saved = Su contraseña de recuperación está lista. Sus copias de seguridad se abren con ella.
settings-password-saved-folder = Su contraseña de recuperación está lista. Sus copias de seguridad se abren con ella y se guardan en su carpeta de copias de seguridad.
settings-password-remove-title = ¿Quitar la contraseña de recuperación?
settings-password-remove-body = Después, sus copias de seguridad solo se abren en esta computadora, y no se guarda nada más en su carpeta de copias de seguridad. Keystep también deja de bloquearse.
settings-password-removing = Quitando…
settings-password-removed = Se quitó la contraseña de recuperación.

settings-new-password = Contraseña nueva
settings-new-password-hint = Varias palabras que pueda recordar son más fáciles que los símbolos, y más difíciles de adivinar.
settings-new-password-again = Escriba otra vez la contraseña nueva
settings-suggest = Sugerir una frase de contraseña
settings-suggest-failed = Keystep no pudo crear una frase de contraseña. Escriba una contraseña propia.
# Las palabras sugeridas vienen de una lista en inglés: se dice aquí.
settings-suggest-write-down = Anote estas palabras (están en inglés) y guárdelas en un lugar seguro.

## Bloqueo

settings-locking-heading = Bloqueo
settings-locking-needs-password = Para bloquear Keystep hace falta una contraseña de recuperación: primero cree una arriba.
settings-lock-after = Bloquear después de
settings-lock-after-hint = Keystep se bloquea cuando usted no lo usa durante este tiempo. Su contraseña de recuperación lo abre otra vez.
settings-lock-off = Desactivado
settings-lock-minutes = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}
settings-lock-ask-on-open = Pedir mi contraseña al abrir Keystep
settings-lock-saved-after = Ahora Keystep se bloquea después de { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} sin uso.
settings-lock-saved-never = Keystep no se bloquea solo.
settings-lock-saved-asks = Pide su contraseña cuando se abre.
settings-lock-saved-not-asks = No pide su contraseña cuando se abre.

## Copias de seguridad

settings-backups-heading = Copias de seguridad
settings-backups-about = Keystep guarda una copia de seguridad en esta computadora cada vez que usted cambia algo.
settings-folder-heading = Carpeta de copias de seguridad
settings-folder-about = Una carpeta en una memoria USB o en un almacenamiento en la nube guarda una copia fuera de esta computadora, por si se pierde o se daña.
settings-folder = Carpeta de copias de seguridad:
settings-folder-none = Ninguna
settings-folder-needs-password = Sin una contraseña de recuperación, no se guarda nada en la carpeta. Primero cree una contraseña arriba.
settings-folder-last = Última copia de seguridad en la carpeta: { $when }
settings-folder-never = Todavía no ha llegado ninguna copia de seguridad a la carpeta.
settings-folder-choose = Elegir una carpeta de copias de seguridad…
settings-folder-stop = Dejar de usar esta carpeta
settings-folder-saved = Ahora las copias de seguridad se guardan en { $folder }.
settings-folder-saved-no-password = Eligió { $folder }. Cree una contraseña de recuperación para que las copias de seguridad se guarden ahí.
settings-folder-stopped = Keystep ya no guarda copias de seguridad en { $folder }.
settings-recent-heading = Copias de seguridad automáticas recientes
settings-no-backups = Todavía no hay ninguna copia de seguridad. Keystep hace una cada vez que usted cambia algo.
settings-backup-accounts = { $count ->
    [one] { $count } cuenta
   *[other] { $count } cuentas
}
settings-backup-from-other = de otro Keystep
settings-backup-opens-password = se abre con su contraseña
settings-backup-opens-here = solo se abre en esta computadora

## Restaurar

settings-restore-heading = Restaurar
settings-restore-about = Recupere códigos de un archivo de copia de seguridad. Los códigos que ya tiene aquí se quedan; un mismo código se guarda una sola vez.
settings-restore = Restaurar desde una copia de seguridad
settings-replace = Reemplazar todo con una copia de seguridad
settings-replace-title = ¿Reemplazar todo con una copia de seguridad?
settings-replace-body = Sus códigos, números de teléfono y servicios de aquí se reemplazan por los de la copia de seguridad. Antes, Keystep guarda una copia de seguridad de lo que hay ahora.
settings-replace-confirm = Elegir la copia de seguridad
settings-restore-done = Listo
settings-restore-file = 1. El archivo de copia de seguridad
settings-restore-choosing = Eligiendo…
settings-restore-choose = Elegir el archivo de copia de seguridad…
settings-restore-chosen = Elegido:
settings-restore-file-hint = Los archivos de copia de seguridad terminan en .ksv. Búsquelos en su carpeta de copias de seguridad, en su memoria USB o en su almacenamiento en la nube.
settings-restore-no-file = Primero elija el archivo de copia de seguridad.
settings-restore-password = 2. La contraseña de la copia de seguridad
settings-restore-password-hint = La contraseña de recuperación que tenía cuando se hizo la copia de seguridad.
settings-restore-cancel = Cancelar
settings-restore-restoring = Restaurando…
settings-restore-replace-button = Reemplazar todo
settings-restore-button = Restaurar
settings-restore-replaced = Se reemplazó todo con la copia de seguridad: { $accounts ->
    [one] { $accounts } cuenta
   *[other] { $accounts } cuentas
}, { $phones ->
    [one] { $phones } número de teléfono
   *[other] { $phones } números de teléfono
}, { $services ->
    [one] { $services } servicio
   *[other] { $services } servicios
}. Lo que había antes se guarda como copia de seguridad.
settings-restore-merged = Restaurado: { $accounts ->
    [one] { $accounts } cuenta agregada
   *[other] { $accounts } cuentas agregadas
}, { $duplicates ->
    [one] { $duplicates } ya estaba aquí
   *[other] { $duplicates } ya estaban aquí
}, { $phones ->
    [one] { $phones } número de teléfono
   *[other] { $phones } números de teléfono
}, { $services ->
    [one] { $services } servicio
   *[other] { $services } servicios
}.

## Exportar

settings-export-heading = Exportar sus códigos
settings-export-about = Guarde una copia de todos sus códigos en un archivo, para usarlos en otra computadora, en un teléfono o en otra aplicación.
settings-export-kind = ¿Qué tipo de archivo?
settings-export-keystep = Copia de seguridad de Keystep
settings-export-keystep-about = para restaurar Keystep en otra computadora (cifrado)
settings-export-aegis-encrypted = Aegis, con contraseña
settings-export-aegis-encrypted-about = para usar sus códigos en un teléfono Android (cifrado)
settings-export-google-qr = Códigos QR de Google Authenticator
settings-export-google-qr-about = imágenes para escanear con un teléfono (sin cifrar)
settings-export-aegis = Aegis, sin cifrar
settings-export-aegis-about = para aplicaciones que leen archivos de Aegis pero no sus contraseñas
settings-export-otpauth = Lista de enlaces de configuración, sin cifrar
settings-export-otpauth-about = un archivo de texto con un enlace otpauth:// para cada cuenta
settings-export-opens-with-password = Se abre con su contraseña de recuperación.
settings-export-needs-password = Una copia de seguridad de Keystep se abre con su contraseña de recuperación. Primero cree una arriba.
settings-export-no-recovery-password = Una copia de seguridad de Keystep se abre con su contraseña de recuperación, y todavía no tiene una. Primero cree una arriba.
settings-export-file-password = Contraseña del archivo
settings-export-file-password-hint = Una contraseña nueva, solo para este archivo. Usted la escribe en Aegis cuando importa el archivo.
settings-export-file-password-again = Escriba otra vez la contraseña
settings-export-no-file-password = Escriba una contraseña para el archivo.
settings-export-mismatch = Las dos contraseñas no son iguales. Escriba la misma contraseña dos veces.
settings-export-recovery-password = Su contraseña de recuperación
settings-export-recovery-password-hint = Keystep se la pide antes de guardar un archivo sin cifrar.
settings-export-recovery-password-first = Primero escriba su contraseña de recuperación.
settings-export-exporting = Exportando…
settings-export-choose-folder = Elegir una carpeta y exportar…
settings-export-choose-file = Elegir un archivo y exportar…
settings-export-show-qr = Mostrarlos en la pantalla
settings-export-shown = Los códigos QR se muestran en su propia ventana.
# $list: cada cuenta que quedó fuera, con el motivo.
settings-export-shown-skipped = No están en ellos: { $list }
settings-export-warning-pictures = Estas imágenes no están cifradas. Cualquier persona que las tenga puede generar todos sus códigos. Bórrelas después de usarlas.
settings-export-warning-file = Este archivo no está cifrado. Cualquier persona que lo tenga puede generar todos sus códigos. Bórrelo después de usarlo.
settings-export-done = { $accounts ->
    [one] Se exportó { $accounts } cuenta.
   *[other] Se exportaron { $accounts } cuentas.
}
settings-export-done-pictures = { $accounts ->
    [one] Se exportó { $accounts } cuenta
   *[other] Se exportaron { $accounts } cuentas
} en { $pictures ->
    [one] { $pictures } imagen QR
   *[other] { $pictures } imágenes QR
}.
settings-export-saved-to = { $count ->
    [one] Se guardó en:
   *[other] Se guardó en estos archivos:
}
settings-export-next-keystep = En la otra computadora, elija Restaurar desde una copia de seguridad en Keystep y escriba su contraseña de recuperación.
settings-export-next-aegis-encrypted = Importe este archivo en Aegis, en su teléfono. Aegis le pide la contraseña que eligió para el archivo.
settings-export-next-google-qr = En Google Authenticator, en su teléfono, elija Transferir cuentas, luego Importar cuentas, y escanee cada imagen.
settings-export-next-other-app = Importe este archivo en su otra aplicación.
settings-export-delete-pictures = Estas imágenes no están cifradas. Bórrelas después de usarlas.
settings-export-delete-file = Este archivo no está cifrado. Bórrelo después de usarlo.
settings-export-skipped = Sin exportar: { $count ->
    [one] { $count } cuenta
   *[other] { $count } cuentas
}

## La revisión del reloj

settings-clock-heading = Revisión del reloj
settings-clock-about = Los sitios rechazan los códigos hechos con un reloj equivocado. Keystep les pide la hora a servidores de hora en internet cuando se abre y cada pocas horas. Esos servidores ven su dirección de internet y que usted pidió la hora; no se envía nada más.
settings-clock-check = Revisar el reloj de mi computadora
settings-clock-saved-on = Guardado. Keystep revisa su reloj ahora.
settings-clock-saved-off = Guardado. Keystep ya no revisa el reloj de su computadora.
settings-clock-checking = Revisando…
settings-clock-not-checked = Todavía no se ha revisado.
# $offset: cuánto se desvía el reloj.
settings-clock-corrected = Última revisión: { $at }. El reloj de su computadora está { $offset }. Los códigos de Keystep usan la hora correcta hasta que usted lo ajuste.
settings-clock-one-server = Última revisión: { $at }. Un servidor de hora dice que su reloj está { $offset }. Un solo servidor no basta para que Keystep cambie sus códigos.
settings-clock-too-far = Última revisión: { $at }. Su reloj está { $offset }. Es demasiado para que Keystep lo corrija: revise la fecha, la hora y la zona horaria en la configuración de su sistema.
settings-clock-right = Última revisión: { $at }. El reloj de su computadora está bien.
settings-clock-check-now = Revisar ahora
settings-clock-servers = Servidores de hora
settings-clock-servers-label = Servidores de hora (uno por línea)
settings-clock-servers-hint = Déjelo vacío para usar { $servers }.
settings-clock-servers-usual = Déjelo vacío para usar los servidores públicos habituales.
settings-clock-servers-save = Guardar servidores

## Antes de que un código QR muestre un secreto

settings-reveal-heading = Escriba su contraseña de recuperación
settings-reveal-about = Un código QR contiene el secreto de sus códigos. Keystep lo muestra solo después de que usted escriba su contraseña de recuperación.
settings-reveal-password = Contraseña de recuperación
settings-reveal-cancel = Cancelar
settings-reveal-submit = Mostrar el código QR
