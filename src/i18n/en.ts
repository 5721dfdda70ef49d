import type { Catalog } from './texts';

const list = (items: string[]): string => items.join(', ');

export const en: Catalog = {
  welcome:
    "Hi! I help Adobe Campaign Classic operators troubleshoot with Adobe's knowledge base, in English or Spanish. " +
    "Describe the problem or paste the error or log line, for example: *mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'*. " +
    'Type **help** at any time, **start over** to begin again, or **en español** to switch language.',
  botName: 'Campaign KB',
  welcomeShared: (botName) =>
    `Here, mention me (**@${botName}**) in your message so that I see it; in a channel I answer in the message's thread. ` +
    "Each person's guided check is their own: only the person who started a check can answer its questions.",
  tenantNotAllowed:
    "Sorry, I'm not available for your organisation. This bot only answers users of the organisations it was set up for; ask your Teams administrator if you think you should have access.",
  greeting: "Hello! Describe the Adobe Campaign Classic problem, or paste the error or the log line, and I'll find the knowledge-base article.",
  youAreWelcome: "You're welcome! Ask me again whenever you need to.",
  staleCard:
    "That button belongs to a question that isn't waiting for an answer from you (it was already answered, or it's someone else's check). " +
    'Describe the problem or paste the error to start your own, or type **help**.',
  noMatch:
    "Sorry, I couldn't find a knowledge-base article for that. I can help with Adobe Campaign Classic problems: " +
    'error messages, failing workflows (Message Center, mcSynch), deliveries and configuration. Try the exact error text or paste the log line.',
  choiceIntro: 'Several articles could match. Which one do you mean?',
  choiceNone:
    "Sorry those weren't it. Try describing the problem with the exact error text or a log line, or open a case with Adobe Customer Care " +
    '(Experience League > Support, or the Admin Console\'s Support tab) and include the error, the workflow and when it happens.',
  noneOfThese: 'None of these',
  choiceRetry: 'Pick one of the articles with its button or its number (for example **1**), or ask a new question.',
  article: { symptom: 'Symptom', cause: 'Cause', resolution: 'Resolution', number: 'Article', open: 'Open in Experience League' },
  offerCheck: 'Shall I walk you through the check? Three questions: when the error happened, when the server restarts, and then the fix.',
  yes: 'Yes',
  no: 'No',
  yesNoRetry: 'Please answer **yes** or **no** (or use the buttons).',
  unknownWorkflow: "mcSynch_… (the one for your execution instance, e.g. mcSynch_mcExec1)",
  offerDeclined: 'OK. Ask me anything else when you need to.',

  errorTime: {
    title: 'When did the error happen?',
    whereToLook: (consolePath) =>
      `Open the technical workflow (${consolePath}), then its **Tracking** tab, or right-click the activity > **Display logs**. ` +
      'Type the time of the error, or paste the log lines.',
    placeholder: 'e.g. 06:02, 6:02 AM, or paste the log lines',
    retry:
      "I couldn't read a time there. Type it like **06:02** or **6:02 AM**, or paste the log line, for example: " +
      "`19/08/2022 06:00:41  mcSynch_mcExec1  Empty return for method 'Logon' of service 'xtk:session'`",
  },
  restartTime: {
    title: 'When does the server restart?',
    body: 'The time the execution (RT) instance restarts every day, in server time.',
    placeholder: 'e.g. 06:00',
    dontKnow: "I don't know",
    useDefault: (defaultTime) => `Use ${defaultTime} (default)`,
    retry: "I couldn't read a time there. Type the restart time like **06:00** or **6 AM**, or say **I don't know**.",
  },
  restartHowToFind: (defaultTime, attribute) =>
    `By default every Campaign process restarts automatically at **${defaultTime}** server time each day. To check yours: ` +
    `the \`${attribute}\` attribute in serverConf.xml (on-premise), the start dates in the **Monitoring** tab's process list, ` +
    'or watchdog.log under the installation\'s var/default/log/. On Adobe-hosted instances only Adobe can see or change it: ask Adobe Customer Care.',
  send: 'Send',

  verdict: {
    coincideTitle: 'The error coincides with the server restart',
    coincideBody: (errors, restart, serverTime) =>
      `The error at ${list(errors)} (${serverTime}) falls right at the restart at ${restart}: the marketing instance cannot log on to the execution (RT) instance while it restarts. This is the cause described in KA-05406.`,
    fixTitle: 'The fix: move the workflow\'s start time',
    fixSteps: (fix) => [
      `On the marketing (control) instance, open ${fix.consolePath}.`,
      ...fix.rows.map(
        (row, i) =>
          `Open the workflow **${row.workflow}**, double-click its **Scheduler** activity and click **Change...**. Keep the frequency, and set the start time to **${row.start}** ${fix.serverTime}` +
          `${row.alsoAt?.length ? ` and **${list(row.alsoAt)}** after the other restart${row.alsoAt.length > 1 ? 's' : ''}` : ''}` +
          `${row.consoleStart ? ` (${row.consoleStart} in ${fix.consoleZone} time)` : ''}` +
          `${i === 0 ? `, ${fix.minutesAfterRestart} minutes after the restart${fix.alternative && fix.rows.length === 1 ? `, or **${fix.alternative}**` : ''}` : ', so that no two sync workflows start at the same minute'}. Click **Next**, check the validity period and the summary, then **Finish**.`,
      ),
      `In the Scheduler's **Advanced** tab, check its **Time zone**: these times are ${fix.serverTime}. If it is set to another zone (User, Database or a named zone), set it to Server, or convert the times to that zone.`,
      'Save, then restart the workflow completely so that the new schedule applies.',
    ],
    cautionsTitle: 'Before you change it',
    cautions: (minimum) => [
      'If you change the schedule on the control instance, change the matching tracking workflow on the execution instance to stay in step.',
      `Do not schedule the workflow more often than every ${minimum} minutes.`,
      'Only operators with administration rights can modify technical workflows; on Adobe-hosted instances ask Adobe Customer Care.',
    ],
    othersNote: (others) => `Errors at ${list(others)} are not near the restart: if they persist after the change, they have another cause.`,
    differTitle: 'The error does not coincide with the restart',
    differBody: (errors, restart, before, after, serverTime) =>
      `The error at ${list(errors)} (${serverTime}) is not within ${before} minutes before to ${after} minutes after the restart at ${restart}, so the restart is probably not the cause. Don't move the schedule for this.`,
    severalRestarts: (restarts) => `The server restarts at ${list(restarts)}: the new start times avoid every one of those restarts.`,
    longRestart: (minutes, windowEnd) => `Since the restart takes about ${minutes} minutes, errors until ${windowEnd} still count as the restart.`,
    successes: (times) => `The runs at ${list(times)} finished without error: outside the restart the synchronisation works.`,
    nextStepsTitle: 'What to check next',
    nextSteps: [
      "Read the full log message around the error: a different error text (timeout, network, certificate, operator rights) points to another cause.",
      'Check that the external account of the execution instance (URL, operator, password) still works: test the connection from the console.',
      'Look for other restarts or outages of the execution instance at the time of the error (watchdog.log, Monitoring tab).',
      'If it keeps failing, open a case with Adobe Customer Care and paste the summary below.',
    ],
    relatedArticles: 'Other articles that may help:',
  },

  askFeedback: 'Was this helpful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedbackThanks: 'Thanks for the feedback!',
  feedbackSorry: "Sorry it didn't help. The summary below is ready to paste into a support ticket.",
  summaryIntro: 'Case summary (you can paste it into a support ticket):',
  caseSummary: (facts) =>
    [
      `Symptom: Message Center workflow ${list(facts.workflows)} fails with "Empty return for method 'Logon' of service 'xtk:session'" (${facts.article})`,
      `Error time(s): ${facts.errorTimes.length ? list(facts.errorTimes) : 'not given'}`,
      `Server restart time${facts.restartTimes.length > 1 ? 's' : ''}: ${facts.restartTimes.length ? list(facts.restartTimes) : 'not given'}${facts.restartDurationMinutes ? `, lasting about ${facts.restartDurationMinutes} minutes` : ''}`,
      ...(facts.serverZone || facts.consoleZone ? [`Time zones: server ${facts.serverZone ?? 'not given'}, console ${facts.consoleZone ?? 'same as the server'}`] : []),
      `Verdict: ${
        facts.verdict === 'coincides'
          ? `the error coincides with the restart; ${
              facts.schedule.length > 1
                ? `move the schedulers: ${facts.schedule.map((row) => `${row.workflow} to ${row.start}`).join(', ')}`
                : `move the scheduler to ${facts.schedule[0]?.start ?? '?'}${facts.alternative ? ` or ${facts.alternative}` : ''}`
            }`
          : facts.verdict === 'differs'
            ? 'the error does not coincide with the restart; the cause is elsewhere'
            : 'check not finished'
      }`,
      ...(facts.otherErrorTimes.length ? [`Errors outside the restart window: ${list(facts.otherErrorTimes)}`] : []),
      ...(facts.successTimes.length ? [`Runs that finished without error: ${list(facts.successTimes)}`] : []),
      ...(facts.notHelpfulReason ? [`Not solved: "${facts.notHelpfulReason}"`] : []),
    ].join('\n'),
  gaveUp: "I still couldn't read that, so let's stop the check here.",
  notUnderstood: "I still couldn't understand that, so let's leave it here. Describe the problem again, or paste the error, whenever you like.",

  case: {
    noted: (items) => `Noted: ${items.join('; ')}.`,
    corrected: (items) => `Corrected: ${items.join('; ')}.`,
    errorAt: (times, workflows) => `error${times.length > 1 ? 's' : ''} at ${list(times)}${workflows.length ? ` in ${workflows.map((w) => `**${w}**`).join(' and ')}` : ''}`,
    restartAt: (times) => `server restart at ${list(times)}`,
    restartDefault: (time) => `server restart at ${time} (Campaign's default)`,
    duration: (minutes) => `the restart takes about ${minutes} minutes`,
    serverZone: (zone) => `the server runs on ${zone} time`,
    consoleZone: (zone) => `your console shows ${zone} time`,
    consoleIsServer: 'your console shows server time',
    workflows: (names) => `workflow${names.length > 1 ? 's' : ''} ${names.map((w) => `**${w}**`).join(' and ')}`,
    was: (old) => ` (was ${list(old)})`,
    serverTime: (zone) => (zone ? `server time, ${zone}` : 'server time'),
    noErrorLine: (successTimes) =>
      `None of the lines you pasted is an error${successTimes.length ? `: the runs at ${list(successTimes)} finished fine` : ''}. ` +
      "Paste the line with the error (e.g. *Empty return for method 'Logon'...*), or type the time it failed.",
    exactMinute: {
      title: 'At what exact minute?',
      body: 'That time is approximate, and the check works to the minute: a few minutes decide whether it is the restart. Copy the exact time of the error from the workflow\'s log (its Tracking tab), like **06:02**, or paste the line.',
      placeholder: 'e.g. 06:02, or paste the log line',
    },
    consoleZoneQuestion: {
      title: 'Which time zone does your console show?',
      body: (hours) =>
        `The error is exactly ${hours} from the restart window. The client console shows journal times in your operator's time zone, which can differ from the server's. ` +
        'Which zone does your console show? For example **Madrid**, **UTC**, **New York**, or **same as the server**.',
      clientHint: (zone) => `Your Teams is set to ${zone}: is your console on that time as well?`,
      placeholder: 'e.g. Madrid, UTC, same as the server',
      sameAsServer: 'Same as the server',
    },
    errorTimeHowToFind: (consolePath) =>
      `The time is in the workflow's journal: open ${consolePath}, open the mcSynch workflow, then its **Tracking** tab ` +
      '(or right-click the activity > **Display logs**). A failed workflow is paused and its activity shows in red. Type the time of the error, or paste the lines.',
    zoneHowToFind:
      "Your console shows times in your operator's time zone: Administration > Access Management > Operators, your operator, **General** tab. " +
      "By default operators work in the server's time zone. If you can't see it, tell me the zone you are in, or **same as the server**.",
    ambiguousTime: "I can't tell that time for sure (6:2 could be 06:02 or 06:20). Please write it with two digits for the minutes, like **06:02**.",
    resume: 'That was another article (above). To go on with the check, answer the question below, or type **cancel** to stop it.',
    rejudged: "With that, here's the check again:",
    notHelpfulNoted: (reason) => `Thanks for telling me. I've noted it: "${reason}".`,
    stillFails: (times, start) =>
      `Failures at ${list(times)} after the change to ${start} mean the restart lasts longer than the window, or the cause is another one. ` +
      "Check in watchdog.log how long the restart really takes and tell me (e.g. *the restart takes 30 minutes*) to compute a later start; if it isn't the restart, open a case with Adobe Customer Care with the summary below.",
  },

  help: {
    general:
      'Describe an Adobe Campaign Classic problem or paste an error or log line, and I will find the knowledge-base article. ' +
      'Commands: **start over**, **cancel**, **en español** / **in English**.',
    offer: 'Answer **yes** to start the guided check of this article, or **no** to skip it.',
    choice: 'Pick the article that matches your problem with its button or number.',
    errorTime:
      'I need the time of the error from the technical workflow\'s log: open the workflow, its **Tracking** tab (or **Display logs**), and type the time like 06:02, or paste the lines.',
    restartTime: "I need the time the server restarts every day, like 06:00. If you don't know it, say **I don't know** and I'll tell you where to find it, or **use the default** (06:00).",
    exactMinute: "I need the exact minute of the error, from the workflow's log (Tracking tab), like 06:02: a few minutes decide whether it is the restart.",
    consoleZone: "Tell me the time zone your console shows (e.g. **Madrid**, **UTC**, **Bogotá**), or **same as the server**.",
    feedback: 'Tell me whether this was helpful: **yes** or **no**.',
  },
  cancelled: 'Cancelled. Ask me anything else when you need to.',
  startedOver: "Let's start over. Describe the problem or paste the error.",
  languageSwitched: "OK, I'll continue in English.",
  turnError: (id) => `Sorry, something went wrong on my side (reference ${id}). Type **start over** to begin again.`,
  storageUnavailable:
    "Sorry, I'm temporarily unavailable: I can't reach the place where I keep our conversation. " +
    "Nothing you've answered so far is lost. Please send your message again in a minute.",
  repeatPlease: 'Sorry, this message reached me at the same moment as another one of yours, and I could only handle the other one. Please send it again.',
  teams: {
    whoseCheck: (name) => `${name}'s check`,
    othersHint: 'Only the person who started this check can answer it. Start your own with the button, or mention me with your question.',
    startOwn: 'Start my own check',
    notYourCheck: (name) => `This is ${name}'s check. Start your own: mention me with your question.`,
    quickAnswers: 'Or answer with one tap:',
    received: 'Got it.',
    edited: 'You edited your message: I have read it again.',
    rateAbove: 'Rate the answer above with 👍 or 👎, or just tell me.',
  },
};
