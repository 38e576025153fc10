# Los mensajes de error de Keystep en español: un mensaje por código de error (error- y el código con
# . y _ como -), con los valores de ErrorDto.args; los mensajes input.bad_* eligen su frase según
# ErrorDto.reason. Se trata al lector de usted.

## Input that was refused (ErrorDto.reason chooses the sentence)

error-input-bad-uri = El enlace de configuración no es válido: { $reason ->
        [uri_too_long] tiene más de { $max } caracteres.
        [uri_no_scheme] debe empezar con otpauth://. Copie el enlace de configuración completo, o escriba la clave de configuración.
        [uri_no_label] no tiene el nombre de la cuenta después del tipo (otpauth://totp/Nombre?secret=...).
        [uri_bad_type] el tipo después de otpauth:// debe ser totp, hotp o steam.
        [uri_no_secret] no contiene ninguna clave de configuración. Compruebe que copió el enlace completo, o escriba la clave de configuración.
        [uri_too_long_for_qr] es demasiado largo para un solo código QR.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-kind = El tipo no es válido: { $reason ->
        [kind_unknown] debe ser por tiempo (totp), por contador (hotp) o Steam.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-issuer = El nombre del servicio no es válido: { $reason ->
        [not_text] contiene bytes codificados con % que no son texto.
        [name_or_issuer_needed] escriba el nombre del servicio o el nombre de la cuenta (o los dos), para poder distinguir esta cuenta.
        [name_control_char] tiene un salto de línea u otro carácter de control ({ $character }, carácter { $position }). Escríbalo en una sola línea.
        [name_direction_char] tiene un carácter invisible que cambia la dirección del texto ({ $character }, carácter { $position }). Puede hacer que un nombre se vea como otro ("moc.lagyap" como "paypal.com"). Escriba el nombre usted mismo en lugar de pegarlo.
        [name_invisible_char] tiene un carácter invisible ({ $character }, carácter { $position }). Puede hacer que un nombre parezca otro. Escriba el nombre usted mismo en lugar de pegarlo.
        [name_too_long] tiene { $count } caracteres; caben como máximo { $max }.
        [issuer_unknown_service] Keystep no conoce ningún servicio "{ $id }". Agréguelo como servicio propio, con su dirección web.
        [issuer_name_needed] escriba el nombre del servicio, por ejemplo Mi Cooperativa de Crédito
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-name = El nombre de la cuenta no es válido: { $reason ->
        [not_text] contiene bytes codificados con % que no son texto.
        [name_or_issuer_needed] escriba el nombre del servicio o el nombre de la cuenta (o los dos), para poder distinguir esta cuenta.
        [name_control_char] tiene un salto de línea u otro carácter de control ({ $character }, carácter { $position }). Escríbalo en una sola línea.
        [name_direction_char] tiene un carácter invisible que cambia la dirección del texto ({ $character }, carácter { $position }). Puede hacer que un nombre se vea como otro ("moc.lagyap" como "paypal.com"). Escriba el nombre usted mismo en lugar de pegarlo.
        [name_invisible_char] tiene un carácter invisible ({ $character }, carácter { $position }). Puede hacer que un nombre parezca otro. Escriba el nombre usted mismo en lugar de pegarlo.
        [name_too_long] tiene { $count } caracteres; caben como máximo { $max }.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-secret = La clave de configuración no es válida: { $reason ->
        [not_text] contiene bytes codificados con % que no son texto.
        [secret_bad_char] el carácter { $position } no está permitido. Una clave de configuración solo usa las letras de la A a la Z y los dígitos del 2 al 7. Revise si hay un 0 (cero) en lugar de una O, o un 1 (uno) en lugar de una I.
        [secret_empty] está vacía. Copie la clave de configuración (o el enlace de configuración) de la página de configuración del servicio.
        [secret_too_long] es demasiado larga ({ $count } caracteres; como máximo { $max }).
        [secret_unreadable] no se pudo leer.
        [secret_incomplete] tiene { $count } caracteres, y eso no puede ser una clave completa. Compruebe que la copió entera.
        [secret_not_base32] no es una clave base32 válida.
        [steam_key_unreadable] la clave después de steam:// no es base32 ni base64.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-algorithm = El algoritmo no es válido: { $reason ->
        [not_text] contiene bytes codificados con % que no son texto.
        [algorithm_unknown] use SHA1, SHA256 o SHA512.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-digits = El número de dígitos no es válido: { $reason ->
        [digits_not_number] use un número entero del 6 al 10.
        [digits_range] los códigos tienen de { $min } a { $max } dígitos; { $digits } no es posible.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-period = El intervalo de tiempo no es válido: { $reason ->
        [period_not_number] use un número entero de segundos, como 30.
        [period_zero] el intervalo debe ser de al menos 1 segundo (la mayoría de los servicios usa 30).
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-counter = El contador no es válido: { $reason ->
        [counter_not_number] use un número entero, como 0.
        [counter_exhausted] "{ $name }" ya usó su último código: su contador llegó al valor más alto posible. Vuelva a configurar el código en el sitio del servicio para obtener una clave nueva.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-phone = El número de teléfono no es válido: { $reason ->
        [phone_same_number] el número nuevo es igual al anterior
        [phone_empty] está vacío. Escriba el número de teléfono, por ejemplo (202) 555-0143.
        [phone_too_long] tiene más de { $max } caracteres. Escriba solo el número.
        [phone_no_digits] no tiene dígitos. Escriba el número de teléfono, por ejemplo (202) 555-0143.
        [phone_unreadable] no se pudo leer como número de teléfono. Revise los dígitos. Para un número de fuera de { $region }, empiece con + y el código del país.
        [phone_extension] tiene una extensión. Los códigos de inicio de sesión no se pueden enviar a una extensión: use un número directo.
        [phone_invalid] { $number } no es un número de teléfono válido en { $region }. Revise los dígitos, o empiece con + y el código del país.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-region = El país no es válido: { $reason ->
        [region_unknown] "{ $region }" no es un código de país. Use dos letras, como US, MX o PR.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-label = La etiqueta no es válida: { $reason ->
        [name_control_char] tiene un salto de línea u otro carácter de control ({ $character }, carácter { $position }). Escríbalo en una sola línea.
        [name_direction_char] tiene un carácter invisible que cambia la dirección del texto ({ $character }, carácter { $position }). Puede hacer que un nombre se vea como otro ("moc.lagyap" como "paypal.com"). Escriba el nombre usted mismo en lugar de pegarlo.
        [name_invisible_char] tiene un carácter invisible ({ $character }, carácter { $position }). Puede hacer que un nombre parezca otro. Escriba el nombre usted mismo en lugar de pegarlo.
        [name_too_long] tiene { $count } caracteres; caben como máximo { $max }.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-date = La fecha no es válida: { $reason ->
        [date_shape] "{ $date }" no está escrito como una fecha. Use AAAA-MM-DD, por ejemplo 2026-12-31.
        [date_shape_unshown] eso no está escrito como una fecha. Use AAAA-MM-DD, por ejemplo 2026-12-31.
        [date_year] { $date } no es un día posible: el año debe estar entre { $min } y { $max }.
        [date_month] { $date } no existe: no hay mes { $month } (los meses van del 01 al 12). Use AAAA-MM-DD, por ejemplo 2026-12-31.
        [date_day] { $date } no existe: { $month_number ->
            [1] enero
            [2] febrero
            [3] marzo
            [4] abril
            [5] mayo
            [6] junio
            [7] julio
            [8] agosto
            [9] septiembre
            [10] octubre
            [11] noviembre
            [12] diciembre
           *[other] { $month }
        } de { $year } tiene los días del 01 al { $days }. Use AAAA-MM-DD, por ejemplo 2026-12-31.
        [date_invalid] { $date } no existe ({ $problem }).
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-backup-codes = La lista de códigos de respaldo no es válida: { $reason ->
        [backup_codes_text_too_long] el texto tiene más de { $limit }; los códigos de respaldo son mucho más cortos. No se cambió nada. Ponga un código en cada línea.
        [backup_codes_control_char] la línea { $line } tiene un carácter de control ({ $character }). Los códigos de respaldo son letras y dígitos: péguelos como texto, uno en cada línea. No se cambió nada.
        [backup_codes_length] la línea { $line } no es un código de respaldo: tiene { $count } caracteres, y los códigos de respaldo tienen de { $min } a { $max }. Ponga un código en cada línea. No se cambió nada.
        [backup_codes_bad_char] la línea { $line } no es un código de respaldo: el carácter { $position } no es una letra ni un dígito (dentro de un código también se aceptan espacios, '-', '.' y '_'). Ponga un código en cada línea. No se cambió nada.
        [backup_codes_none] no se leyó ningún código de respaldo: el texto está vacío o solo tiene líneas en blanco. No se cambió nada. Quitar los códigos guardados es otra acción (Quitar todos los códigos de respaldo en la ventana, --clear en el comando keystep).
        [backup_codes_too_many] hay { $count } códigos; Keystep guarda hasta { $max }. Ponga un código en cada línea. No se cambió nada.
        [backup_codes_none_left] no queda ningún código de respaldo sin usar para { $service }. Cree códigos nuevos en { $service } y péguelos aquí.
        [backup_code_gone] ese código de respaldo ya no está en la lista. Vuelva a cargar la lista e inténtelo de nuevo.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-domain = La dirección web no es válida: { $reason ->
        [domain_not_address] "{ $address }" no es una dirección web. Escriba la dirección del propio servicio, por ejemplo mycu.org.
        [domain_not_address_unshown] eso no es una dirección web. Escriba la dirección del propio servicio, por ejemplo mycu.org.
        [domain_known_service] { $domain } es una dirección oficial de { $service }, que Keystep ya conoce: use el servicio { $service_id } del catálogo (elija { $service } en la lista de servicios).
        [domain_imitates] imita a { $service }, un servicio que Keystep conoce: { $problems } Escriba la dirección exactamente como la escribe el propio servicio.
        [domain_unsafe] no es segura: { $problems } Escriba la dirección exactamente como la escribe el propio servicio.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-password = La contraseña de recuperación no es válida: { $reason ->
        [export_password_needed] una exportación cifrada necesita una contraseña para el archivo (--password-file). Elija una que vaya a escribir de nuevo en el otro dispositivo.
        [password_empty] Escriba una contraseña de recuperación.
        [password_too_long] Esa contraseña tiene más de { $max } caracteres. Use una más corta.
        [password_control_char] Esa contraseña tiene un salto de línea u otro carácter invisible. Use letras, dígitos, espacios y signos de puntuación.
        [password_weak] Esa contraseña es demasiado fácil de adivinar.{ $feedback ->
           *[other] {""}
        } Use una más larga, o use la frase de contraseña que Keystep sugiere, y anótela.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-lock-after = El tiempo antes de bloquear no es válido: { $reason ->
        [lock_after_choice] Keystep se bloquea después de 1, 5, 15 o 60 minutos, o nunca; no después de { $minutes }.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-format = El formato de archivo no es válido: { $reason ->
        [export_format_unknown] "{ $name }" no es un formato que Keystep escriba. Use uno de estos: { $formats }.
        [import_format_unknown] "{ $name }" no es un formato que Keystep lea. Use uno de estos: { $formats }.
       *[other] revíselo y vuelva a intentarlo.
    }
error-input-bad-server = El servidor de hora no es válido: { $reason ->
        [server_empty] "{ $server }" no es un servidor de hora: está vacío. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_has_path] "{ $server }" no es un servidor de hora: escriba solo el nombre del servidor, sin http:// ni una ruta. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_bracket] "{ $server }" no es un servidor de hora: falta cerrar el corchete. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_not_ip] "{ $server }" no es un servidor de hora: eso no es una dirección IP. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_after_address] "{ $server }" no es un servidor de hora: después de la dirección solo puede ir :puerto. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_port] "{ $server }" no es un servidor de hora: el puerto debe ser un número del 1 al 65535. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_name_chars] "{ $server }" no es un servidor de hora: el nombre de un servidor solo tiene letras, dígitos, puntos y guiones. Escriba un nombre como pool.ntp.org, o nombre:puerto.
        [server_too_many] Keystep consulta como máximo { $max } servidores de hora; se dieron { $count }.
       *[other] revíselo y vuelva a intentarlo.
    }

## Cuentas

error-account-duplicate = Ya tiene esta cuenta{ $has_existing ->
        [yes] {" "}("{ $existing }")
       *[no] {""}
    }. No se agregó nada.
error-account-not-found = Ninguna cuenta coincide con "{ $query }".
error-account-ambiguous = Varias cuentas coinciden con "{ $query }": { $matches }. Escriba más del nombre, o use el identificador.
error-account-wrong-kind = "{ $name }" es una cuenta por tiempo: su código cambia solo cada pocos segundos. Solo las cuentas por contador dan un código siguiente. No se cambió nada.
error-account-no-code-yet = Esta cuenta todavía no tiene código. Presione primero "Código nuevo".

## El llavero de claves

error-keychain-no-service = No hay ningún servicio de llavero de claves en funcionamiento, así que Keystep no puede llegar a la clave que protege sus códigos. Inicie una sesión de escritorio con un llavero (como GNOME Keyring o KWallet) y vuelva a intentarlo. No se cambió nada.
error-keychain-locked = Su llavero de claves está bloqueado. Desbloquéelo (en la ventana de desbloqueo si hay una abierta, en la aplicación Contraseñas y claves, o cerrando la sesión y volviendo a entrar) y vuelva a intentarlo. No se cambió nada.
error-keychain-denied = Se negó el acceso a su llavero de claves, así que Keystep no puede leer la clave que protege sus códigos. Permita el acceso a Keystep cuando el llavero lo pregunte y vuelva a intentarlo. No se cambió nada.
error-keychain-key-missing = Su llavero de claves no tiene la clave de este archivo de códigos: puede que se haya borrado, o puede que este sea el llavero de otro usuario. Keystep no tocó su archivo de códigos; consérvelo, porque se vuelve a abrir cuando la clave esté de vuelta. Si su sistema guarda una copia de seguridad de su llavero, restaure el llavero desde ella y vuelva a intentarlo.
error-keychain-timeout = Su llavero de claves no respondió. Puede que esté esperando a que usted lo desbloquee en otra ventana. Desbloquéelo y vuelva a intentarlo. No se cambió nada.
error-keychain-failed = El llavero de claves informó un problema, así que Keystep no puede llegar a la clave que protege sus códigos. No se cambió nada. Los detalles de abajo pueden ayudar.

## El archivo de códigos y otros archivos

error-vault-corrupt = El archivo { $path } está dañado ({ $problem }). No se cambió nada. Keystep puede abrir su copia de seguridad más reciente (en la ventana, o con: keystep recover).
error-vault-wrong-key = El archivo de códigos { $path } no se pudo abrir con la clave de su llavero. Puede que el archivo esté dañado, o que la clave sea de otro archivo de códigos. No se cambió nada.
error-vault-too-new = El archivo de códigos { $path } lo escribió una versión más nueva de Keystep (formato { $version }). Actualice Keystep para abrirlo.
error-vault-link-broken = El archivo de códigos { $path } es un enlace a { $target }, que no está (una unidad que no está conectada, o una carpeta sincronizada que todavía no está lista). Conéctela y vuelva a intentarlo, o quite el enlace para empezar un archivo de códigos nuevo. No se cambió nada.
error-vault-lock-is-link = El archivo de bloqueo { $path } es un enlace. Keystep no sigue enlaces para su archivo de bloqueo: quítelo y vuelva a intentarlo (Keystep crea uno nuevo). No se cambió nada.
error-vault-io = Keystep no pudo { $action_key ->
        [read] leer
        [save] guardar
        [lock] bloquear
        [move_aside] apartar
        [make_the_export_folder] crear la carpeta de exportación
        [make_the_backup_folder] crear la carpeta de copias de seguridad
        [follow_the_link] seguir el enlace
        [create_the_data_folder] crear la carpeta de datos
       *[other] { $action }
    } { $path }: { $problem }
error-vault-encode = Keystep no pudo preparar sus datos para guardarlos. No se guardó nada y no se cambió ningún archivo. Vuelva a intentarlo; si sigue pasando, infórmelo: es una falla de Keystep. Los detalles de abajo ayudan a corregirla.
error-system-random = El generador de números aleatorios de su sistema falló, así que Keystep no pudo { $purpose_key ->
        [make_a_key_for_your_new_vault] crear una clave para su nuevo archivo de códigos
        [number_a_google_authenticator_export] numerar una exportación de Google Authenticator
        [protect_your_key_with_your_password] proteger su clave con su contraseña
        [name_a_temporary_file_for_saving] nombrar un archivo temporal para guardar
        [encrypt_your_data_for_saving] cifrar sus datos para guardarlos
        [make_the_keys_of_the_aegis_export] crear las claves de la exportación de Aegis
        [make_a_passphrase] crear una frase de contraseña
       *[other] { $purpose }
    }. No se cambió nada. Vuelva a intentarlo; si sigue pasando, reinicie la computadora, e infórmelo si eso no ayuda.
error-vault-no-data-dir = Keystep no encontró una carpeta para sus datos. Defina KEYSTEP_HOME o use --home CARPETA.
error-vault-wrong-password = Esa no es la contraseña de recuperación de estos códigos. Revísela y vuelva a intentarlo (las mayúsculas y los espacios cuentan). No se cambió nada.
error-vault-password-needed = Keystep no puede obtener la clave de sus códigos del llavero de esta computadora, pero usted creó una contraseña de recuperación: abra sus códigos con ella (en la ventana, escríbala; en la línea de comandos, agregue --password-file ARCHIVO). No se cambió nada.
error-vault-not-open = Sus códigos todavía no están abiertos. Espere un momento, o reinicie Keystep.
error-vault-none = Keystep todavía no tiene códigos en esta computadora. Empiece de cero, o restaure una copia de seguridad.
error-vault-locked = Keystep está bloqueado. Escriba su contraseña de recuperación para abrir sus códigos.
error-password-none = { $what_key ->
        [opening_with_a_password] Abrir con una contraseña
        [restoring] Restaurar
        [removing_the_recovery_password] Quitar la contraseña de recuperación
        [this_vault_opens_only_with_its_password_so_removing_it] Este archivo de códigos solo se abre con su contraseña, así que quitarla
        [a_backup_that_opens_on_another_computer] Una copia de seguridad que se abra en otra computadora
       *[other] { $what }
    } necesita una contraseña de recuperación, y no hay ninguna. Cree una primero (en Configuración, o con: keystep password set --new-password-file ARCHIVO). No se cambió nada.
error-password-current-needed = Para cambiar o quitar la contraseña de recuperación, primero escriba la actual (--password-file). No se cambió nada.
error-backup-none = Todavía no hay ninguna copia de seguridad de sus códigos en la carpeta de datos de Keystep. Si tiene una en otro lugar (una memoria USB, una carpeta sincronizada), restáurela desde allí.
error-file-not-regular = Keystep no leyó { $path }: es { $what_key ->
        [a_folder] una carpeta
        [a_named_pipe_fifo] una tubería con nombre (FIFO)
        [a_device] un dispositivo
        [a_socket] un socket
       *[other] { $what }
    }, no un archivo normal. Indique la ruta de un archivo guardado en el disco.
error-file-too-large = Keystep no leyó { $path }: pesa más de { $limit }, más de lo que puede pesar un archivo de este tipo.
error-file-not-text = Keystep no leyó { $path }: no es un archivo de texto (no está en UTF-8). Guárdelo como texto sin formato y vuelva a intentarlo.
error-file-unreadable = Keystep no leyó { $path }: no se pudo leer ({ $problem }).

## Enlaces y guías

error-link-not-official = Keystep no abrirá esta página: { $problem }
error-link-none-found = No se encontró ningún enlace. Pegue la dirección completa (como https://www.irs.gov) o el mensaje que la contiene.
error-guide-not-found = No hay ninguna guía "{ $id }". Puede que se haya quitado de su carpeta de guías.
error-guide-run-not-found = No se encontró este recorrido de la guía. Vuelva a empezar la guía desde la lista de guías.
error-guide-bad-answer = Esa opción no es del paso en el que está. Vuelva a la guía y elija de nuevo.

## Teléfonos y servicios

error-phone-duplicate = Ya tiene el { $number } en Keystep{ $has_label ->
        [yes] {" "}("{ $label }")
       *[no] {""}
    }. No se agregó nada.
error-phone-not-found = Ningún número de teléfono coincide con "{ $query }". Agréguelo primero, o revise los dígitos.
error-service-duplicate = { $name } ya está en sus servicios. No se agregó nada.
error-service-not-found = { $has_query ->
        [yes] No tiene ningún servicio "{ $query }" en Keystep. Revise el nombre, o agregue primero el servicio.
       *[no] Ese servicio ya no está en su lista. Vuelva a cargar la lista e inténtelo de nuevo.
    }
error-backup-codes-fewer = { $service } tiene { $saved ->
        [one] 1 código de respaldo guardado
       *[other] { $saved } códigos de respaldo guardados
    }, y ahora se { $read ->
        [one] leyó 1
       *[other] leyeron { $read }
    }. Al guardar, { $saved ->
        [one] el código guardado se reemplazaría
       *[other] los { $saved } códigos guardados se reemplazarían
    } por { $read ->
        [one] este
       *[other] estos { $read }
    }. No se cambió nada.

## Importar y exportar

error-import-unknown-format = { $file } no es una exportación que Keystep pueda leer. Keystep lee exportaciones de Google Authenticator (sus códigos QR), Aegis, 2FAS, Bitwarden, Ente Auth, Proton Authenticator, andOTP, FreeOTP+ y LastPass Authenticator, y listas de enlaces otpauth://. Vuelva a exportar desde su aplicación, o indique la aplicación (--format). No se agregó nada.
error-import-damaged = { $file } parece una exportación de { $app }, pero Keystep no puede leerla: { $problem } No se agregó nada.
error-import-password-needed = { $file } es una exportación cifrada de { $app }. Escriba la contraseña que eligió al exportarla (en la ventana, escríbala; en la línea de comandos, agregue --password-file ARCHIVO). No se agregó nada.
error-import-wrong-password = Esa contraseña no abre { $file } (una exportación cifrada de { $app }). Use la contraseña que eligió al exportarla; las mayúsculas y los espacios cuentan. No se agregó nada.
error-import-no-qr = Keystep no encontró ningún código QR en { $file }. Agrande el código QR en la pantalla (acérquelo con el zoom), asegúrese de que se vea completo y vuelva a intentarlo; o use el enlace del sitio para cuando no puede escanearlo ("can't scan it?") para obtener la clave de configuración y escríbala. No se agregó nada.
error-import-image-refused = Keystep no leyó la imagen { $file }: { $problem } No se agregó nada.
error-import-screen-capture = { $problem }
error-import-no-picture = No hay ninguna imagen para pegar. Primero tome una captura de pantalla del código QR (con la tecla Impr Pant o con la herramienta de capturas de su sistema, copiándola) y luego presione otra vez Pegar una imagen.
error-import-nothing-pending = No hay nada esperando a agregarse. Vuelva a abrir la imagen o el archivo.
error-export-password-needed = Esta exportación no está cifrada: quien obtenga el archivo puede crear todos sus códigos. Primero escriba su contraseña de recuperación (en la ventana, escríbala; en la línea de comandos, --password-file ARCHIVO). No se escribió nada.
error-export-nothing-for-google = Ninguna de sus cuentas puede pasar a Google Authenticator: solo acepta códigos de 6 dígitos que cambian cada 30 segundos. Expórtelas a un archivo de Aegis.

## El reloj

error-clock-no-answer = Ningún servidor de hora respondió ({ $servers }), así que Keystep no pudo revisar el reloj de su computadora. Revise su conexión a internet, o elija otros servidores de hora. Sus códigos se crean con el reloj de su computadora.
error-clock-bad-answer = No se pudieron usar las respuestas de los servidores de hora ({ $answers }), así que Keystep las ignoró. Sus códigos se crean con el reloj de su computadora. Elija otros servidores de hora si esto continúa.
error-clock-disagree = Los servidores de hora no coinciden ({ $answers }), así que Keystep no confía en ninguno y crea sus códigos con el reloj de su computadora. Vuelva a intentarlo más tarde, o elija otros servidores de hora.

## La aplicación

error-app-unexpected = Algo salió mal. Inténtelo de nuevo.
error-app-open-failed = Keystep no pudo abrir su navegador web. Abra la página usted mismo: escriba la dirección que aparece en la guía.
error-app-nothing-chosen = No se eligió ningún archivo.
error-clipboard-failed = Keystep no pudo copiar { $what_key ->
        [code] el código
        [address] la dirección
        [backup_code] el código de respaldo
       *[other] { $what }
    }. { $instead_key ->
        [type_it_in_by_hand_instead] Escríbalo a mano.
        [type_it_into_your_browser_by_hand_instead] Escríbala a mano en su navegador.
        [try_again] Vuelva a intentarlo.
       *[other] { $instead }
    }
