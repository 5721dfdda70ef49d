/**
 * The words people use to say a time of day, per language, written without accents
 * (the tokenizer strips them, so "mañana" and "manana" are one word).
 * Kept as data so that the grammar in spokenTime.ts reads the same in both languages.
 */
import type { DayPart } from './dayPart';

export type TimeLanguage = 'en' | 'es';

export interface TimeVocabulary {
  /** Number words that stand alone, 0..29. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Tens that take a unit after them: "twenty five", "treinta y cinco". */
  readonly tens: ReadonlyMap<string, number>;
  /** Word between tens and unit, if any ("y" in Spanish). */
  readonly tensJoiner?: string;
  /** Words just before an hour that mark it as a time: "at 6", "a las 6". */
  readonly anchors: ReadonlySet<string>;
  /** When set, an anchor is also an ordinary word and counts only after one of these ("a las", not "tengo las"). */
  readonly anchorLeads?: ReadonlySet<string>;
  /** After an hour: minutes added ("y", "con"). */
  readonly plus: ReadonlySet<string>;
  /** After an hour: minutes taken away ("menos"). */
  readonly minus: ReadonlySet<string>;
  /** Before an hour: "half past", "ten after". */
  readonly past: ReadonlySet<string>;
  /** Before an hour: "quarter to", "veinte para". */
  readonly to: ReadonlySet<string>;
  /** Minute words that are clock talk and nothing else: quarter, half, cuarto, media. */
  readonly fractions: ReadonlyMap<string, number>;
  /** "minutes", said after a minute number. */
  readonly minuteNouns: ReadonlySet<string>;
  /** "oh" in "six oh two": a zero before a one-digit minute. */
  readonly zeroes: ReadonlySet<string>;
  /** Word sequences after an hour that say it is a whole hour ("o'clock", "en punto"). */
  readonly oClock: readonly (readonly string[])[];
  /** Words after an hour that may mean "hours" (weak: "hace 2 horas" is a duration). */
  readonly hourNouns: ReadonlySet<string>;
  /** Whole times said in one word. */
  readonly namedTimes: ReadonlyMap<string, { hour: number; minute: number }>;
  /** Phrases after a time that set the half of the day, longest first. */
  readonly dayPartsAfter: readonly DayPartPhrase[];
  /** Phrases before "at 6" / "a las 6" that set the half of the day. */
  readonly dayPartsBefore: readonly DayPartPhrase[];
  /** Words that may surround a bare answer without making it something else ("it was around six"). */
  readonly fillers: ReadonlySet<string>;
}

export interface DayPartPhrase {
  readonly words: readonly string[];
  readonly part: DayPart;
}

const ENGLISH_NUMBERS = words([
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
]);

const SPANISH_NUMBERS = new Map<string, number>([
  ...words([
    'cero',
    'uno',
    'dos',
    'tres',
    'cuatro',
    'cinco',
    'seis',
    'siete',
    'ocho',
    'nueve',
    'diez',
    'once',
    'doce',
    'trece',
    'catorce',
    'quince',
    'dieciseis',
    'diecisiete',
    'dieciocho',
    'diecinueve',
    'veinte',
    'veintiuno',
    'veintidos',
    'veintitres',
    'veinticuatro',
    'veinticinco',
    'veintiseis',
    'veintisiete',
    'veintiocho',
    'veintinueve',
  ]),
  ['un', 1],
  ['una', 1],
  ['veintiun', 21],
  ['veintiuna', 21],
]);

function words(list: readonly string[]): Map<string, number> {
  return new Map(list.map((word, value) => [word, value]));
}

const phrases = (part: DayPart, ...list: string[]): DayPartPhrase[] => list.map((p) => ({ words: p.split(' '), part }));

const BOTH_MERIDIEMS = [...phrases('am', 'am'), ...phrases('pm', 'pm')];

