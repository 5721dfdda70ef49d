/** What the rules share: the texts every question has, and the settings' field types. */
import { z } from 'zod';

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
