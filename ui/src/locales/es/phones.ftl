# "Teléfonos": los números de la persona, los servicios que le envían códigos, los códigos de respaldo, la
# revisión de lo que podría dejarle sin acceso y la lista de pasos para cambiar de número. Las frases de la
# revisión y los títulos de las páginas del catálogo vienen del núcleo en el idioma de la ventana; estas son
# las palabras que las rodean.

phones-heading = Números de teléfono
phones-intro = Qué servicios le envían códigos, y a qué número, para que un número nuevo nunca le deje sin acceso.
phones-try-again = Intentar de nuevo
phones-loading = Cargando sus números…
# El botón que sale de la lista de pasos para cambiar de número.
phones-back = Volver a los números de teléfono

## Se dice después de un cambio (los lectores de pantalla lo anuncian)

# $name es un número de teléfono o el nombre de un servicio.
phones-added = Se agregó { $name }.
phones-saved = Se guardó { $name }.
phones-removed = Se eliminó { $name }.
phones-linked-code = { $service } ahora usa { $code } de Keystep.
phones-linked-code-unnamed = { $service } ahora usa su código de Keystep.

## Lo que oye un lector de pantalla después de las palabras de un botón ("Copiar el siguiente código" "de Gmail")

phones-for-service = para { $service }
phones-of-service = de { $service }
phones-cancel-editing = la edición de { $number }
phones-save-numbers-of = los números de { $service }

## Botones que se usan en varios lugares

phones-cancel = Cancelar
phones-save = Guardar
phones-saving = Guardando…
phones-edit = Editar
phones-remove = Eliminar
phones-removing = Eliminando…
phones-adding = Agregando…

## Eliminar un número o un servicio (un cuadro de diálogo pregunta primero)

# $name es un número de teléfono o el nombre de un servicio.
phones-remove-title = ¿Eliminar { $name }?
phones-remove-phone-body = Keystep olvida este número. Esto no cambia nada en los servicios mismos.
# $services es la lista de servicios que usan el número: "Gmail, IRS".
phones-remove-phone-body-used = Keystep olvida este número. También se quita de { $services } en Keystep. Esto no cambia nada en los servicios mismos.
phones-remove-phone-confirm = Eliminar el número
phones-remove-service-body = Keystep olvida qué números usa { $service } y sus códigos de respaldo guardados. Su cuenta en { $service } se queda como está.
phones-remove-service-confirm = Eliminar el servicio

## El resumen de arriba y la revisión

phones-summary = { $count ->
    [one] 1 cosa podría dejarle sin acceso.
   *[other] { $count } cosas podrían dejarle sin acceso.
}
phones-summary-urgent = { $count ->
    [one] 1 cosa podría dejarle sin acceso
   *[other] { $count } cosas podrían dejarle sin acceso
}; { $urgent ->
    [one] 1 es urgente.
   *[other] { $urgent } son urgentes.
}
phones-summary-link = Ver qué hacer
phones-empty-no-phones = Empiece por agregar el número de teléfono que tiene ahora, en “Sus números”. Luego agregue los servicios que le envían códigos.
phones-empty-no-services = Ahora agregue un servicio que le envíe códigos para iniciar sesión, en “Sus servicios”, por ejemplo su banco o su correo electrónico.
phones-empty-no-ticks = Ahora marque los números que usa cada uno de sus servicios y oprima Guardar.
phones-empty-done = Por ahora no hay nada que resolver.
phones-review-heading = Qué podría dejarle sin acceso
phones-review-list = Lo que hay que resolver
# Qué tan grave es un hallazgo, a su lado (así el color nunca es la única señal).
phones-severity-urgent = Resolver ya
phones-severity-high = Importante
phones-severity-medium = Conviene hacerlo
phones-severity-low = Consejo
phones-review-what-to-do = Qué hacer:
# $title es el título de la guía.
phones-review-guide = Seguir la guía “{ $title }”
# $code es el nombre de un código en Keystep ("ID.me (yo@ejemplo.com)").
phones-review-use-code = Usar { $code } para { $service }
phones-review-here = Puede resolver esto en esta pantalla.

## Botones que abren una página oficial de un servicio, hechos con el título de la página del catálogo

# Un título como "Chase: elija Iniciar sesión": "Abra Chase y elija Iniciar sesión".
phones-page-open-and = Abra { $site } y { $then }
# Un título que dice qué hacer ("Activar la verificación en 2 pasos"), seguido del servicio.
phones-page-do-for = { $title } en { $service }
# Cualquier otro título (un nombre o una pregunta).
phones-page-open = Abrir la página de { $service } “{ $title }”

