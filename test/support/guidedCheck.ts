import { catalog } from '../../src/i18n/catalog';
import type { Language } from '../../src/kb/types';
import type { UserMessage } from './http';

/**
 * KA-05406's guided check as a user goes through it, step by step, with what each reply must
 * show, taken from the bot's own catalogue so that a reworded message does not break the tests.
 * The error (06:04) falls 4 minutes after the restart (06:00): the verdict is "coincides".
 */
export interface CheckStep {
  name: string;
  message: UserMessage;
  expect: string[];
}

export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

export function guidedCheckSteps(language: Language): CheckStep[] {
  const c = catalog(language);
  const question =
    language === 'en'
      ? "mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'"
      : 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon de xtk:session';
  const yes = language === 'en' ? 'yes' : 'sí';
  return [
    { name: 'question', message: question, expect: ['KA-05406', c.offerCheck] },
    { name: 'accept the check', message: yes, expect: [c.errorTime.title] },
    { name: 'error time', message: '06:04', expect: [c.restartTime.title] },
    { name: 'restart time', message: '06:00', expect: [c.verdict.coincideTitle, '06:05', c.askFeedback] },
    { name: 'feedback', message: yes, expect: [c.feedbackThanks, c.summaryIntro, '06:04', '06:00'] },
  ];
}

/** Throws with the reply when it lacks what the step expects. */
export function expectStep(step: CheckStep, reply: string, where: string): void {
  for (const expected of step.expect) {
    if (!reply.includes(expected)) throw new Error(`${where}, step "${step.name}": expected ${JSON.stringify(expected)} in the reply:\n${reply}`);
  }
}
