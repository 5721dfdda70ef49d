/**
 * Time zones as operators type them ("UTC", "CEST", "hora de Bogotá", "GMT-5", "+05:30",
 * "Europe/Madrid", "server time") and the conversion of a clock time between two of them.
 *
 * Places and abbreviations map to IANA zones, never to hand-written offsets: Luxon and the
 * IANA data know each zone's daylight-saving rules and their history (Mexico dropped DST in
 * 2022, Brazil in 2019), so a conversion is right for the date it is made for.
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import type { Language } from '../kb/types';
import { fold } from './fold';

/**
 * A zone: `name` is what Luxon reads (an IANA name such as 'Europe/Madrid', 'UTC', or a fixed
 * offset such as 'UTC+5:30'), or the symbolic 'server' ("hora del servidor", the server's own
 * zone, whatever it is); `label` is how to show it (the abbreviation the user typed, the IANA
 * name, 'UTC+05:30').
 */
export interface ZoneRef {
  name: string;
  label: string;
}

/** A zone found in a message, with where it was written. */
export interface ZoneMention {
  zone: ZoneRef;
  start: number;
  end: number;
  /**
   * A place named alone ("Madrid", "México"), not as a zone ("hora de Madrid"): the zone of
   * a statement ("el servidor está en Madrid"), but not of a time beside it ("the Madrid
   * team says it failed at 6:02").
   */
  bare?: true;
}

export const SERVER_ZONE: ZoneRef = { name: 'server', label: 'server' };
const UTC_ZONE: ZoneRef = { name: 'UTC', label: 'UTC' };

export function isServerZone(zone: ZoneRef | undefined): boolean {
  return zone?.name === SERVER_ZONE.name;
}

/** Same zone by name (a fixed offset and a region are different zones even when their offsets agree today). */
export function sameZone(a: ZoneRef | undefined, b: ZoneRef | undefined): boolean {
  return a !== undefined && b !== undefined && a.name === b.name;
}

/** Whether Luxon can convert in this zone (the symbolic server zone cannot). */
export function isConcreteZone(zone: ZoneRef | undefined): zone is ZoneRef {
  if (!zone || isServerZone(zone)) return false;
  return IANAZone.isValidZone(zone.name) || FixedOffsetZone.parseSpecifier(zone.name) !== null;
}

/** A zone for a fixed offset east of UTC, in minutes: 330 → UTC+5:30, 0 → UTC. */
export function offsetZone(offsetMinutes: number): ZoneRef {
  if (offsetMinutes === 0) return UTC_ZONE;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  const name = `UTC${sign}${hours}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
  return { name, label: `UTC${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** An IANA name (Europe/Madrid) or offset (UTC+2) given by a client, as a zone; undefined when Luxon does not know it. */
export function zoneFromName(name: string | undefined): ZoneRef | undefined {
  if (!name) return undefined;
  if (IANAZone.isValidZone(name)) return { name, label: name };
  const fixed = FixedOffsetZone.parseSpecifier(name);
  return fixed ? offsetZone(fixed.offset(0)) : undefined;
}

/**
 * Season abbreviations (CET/CEST, EST/EDT, PST/PDT, CDT, MDT) map to the REGION's zone, not
 * to a fixed offset. People write the standard abbreviation all year ("CET" in July meaning
 * Madrid's clock); nobody writes the summer one in winter. The region zone, with DST taken
 * from the date, is right both for the strict use (the abbreviation matches the season) and
 * for that loose one; a fixed offset would be an hour off for the loose use, the common one.
 * MST maps to America/Phoenix, which keeps UTC-7 all year, because Arizona (and Sonora)
 * write MST correctly in summer. CST is US Central in English but Mexico's "hora del
 * centro" in Spanish (no DST since 2022), which differ in summer.
 */
const ABBREVIATIONS: Readonly<Record<string, string | Readonly<Record<Language, string>>>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  BST: 'Europe/London',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: { en: 'America/Chicago', es: 'America/Mexico_City' },
  CDT: 'America/Chicago',
  MST: 'America/Phoenix',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  IST: 'Asia/Kolkata',
  BRT: 'America/Sao_Paulo',
  ART: 'America/Argentina/Buenos_Aires',
  COT: 'America/Bogota',
  PET: 'America/Lima',
  CLT: 'America/Santiago',
  CLST: 'America/Santiago',
};

/** Abbreviations that are also ordinary words, or too short to trust, count only in capitals. */
const ANY_CASE_ABBREVIATIONS = new Set(['UTC', 'GMT', 'CET', 'CEST']);

/**
 * Places, written folded (lower case, no accents), as they follow "hora de" / "horario de" or
 * precede "time". Listed longest first so "mexico city" wins over "mexico".
 */
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['ciudad de mexico', 'America/Mexico_City'],
  ['mexico city', 'America/Mexico_City'],
  ['la cdmx', 'America/Mexico_City'],
  ['cdmx', 'America/Mexico_City'],
  ['mexico', 'America/Mexico_City'],
  ['buenos aires', 'America/Argentina/Buenos_Aires'],
  ['argentina', 'America/Argentina/Buenos_Aires'],
  ['new york', 'America/New_York'],
  ['nueva york', 'America/New_York'],
  ['sao paulo', 'America/Sao_Paulo'],
  ['brasil', 'America/Sao_Paulo'],
  ['brazil', 'America/Sao_Paulo'],
  ['madrid', 'Europe/Madrid'],
  ['espana', 'Europe/Madrid'],
  ['spain', 'Europe/Madrid'],
  ['barcelona', 'Europe/Madrid'],
  ['canarias', 'Atlantic/Canary'],
  ['bogota', 'America/Bogota'],
  ['colombia', 'America/Bogota'],
  ['lima', 'America/Lima'],
  ['peru', 'America/Lima'],
  ['santiago de chile', 'America/Santiago'],
  ['santiago', 'America/Santiago'],
  ['chile', 'America/Santiago'],
  ['caracas', 'America/Caracas'],
  ['venezuela', 'America/Caracas'],
  ['montevideo', 'America/Montevideo'],
  ['uruguay', 'America/Montevideo'],
  ['london', 'Europe/London'],
  ['londres', 'Europe/London'],
  // "UK time", "British time", "hora del Reino Unido": one zone, with summer time.
  ['uk', 'Europe/London'],
  ['british', 'Europe/London'],
  ['reino unido', 'Europe/London'],
  ['ireland', 'Europe/Dublin'],
  ['irlanda', 'Europe/Dublin'],
  ['paris', 'Europe/Paris'],
  ['india', 'Asia/Kolkata'],
  ['eastern', 'America/New_York'],
  ['central', 'America/Chicago'],
  ['mountain', 'America/Denver'],
  ['pacific', 'America/Los_Angeles'],
];

