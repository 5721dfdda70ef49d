import type { Catalog } from './texts';

const list = (items: string[]): string => items.join(', ');

export const es: Catalog = {
  languageName: 'español',
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
  choiceRetry: 'Elige uno de los artículos con su botón o su número (por ejemplo **1**), o haz otra pregunta.',
  article: { symptom: 'Síntoma', cause: 'Causa', resolution: 'Resolución', number: 'Artículo', open: 'Abrir en Experience League' },
  offerCheck: '¿Quieres que te guíe en la comprobación? Son tres preguntas: cuándo ocurrió el error, cuándo se reinicia el servidor y, después, la solución.',
  yes: 'Sí',
  no: 'No',
  yesNoRetry: 'Responde **sí** o **no** (o usa los botones).',
  unknownWorkflow: 'mcSynch_… (el de tu instancia de ejecución, p. ej. mcSynch_mcExec1)',
  offerDeclined: 'De acuerdo. Pregúntame lo que necesites.',
  askAnotherQuestion: 'Hazme otra pregunta cuando quieras.',

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
  errorTimesNoted: (times, workflow) =>
    `Anotado: error${times.length > 1 ? 'es' : ''} a las ${list(times)}${workflow ? ` en **${workflow}**` : ''}.`,
  restartTime: {
    title: '¿A qué hora se reinicia el servidor?',
    body: 'La hora a la que se reinicia cada día la instancia de ejecución (RT), en hora del servidor.',
    placeholder: 'p. ej. 06:00',
    dontKnow: 'No lo sé',
    retry: 'No he podido leer una hora. Escribe la hora de reinicio como **06:00** o **a las 6**, o dime **no lo sé**.',
  },
  restartHowToFind: (defaultTime, attribute) =>
    `Por defecto, todos los procesos de Campaign se reinician automáticamente cada día a las **${defaultTime}**, hora del servidor. Para comprobar la tuya: ` +
    `el atributo \`${attribute}\` de serverConf.xml (instalaciones propias), las fechas de inicio en la lista de procesos de la pestaña **Supervisión** (Monitoring) ` +
    'o el fichero watchdog.log en var/default/log/ de la instalación. En instancias alojadas por Adobe solo Adobe puede verla o cambiarla: pregunta al Servicio de atención al cliente de Adobe.',
  send: 'Enviar',

  verdict: {
    coincideTitle: 'El error coincide con el reinicio del servidor',
    coincideBody: (errors, restart) =>
      `El error de las ${list(errors)} cae justo en el reinicio de las ${restart}: la instancia de marketing no puede iniciar sesión en la instancia de ejecución (RT) mientras se reinicia. Es la causa que describe el artículo KA-05406.`,
    fixTitle: 'La solución: cambiar la hora de inicio del flujo',
    fixSteps: (workflow, consolePath, times) => [
      `En la instancia de marketing (control), abre ${consolePath} y abre el flujo de trabajo **${workflow}**.`,
      'Haz doble clic en la actividad **Planificador** (Scheduler) y pulsa **Cambiar...** (Change...).',
      `Mantén la frecuencia y pon como hora de inicio las **${times[0]}** (5 minutos después del reinicio)${times[1] ? ` o las **${times[1]}** (10 minutos después)` : ''}. Pulsa **Siguiente**, revisa el periodo de validez y el resumen y pulsa **Terminar**.`,
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
    differBody: (errors, restart, before, after) =>
      `El error de las ${list(errors)} no cae entre ${before} minutos antes y ${after} minutos después del reinicio de las ${restart}, así que probablemente el reinicio no es la causa. No cambies la planificación por esto.`,
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
      `Síntoma: el flujo de Message Center ${facts.workflow} falla con "Empty return for method 'Logon' of service 'xtk:session'" (${facts.article})`,
      `Hora(s) del error: ${facts.errorTimes.length ? list(facts.errorTimes) : 'no indicada'}`,
      `Hora de reinicio del servidor: ${facts.restartTime ?? 'no indicada'}`,
      `Diagnóstico: ${
        facts.verdict === 'coincides'
          ? `el error coincide con el reinicio; mover el planificador a las ${facts.newStartTimes.join(' o a las ')}`
          : facts.verdict === 'differs'
            ? 'el error no coincide con el reinicio; la causa es otra'
            : 'comprobación sin terminar'
      }`,
      ...(facts.otherErrorTimes.length ? [`Errores fuera del reinicio: ${list(facts.otherErrorTimes)}`] : []),
    ].join('\n'),
  gaveUp: 'Sigo sin poder leerlo, así que dejamos aquí la comprobación.',

  help: {
    general:
      'Describe un problema de Adobe Campaign Classic o pega un error o una línea del log y buscaré el artículo de la base de conocimiento. ' +
      'Comandos: **empezar de nuevo**, **cancelar**, **in English** / **en español**.',
    offer: 'Responde **sí** para empezar la comprobación guiada de este artículo o **no** para omitirla.',
    choice: 'Elige el artículo que corresponde a tu problema con su botón o su número.',
    errorTime:
      'Necesito la hora del error en el log del flujo técnico: abre el flujo, su pestaña **Seguimiento** (o **Mostrar los logs**) y escribe la hora como 06:02, o pega las líneas.',
    restartTime: 'Necesito la hora a la que se reinicia el servidor cada día, como 06:00. Si no la sabes, dime **no lo sé** y te explico dónde encontrarla.',
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
};
