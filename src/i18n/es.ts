import type { Catalog } from './texts';

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
  relatedArticles: 'Otros artículos que pueden ayudarte:',
  choiceRetry: 'Elige uno de los artículos con su botón o su número (por ejemplo **1**), o haz otra pregunta.',
  article: { symptom: 'Síntoma', cause: 'Causa', resolution: 'Resolución', number: 'Artículo', open: 'Abrir en Experience League' },
  offerCheck: '¿Quieres que te guíe en la comprobación? Son tres preguntas: cuándo ocurrió el error, cuándo se reinicia el servidor y, después, la solución.',
  yes: 'Sí',
  no: 'No',
  yesNoRetry: 'Responde **sí** o **no** (o usa los botones).',
  offerDeclined: 'De acuerdo. Pregúntame lo que necesites.',

  send: 'Enviar',
  askFeedback: '¿Te ha sido útil?',
  helpful: 'Útil',
  notHelpful: 'No me ha servido',
  feedbackThanks: '¡Gracias por tu opinión!',
  feedbackSorry: 'Siento que no haya servido. El resumen de abajo está listo para pegarlo en un caso de soporte.',
  summaryNotSolved: (reason) => `Sin resolver: "${reason}"`,
  summaryIntro: 'Resumen del caso (puedes pegarlo en un caso de soporte):',
  gaveUp: 'Sigo sin poder leerlo, así que dejamos aquí la comprobación.',
  notUnderstood: 'Sigo sin entenderlo, así que lo dejamos aquí. Vuelve a describir el problema, o pega el error, cuando quieras.',

  case: {
    noted: (items) => `Anotado: ${items.join('; ')}.`,
    corrected: (items) => `Corregido: ${items.join('; ')}.`,
    resume: 'Eso era otro artículo (arriba). Para seguir con la comprobación, responde a la pregunta de abajo, o escribe **cancelar** para dejarla.',
    rejudged: 'Con eso, aquí tienes de nuevo la comprobación:',
    notHelpfulNoted: (reason) => `Gracias por contármelo. Lo he anotado: "${reason}".`,
  },

  help: {
    general:
      'Describe un problema de Adobe Campaign Classic o pega un error o una línea del log y buscaré el artículo de la base de conocimiento. ' +
      'Comandos: **empezar de nuevo**, **cancelar**, **in English** / **en español**.',
    offer: 'Responde **sí** para empezar la comprobación guiada de este artículo o **no** para omitirla.',
    choice: 'Elige el artículo que corresponde a tu problema con su botón o su número.',
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
    rateAbove: 'Valora la respuesta de arriba con los pulgares que tiene debajo, o simplemente dímelo.',
  },
};
