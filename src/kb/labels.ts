import { toSingleLine } from './markdown';

/**
 * The labelled parts inside an article's Description and Resolution sections, and how a
 * line announcing one is recognised in the three styles the corpus uses:
 * `### Environment`, `### <b>Environment</b>` and a bare `<b>Environment</b>` line.
 */

export type PartKind =
  | 'environment'
  | 'issue'
  | 'cause'
  | 'stepsToReproduce'
  | 'resolution'
  | 'relatedReading'
  /** The "Ask questions in our community" footer: recognised so that it can be dropped. */
  | 'community';

/** A line that opens a part, with any text that followed the label on the same line. */
export interface LabelLine {
  kind: PartKind;
  rest: string;
}

/**
 * Patterns over {@link labelKey} output: lower case, no accents, no "(s)", no spaces around
 * "/", no trailing colon. "Note:" / "Nota:" is deliberately absent: in the corpus it
 * introduces a remark inside the current part, and the text after it still belongs there.
 */
const LABELS: ReadonlyArray<{ kind: PartKind; pattern: RegExp }> = [
  { kind: 'environment', pattern: /^(?:environments?|entornos?)$/ },
  { kind: 'issue', pattern: /^(?:issues?|problemas?|symptoms?|sintomas?)(?:\/(?:symptoms?|sintomas?))?$/ },
  { kind: 'cause', pattern: /^(?:causes?|causas?)$/ },
  { kind: 'stepsToReproduce', pattern: /^(?:steps to reproduce|pasos a seguir|pasos para reproducir)$/ },
  {
    kind: 'resolution',
    pattern:
      /^(?:solutions?|solucion|soluciones|workarounds?|solucion alternativa|resolution|resolucion|steps to resolve(?:\/workaround)?|pasos para resolver(?:\/solucion alternativa)?|pasos a resolver)$/,
  },
  { kind: 'relatedReading', pattern: /^(?:related readings?|lecturas? relacionadas?)$/ },
  {
    kind: 'community',
    pattern: /^(?:ask questions in our experience league campaign community|haga preguntas en nuestra comunidad de experience league campaign)$/,
  },
];

/** Label text with room for tags and entities around it (`<b>Environment&nbsp;</b>`). */
const MAX_LABEL_MARKUP = 120;

/** Comparable form of a label: `<b>Problema/ Síntomas&nbsp;</b>:` → `problema/sintomas`. */
export function labelKey(text: string): string {
  return toSingleLine(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[\s:.\-–]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The part a label names, or null when the text is not one of the known labels. */
function partForLabel(text: string): PartKind | null {
  // The longest label is the community footer's; longer text is a sentence, not a label.
  if (text.length > MAX_LABEL_MARKUP) return null;
  const key = labelKey(text);
  return LABELS.find((label) => label.pattern.test(key))?.kind ?? null;
}

/**
 * Recognises a line that opens a labelled part. Headings (any level from 2 down) and
 * bold-only lines count; a plain line counts only as "Label:" with nothing after it, since
 * ordinary sentences start with "Issue" too.
 */
export function detectLabelLine(line: string): LabelLine | null {
  // Some labels follow stray line breaks: `<br> <br><b>Issues/Symptoms</b>`.
  const trimmed = line.replace(/^(?:\s|&nbsp;|<br\s*\/?>)+/i, '').trim();

  const heading = /^#{2,6}\s+(.*)$/.exec(trimmed);
  if (heading) {
    const kind = partForLabel((heading[1] ?? '').replace(/\{#[\w-]+\}\s*$/, ''));
    return kind ? { kind, rest: '' } : null;
  }

  const bold = /^<b>([\s\S]*?)<\/b>([\s\S]*)$/i.exec(trimmed);
  if (bold) {
    const kind = partForLabel(bold[1] ?? '');
    if (!kind) return null;
    // The label may be followed by a colon or a <br> and the first words of the part.
    const rest = bold[2] ?? '';
    if (/^\s*(?::|<br\s*\/?>)/i.test(rest)) return { kind, rest: rest.replace(/^\s*(?::|<br\s*\/?>)\s*/i, '') };
    return toSingleLine(rest) === '' ? { kind, rest: '' } : null;
  }

  if (/:\s*$/.test(trimmed) && trimmed.length < 60) {
    const kind = partForLabel(trimmed);
    return kind ? { kind, rest: '' } : null;
  }
  return null;
}
