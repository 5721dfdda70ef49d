import type { Catalog } from './texts';

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
    "(Experience League > Support, or the Admin Console's Support tab) and include the error, the workflow and when it happens.",
  noneOfThese: 'None of these',
  relatedArticles: 'Other articles that may help:',
  choiceRetry: 'Pick one of the articles with its button or its number (for example **1**), or ask a new question.',
  article: { symptom: 'Symptom', cause: 'Cause', resolution: 'Resolution', number: 'Article', open: 'Open in Experience League' },
  offerCheck: 'Shall I walk you through the check? Three questions: when the error happened, when the server restarts, and then the fix.',
  yes: 'Yes',
  no: 'No',
  yesNoRetry: 'Please answer **yes** or **no** (or use the buttons).',
  offerDeclined: 'OK. Ask me anything else when you need to.',

  send: 'Send',
  askFeedback: 'Was this helpful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedbackThanks: 'Thanks for the feedback!',
  feedbackSorry: "Sorry it didn't help. The summary below is ready to paste into a support ticket.",
  summaryNotSolved: (reason) => `Not solved: "${reason}"`,
  summaryIntro: 'Case summary (you can paste it into a support ticket):',
  gaveUp: "I still couldn't read that, so let's stop the check here.",
  notUnderstood: "I still couldn't understand that, so let's leave it here. Describe the problem again, or paste the error, whenever you like.",

  case: {
    noted: (items) => `Noted: ${items.join('; ')}.`,
    corrected: (items) => `Corrected: ${items.join('; ')}.`,
    resume: 'That was another article (above). To go on with the check, answer the question below, or type **cancel** to stop it.',
    rejudged: "With that, here's the check again:",
    notHelpfulNoted: (reason) => `Thanks for telling me. I've noted it: "${reason}".`,
  },

  help: {
    general:
      'Describe an Adobe Campaign Classic problem or paste an error or log line, and I will find the knowledge-base article. ' +
      'Commands: **start over**, **cancel**, **en español** / **in English**.',
    offer: 'Answer **yes** to start the guided check of this article, or **no** to skip it.',
    choice: 'Pick the article that matches your problem with its button or number.',
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
    rateAbove: 'Rate the answer above with the thumbs below it, or just tell me.',
  },
};
