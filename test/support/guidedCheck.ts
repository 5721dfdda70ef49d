import { loadChecks } from '../../src/check/registry';
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

const KA05406 = loadChecks().byId('KA-05406')!;

/** A text of KA-05406's check file (kb/checks/KA-05406.json), as the bot shows it when it has no placeholders. */
export function checkText(language: Language, key: string): string {
  const text = KA05406.file.texts[language][key];
  if (text === undefined) throw new Error(`KA-05406.json has no text "${key}"`);
  return Array.isArray(text) ? text[0]! : text;
}

export function guidedCheckSteps(language: Language): CheckStep[] {
  const c = catalog(language);
  const question =
    language === 'en'
      ? "mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'"
      : 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon de xtk:session';
  const yes = language === 'en' ? 'yes' : 'sí';
  return [
    { name: 'question', message: question, expect: ['KA-05406', checkText(language, 'offer')] },
    { name: 'accept the check', message: yes, expect: [checkText(language, 'errorTime.title')] },
    { name: 'error time', message: '06:04', expect: [checkText(language, 'restartTime.title')] },
    { name: 'restart time', message: '06:00', expect: [checkText(language, 'verdict.coincideTitle'), '06:05', c.askFeedback] },
    { name: 'feedback', message: yes, expect: [c.feedbackThanks, c.summaryIntro, '06:04', '06:00'] },
  ];
}

/** Throws with the reply when it lacks what the step expects. */
export function expectStep(step: CheckStep, reply: string, where: string): void {
  for (const expected of step.expect) {
    if (!reply.includes(expected)) throw new Error(`${where}, step "${step.name}": expected ${JSON.stringify(expected)} in the reply:\n${reply}`);
  }
}