## Botones que abren Configuración

phones-settings-recovery-password = Abrir Configuración para crear una contraseña de recuperación
phones-settings-backup-folder = Abrir Configuración para elegir una carpeta de copias de seguridad
phones-settings-backup-again = Abrir Configuración para intentar otra vez la copia de seguridad
phones-settings-open = Abrir Configuración

## Sus números

phones-numbers-heading = Sus números
phones-no-phones = Todavía no ha agregado ningún número. Empiece con el número que tiene ahora.
phones-add-phone-heading = Agregar un número
phones-number-label = Número de teléfono
phones-name-optional-label = Nombre para este número (opcional)
phones-name-hint = Por ejemplo: Mi celular, Teléfono de casa.
phones-kind-label = Tipo de línea
phones-country-label = País (2 letras)
phones-country-hint = Por ejemplo US o CA. No hace falta si el número empieza con +.
phones-add-phone-submit = Agregar número
# El tipo de un número, en pocas palabras, en su fila.
phones-kind-mobile = celular
phones-kind-landline = teléfono fijo
phones-kind-voip = número por internet
# El tipo de un número, en la lista para elegir.
phones-kind-option-mobile = Teléfono celular
phones-kind-option-landline = Teléfono fijo (de la casa o del trabajo)
phones-kind-option-voip = Número por internet (como Google Voice)
# Si la persona todavía tiene un número, en su fila.
phones-status-in-use = en uso
# $date va escrita con letras: "15 de diciembre de 2026".
phones-status-leaving = deja de funcionar el { $date }
phones-status-gone = ya no lo tiene
# Si la persona todavía tiene un número, en la lista para elegir.
phones-status-option-in-use = En uso
phones-status-option-leaving = Deja de funcionar en una fecha
phones-status-option-gone = Ya no lo tengo
# $services es una lista de servicios: "Gmail, IRS".
phones-used-by = Lo usa: { $services }
phones-used-by-none = Lo usa: ningún servicio todavía

## Editar un número

phones-edit-label = Editar { $number }
phones-name-label = Nombre para este número
phones-status-label = ¿Todavía lo tiene?
phones-date-label = Día en que deja de funcionar
# $example es cómo escribir un día: "15/12/2026 o 15 de diciembre de 2026".
phones-date-hint = Por ejemplo: { $example }.
phones-date-needed = Elija el día en que el número deja de funcionar.

## Escribir un día

# Cómo escribir un día, en el idioma de la ventana: "15/12/2026 o 15 de diciembre de 2026".
phones-date-example = { $numeric } o { $spelled }
phones-date-unreadable = Keystep no pudo leer “{ $typed }” como una fecha. Escríbala así: { $example }.
# Cuando lo escrito es demasiado largo para repetirlo.
phones-date-unreadable-long = Keystep no pudo leer eso como una fecha. Escríbala así: { $example }.

## Sus servicios

phones-services-heading = Sus servicios
phones-services-intro = Los servicios que le envían códigos para iniciar sesión: el IRS, su banco, su correo electrónico. Marque los números que usa cada uno.
phones-no-services = Todavía no ha agregado ningún servicio.
phones-add-service-heading = Agregar un servicio
phones-service-label = Servicio que le envía códigos
phones-service-choose = Elija un servicio
phones-service-other = Otro servicio…
phones-service-needed = Elija un servicio de la lista.
phones-custom-name-label = Nombre del servicio
phones-custom-name-hint = Por ejemplo: Mi cooperativa de crédito.
phones-custom-domain-label = Su dirección web
phones-custom-domain-hint = Por ejemplo: mycu.org. Keystep la usa para revisar los enlaces que dicen venir de este servicio.
phones-add-service-submit = Agregar este servicio
phones-service-form = Cómo inicia sesión en { $service }
phones-service-no-phones = Agregue sus números arriba y luego marque los que usa { $service }.
phones-code-phones-legend = Envía códigos para iniciar sesión a:
phones-code-phones-spoken = recibe los códigos para iniciar sesión de { $service }
phones-recovery-phones-legend = Guarda para recuperar la cuenta:
phones-recovery-phones-spoken = es un número para recuperar la cuenta de { $service }
phones-security-key = También uso una llave de seguridad o una llave de acceso
phones-unsaved = Tiene cambios que todavía no se guardaron.
phones-unlinked = { $service } ya no está vinculado a un código.
phones-linked = Se vinculó { $service } a su código.

## El código en Keystep que corresponde a un servicio

