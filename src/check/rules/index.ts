import type { CheckRule } from '../rule';
import { restartWindow } from './restartWindow';
import { sameFrequency } from './sameFrequency';
import { simultaneousRuns } from './simultaneousRuns';

/**
 * The verdict rules check files can name in `rule`. A new kind of rule is one small module
 * here; a new check of an existing kind is a file in kb/checks/ only.
 */
// Each rule types its own settings and state; the registry only hands them back to the same rule.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RULES: Readonly<Record<string, CheckRule<any, any>>> = {
  restartWindow,
  simultaneousRuns,
  sameFrequency,
};