export const ENGLISH: TimeVocabulary = {
  numbers: ENGLISH_NUMBERS,
  tens: new Map([
    ['twenty', 20],
    ['thirty', 30],
    ['forty', 40],
    ['fourty', 40],
    ['fifty', 50],
  ]),
  anchors: new Set(['at', 'around', 'about', 'approximately', 'approx', 'circa', 'till', 'until', 'since']),
  plus: new Set(),
  minus: new Set(),
  past: new Set(['past', 'after']),
  to: new Set(['to', 'til', 'till', 'before', 'of']),
  fractions: new Map([
    ['quarter', 15],
    ['half', 30],
  ]),
  minuteNouns: new Set(['minute', 'minutes', 'min', 'mins']),
  zeroes: new Set(['oh', 'o', 'zero']),
  oClock: [['oclock'], ['sharp']],
  hourNouns: new Set(['h', 'hs', 'hr', 'hrs', 'hours']),
  namedTimes: new Map([
    ['noon', { hour: 12, minute: 0 }],
    ['midday', { hour: 12, minute: 0 }],
    ['midnight', { hour: 0, minute: 0 }],
  ]),
  dayPartsAfter: [
    ...phrases('morning', 'in the morning', 'this morning', 'yesterday morning'),
    ...phrases('afternoon', 'in the afternoon', 'in the evening', 'this afternoon', 'this evening', 'yesterday afternoon', 'yesterday evening'),
    ...phrases('night', 'at night', 'last night', 'tonight', 'midnight'),
    ...phrases('noon', 'noon', 'midday'),
    ...BOTH_MERIDIEMS,
  ],
  dayPartsBefore: [
    ...phrases('morning', 'this morning', 'yesterday morning'),
    ...phrases('afternoon', 'this afternoon', 'this evening', 'yesterday afternoon', 'yesterday evening'),
    ...phrases('night', 'tonight', 'last night'),
  ],
  fillers: new Set([
    'at',
    'around',
    'about',
    'approximately',
    'approx',
    'roughly',
    'circa',
    'exactly',
    'it',
    'its',
    'was',
    'is',
    'the',
    'error',
    'errors',
    'time',
    'i',
    'think',
    'maybe',
    'like',
    'happened',
    'occurred',
    'server',
    'restart',
    'restarts',
    'log',
    'says',
    'ok',
    'so',
    'yes',
    'hmm',
    'um',
  ]),
};

export const SPANISH: TimeVocabulary = {
  numbers: SPANISH_NUMBERS,
  tens: new Map([
    ['treinta', 30],
    ['cuarenta', 40],
    ['cincuenta', 50],
  ]),
  tensJoiner: 'y',
  anchors: new Set(['las', 'la']),
  anchorLeads: new Set([
    'a',
    'sobre',
    'hacia',
    'desde',
    'hasta',
    'entre',
    'y',
    'o',
    'de',
    'son',
    'eran',
    'era',
    'fue',
    'fueron',
    'tipo',
    'pasadas',
    'despues',
    'antes',
    'para',
    'aprox',
    'aproximadamente',
    'salio',
    'fallo',
  ]),
  plus: new Set(['y', 'con']),
  minus: new Set(['menos']),
  past: new Set(['pasadas', 'despues']),
  to: new Set(['para']),
  fractions: new Map([
    ['cuarto', 15],
    ['media', 30],
  ]),
  minuteNouns: new Set(['minuto', 'minutos', 'min', 'mins']),
  zeroes: new Set(['cero']),
  oClock: [['en', 'punto'], ['clavadas'], ['exactas']],
  hourNouns: new Set(['h', 'hs', 'hrs', 'horas']),
  namedTimes: new Map([
    ['mediodia', { hour: 12, minute: 0 }],
    ['medianoche', { hour: 0, minute: 0 }],
  ]),
  dayPartsAfter: [
    ...phrases('morning', 'de la manana', 'de esta manana', 'esta manana', 'por la manana', 'en la manana', 'de ayer por la manana', 'ayer por la manana'),
    ...phrases('am', 'de la madrugada', 'de esta madrugada', 'esta madrugada', 'en la madrugada', 'por la madrugada'),
    ...phrases('afternoon', 'de la tarde', 'de esta tarde', 'esta tarde', 'por la tarde', 'en la tarde', 'ayer por la tarde'),
    ...phrases('night', 'de la noche', 'de esta noche', 'esta noche', 'por la noche', 'en la noche', 'de anoche', 'anoche'),
    ...phrases('noon', 'del mediodia', 'de mediodia'),
    ...BOTH_MERIDIEMS,
  ],
  dayPartsBefore: [
    ...phrases('morning', 'esta manana', 'por la manana', 'en la manana', 'ayer por la manana'),
    ...phrases('am', 'esta madrugada', 'de madrugada', 'por la madrugada'),
    ...phrases('afternoon', 'esta tarde', 'por la tarde', 'en la tarde', 'ayer por la tarde'),
    ...phrases('night', 'esta noche', 'por la noche', 'en la noche', 'anoche'),
  ],
  fillers: new Set([
    'a',
    'las',
    'la',
    'sobre',
    'hacia',
    'eso',
    'de',
    'alrededor',
    'fue',
    'era',
    'eran',
    'son',
    'el',
    'error',
    'errores',
    'aprox',
    'aproximadamente',
    'creo',
    'que',
    'como',
    'mas',
    'o',
    'hora',
    'pues',
    'exactamente',
    'salio',
    'sale',
    'servidor',
    'reinicio',
    'reinicia',
    'se',
    'todos',
    'los',
    'dias',
    'si',
    'vale',
  ]),
};

export const VOCABULARIES: Readonly<Record<TimeLanguage, TimeVocabulary>> = { en: ENGLISH, es: SPANISH };
