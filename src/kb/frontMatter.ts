import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';

/** An article file split into its YAML front matter and its Markdown body. */
export interface FrontMatterDocument {
  data: Record<string, unknown>;
  body: string;
}

/**
 * Splits `---` front matter from the body and parses it with a YAML parser: titles in the
 * corpus use every quoting style (`"..\"..\".."`, `'..''..'`), which only a parser gets right.
 * js-yaml with YAML 1.2's core schema (no timestamps: a date stays the text it was): the same
 * values as the `yaml` package on every article of the corpus, about ten times faster, which is
 * most of the time a 10,000-article knowledge base takes to load.
 * Expects LF line endings. Throws when there is no front matter or it is not a YAML mapping.
 */
export function splitFrontMatter(text: string): FrontMatterDocument {
  const opening = /^\uFEFF?---[ \t]*\n/.exec(text);
  if (!opening) throw new Error('no YAML front matter (the file must start with a "---" line)');

  const closing = /^---[ \t]*$/m;
  const rest = text.slice(opening[0].length);
  const end = closing.exec(rest);
  if (!end) throw new Error('front matter is not closed by a "---" line');

  let data: unknown;
  try {
    data = parseYaml(rest.slice(0, end.index), { schema: CORE_SCHEMA });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`invalid YAML front matter: ${message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('front matter is not a YAML mapping of fields');
  }
  return { data: data as Record<string, unknown>, body: rest.slice(end.index + end[0].length).replace(/^\n/, '') };
}

/** A front-matter field as trimmed text; numbers and booleans as written, anything else empty. */
export function textField(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
