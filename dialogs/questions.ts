import { MessageFactory } from 'botbuilder-core';
import { articleCard, choiceCard, yesNoCard } from './cards';
import { recognizeYesNo, startsWithYes } from '../src/language/intents';
import type { Language } from '../src/kb/types';
import type { KbIndex } from '../src/search/searchIndex';
import type { Question } from './askDialog';
import type { UserInput } from './userInput';

/** The questions the dialogs ask: how each is shown and how an answer to it is read. */

/** A message that is plainly a new question rather than an answer to this one: it finds an article (a near miss is not plain). */
function newQuestion(input: UserInput, index: KbIndex, language: Language): string | undefined {
  if (input.text.split(/\s+/).length < 3) return undefined;
  const answer = index.search(input.text, { fallbackLanguage: language });
  return answer.hits.length && !answer.near ? input.text : undefined;
}

/** Yes or no; yes with what the user said when it holds more than a yes ("yes, it failed at 06:02"). */
export type OfferAnswer = { accepted: boolean; said?: string } | { newQuestion: string };

/**
 * The offer of the guided check. `holdsFacts` tells whether a message says something the check
 * can use (a time, a zone, a log line): such an answer is a yes that already started.
 */
export function offerQuestion(
  index: KbIndex,
  holdsFacts: (text: string, language: Language, article: string) => boolean,
  offerText: (article: string, language: Language) => string | undefined,
): Question<OfferAnswer, { article: string }> {
  return {
    helpKey: 'offer',
    render: (c, language, retry, { article }) => {
      const shown = index.get(article, language);
      const offer = offerText(article, language) ?? c.offerCheck;
      return [MessageFactory.attachment(retry || !shown ? yesNoCard(c, `${c.yesNoRetry} ${offer}`, 'offer') : articleCard(shown, c, true, offer))];
    },
    read: (input, language, { article }) => {
      if (input.value.kbAction === 'offer') return { kind: 'answer', value: { accepted: input.value.answer === 'yes' } };
      const yesNo = recognizeYesNo(input.text);
      if (yesNo === false) return { kind: 'answer', value: { accepted: false } };
      // A yes that says more ("sí, falló a las 6:02 y el servidor va en UTC"), or facts instead of a yes:
      // the check starts with them.
      if (yesNo || startsWithYes(input.text) || (input.text && holdsFacts(input.text, language, article))) return { kind: 'answer', value: { accepted: true, said: input.text } };
      const asked = newQuestion(input, index, language);
      return asked ? { kind: 'answer', value: { newQuestion: asked } } : { kind: 'unreadable' };
    },
  };
}

export type ChoiceAnswer = { article: string } | { newQuestion: string } | { none: true };

/** "None of these", "ninguno": the articles offered are not it. */
const NONE_OF_THESE = /^(none|none of (these|them|those)|neither|no one|not these|nope none|ninguno|ninguna|ninguno de (estos|ellos)|ninguna de (estas|ellas)|ni uno|ni una)\b/;

export function choiceQuestion(index: KbIndex): Question<ChoiceAnswer, { articles: string[] }> {
  return {
    helpKey: 'choice',
    render: (c, language, retry, { articles }) => [
      MessageFactory.attachment(
        choiceCard(
          articles.flatMap((number) => index.get(number, language) ?? []),
          c,
          retry,
        ),
      ),
    ],
    read: (input, language, { articles }) => {
      if (input.value.none === true || NONE_OF_THESE.test(fold(input.text))) return { kind: 'answer', value: { none: true } };
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

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
