# Agregar cuentas desde un código QR en la pantalla, una imagen o el archivo exportado de otra aplicación.

import-heading = Escanear un código QR
import-scan-hint = Abra la página de configuración del sitio para que su código QR se vea en la pantalla, y luego presione Escanear la pantalla. Keystep se oculta un momento y mira todo lo que hay en su pantalla.
import-scan-screen = Escanear la pantalla
import-open-file = Abrir una imagen o archivo…
import-paste = Pegar una imagen
import-other-ways = También puede soltar una imagen o un archivo exportado en esta ventana. El botón Abrir una imagen o archivo acepta una captura de pantalla o una foto de un código QR, y también el archivo exportado de otra aplicación de autenticación (los códigos QR de exportación de Google Authenticator, Aegis, 2FAS, Bitwarden, Ente Auth, Proton, andOTP, FreeOTP+, LastPass).

import-busy-scan = Mirando su pantalla…
import-busy-picture = Leyendo la imagen…
import-busy-file = Leyendo el archivo…
import-busy-opening = Abriendo el archivo…
import-busy-adding = Agregando…

import-password-heading = Este archivo tiene contraseña
import-password-about = Escriba la contraseña que eligió cuando lo exportó desde la otra aplicación.
import-password = Contraseña del archivo exportado
import-back = Atrás
import-password-submit = Abrir el archivo

# $app: la aplicación de la que viene el archivo, por ejemplo "Aegis".
import-found = { $count ->
    [one] Se encontró { $count } cuenta
   *[other] Se encontraron { $count } cuentas
} de { $app }
import-summary = { $added ->
        [one] { $added } se agregará
       *[other] { $added } se agregarán
    }{ $duplicates ->
        [0] {""}
        [one] , { $duplicates } ya está en Keystep
       *[other] , { $duplicates } ya están en Keystep
    }{ $skipped ->
        [0] {""}
        [one] , { $skipped } no se puede agregar
       *[other] , { $skipped } no se pueden agregar
    }.
import-more = Muestre el siguiente código QR de la exportación en su teléfono o en la pantalla, y luego escanéelo también. Keystep lo agrega a esta lista.
import-scan-more = Escanear el siguiente código QR
import-open-more = Abrir la siguiente imagen…
import-add = Agregar { $count ->
    [one] { $count } cuenta
   *[other] { $count } cuentas
}
import-close = Cerrar
import-added = { $count ->
    [one] Se agregó { $count } cuenta
   *[other] Se agregaron { $count } cuentas
}
import-done = Listo

## Qué pasa con cada cuenta

import-rows = Qué pasa con cada cuenta
import-row-added = Se agregó
import-row-will-add = Se agregará
import-row-duplicate = Ya está en Keystep
import-row-not-added = No se agrega
import-kind-totp = cambia cada pocos segundos
import-kind-hotp = contador
import-kind-steam = Steam Guard
import-other = Un código QR tenía algo que no es un código de configuración. No se agregó nada de él:
import-other-check = Si tiene una dirección web, revísela en "Revisar un enlace" antes de abrirla.
