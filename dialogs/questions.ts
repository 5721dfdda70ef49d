import { MessageFactory } from 'botbuilder';
import { articleCard, choiceCard, errorTimeCard, feedbackCard, restartTimeCard, yesNoCard } from './cards';
import { checkPatterns, type GuidedCheckData } from '../src/kb/checkData';
import { isDontKnow, recognizeYesNo } from '../src/language/intents';
import type { Language } from '../src/kb/types';
import type { KbIndex } from '../src/search/searchIndex';
import type { ClockTime } from '../src/time/clock';
import { hasTimestampedLogLine, parseLogLines } from '../src/time/logLines';
import { parseTime } from '../src/time/parseTime';
import { catalog as catalogFor } from '../src/i18n/catalog';
import type { Question, Reading } from './askDialog';
import { inputText, plainName, type UserInput } from './userInput';

/** The questions the dialogs ask: how each is shown and how an answer to it is read. */

/** A message that is plainly a new question rather than an answer to this one: it finds an article. */
function newQuestion(input: UserInput, index: KbIndex, language: Language): string | undefined {
  if (input.text.split(/\s+/).length < 3) return undefined;
  return index.search(input.text, { fallbackLanguage: language }).hits.length ? input.text : undefined;
}

/** Yes or no; yes with the error times when the user answered with them ("yes, at 06:02"). */
export type OfferAnswer = { accepted: boolean; errorTimes?: ErrorTimeAnswer } | { newQuestion: string };

export function offerQuestion(index: KbIndex, check: GuidedCheckData): Question<OfferAnswer, { article: string }> {
  return {
    helpKey: 'offer',
    render: (c, language, retry, { article }) => {
      const shown = index.get(article, language);
      return [MessageFactory.attachment(retry || !shown ? yesNoCard(c, `${c.yesNoRetry} ${c.offerCheck}`, 'offer') : articleCard(shown, c, true))];
    },
    read: (input, language) => {
      if (input.value.kbAction === 'offer') return { kind: 'answer', value: { accepted: input.value.answer === 'yes' } };
      const yesNo = recognizeYesNo(input.text);
      if (yesNo === false) return { kind: 'answer', value: { accepted: false } };
      // Skipping ahead: the time of the error is the first thing the check asks.
      const errorTimes = input.text ? readErrorTimes(input.text, check, language) : undefined;
      if (errorTimes) return { kind: 'answer', value: { accepted: true, errorTimes } };
      if (yesNo) return { kind: 'answer', value: { accepted: true } };
      const asked = newQuestion(input, index, language);
      return asked ? { kind: 'answer', value: { newQuestion: asked } } : { kind: 'unreadable' };
    },
  };
}

export type ChoiceAnswer = { article: string } | { newQuestion: string };

export function choiceQuestion(index: KbIndex): Question<ChoiceAnswer, { articles: string[] }> {
  return {
    helpKey: 'choice',
    render: (c, language, retry, { articles }) => [
      MessageFactory.attachment(choiceCard(articles.flatMap((number) => index.get(number, language) ?? []), c, retry)),
    ],
    read: (input, language, { articles }) => {
      const chosen = typeof input.value.article === 'string' ? input.value.article : input.text;
      const byNumber = articles.find((number) => number.toLowerCase() === chosen.trim().toLowerCase());
      if (byNumber) return { kind: 'answer', value: { article: byNumber } };
      const position = /^\s*(\d{1,2})\s*\.?\s*$/.exec(chosen);
      const byPosition = position ? articles[Number(position[1]) - 1] : undefined;
      if (byPosition) return { kind: 'answer', value: { article: byPosition } };
      const asked = newQuestion(input, index, language);
      return asked ? { kind: 'answer', value: { newQuestion: asked } } : { kind: 'unreadable' };
    },
  };
}

export interface ErrorTimeAnswer {
  errorTimes: ClockTime[];
  /** The workflow named in a pasted log, e.g. mcSynch_mcExec1. */
  workflow?: string;
}

/** Error times from a pasted log, or from a typed time. */
export function readErrorTimes(text: string, check: GuidedCheckData, language: 'en' | 'es'): ErrorTimeAnswer | undefined {
  if (hasTimestampedLogLine(text)) {
    const evidence = parseLogLines(text, checkPatterns(check));
    // The workflow's name goes into cards and messages: never as markup, whatever the log held.
    if (evidence.errorTimes.length) return { errorTimes: evidence.errorTimes, workflow: plainName(evidence.workflows[0]) };
  }
  const parsed = parseTime(text, language);
  return parsed.ok ? { errorTimes: parsed.times } : undefined;
}

export function errorTimeQuestion(check: GuidedCheckData): Question<ErrorTimeAnswer> {
  return {
    helpKey: 'errorTime',
    render: (c, _language, retry) => [MessageFactory.attachment(errorTimeCard(c, check.workflow.consolePath, retry))],
    read: (input, language): Reading<ErrorTimeAnswer> => {
      const answer = readErrorTimes(inputText(input, 'errorTime'), check, language);
      return answer ? { kind: 'answer', value: answer } : { kind: 'unreadable' };
    },
  };
}

export function restartTimeQuestion(check: GuidedCheckData): Question<ClockTime> {
  return {
    helpKey: 'restartTime',
    render: (c, _language, retry) => [MessageFactory.attachment(restartTimeCard(c, retry))],
    read: (input, language) => {
      const text = inputText(input, 'restartTime');
      if (input.value.dontKnow === true || isDontKnow(text)) {
        return { kind: 'aside', reply: catalogFor(language).restartHowToFind(check.restart.defaultTime, check.restart.configAttribute) };
      }
      const parsed = parseTime(text, language);
      return parsed.ok && parsed.times[0] ? { kind: 'answer', value: parsed.times[0] } : { kind: 'unreadable' };
    },
  };
}

export function feedbackQuestion(): Question<boolean> {
  return {
    helpKey: 'feedback',
    render: (c) => [MessageFactory.attachment(feedbackCard(c))],
    read: (input) => {
      if (input.value.kbAction === 'feedback') return { kind: 'answer', value: input.value.helpful === true };
      const yesNo = recognizeYesNo(input.text);
      return yesNo === undefined ? { kind: 'unreadable' } : { kind: 'answer', value: yesNo };
    },
  };
}
