# "Revisar un enlace": si cada enlace de un enlace o mensaje pegado lleva a un sitio oficial. El núcleo de
# Keystep decide cada resultado; estas son las palabras para decirlo.

check-heading = ¿Este enlace es real?
check-intro = Pegue un enlace, o un mensaje de texto o correo electrónico completo. Keystep le dice si cada enlace lleva a un sitio oficial.
check-input-label = Enlace o mensaje
check-submit = Revisar
check-input-empty = Primero pegue un enlace o un mensaje.
# Cuando el botón "Revisar esta dirección" de un paso de una guía no encontró ninguna dirección copiada.
check-nothing-copied = No se copió ninguna dirección. En su navegador, haga clic en la barra de direcciones y oprima Ctrl+C (en una Mac, Command+C). Después péguela aquí.
check-no-link = No se encontró ningún enlace. Pegue la dirección completa, como https://www.irs.gov, o el mensaje que la contiene.
# Que no haya enlace no quiere decir que sea seguro: la presión por teléfono o por mensaje no necesita enlaces.
check-no-link-scam = Un mensaje o una llamada puede ser una estafa aunque no tenga un enlace: por ejemplo, alguien que dice que tiene que pagar ahora mismo, que amenaza con arrestarle o que le pide un código de inicio de sesión. Si eso es lo que recibió, tómese su tiempo y revíselo primero.
# El título de la guía incluida "is-it-the-irs", tal como esa guía lo da en este idioma.
check-no-link-guide-title = ¿Este mensaje o enlace es realmente del IRS?
check-open-guide = Abrir la guía “{ $title }”

## Los resultados

# Lo que los lectores de pantalla dicen antes de cada enlace revisado.
check-link-label = Enlace:
# El nombre que los lectores de pantalla dan a la lista de motivos de una advertencia.
check-reasons-label = Por qué
check-suspicious-advice = No lo abra ni responda. Si le preocupa, vaya usted al sitio oficial.
# Lo que oyen los lectores de pantalla después de una revisión, y el título de los resultados.
check-summary = { $count ->
    [one] Se revisó 1 enlace
   *[other] Se revisaron { $count } enlaces
}: { $details }.
check-summary-warnings = { $count ->
    [0] ninguna advertencia
    [one] 1 advertencia
   *[other] { $count } advertencias
}
check-summary-official = { $count ->
    [one] 1 oficial
   *[other] { $count } oficiales
}
check-summary-not-official = { $count ->
    [one] 1 no oficial
   *[other] { $count } no oficiales
}

## El resultado de un enlace

check-verdict-official = Sitio oficial de { $service }.
check-verdict-not-official = No es un sitio oficial de ningún servicio que Keystep conozca. Tenga cuidado antes de iniciar sesión o pagar ahí.
check-verdict-imitation = Advertencia: este no es un enlace real de { $service }.
check-verdict-real-but-unsafe = Este enlace va al sitio real de { $service }, pero no de forma segura. Mejor vaya usted al sitio.
check-verdict-unsafe = Advertencia: este enlace no es seguro.

## Por qué un enlace es sospechoso, según el código del motivo que da el núcleo.

check-reason-unreadable = Este enlace está mal formado, así que no es seguro abrirlo.
check-reason-ip-address = El enlace va a una dirección de solo números ({ $host }) en lugar de a un sitio con nombre. Los sitios oficiales usan su nombre.
check-reason-userinfo = La parte antes de "@" es solo adorno: este enlace en realidad va a { $host }.
check-reason-international-letters = La dirección usa letras de otros alfabetos que pueden parecerse a las letras comunes. Su nombre real es { $host }.
check-reason-shortener = { $domain } es un acortador de enlaces: esconde adónde va el enlace en realidad. Las agencias del gobierno no envían enlaces acortados.
check-reason-not-https = { $service } usa enlaces seguros (https); este empieza con http, y cualquiera en la red lo puede cambiar.
check-reason-subdomain = La dirección empieza con un nombre de { $service }, pero en realidad pertenece a { $domain }, que no es un sitio de { $service }.
check-reason-glued = { $domain } esconde una dirección de { $service } dentro de otra dirección, sin su punto. No es un sitio de { $service }.
check-reason-lookalike = { $domain } se parece a la dirección real de { $service }, pero es otro sitio.
check-reason-brand = La dirección usa el nombre { $service }, pero pertenece a { $domain }, que no es un sitio de { $service }.
