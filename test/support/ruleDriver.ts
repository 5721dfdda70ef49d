/**
 * Drives a check's rule directly, as the generic dialog does: the rule says what it needs
 * (ask) or its verdict; each user message is read with the open question; texts are rendered
 * from the check file, so a test reads what the user would read.
 */
import path from 'node:path';
import { loadCheckFile, renderText, type LoadedCheck } from '../../src/check/registry';
import type { ReadContext, RuleStep, TextRef, VerdictBlock } from '../../src/check/rule';
import { REPOSITORY_ROOT } from '../../src/kb/paths';
import type { Language } from '../../src/kb/types';

export type UserTurn = string | { value: Record<string, unknown> };

export interface Played {
  /** One line per turn: "ask <fact>" or "verdict <outcome>", after the turn. */
  steps: string[];
  /** Everything the user read, rendered in the check's language: notes, asides, questions, the verdict. */
  text: string;
  /** The last step. */
  last: RuleStep;
  /** The verdict's table rows, if any. */
  rows: string[][];
  summary: string;
}

export function loadShippedCheck(id: string): LoadedCheck {
  return loadCheckFile(path.join(REPOSITORY_ROOT, 'kb', 'checks', `${id}.json`));
}

export function playRule(check: LoadedCheck, language: Language, turns: readonly UserTurn[], today = '2026-11-29'): Played {
  const rule = check.rule;
  const texts = check.file.texts[language];
  const render = (ref: TextRef) => renderText(texts, ref).join('\n');
  const settings = check.settings;
  let state: unknown = rule.start(settings);
  const context = (asking?: string): ReadContext => ({ language, today, ...(asking ? { asking } : {}) });
  let step = rule.next(settings, state, context());
  const steps: string[] = [];
  const shown: string[] = [describeStep(step, render)];
  for (const turn of turns) {
    const asking = step.kind === 'ask' ? step.fact : undefined;
    const input = typeof turn === 'string' ? { text: turn, value: {} } : { text: '', value: turn.value };
    const reading = rule.read(settings, state, input, context(asking));
    state = reading.state;
    if (reading.noted.length) shown.push(`Noted: ${reading.noted.map(render).join('; ')}`);
    if (reading.corrected.length) shown.push(`Corrected: ${reading.corrected.map(render).join('; ')}`);
    if (reading.aside) shown.push(render(reading.aside));
    step = rule.next(settings, state, context());
    steps.push(step.kind === 'ask' ? `ask ${step.fact}${step.retry ? ' (retry)' : ''}` : `verdict ${step.verdict.outcome}`);
    shown.push(describeStep(step, render));
  }
  const rows = step.kind === 'verdict' ? step.verdict.blocks.flatMap((block) => (block.kind === 'table' ? block.rows.map((row) => [...row]) : [])) : [];
  const summary = rule.summary(settings, state, context()).map(render).join('\n');
  return { steps, text: shown.join('\n'), last: step, rows, summary };
}

function describeStep(step: RuleStep, render: (ref: TextRef) => string): string {
  // A question asked again shows its retry text instead of its body.
  if (step.kind === 'ask')
    return [`${step.fact}.title`, `${step.fact}.${step.retry ? 'retry' : 'body'}`].map((key) => render({ key, ...(step.vars ? { vars: step.vars } : {}) })).join('\n');
  return step.verdict.blocks.map((block) => renderBlock(block, render)).join('\n');
}

function renderBlock(block: VerdictBlock, render: (ref: TextRef) => string): string {
  switch (block.kind) {
    case 'heading':
    case 'text':
      return render(block.text);
    case 'steps':
    case 'bullets':
      return [render(block.title), ...block.items.map((item) => `- ${render(item)}`)].join('\n');
    case 'table':
      return [render(block.title), block.columns.map(render).join(' | '), ...block.rows.map((row) => row.join(' | '))].join('\n');
  }
}
