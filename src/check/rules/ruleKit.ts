/** What the rules share: the texts every question has, the settings' field types, and small helpers. */
import { z } from 'zod';
import { isServerZone, type ZoneRef } from '../../case/zones';
import { formatMinuteOfDay } from '../../time/clock';
import type { RuleStep, TextRef } from '../rule';

/** A question's texts (`<fact>.title`, `.body`, …) with the placeholders its title, body and retry may use. */
export function questionTexts(fact: string, vars: readonly string[] = []): Record<string, readonly string[]> {
  return {
    [`${fact}.title`]: vars,
    [`${fact}.body`]: vars,
    [`${fact}.placeholder`]: [],
    [`${fact}.retry`]: vars,
    [`${fact}.help`]: [],
  };
}

/** A time of day in settings, "HH:MM". */
export const ClockSetting = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time "HH:MM"');

/** A regular expression's source in settings, compiled case-insensitive by the rule. */
export const RegexSetting = z.string().refine((source) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}, 'a regular expression');

/** "06:05" for a minute of the day: how every rule writes a time. */
export const clock = formatMinuteOfDay;

/** A ClockSetting's minute of the day: "06:05" is 365. */
export function settingMinute(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** A time as the notes show it: "06:02", with its zone's label when it is not the server's ("06:02 Europe/Madrid"). */
export function timeWithZone(fact: { minuteOfDay: number; zone?: ZoneRef }): string {
  const time = clock(fact.minuteOfDay);
  return fact.zone && !isServerZone(fact.zone) ? `${time} ${fact.zone.label}` : time;
}

/** The step that asks for `fact`; a retry when the last answer to it could not be read (`unread`). */
export function askFor(unread: string | undefined, fact: string, vars?: TextRef['vars']): RuleStep {
  return { kind: 'ask', fact, ...(vars ? { vars } : {}), ...(unread === fact ? { retry: true } : {}) };
}