/** Places that name a zone on their own, without "hora de" or "time" ("the server is in Madrid"). */
const BARE_PLACES = new Set([
  'ciudad de mexico',
  'mexico city',
  'cdmx',
  'buenos aires',
  'new york',
  'nueva york',
  'sao paulo',
  'madrid',
  'bogota',
  'lima',
  'santiago de chile',
  'caracas',
  'montevideo',
  // Countries with one zone for nearly everyone (not Brazil or the US).
  'mexico',
  'colombia',
  'peru',
  'chile',
  'argentina',
  'espana',
  'spain',
  'venezuela',
  'uruguay',
]);

/**
 * English region words that name a zone alone ("at 6 Eastern") only when capitalised and
 * at the end of a phrase, so "the Central server" is no zone.
 */
const CAPITALISED_REGIONS = new Set(['eastern', 'central', 'mountain', 'pacific']);
const END_OF_PHRASE = /^\s*(?:$|[.,;:!?)]|(?:and|or|y|o)\b)/;

/** "Mexico's central time": Spanish "hora del centro" is Mexico City's. */
const SPANISH_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bhora (?:del centro(?: de mexico)?|centro de mexico)\b/g, 'America/Mexico_City'],
  [/\bhora (?:peninsular|espanola)\b/g, 'Europe/Madrid'],
  [/\bhora canaria\b/g, 'Atlantic/Canary'],
  [/\bhora (?:de )?(?:la )?india\b/g, 'Asia/Kolkata'],
];

const PLACE_SOURCE = PLACES.map(([place]) => place.replace(/ /g, '\\s+')).join('|');
// "hora de Madrid", "horario de Bogotá", "en hora de Lima", "hora en Madrid".
const PLACE_AFTER_HORA = new RegExp(String.raw`\b(?:hora|horario|zona horaria)\s+(?:de|del|en)\s+(?:la\s+)?(${PLACE_SOURCE})\b`, 'g');
// "Madrid time", "Eastern Time", "New York time zone", "Pacific standard time".
const PLACE_BEFORE_TIME = new RegExp(String.raw`\b(${PLACE_SOURCE})(?:'s)?\s+(?:(?:standard|daylight)\s+)?time(?:\s*zone)?\b`, 'g');
const BARE_PLACE = new RegExp(String.raw`\b(${PLACE_SOURCE})\b`, 'g');

