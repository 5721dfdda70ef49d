import { detectLabelLine, labelKey, type PartKind } from './labels';

/**
 * Cuts an article body into runs of Markdown lines, each tagged with the section it sits in
 * (`## Description` / `## Resolution`) and the labelled part it belongs to, if any.
 */

type SectionKind = 'lead' | 'description' | 'resolution' | 'other';

export interface BodySegment {
  section: SectionKind;
  /** Null for text before any label in its section. */
  part: PartKind | null;
  lines: string[];
}

export interface ArticleBody {
  /** Text of the `# Title` heading, raw Markdown; empty when there is none. */
  heading: string;
  segments: BodySegment[];
}

const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

function sectionFor(headingText: string): SectionKind {
  const key = labelKey(headingText.replace(/\{#[\w-]+\}\s*$/, ''));
  if (/^(?:description|descripcion)$/.test(key)) return 'description';
  if (/^(?:resolution|resolucion|solution|solucion)$/.test(key)) return 'resolution';
  return 'other';
}

/** Expects LF line endings. */
export function segmentBody(body: string): ArticleBody {
  let heading = '';
  const segments: BodySegment[] = [];
  let current: BodySegment = { section: 'lead', part: null, lines: [] };
  segments.push(current);
  let fenceMarker: string | null = null;

  let previousPart: PartKind | null = null;
  let seenItem = false;
  let blankBefore = false;
  const start = (section: SectionKind, part: PartKind | null): void => {
    current = { section, part, lines: [] };
    segments.push(current);
    seenItem = false;
  };

  for (const line of body.split('\n')) {
    const fence = FENCE.exec(line);
    if (fenceMarker !== null) {
      current.lines.push(line);
      if (fence?.[1] === fenceMarker) fenceMarker = null;
      continue;
    }
    if (fence) {
      fenceMarker = fence[1] ?? '```';
      current.lines.push(line);
      continue;
    }

    const title = /^#\s+(.*)$/.exec(line);
    if (title && !heading) {
      heading = (title[1] ?? '').trim();
      continue;
    }
    const section = /^##\s+(.*)$/.exec(line);
    if (section) {
      const kind = sectionFor(section[1] ?? '');
      // An unknown `##` heading is a sub-heading of the section it appears in.
      if (kind !== 'other') {
        start(kind, null);
        continue;
      }
    }

    const label = detectLabelLine(line);
    if (label) {
      previousPart = current.part;
      start(current.section, label.kind);
      if (label.rest.trim()) current.lines.push(label.rest);
      continue;
    }

    // "Steps to reproduce" is a list: the first unindented paragraph after it is no longer
    // a step to reproduce but the text it interrupted (often the resolution itself).
    if (current.part === 'stepsToReproduce' && line.trim()) {
      const isItem = LIST_ITEM.test(line);
      if (!isItem && seenItem && blankBefore && !/^\s/.test(line)) {
        start(current.section, current.section === 'resolution' ? null : previousPart);
      }
      seenItem ||= isItem;
    }
    blankBefore = !line.trim();
    current.lines.push(line);
  }
  return { heading, segments: segments.filter((segment) => segment.lines.some((line) => line.trim())) };
}
