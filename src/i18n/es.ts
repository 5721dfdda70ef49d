import type { Catalog } from './texts';

const list = (items: string[]): string => items.join(', ');

export const es: Catalog = {
  welcome:
    '¡Hola! Ayudo a los operadores de Adobe Campaign Classic a resolver incidencias con la base de conocimiento de Adobe, en español o en inglés. ' +
    "Describe el problema o pega el error o la línea del log, por ejemplo: *mcSynch_mcExec1 falla con Empty return for method 'Logon' of service 'xtk:session'*. " +
    'Escribe **ayuda** en cualquier momento, **empezar de nuevo** para volver a empezar o **in English** para cambiar de idioma.',
  botName: 'Campaign KB',
  welcomeShared: (botName) =>
    `Aquí, mencióname (**@${botName}**) en tu mensaje para que lo vea; en un canal respondo en el hilo del mensaje. ` +
    'La comprobación guiada de cada persona es suya: solo quien la empezó puede responder a sus preguntas.',
  tenantNotAllowed:
    'Lo siento, no estoy disponible para tu organización. Este bot solo atiende a usuarios de las organizaciones para las que se configuró; consulta con tu administrador de Teams si crees que deberías tener acceso.',
  greeting: '¡Hola! Describe el problema de Adobe Campaign Classic, o pega el error o la línea del log, y buscaré el artículo de la base de conocimiento.',
  youAreWelcome: '¡De nada! Pregúntame de nuevo cuando lo necesites.',
  staleCard:
    'Ese botón es de una pregunta que no espera respuesta tuya (ya se respondió o es de la comprobación de otra persona). ' +
    'Describe el problema o pega el error para empezar la tuya, o escribe **ayuda**.',
  noMatch:
    'Lo siento, no he encontrado ningún artículo de la base de conocimiento para eso. Puedo ayudarte con problemas de Adobe Campaign Classic: ' +
    'mensajes de error, flujos de trabajo que fallan (Message Center, mcSynch), envíos y configuración. Prueba con el texto exacto del error o pega la línea del log.',
  choiceIntro: 'Hay varios artículos que podrían encajar. ¿Cuál buscas?',
  choiceNone:
    'Siento que no fuera ninguno. Prueba a describir el problema con el texto exacto del error o una línea del log, o abre un caso con el Servicio de atención al cliente de Adobe ' +
    '(Experience League > Soporte, o la pestaña Soporte de la Admin Console) con el error, el flujo y cuándo ocurre.',
  noneOfThese: 'Ninguno de estos',
  choiceRetry: 'Elige uno de los artículos con su botón o su número (por ejemplo **1**), o haz otra pregunta.',
  article: { symptom: 'Síntoma', cause: 'Causa', resolution: 'Resolución', number: 'Artículo', open: 'Abrir en Experience League' },
  offerCheck: '¿Quieres que te guíe en la comprobación? Son tres preguntas: cuándo ocurrió el error, cuándo se reinicia el servidor y, después, la solución.',
  yes: 'Sí',
  no: 'No',
  yesNoRetry: 'Responde **sí** o **no** (o usa los botones).',
  unknownWorkflow: 'mcSynch_… (el de tu instancia de ejecución, p. ej. mcSynch_mcExec1)',
  offerDeclined: 'De acuerdo. Pregúntame lo que necesites.',

  errorTime: {
    title: '¿A qué hora ocurrió el error?',
    whereToLook: (consolePath) =>
      `Abre el flujo de trabajo técnico (${consolePath}) y su pestaña **Seguimiento** (Tracking), o haz clic derecho en la actividad > **Mostrar los logs** (Display logs). ` +
      'Escribe la hora del error o pega las líneas del log.',
    placeholder: 'p. ej. 06:02, a las 6 y 2, o pega las líneas del log',
    retry:
      'No he podido leer una hora. Escríbela como **06:02** o **a las 6 y 2**, o pega la línea del log, por ejemplo: ' +
      "`19/08/2022 06:00:41  mcSynch_mcExec1  Empty return for method 'Logon' of service 'xtk:session'`",
  },
  restartTime: {
    title: '¿A qué hora se reinicia el servidor?',
    body: 'La hora a la que se reinicia cada día la instancia de ejecución (RT), en hora del servidor.',
    placeholder: 'p. ej. 06:00',
    dontKnow: 'No lo sé',
    useDefault: (defaultTime) => `Usar las ${defaultTime} (por defecto)`,
    retry: 'No he podido leer una hora. Escribe la hora de reinicio como **06:00** o **a las 6**, o dime **no lo sé**.',
  },
  restartHowToFind: (defaultTime, attribute) =>
    `Por defecto, todos los procesos de Campaign se reinician automáticamente cada día a las **${defaultTime}**, hora del servidor. Para comprobar la tuya: ` +
    `el atributo \`${attribute}\` de serverConf.xml (instalaciones propias), las fechas de inicio en la lista de procesos de la pestaña **Supervisión** (Monitoring) ` +
    'o el fichero watchdog.log en var/default/log/ de la instalación. En instancias alojadas por Adobe solo Adobe puede verla o cambiarla: pregunta al Servicio de atención al cliente de Adobe.',
  send: 'Enviar',

  verdict: {
    coincideTitle: 'El error coincide con el reinicio del servidor',
    coincideBody: (errors, restart, serverTime) =>
      `El error de las ${list(errors)} (${serverTime}) cae justo en el reinicio de las ${restart}: la instancia de marketing no puede iniciar sesión en la instancia de ejecución (RT) mientras se reinicia. Es la causa que describe el artículo KA-05406.`,
    fixTitle: 'La solución: cambiar la hora de inicio del flujo',
    fixSteps: (fix) => [
      `En la instancia de marketing (control), abre ${fix.consolePath}.`,
      ...fix.rows.map(
        (row, i) =>
          `Abre el flujo de trabajo **${row.workflow}**, haz doble clic en su actividad **Planificador** (Scheduler) y pulsa **Cambiar...** (Change...). Mantén la frecuencia y pon como hora de inicio las **${row.start}** ${fix.serverTime}` +
          `${row.alsoAt?.length ? ` y las **${list(row.alsoAt)}** tras ${row.alsoAt.length > 1 ? 'los otros reinicios' : 'el otro reinicio'}` : ''}` +
          `${row.consoleStart ? ` (las ${row.consoleStart} en hora de ${fix.consoleZone})` : ''}` +
          `${i === 0 ? `, ${fix.minutesAfterRestart} minutos después del reinicio${fix.alternative && fix.rows.length === 1 ? `, o las **${fix.alternative}**` : ''}` : ', para que dos flujos de sincronización no empiecen en el mismo minuto'}. Pulsa **Siguiente**, revisa el periodo de validez y el resumen y pulsa **Terminar**.`,
      ),
      `En la pestaña **Avanzado** (Advanced) del Planificador, revisa su **Huso horario** (Time zone): estas horas son ${fix.serverTime}. Si tiene otro (Usuario, Base de datos o una zona concreta), ponlo en Servidor o convierte las horas a esa zona.`,
      'Guarda y reinicia el flujo de trabajo por completo para que se aplique la nueva planificación.',
    ],
    cautionsTitle: 'Antes de cambiarlo',
    cautions: (minimum) => [
      'Si cambias la planificación en la instancia de control, cambia también el flujo de seguimiento correspondiente en la instancia de ejecución para que vayan a la par.',
      `No planifiques el flujo de trabajo con una frecuencia mayor que cada ${minimum} minutos.`,
      'Solo los operadores con derechos de administración pueden modificar flujos técnicos; en instancias alojadas por Adobe, pídelo al Servicio de atención al cliente de Adobe.',
    ],
    othersNote: (others) => `Los errores de las ${list(others)} no están cerca del reinicio: si siguen después del cambio, tienen otra causa.`,
    differTitle: 'El error no coincide con el reinicio',
    differBody: (errors, restart, before, after, serverTime) =>
      `El error de las ${list(errors)} (${serverTime}) no cae entre ${before} minutos antes y ${after} minutos después del reinicio de las ${restart}, así que probablemente el reinicio no es la causa. No cambies la planificación por esto.`,
    severalRestarts: (restarts) => `El servidor se reinicia a las ${list(restarts)}: las nuevas horas de inicio evitan todos esos reinicios.`,
    longRestart: (minutes, windowEnd) => `Como el reinicio tarda unos ${minutes} minutos, los errores hasta las ${windowEnd} siguen contando como el reinicio.`,
    successes: (times) => `Las ejecuciones de las ${list(times)} terminaron sin error: fuera del reinicio la sincronización funciona.`,
    nextStepsTitle: 'Qué revisar ahora',
    nextSteps: [
      'Lee el mensaje completo del log alrededor del error: otro texto de error (tiempo de espera, red, certificado, derechos del operador) apunta a otra causa.',
      'Comprueba que la cuenta externa de la instancia de ejecución (URL, operador, contraseña) sigue funcionando: prueba la conexión desde la consola.',
      'Busca otros reinicios o caídas de la instancia de ejecución a la hora del error (watchdog.log, pestaña Supervisión).',
      'Si sigue fallando, abre un caso con el Servicio de atención al cliente de Adobe y pega el resumen de abajo.',
    ],
    relatedArticles: 'Otros artículos que pueden ayudarte:',
  },

  askFeedback: '¿Te ha sido útil?',
  helpful: 'Útil',
  notHelpful: 'No me ha servido',
  feedbackThanks: '¡Gracias por tu opinión!',
  feedbackSorry: 'Siento que no haya servido. El resumen de abajo está listo para pegarlo en un caso de soporte.',
  summaryIntro: 'Resumen del caso (puedes pegarlo en un caso de soporte):',
  caseSummary: (facts) =>
    [
      `Síntoma: el flujo de Message Center ${list(facts.workflows)} falla con "Empty return for method 'Logon' of service 'xtk:session'" (${facts.article})`,
      `Hora(s) del error: ${facts.errorTimes.length ? list(facts.errorTimes) : 'no indicada'}`,
      `${facts.restartTimes.length > 1 ? 'Horas' : 'Hora'} de reinicio del servidor: ${facts.restartTimes.length ? list(facts.restartTimes) : 'no indicada'}${facts.restartDurationMinutes ? `, tarda unos ${facts.restartDurationMinutes} minutos` : ''}`,
      ...(facts.serverZone || facts.consoleZone ? [`Husos horarios: servidor ${facts.serverZone ?? 'no indicado'}, consola ${facts.consoleZone ?? 'la misma que el servidor'}`] : []),
      `Diagnóstico: ${
        facts.verdict === 'coincides'
          ? `el error coincide con el reinicio; ${
              facts.schedule.length > 1
                ? `mover los planificadores: ${facts.schedule.map((row) => `${row.workflow} a las ${row.start}`).join(', ')}`
                : `mover el planificador a las ${facts.schedule[0]?.start ?? '?'}${facts.alternative ? ` o a las ${facts.alternative}` : ''}`
            }`
          : facts.verdict === 'differs'
            ? 'el error no coincide con el reinicio; la causa es otra'
            : 'comprobación sin terminar'
      }`,
      ...(facts.otherErrorTimes.length ? [`Errores fuera del reinicio: ${list(facts.otherErrorTimes)}`] : []),
      ...(facts.successTimes.length ? [`Ejecuciones que terminaron sin error: ${list(facts.successTimes)}`] : []),
      ...(facts.notHelpfulReason ? [`Sin resolver: "${facts.notHelpfulReason}"`] : []),
    ].join('\n'),
  gaveUp: 'Sigo sin poder leerlo, así que dejamos aquí la comprobación.',
  notUnderstood: 'Sigo sin entenderlo, así que lo dejamos aquí. Vuelve a describir el problema, o pega el error, cuando quieras.',

  case: {
    noted: (items) => `Anotado: ${items.join('; ')}.`,
    corrected: (items) => `Corregido: ${items.join('; ')}.`,
    errorAt: (times, workflows) => `error${times.length > 1 ? 'es' : ''} a las ${list(times)}${workflows.length ? ` en ${workflows.map((w) => `**${w}**`).join(' y ')}` : ''}`,
    restartAt: (times) => `reinicio del servidor a las ${list(times)}`,
    restartDefault: (time) => `reinicio del servidor a las ${time} (el de Campaign por defecto)`,
    duration: (minutes) => `el reinicio tarda unos ${minutes} minutos`,
    serverZone: (zone) => `el servidor va en hora de ${zone}`,
    consoleZone: (zone) => `tu consola muestra la hora de ${zone}`,
    consoleIsServer: 'tu consola muestra la hora del servidor',
    workflows: (names) => `flujo${names.length > 1 ? 's' : ''} ${names.map((w) => `**${w}**`).join(' y ')}`,
    was: (old) => ` (antes ${list(old)})`,
    serverTime: (zone) => (zone ? `hora del servidor, ${zone}` : 'hora del servidor'),
    noErrorLine: (successTimes) =>
      `Ninguna de las líneas que has pegado es un error${successTimes.length ? `: las ejecuciones de las ${list(successTimes)} terminaron bien` : ''}. ` +
      "Pega la línea con el error (p. ej. *Empty return for method 'Logon'...*) o escribe la hora a la que falló.",
    exactMinute: {
      title: '¿En qué minuto exacto?',
      body: 'Esa hora es aproximada y la comprobación va al minuto: unos minutos deciden si es el reinicio. Copia la hora exacta del error del log del flujo (su pestaña Seguimiento), como **06:02**, o pega la línea.',
      placeholder: 'p. ej. 06:02, o pega la línea del log',
    },
    consoleZoneQuestion: {
      title: '¿Qué huso horario muestra tu consola?',
      body: (hours) =>
        `El error está justo a ${hours} del reinicio. La consola muestra las horas del log en el huso horario de tu operador, que puede ser distinto del del servidor. ` +
        '¿Qué huso muestra tu consola? Por ejemplo **Madrid**, **UTC**, **Bogotá** o **la misma que el servidor**.',
      clientHint: (zone) => `Tu Teams está en ${zone}: ¿tu consola también va en esa hora?`,
      placeholder: 'p. ej. Madrid, UTC, la misma que el servidor',
      sameAsServer: 'La misma que el servidor',
    },
    errorTimeHowToFind: (consolePath) =>
      `La hora está en el log del flujo: abre ${consolePath}, abre el flujo mcSynch y su pestaña **Seguimiento** (Tracking) ` +
      '(o clic derecho en la actividad > **Mostrar los logs**). Un flujo que falló queda en pausa y su actividad aparece en rojo. Escribe la hora del error o pega las líneas.',
    zoneHowToFind:
      'La consola muestra las horas en el huso horario de tu operador: Administración > Gestión de accesos > Operadores, tu operador, pestaña **General**. ' +
      'Por defecto los operadores trabajan en el huso del servidor. Si no puedes verlo, dime en qué zona estás, o **la misma que el servidor**.',
    ambiguousTime: 'No puedo saber esa hora con seguridad (6:2 puede ser 06:02 o 06:20). Escríbela con dos cifras para los minutos, como **06:02**.',
    resume: 'Eso era otro artículo (arriba). Para seguir con la comprobación, responde a la pregunta de abajo, o escribe **cancelar** para dejarla.',
    rejudged: 'Con eso, aquí tienes de nuevo la comprobación:',
    notHelpfulNoted: (reason) => `Gracias por contármelo. Lo he anotado: "${reason}".`,
    stillFails: (times, start) =>
      `Que falle a las ${list(times)} después de cambiarlo a las ${start} indica que el reinicio dura más que la ventana, o que la causa es otra. ` +
      'Mira en watchdog.log cuánto tarda de verdad el reinicio y dímelo (p. ej. *el reinicio tarda 30 minutos*) para calcular un inicio más tarde; si no es el reinicio, abre un caso con el Servicio de atención al cliente de Adobe con el resumen de abajo.',
  },

  help: {
    general:
      'Describe un problema de Adobe Campaign Classic o pega un error o una línea del log y buscaré el artículo de la base de conocimiento. ' +
      'Comandos: **empezar de nuevo**, **cancelar**, **in English** / **en español**.',
    offer: 'Responde **sí** para empezar la comprobación guiada de este artículo o **no** para omitirla.',
    choice: 'Elige el artículo que corresponde a tu problema con su botón o su número.',
    errorTime:
      'Necesito la hora del error en el log del flujo técnico: abre el flujo, su pestaña **Seguimiento** (o **Mostrar los logs**) y escribe la hora como 06:02, o pega las líneas.',
    restartTime: 'Necesito la hora a la que se reinicia el servidor cada día, como 06:00. Si no la sabes, dime **no lo sé** y te explico dónde encontrarla, o **usa la de por defecto** (06:00).',
    exactMinute: 'Necesito el minuto exacto del error, del log del flujo (pestaña Seguimiento), como 06:02: unos minutos deciden si es el reinicio.',
    consoleZone: 'Dime qué huso horario muestra tu consola (p. ej. **Madrid**, **UTC**, **Bogotá**), o **la misma que el servidor**.',
    feedback: 'Dime si te ha sido útil: **sí** o **no**.',
  },
  cancelled: 'Cancelado. Pregúntame lo que necesites.',
  startedOver: 'Empecemos de nuevo. Describe el problema o pega el error.',
  languageSwitched: 'De acuerdo, sigo en español.',
  turnError: (id) => `Lo siento, algo ha fallado por mi parte (referencia ${id}). Escribe **empezar de nuevo** para volver a empezar.`,
  storageUnavailable:
    'Lo siento, no estoy disponible temporalmente: no puedo acceder al lugar donde guardo nuestra conversación. ' +
    'No se ha perdido nada de lo que has respondido hasta ahora. Vuelve a enviar tu mensaje dentro de un minuto.',
  repeatPlease: 'Lo siento, este mensaje me llegó a la vez que otro tuyo y solo he podido atender el otro. Vuelve a enviarlo, por favor.',
  teams: {
    whoseCheck: (name) => `Comprobación de ${name}`,
    othersHint: 'Solo quien empezó esta comprobación puede responderla. Empieza la tuya con el botón, o mencióname con tu pregunta.',
    startOwn: 'Empezar mi comprobación',
    notYourCheck: (name) => `Esta es la comprobación de ${name}. Empieza la tuya: mencióname con tu pregunta.`,
    quickAnswers: 'O responde con un toque:',
    received: 'Recibido.',
    edited: 'Has editado tu mensaje: lo he vuelto a leer.',
    rateAbove: 'Valora la respuesta de arriba con 👍 o 👎, o simplemente dímelo.',
  },
};