const SERVER_PHRASES =
  /\b(?:(?:la\s+)?hora\s+(?:del|de\s+el|de)\s+servidor|horario\s+del\s+servidor|zona\s+(?:horaria\s+)?del\s+servidor|(?:the\s+)?server(?:'s)?\s+(?:local\s+)?time(?:\s*zone)?)\b/g;

const IANA_NAME = /\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?/g;
// "UTC+2", "GMT -5", "UTC+05:30", "utc−3" (with a Unicode minus).
const NAMED_OFFSET = /\b(?:UTC|GMT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?(?![\d:])/gi;
// "+05:30", "-03:00": a bare offset needs its minutes, so dates (2020-03-04) and counts do not match.
const BARE_OFFSET = /(?<![A-Za-z_+\-:.])([+\-−])(\d{2}):(\d{2})(?!\d)/g;
// "06:01Z", "6:01 Z": Zulu only right after a time.
const ZULU = /(?<=\d)\s?Z(?![A-Za-z])/g;
const ABBREVIATION = new RegExp(String.raw`\b(${Object.keys(ABBREVIATIONS).join('|')})\b`, 'gi');

/**
 * The zones written in `text`, in order, without overlaps (the longest mention wins: "UTC+2"
 * over "UTC", "hora de Ciudad de México" over "México"). `language` settles CST.
 * Positions are in the NFC form of the text (what readFacts works on).
 */
export function recognizeZones(text: string, language: Language): ZoneMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  text = text.normalize('NFC');
  const folded = fold(text);
  const found: ZoneMention[] = [];
  const add = (zone: ZoneRef | undefined, start: number, end: number): void => {
    if (zone) found.push({ zone, start, end });
  };

  for (const match of text.matchAll(IANA_NAME)) {
    if (IANAZone.isValidZone(match[0])) add({ name: match[0], label: match[0] }, match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(NAMED_OFFSET)) {
    add(offsetFromParts(match[1]!, match[2]!, match[3]), match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(BARE_OFFSET)) {
    add(offsetFromParts(match[1]!, match[2]!, match[3]), match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(ZULU)) add(UTC_ZONE, match.index, match.index + match[0].length);
  for (const match of text.matchAll(ABBREVIATION)) {
    const written = match[1]!;
    const upper = written.toUpperCase();
    if (written !== upper && !ANY_CASE_ABBREVIATIONS.has(upper)) continue;
    const target = ABBREVIATIONS[upper]!;
    const name = typeof target === 'string' ? target : target[language];
    add({ name, label: upper }, match.index, match.index + written.length);
  }
  for (const match of folded.matchAll(SERVER_PHRASES)) add(SERVER_ZONE, match.index, match.index + match[0].length);
  for (const [pattern, name] of SPANISH_PHRASES) {
    for (const match of folded.matchAll(pattern)) add({ name, label: name }, match.index, match.index + match[0].length);
  }
  for (const match of folded.matchAll(PLACE_AFTER_HORA)) add(placeZone(match[1]!), match.index, match.index + match[0].length);
  for (const match of folded.matchAll(PLACE_BEFORE_TIME)) add(placeZone(match[1]!), match.index, match.index + match[0].length);
  for (const match of folded.matchAll(BARE_PLACE)) {
    const place = normalizeSpaces(match[1]!);
    const end = match.index + match[0].length;
    const zone = placeZone(place);
    if (!zone) continue;
    if (BARE_PLACES.has(place)) found.push({ zone, start: match.index, end, bare: true });
    else if (language === 'en' && CAPITALISED_REGIONS.has(place) && /^[A-Z]/.test(text[match.index]!) && END_OF_PHRASE.test(text.slice(end))) add(zone, match.index, end);
  }
  return withoutOverlaps(found);
}

/**
 * `minuteOfDay` on `date` (else `today`) in `from`, read in `to`: the minute and the date
 * there. DST is taken from that date, so 06:00 UTC is 07:00 in Madrid on 2026-03-28 and
 * 08:00 on 2026-03-30. A wall time that does not exist (inside a spring-forward gap) moves
 * forward, as the clocks do. Undefined when either zone cannot be converted (the symbolic
 * server zone, an unknown name) or the date is not a date.
 */
export function toZone(minuteOfDay: number, dateISO: string | undefined, from: ZoneRef, to: ZoneRef, today: string): { minuteOfDay: number; date: string } | undefined {
  if (!isConcreteZone(from) || !isConcreteZone(to)) return undefined;
  const day = DateTime.fromISO(dateISO ?? today, { zone: from.name });
  if (!day.isValid) return undefined;
  const start = day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
  const there = start.setZone(to.name);
  if (!there.isValid) return undefined;
  return { minuteOfDay: there.hour * 60 + there.minute, date: there.toISODate() };
}

/** Minutes east of UTC in `zone` on `dateISO` (noon, clear of DST changes); undefined for the server zone or a bad date. */
export function offsetMinutesOn(zone: ZoneRef, dateISO: string): number | undefined {
  if (!isConcreteZone(zone)) return undefined;
  const day = DateTime.fromISO(`${dateISO}T12:00`, { zone: zone.name });
  return day.isValid ? day.offset : undefined;
}

function placeZone(place: string): ZoneRef | undefined {
  const key = normalizeSpaces(place);
  const entry = PLACES.find(([name]) => name === key);
  return entry ? { name: entry[1], label: entry[1] } : undefined;
}

function offsetFromParts(sign: string, hours: string, minutes: string | undefined): ZoneRef | undefined {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 14 || m > 59) return undefined;
  return offsetZone((sign === '+' ? 1 : -1) * (h * 60 + m));
}

function withoutOverlaps(mentions: ZoneMention[]): ZoneMention[] {
  const byLength = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ZoneMention[] = [];
  for (const mention of byLength) {
    if (!kept.some((other) => mention.start < other.end && other.start < mention.end)) kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}