phones-code-heading = Código en Keystep
# Seguido del nombre del código.
phones-code-linked = Keystep genera los códigos de { $service }:
phones-code-linked-gone = un código que ya no está en Keystep
phones-code-forget = Olvidar este vínculo
phones-code-find = Buscar mi código de Keystep
phones-code-none = Ningún código de Keystep parece ser de { $service }. Si usa una aplicación de autenticación para este servicio, primero agregue ese código en “Sus códigos”.
phones-code-pick = ¿Alguno de estos es el código de { $service }? Elíjalo para vincularlo.
phones-code-use = Usar { $code }

## Códigos de respaldo

phones-backup-heading = Códigos de respaldo
phones-backup-none = Todavía no hay códigos de respaldo guardados.
phones-backup-left = Códigos de respaldo sin usar: { $left } de { $total }
phones-backup-all-used = Ya usó todos los códigos. Cree códigos nuevos en { $service } y péguelos aquí.
phones-backup-few-left = { $left ->
    [one] Solo queda { $left }.
   *[other] Solo quedan { $left }.
} Cree códigos nuevos pronto.
phones-backup-copied = Copiado. Quedó marcado como usado.
phones-backup-copied-clears = Copiado. Quedó marcado como usado. Keystep borra el portapapeles en { $seconds ->
    [one] 1 segundo
   *[other] { $seconds } segundos
}.
phones-backup-copy = Copiar el siguiente código
phones-backup-paste = Pegar códigos de respaldo
phones-backup-remove-all = Eliminar todos los códigos de respaldo
phones-backup-form = Guardar los códigos de respaldo de { $service }
phones-backup-input = Códigos de respaldo de { $service }, uno por línea
phones-backup-input-hint = Reemplazan los códigos guardados antes (Keystep pregunta primero si hay menos). Keystep los guarda bajo llave y solo muestra sus dos últimos caracteres.
phones-backup-save = Guardar los códigos de respaldo
phones-backup-needed = Primero pegue sus códigos de respaldo, uno en cada línea.
phones-backup-saved = { $count ->
    [one] Se guardó 1 código de respaldo de { $service }.
   *[other] Se guardaron { $count } códigos de respaldo de { $service }.
}
phones-backup-replace-title = { $count ->
    [one] ¿Reemplazar el código de respaldo guardado por menos códigos?
   *[other] ¿Reemplazar los { $count } códigos de respaldo guardados por menos códigos?
}
# $why es la frase del núcleo que dice que hay menos códigos que los guardados.
phones-backup-replace-body = { $why } Reemplácelos solo si estos son los códigos nuevos que le dio { $service }.
phones-backup-replace-confirm = Reemplazar los códigos
phones-backup-clear-title = { $count ->
    [one] ¿Eliminar el código de respaldo de { $service }?
   *[other] ¿Eliminar los { $count } códigos de respaldo de { $service }?
}
phones-backup-clear-body = Keystep los olvida. Si todavía los necesita, guárdelos en papel, o cree códigos nuevos en { $service } y péguelos aquí.
phones-backup-clear-confirm = Eliminar los códigos
phones-backup-cleared = Se eliminaron los códigos de respaldo de { $service }.
# Qué códigos de respaldo están usados, para quien también usa códigos en papel.
phones-backup-list-open = Ver qué códigos están usados
phones-backup-list-hint = ¿Usó un código en papel? Márquelo aquí para que Keystep no se lo vuelva a dar.
# Seguido de los dos últimos caracteres del código, y después ": usado".
phones-backup-code-ending = Código { $number }, que termina en
phones-backup-code-used = usado
# $ending son los dos últimos caracteres del código.
phones-backup-marked-used = El código que termina en { $ending } quedó marcado como usado.
phones-backup-marked-unused = El código que termina en { $ending } quedó marcado como no usado.

## Cambiar de número

phones-plan-heading = ¿Va a cambiar de número?
phones-plan-intro = Keystep le prepara una lista de pasos: primero agregue el número nuevo a cada servicio y después quite el anterior.
phones-plan-no-phones = Primero agregue el número que tiene ahora en “Sus números”.
phones-plan-form = Preparar una lista de pasos para un número nuevo
phones-plan-from-label = Su número anterior
phones-plan-to-label = Su número nuevo
phones-plan-date-label = Día en que el número anterior deja de funcionar (opcional)
phones-plan-date-hint = Por ejemplo: { $example }. Déjelo en blanco si deja de funcionar hoy o si ya dejó de funcionar.
phones-plan-submit = Preparar mi lista de pasos
phones-plan-making = Preparándola…
