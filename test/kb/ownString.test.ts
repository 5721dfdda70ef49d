import { ownString } from '../../src/kb/ownString';

// Article texts and index words are kept as compact strings of their own (src/kb/ownString.ts):
// the characters must come back exactly, whichever way the string is stored.
it.each([
  '',
  'xtk',
  "Empty return for method 'Logon' of service 'xtk:session'",
  'Devolución vacía del método «Logon» — año 2022, ñandú, ÀÉÎÕÜ ÿ',
  'El flujo falla a las 06:00 ’curly’ – dash … ellipsis, 日本語, emoji 🚀',
  'a'.repeat(20_000),
])('keeps every character of %j', (text) => {
  const kept = ownString(text);
  expect(kept).toBe(text);
  expect(kept.length).toBe(text.length);
});

it('keeps a part cut from a longer text the same', () => {
  const source = `  ${'Devolución vacía del método Logon de xtk:session '.repeat(100)}  `;
  const part = source.trim().slice(10, 400);
  expect(ownString(part)).toBe(part);
  expect(ownString(source.trim())).toBe(source.trim());
});
