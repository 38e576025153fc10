# Antes de que se vean los códigos: al abrir, el primer inicio, desbloquear, y cuando no se pueden abrir.

start-opening = Abriendo sus códigos…
start-keychain-hint = Esperando a su llavero. Si le pide su contraseña, desbloquéelo.

start-welcome-heading = Le damos la bienvenida a Keystep
start-welcome-lead = Keystep guarda los códigos que usa para iniciar sesión. ¿Usa Keystep por primera vez, o tiene una copia de seguridad?
start-new = Es la primera vez que uso Keystep
start-getting-ready = Preparando todo…
start-restore = Restaurar desde una copia de seguridad
start-restore-about = Sus códigos, números de teléfono y servicios vuelven tal como estaban cuando se hizo la copia de seguridad.
start-restore-continue = Continuar

start-locked-heading = Keystep está bloqueado
start-unlock-form = Desbloquear Keystep
start-unlock-password = Contraseña de recuperación
start-unlock-hint = Escriba su contraseña de recuperación para abrir sus códigos.
start-unlock-hint-keychain = El llavero de esta computadora no tiene la clave de sus códigos. Su contraseña de recuperación los abre.
start-unlock-empty = Escriba su contraseña de recuperación.
start-unlocking = Desbloqueando…
start-unlock = Desbloquear

start-error-heading = Keystep no puede abrir sus códigos
start-error-retry = Intentar otra vez
start-error-details = Detalles
start-error-code = Código de error:

start-damaged-heading = Abra su copia de seguridad más reciente
# $when: la fecha y la hora en que se hizo la copia de seguridad.
start-damaged-done = Sus códigos volvieron desde la copia de seguridad del { $when }: { $accounts ->
    [one] { $accounts } cuenta
   *[other] { $accounts } cuentas
}. El archivo dañado se guarda como { $kept }.
start-damaged-show-codes = Mostrar mis códigos
start-damaged-about = Keystep guarda aparte el archivo dañado (no borra nada) y abre la copia de seguridad más reciente de sus códigos.
start-damaged-form = Abrir la copia de seguridad más reciente
start-damaged-password = Contraseña de recuperación
start-damaged-password-hint = La copia de seguridad se abre con su contraseña de recuperación.
start-damaged-password-empty = Escriba su contraseña de recuperación.
start-damaged-opening = Abriendo…
start-damaged-open = Abrir mi copia de seguridad más reciente
