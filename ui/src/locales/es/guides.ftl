# Inicio de sesión guiado: la lista de guías, los pasos de una guía y lo que muestra cada tipo de paso.
# Las palabras de las guías (títulos, pasos) vienen del núcleo de Keystep en el idioma de la ventana;
# estas son las palabras que las rodean.

## La lista de guías

guides-heading = Inicio de sesión guiado
guides-intro = Una guía le acompaña para iniciar sesión en un servicio, paso a paso. Keystep recuerda dónde se quedó.
guides-try-again = Intentar de nuevo
guides-none = No hay guías disponibles en este momento.
# El nombre que los lectores de pantalla dan a la lista de guías.
guides-list-label = Guías
guides-loading = Cargando las guías…
# Después del nombre del servicio en la tarjeta de una guía.
guides-own-guide = Una de sus propias guías
guides-minutes = { $minutes ->
    [one] Alrededor de 1 minuto
   *[other] Alrededor de { $minutes } minutos
}
guides-needs = Lo que necesita
guides-start = Empezar
guides-continue-step = Continuar (paso { $step } de { $total })
# El nombre que los lectores de pantalla dan al botón Empezar o Continuar: las palabras del botón y la guía.
guides-start-named = { $action }: { $title }
guides-restart = Empezar de nuevo
guides-restart-named = Empezar de nuevo: { $title }
# Solo se muestra cuando la ventana está en español y una guía todavía no tiene versión en español.
guides-not-translated = Esta guía todavía no está en español. Se muestra en inglés.

## Recorridos anteriores y sus propias guías

guides-past-runs = Recorridos anteriores
guides-past-run-done = Terminada: { $title } — { $date }
guides-past-run-stopped = Detenida en el paso { $step } de { $total }: { $title } — { $date }
guides-own-heading = Sus propias guías
guides-own-folder = Para agregar sus propias guías, ponga los archivos de guía (.toml) en esta carpeta:
guides-own-problems = Estos archivos de guía no se cargaron:

## Empezar de nuevo

guides-restart-question = ¿Empezar de nuevo?
guides-restart-kept = Su avance en esta guía se guarda en los recorridos anteriores.
guides-restart-cancel = Cancelar
guides-restart-busy = Empezando de nuevo…

## En "Sus códigos": una guía que quedó a medias

guides-in-progress-label = Guía en curso
guides-in-progress = Tiene una guía en curso: { $title }.
guides-continue = Continuar
guides-continue-named = Continuar la guía: { $title }

## Un recorrido de una guía

guides-back-to-list = Volver a todas las guías
guides-checked = Revisada con las páginas oficiales el { $date }
guides-progress-label = Avance en esta guía
guides-step-of = Paso { $step } de { $total }
guides-all-done = { $total ->
    [one] 1 paso terminado
   *[other] Los { $total } pasos terminados
}
# Antes del título de un camino aparte de la guía (qué hacer cuando no llega un mensaje de texto).
guides-branch-help = Ayuda:
guides-branch-return = Cuando termine estos pasos, volverá adonde estaba.
guides-branch-back-step = Volver al paso { $step }: { $title }
guides-branch-back = Volver a: { $title }
guides-next = Listo, siguiente paso
guides-previous = Paso anterior
guides-open-named = Abrir la guía: { $title }
guides-finished-heading = ¡Lo logró!
guides-finished-text = Terminó todos los pasos de “{ $title }” el { $date }.
guides-finished-close = Ya puede cerrar Keystep o ver otra guía.

## Pasos que abren una página oficial

guides-page-hint = Abre el sitio oficial en su navegador web
guides-page-opening = La página se está abriendo en su navegador web.
guides-page-type = Escriba usted esta dirección en su navegador web:
guides-page-copy = Copiar la dirección
guides-page-copied = Copiada. En su navegador, haga clic en la barra de direcciones, péguela (Ctrl+V; en una Mac, Command+V) y oprima Enter.

## Pasos que revisan la dirección en el navegador

guides-address-ends = Una dirección real de { $service } termina en { $ending }.
guides-address-look = Fíjese en el final del nombre del sitio, justo antes de la primera { $slash }.
guides-address-check = Revisar esta dirección en Keystep
guides-address-how = Primero copie la dirección: haga clic en la barra de direcciones de su navegador y oprima Ctrl+C (en una Mac, Command+C).

## Pasos que muestran un código

guides-code-heading = Su código de { $service }
guides-code-missing = Todavía no ha agregado su código de { $service } a Keystep.
guides-code-missing-hint = Puede agregarlo en “Sus códigos”. O use otra forma de obtener su código para este paso.
guides-code-loading = Cargando su código…
guides-code-none = No hay código en este momento. Abra “Sus códigos” para obtener uno.
guides-code-copy = Copiar
guides-code-copy-named = Copiar su código de { $service }
guides-code-copied = Copiado.
guides-code-copied-clears = Copiado. Keystep lo borra del portapapeles en { $seconds ->
    [one] 1 segundo
   *[other] { $seconds } segundos
}.

## Pasos que muestran un número de teléfono

guides-phone-heading = El número de teléfono que usa para { $service }
guides-phone-missing = Todavía no hay un número guardado.
guides-phone-how = En la pantalla Teléfonos, agregue su número en “Sus números”. Después agregue { $service } en “Sus servicios” e indique que le envía sus códigos a ese número. Vuelva a esta guía con la pestaña “Guías”: recuerda dónde se quedó.
guides-phone-add = Agregar su número para { $service }

## Pasos de espera

guides-wait-start = Empezar la cuenta regresiva ({ $length })
guides-wait-minutes = { $count ->
    [one] 1 minuto
   *[other] { $count } minutos
}
guides-wait-hours = { $count ->
    [one] 1 hora
   *[other] { $count } horas
}
guides-wait-days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
guides-time-left = Tiempo restante: { $left }
# Lo que falta de una espera, en corto: "9 días 23 h", "23 h 59 min", "14 min 32 s", "40 s".
guides-left-days = { $days ->
    [one] 1 día
   *[other] { $days } días
} { $hours } h
guides-left-hours = { $hours } h { $minutes } min
guides-left-minutes = { $minutes } min { $seconds } s
guides-left-seconds = { $seconds } s
guides-wait-over = La espera terminó. Ya puede volver a intentarlo.
guides-wait-until = Puede volver a intentarlo después del { $date }.
