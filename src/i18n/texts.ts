/** The shape of a catalogue: every text a user sees, in one language (en.ts, es.ts). */
/** What a case summary needs to know, already formatted. */
export interface CaseFacts {
  article: string;
  /** The failing workflows, or the description of the unknown one. */
  workflows: string[];
  /** Error times as the case holds them, in server time when known ("06:02", "01:02 America/Bogota"). */
  errorTimes: string[];
  restartTimes: string[];
  restartDurationMinutes?: number;
  serverZone?: string;
  consoleZone?: string;
  /** 'coincides' | 'differs' | undefined while the check is not finished. */
  verdict?: 'coincides' | 'differs';
  /** The new start of each workflow. */
  schedule: Array<{ workflow: string; start: string }>;
  /** Another first start that keeps every rule, when there is one. */
  alternative?: string;
  /** Errors outside the restart window, when some were inside it. */
  otherErrorTimes: string[];
  /** Runs the log shows finishing well. */
  successTimes: string[];
  /** What the user said when the fix did not help. */
  notHelpfulReason?: string;
}

/** One row of the fix: a workflow and its new start, in server time and in the console's zone when it differs. */
export interface FixRow {
  workflow: string;
  start: string;
  /** Its starts after the day's other restarts that failed too (a Scheduler takes several daily times). */
  alsoAt?: string[];
  consoleStart?: string;
}

/** What the fix's steps say. */
export interface FixView {
  consolePath: string;
  rows: FixRow[];
  /** "server time (UTC)", "server time". */
  serverTime: string;
  /** The console's zone, when it differs from the server's. */
  consoleZone?: string;
  /** Minutes from the restart to the first start (the article says 5 or 10). */
  minutesAfterRestart: number;
  /** Another first start that keeps every rule (the article's +10). */
  alternative?: string;
}

/** Every text the bot shows, in one language. Functions take what they interpolate. */
export interface Catalog {
  welcome: string;
  /** The bot's name where the channel gives none, e.g. in the mention hint. */
  botName: string;
  /** Added to the welcome in a group chat or a team channel: how to address the bot there. */
  welcomeShared: (botName: string) => string;
  /** ALLOWED_TENANTS: the answer to someone from another organisation. */
  tenantNotAllowed: string;
  /** A card's button clicked when its question is no longer waiting (or is someone else's). */
  staleCard: string;
  /** Answer to a greeting on its own. */
  greeting: string;
  /** Answer to a thank-you on its own. */
  youAreWelcome: string;
  noMatch: string;
  choiceIntro: string;
  choiceRetry: string;
  /** "None of these" at a choice of articles. */
  choiceNone: string;
  /** The choice card's button for it. */
  noneOfThese: string;
  article: { symptom: string; cause: string; resolution: string; number: string; open: string };
  offerCheck: string;
  yes: string;
  no: string;
  yesNoRetry: string;
  offerDeclined: string;
  /** The sync workflow when neither the log nor the question named it. */
  unknownWorkflow: string;

  errorTime: { title: string; whereToLook: (consolePath: string) => string; placeholder: string; retry: string };
  restartTime: { title: string; body: string; placeholder: string; dontKnow: string; useDefault: (defaultTime: string) => string; retry: string };
  restartHowToFind: (defaultTime: string, attribute: string) => string;
  send: string;

  verdict: {
    coincideTitle: string;
    coincideBody: (errors: string[], restart: string, serverTime: string) => string;
    fixTitle: string;
    fixSteps: (fix: FixView) => string[];
    cautionsTitle: string;
    cautions: (minimumIntervalMinutes: number) => string[];
    othersNote: (others: string[]) => string;
    differTitle: string;
    differBody: (errors: string[], restart: string, windowBefore: number, windowAfter: number, serverTime: string) => string;
    /** Several restarts a day: the new start avoids all of them. */
    severalRestarts: (restarts: string[]) => string;
    /** The restart lasts: the window runs from its end. */
    longRestart: (minutes: number, windowEnd: string) => string;
    /** Log lines of runs that finished well: evidence that the other runs are fine. */
    successes: (times: string[]) => string;
    nextStepsTitle: string;
    nextSteps: string[];
    relatedArticles: string;
  };

  askFeedback: string;
  helpful: string;
  notHelpful: string;
  feedbackThanks: string;
  feedbackSorry: string;
  summaryIntro: string;
  caseSummary: (facts: CaseFacts) => string;
  gaveUp: string;
  /** Three unreadable answers to the offer or to a choice of articles. */
  notUnderstood: string;

  /** The guided check reading the case by meaning: what it understood, and what it still needs. */
  case: {
    noted: (items: string[]) => string;
    corrected: (items: string[]) => string;
    errorAt: (times: string[], workflows: string[]) => string;
    restartAt: (times: string[]) => string;
    restartDefault: (time: string) => string;
    duration: (minutes: number) => string;
    serverZone: (zone: string) => string;
    consoleZone: (zone: string) => string;
    consoleIsServer: string;
    workflows: (names: string[]) => string;
    was: (old: string[]) => string;
    /** "server time (UTC)" or "server time" when the zone is not known. */
    serverTime: (zone: string | undefined) => string;
    /** A pasted log with no error line in it. */
    noErrorLine: (successTimes: string[]) => string;
    exactMinute: { title: string; body: string; placeholder: string };
    consoleZoneQuestion: { title: string; body: (hours: string) => string; clientHint: (zone: string) => string; placeholder: string; sameAsServer: string };
    errorTimeHowToFind: (consolePath: string) => string;
    zoneHowToFind: string;
    /** A time that can be read two ways ("6:2"). */
    ambiguousTime: string;
    /** A question about another article in the middle of the check: it was answered above. */
    resume: string;
    rejudged: string;
    notHelpfulNoted: (reason: string) => string;
    /** It still fails after the change: what that means and what to do. */
    stillFails: (times: string[], start: string) => string;
  };

  help: { general: string; offer: string; choice: string; errorTime: string; restartTime: string; exactMinute: string; consoleZone: string; feedback: string };
  cancelled: string;
  startedOver: string;
  languageSwitched: string;
  turnError: (correlationId: string) => string;
  /** The state storage cannot be reached: this message was not handled, what was saved is kept. */
  storageUnavailable: string;
  /** This message lost the race with another one of the same conversation (after retries): send it again. */
  repeatPlease: string;
  /** Microsoft Teams only: per-user cards in shared chats, quick answers, edited messages. */
  teams: {
    /** On a check's card as others in a group chat or channel see it. */
    whoseCheck: (name: string) => string;
    othersHint: string;
    startOwn: string;
    /** The answer to a button of someone else's check. */
    notYourCheck: (name: string) => string;
    /** Above the quick answers (suggested actions), split from a card. */
    quickAnswers: string;
    /** What a clicked Action.Execute button shows once handled. */
    received: string;
    /** An edited message was read again. */
    edited: string;
    /** After "Was this helpful?" when the answer above has Teams' feedback controls. */
    rateAbove: string;
  };
}
