/** The shape of a catalogue: every text a user sees, in one language (en.ts, es.ts). */
/** What a case summary and the verdict need to know, already formatted as times. */
export interface CaseFacts {
  article: string;
  workflow: string;
  errorTimes: string[];
  restartTime?: string;
  /** 'coincides' | 'differs' | undefined while the check is not finished. */
  verdict?: 'coincides' | 'differs';
  newStartTimes: string[];
  /** Errors outside the restart window, when some were inside it. */
  otherErrorTimes: string[];
}

/** Every text the bot shows, in one language. Functions take what they interpolate. */
export interface Catalog {
  languageName: string;
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
  article: { symptom: string; cause: string; resolution: string; number: string; open: string };
  offerCheck: string;
  yes: string;
  no: string;
  yesNoRetry: string;
  offerDeclined: string;
  /** The sync workflow when neither the log nor the question named it. */
  unknownWorkflow: string;
  askAnotherQuestion: string;

  errorTime: { title: string; whereToLook: (consolePath: string) => string; placeholder: string; retry: string };
  errorTimesNoted: (times: string[], workflow: string | undefined) => string;
  restartTime: { title: string; body: string; placeholder: string; dontKnow: string; retry: string };
  restartHowToFind: (defaultTime: string, attribute: string) => string;
  send: string;

  verdict: {
    coincideTitle: string;
    coincideBody: (errors: string[], restart: string) => string;
    fixTitle: string;
    fixSteps: (workflow: string, consolePath: string, times: string[]) => string[];
    cautionsTitle: string;
    cautions: (minimumIntervalMinutes: number) => string[];
    othersNote: (others: string[]) => string;
    differTitle: string;
    differBody: (errors: string[], restart: string, windowBefore: number, windowAfter: number) => string;
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

  help: { general: string; offer: string; choice: string; errorTime: string; restartTime: string; feedback: string };
  cancelled: string;
  startedOver: string;
  languageSwitched: string;
  turnError: (correlationId: string) => string;
  /** The state storage cannot be reached: this message was not handled, what was saved is kept. */
  storageUnavailable: string;
  /** This message lost the race with another one of the same conversation (after retries): send it again. */
  repeatPlease: string;
}
