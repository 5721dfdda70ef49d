/**
 * How long the restart takes: "our restart takes about 30 minutes", "el reinicio tarda
 * media hora", "dura unos 20 min". Read on folded text (fold.ts). The amount must be
 * removed before the time grammar reads the clause: "30 minutes" is no time of day.
 */
import { ENGLISH, SPANISH } from '../time/timeWords';

export interface DurationMention {
  minutes: number;
  start: number;
  end: number;
}

const NUMBER_WORDS = new Map<string, number>([...ENGLISH.numbers, ...ENGLISH.tens, ...SPANISH.numbers, ...SPANISH.tens]);

const WORDS_SOURCE = [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
const HEDGE = String.raw`(?:(?:unos|unas|como|aproximadamente|aprox|mas o menos|cerca de|about|around|roughly|approximately|approx|some|up to|hasta|casi|almost|nearly|~)\s*)*`;
// A duration needs its verb: "a las 6 y 15 minutos" is a time. "reinicio de 20 minutos" and "downtime of 20 minutes" count too.
const VERB = String.raw`(?:(?:tarda|tardan|tardo|dura|duran|duro|demora|demoran|lleva|toma|takes?|took|lasts?|lasted|for|durante)(?:\s+de)?|(?:reinicio|restart|reboot|downtime|caida|parada)\s+(?:de|of))\s+`;
const AMOUNT = String.raw`(?:(?:\d{1,3}\s*(?:-|a|to|o|or)\s*)?(\d{1,3}|${WORDS_SOURCE})\s*(?:-\s*)?(minutos?|mins?|minutes?|horas?|hours?|hrs?)|(media hora|half an hour|una hora y media|hora y media|an hour and a half|one and a half hours?|un cuarto de hora|a quarter of an hour|quarter of an hour|una hora|an hour|one hour))`;
const DURATION = new RegExp(String.raw`(${VERB})${HEDGE}${AMOUNT}(?![\p{L}\p{N}_])`, 'gu');

const PHRASE_MINUTES: Readonly<Record<string, number>> = {
  'media hora': 30,
  'half an hour': 30,
  'una hora y media': 90,
  'hora y media': 90,
  'an hour and a half': 90,
  'one and a half hour': 90,
  'one and a half hours': 90,
  'un cuarto de hora': 15,
  'a quarter of an hour': 15,
  'quarter of an hour': 15,
  'una hora': 60,
  'an hour': 60,
  'one hour': 60,
};

/** Durations in a folded clause; `start` is where the whole phrase (verb included) begins. A range ("10-15 minutes") counts as its longer end. */
export function findDurations(folded: string): DurationMention[] {
  const found: DurationMention[] = [];
  for (const match of folded.matchAll(DURATION)) {
    const [whole, , count, unit, phrase] = match;
    let minutes: number | undefined;
    if (phrase !== undefined) minutes = PHRASE_MINUTES[phrase];
    else {
      const value = /^\d+$/.test(count!) ? Number(count) : NUMBER_WORDS.get(count!);
      if (value !== undefined) minutes = /^(?:h|hora|hour)/.test(unit!) ? value * 60 : value;
    }
    if (minutes === undefined || minutes <= 0 || minutes > 24 * 60) continue;
    found.push({ minutes, start: match.index, end: match.index + whole.length });
  }
  return found;
}
