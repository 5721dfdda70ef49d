/**
 * The example conversations of the sibling check files, played against their rules alone
 * (kb:check and the conversation tests play them through the bot): the first turn is the
 * question that finds the article and the second accepts the offer, so the rule's first
 * question must show what the second turn expects, and every later turn goes to the rule.
 * Only the pieces the rule's own texts write are checked here.
 */
import type { CheckExample } from '../../src/kb/checkFile';
import { loadShippedCheck, playRule } from '../support/ruleDriver';

describe.each(['KA-23471', 'KA-22897'])('%s: its examples reach their verdict', (id) => {
  const check = loadShippedCheck(id);
  const examples: CheckExample[] = check.file.examples;

  test('at least one example per language reaches a verdict', () => {
    for (const language of ['en', 'es'] as const) {
      const reached = examples.filter((example) => example.language === language && playRule(check, language, example.turns.slice(2).map(userOf)).last.kind === 'verdict');
      expect(reached.length).toBeGreaterThan(0);
    }
  });

  test.each(examples.map((example) => [example.name, example] as const))('%s', (_name, example) => {
    const later = example.turns.slice(2);
    // The rule's first question, as the offer's acceptance shows it.
    const first = playRule(check, example.language, []);
    for (const piece of example.turns[1]?.expect ?? []) expect(first.text).toContain(piece);
    // Each later turn: what the user reads after it.
    later.forEach((turn, k) => {
      const before = playRule(check, example.language, later.slice(0, k).map(userOf)).text;
      const shown = playRule(check, example.language, later.slice(0, k + 1).map(userOf)).text.slice(before.length);
      for (const piece of turn.expect ?? []) expect(shown).toContain(piece);
      for (const piece of turn.reject ?? []) expect(shown).not.toContain(piece);
    });
    expect(playRule(check, example.language, later.map(userOf)).last.kind).toBe('verdict');
  });
});

function userOf(turn: CheckExample['turns'][number]): string | { value: Record<string, unknown> } {
  return typeof turn.user === 'string' ? turn.user : { value: turn.user.value };
}
