/**
 * A guided check as a KB author writes it: one JSON file in kb/checks/ (see the README's
 * "Writing a guided check"). The file says which articles the check belongs to, which verdict
 * rule runs it (a named core function, src/check/rules), the rule's settings, every text the
 * user sees in both languages, and example conversations that `npm run kb:check` plays.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from './types';

export const CHECK_SCHEMA_VERSION = 1;

/** A text: one template with `{placeholders}`, or a list of them (steps, bullets). */
const Text = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const Texts = z.record(z.string().regex(/^[a-zA-Z][\w.]*$/, 'a text key: letters, digits, "_" and "."'), Text);

const ExampleTurn = z.strictObject({
  /** What the user types, or a card submit's value. */
  user: z.union([z.string(), z.strictObject({ value: z.record(z.string(), z.unknown()) })]),
  /** Pieces the bot's replies must show. */
  expect: z.array(z.string().min(1)).optional(),
  /** Pieces they must not show. */
  reject: z.array(z.string().min(1)).optional(),
});

export const CheckFileSchema = z.strictObject({
  schemaVersion: z.literal(CHECK_SCHEMA_VERSION),
  /** The check's id, usually its article's number. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'letters, digits and "-"'),
  /** The articles whose answer offers this check. */
  articles: z.array(z.string().regex(/^KA-\d+$/, 'an article number like KA-05406')).min(1),
  description: z.string().min(1),
  /** The verdict rule that runs it (src/check/rules). */
  rule: z.string().min(1),
  /** The rule's settings, checked by the rule itself. */
  settings: z.record(z.string(), z.unknown()),
  /** Every text shown to the user, per language, by key. */
  texts: z.strictObject(Object.fromEntries(LANGUAGES.map((language) => [language, Texts])) as Record<Language, typeof Texts>),
  /** Example conversations: played by `npm run kb:check`, in each language. */
  examples: z
    .array(z.strictObject({ name: z.string().min(1), language: z.enum(LANGUAGES), locale: z.string().optional(), turns: z.array(ExampleTurn).min(1) }))
    .default([]),
});

export type CheckFile = z.infer<typeof CheckFileSchema>;
export type CheckTexts = CheckFile['texts'][Language];
export type CheckExample = CheckFile['examples'][number];

/** Thrown for a check file that does not hold; `problems` name the file, the field and what is wrong. */
export class CheckFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'CheckFileError';
  }
}

/** The file's JSON as a check, or every problem zod found, each "file: field: what is wrong". */
export function parseCheckFile(json: unknown, source: string): CheckFile {
  const parsed = CheckFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new CheckFileError(parsed.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`));
}

/** `{name}` placeholders in a template. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}
