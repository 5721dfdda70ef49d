/** The shape of a catalogue: every text a user sees, in one language (en.ts, es.ts). */
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
  /** Above the related articles of a verdict that found the cause elsewhere. */
  relatedArticles: string;
  /** "None of these" at a choice of articles. */
  choiceNone: string;
  /** The choice card's button for it. */
  noneOfThese: string;
  article: { symptom: string; cause: string; resolution: string; number: string; open: string };
  /** The offer of a guided check whose file says nothing better. */
  offerCheck: string;
  yes: string;
  no: string;
  yesNoRetry: string;
  offerDeclined: string;

  /** The button that sends a card's input. */
  send: string;
  askFeedback: string;
  helpful: string;
  notHelpful: string;
  feedbackThanks: string;
  feedbackSorry: string;
  summaryIntro: string;
  /** The summary's last line when the check did not help, with the user's words. */
  summaryNotSolved: (reason: string) => string;
  gaveUp: string;
  /** Three unreadable answers to the offer or to a choice of articles. */
  notUnderstood: string;

  /** A guided check: what it understood, and where it stands. The check's own words are in its file (kb/checks/). */
  case: {
    noted: (items: string[]) => string;
    corrected: (items: string[]) => string;
    /** A question about another article in the middle of the check: it was answered above. */
    resume: string;
    rejudged: string;
    notHelpfulNoted: (reason: string) => string;
  };

  help: { general: string; offer: string; choice: string; feedback: string };
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
