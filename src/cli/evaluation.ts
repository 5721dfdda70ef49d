import type { Language } from '../kb/types';
import type { KbIndex } from '../search/searchIndex';

/** A labelled question: which article should answer it, or null when none should. */
export interface LabelledQuestion {
  id: string;
  group: string;
  language: Language;
  question: string;
  expected: string | null;
  alsoAccept?: string[];
}

interface GroupScore {
  group: string;
  total: number;
  /** Answerable questions: the right article first. Off-topic ones: no article. */
  correct: number;
  /** Answerable questions whose right article is among the offered hits. */
  offered: number;
  /** Answerable questions that got no article at all. */
  rejected: number;
  /** Questions answered in the wrong language. */
  wrongLanguage: number;
  misses: Array<{ id: string; got: string }>;
}

export interface EvaluationReport {
  groups: GroupScore[];
  answerable: { total: number; top1: number; offered: number };
  offTopic: { total: number; rejected: number };
}

export function evaluate(index: KbIndex, questions: readonly LabelledQuestion[]): EvaluationReport {
  const groups = new Map<string, GroupScore>();
  const report: EvaluationReport = { groups: [], answerable: { total: 0, top1: 0, offered: 0 }, offTopic: { total: 0, rejected: 0 } };
  for (const item of questions) {
    const score = groups.get(item.group) ?? { group: item.group, total: 0, correct: 0, offered: 0, rejected: 0, wrongLanguage: 0, misses: [] };
    groups.set(item.group, score);
    score.total++;
    const answer = index.search(item.question, { fallbackLanguage: item.language });
    const got = answer.hits.map((hit) => hit.number);
    if (answer.language !== item.language) score.wrongLanguage++;

    if (item.expected === null) {
      report.offTopic.total++;
      if (got.length === 0) {
        score.correct++;
        report.offTopic.rejected++;
      } else {
        score.misses.push({ id: item.id, got: got.join(',') });
      }
      continue;
    }
    report.answerable.total++;
    const accepted = new Set([item.expected, ...(item.alsoAccept ?? [])]);
    if (got.length > 0 && accepted.has(got[0]!)) {
      score.correct++;
      report.answerable.top1++;
    } else {
      score.misses.push({ id: item.id, got: got.join(',') || 'none' });
    }
    if (got.some((number) => accepted.has(number))) {
      score.offered++;
      report.answerable.offered++;
    }
    if (got.length === 0) score.rejected++;
  }
  report.groups = [...groups.values()];
  return report;
}
