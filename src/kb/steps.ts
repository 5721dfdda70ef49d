import { markdownToPlainText } from './markdown';

/**
 * Splits a resolution's Markdown into the steps the bot reads out one by one: each
 * top-level list item is a step (with its sub-items and code), each other paragraph too.
 */

type BlockKind = 'item' | 'paragraph' | 'code';

interface Block {
  kind: BlockKind;
  lines: string[];
  /** Column of the list marker, for items. */
  indent: number;
}

const LIST_MARKER = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+/;
const FENCE = /^\s*(```|~~~)/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

/** Groups lines into list items, paragraphs and fenced code blocks. */
function splitBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let current: Block | null = null;
  let blankBefore = false;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!line.trim()) {
      blankBefore = true;
      if (current?.kind === 'paragraph') current = null;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      // Read the whole fence; it joins the item it is indented under, else stands alone.
      const fenced = [line];
      while (++index < lines.length) {
        const inner = lines[index] ?? '';
        fenced.push(inner);
        if (FENCE.exec(inner)?.[1] === fence[1]) break;
      }
      if (current?.kind === 'item' && indentOf(line) > current.indent) {
        current.lines.push(...fenced);
      } else {
        current = { kind: 'code', lines: fenced, indent: indentOf(line) };
        blocks.push(current);
        current = null;
      }
      blankBefore = false;
      continue;
    }

    const marker = LIST_MARKER.exec(line);
    const indent = indentOf(line);
    const continuesItem = current?.kind === 'item' && (indent > current.indent || (!blankBefore && !marker));
    if (continuesItem && current) {
      current.lines.push(line);
    } else if (marker) {
      current = { kind: 'item', lines: [line], indent };
      blocks.push(current);
    } else if (current?.kind === 'paragraph') {
      current.lines.push(line);
    } else {
      current = { kind: 'paragraph', lines: [line], indent };
      blocks.push(current);
    }
    blankBefore = false;
  }
  return blocks;
}

/** Plain text of a block; an item loses its own marker but keeps its sub-items' ones. */
function blockText(block: Block): string {
  const lines = [...block.lines];
  if (block.kind === 'item' && lines[0] !== undefined) lines[0] = lines[0].replace(LIST_MARKER, '');
  return markdownToPlainText(lines.join('\n'));
}

function isNumbered(block: Block | undefined): boolean {
  return block?.kind === 'item' && /^\s*\d/.test(block.lines[0] ?? '');
}

/** A one-line heading (`### Setup`, `<b>Delegating subdomain</b>`) titles the step after it. */
function isSubheading(block: Block): boolean {
  const line = block.lines.length === 1 ? (block.lines[0] ?? '').trim() : '';
  return /^#{2,6}\s/.test(line) || /^(?:<b>|\*\*)[\s\S]*(?:<\/b>|\*\*)\s*:?$/i.test(line);
}

/**
 * "Follow these steps to fix the issue:" says nothing the numbered steps do not. Longer or
 * conditional introductions ("If hosted by Adobe, contact Support to perform the steps below:") do.
 */
function isGenericStepsIntro(text: string): boolean {
  return (
    text.length <= 70 &&
    !/^(?:if|when|unless|si|cuando)\b/i.test(text) &&
    /\b(?:steps?|pasos?)\b/i.test(text) &&
    /^(?:steps?|pasos?)\b|\b(?:follow|following|below|these|take|siga|seguir|siguientes|estos|continuaci[oó]n)\b/i.test(text)
  );
}

/**
 * Resolution steps, read the way the corpus writes them:
 * - each numbered item is a step; a generic "Follow these steps:" before the list is
 *   dropped, any other introduction is a step of its own;
 * - bullets introduced by a sentence ending in ":" are that sentence's content and stay
 *   with it as one step; other bullets are steps of their own;
 * - any other paragraph is a step; one ending in ":", or a one-line heading, is joined to
 *   what follows, and a code
 *   block with no introduction belongs to the step before it.
 */
export function splitSteps(markdown: string): string[] {
  const blocks = splitBlocks(markdown);
  const steps: string[] = [];
  let intro = '';
  /** True while bullets belong to the step that introduced them. */
  let collecting = false;

  const push = (text: string): void => {
    steps.push(intro ? `${intro}\n${text}` : text);
    intro = '';
  };

  blocks.forEach((block, index) => {
    const text = blockText(block);
    if (!text) return;
    const next = blocks[index + 1];

    if (block.kind === 'item' && !isNumbered(block)) {
      if (collecting) {
        steps[steps.length - 1] += `\n- ${text}`;
        return;
      }
      if (intro) {
        push(`- ${text}`);
        collecting = true;
        return;
      }
      push(text);
      return;
    }
    collecting = false;

    if (block.kind === 'paragraph' && (text.endsWith(':') || isSubheading(block)) && next) {
      if (isNumbered(next)) {
        // Numbered items are steps of their own: a specific introduction is one more step.
        if (!isGenericStepsIntro(text)) push(text);
        return;
      }
      intro = intro ? `${intro}\n${text}` : text;
      return;
    }
    if (block.kind === 'code' && !intro && steps.length > 0) {
      steps[steps.length - 1] += `\n${text}`;
      return;
    }
    push(text);
  });
  if (intro) steps.push(intro);
  return steps;
}
