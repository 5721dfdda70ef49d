/**
 * What a 12-hour mark ("pm", "de la tarde", "at night") does to an hour. Without one,
 * an hour is read as 24-hour: operators quote server logs, which are 24-hour.
 */

/**
 * - `am` / `pm`: the strict 12-hour reading (12 am is 00, 12 pm is 12).
 * - `morning`: "in the morning", "de la mañana": like am, but "12 in the morning" is
 *   heard both as midnight and as noon, so it is ambiguous.
 * - `afternoon`: "in the afternoon/evening", "de la tarde": like pm.
 * - `night`: "at night", "de la noche": 7..11 are evening hours, 1..5 small hours
 *   ("la una de la noche"), and 12 is midnight ("las doce de la noche").
 * - `noon`: "del mediodía": 12 and the hours just after it.
 */
export type DayPart = 'am' | 'pm' | 'morning' | 'afternoon' | 'night' | 'noon';

export type HourReading = { ok: true; hour: number } | { ok: false; reason: 'invalid' | 'ambiguous' };

/** The 24-hour hour for `hour` (0..24 as written) said with `part`. */
export function applyDayPart(hour: number, part: DayPart | undefined): HourReading {
  if (part === undefined) return { ok: true, hour: hour === 24 ? 0 : hour };
  if (hour === 24) return { ok: false, reason: 'invalid' };
  // "18:30 pm" is redundant but clear; "18:30 am" contradicts itself.
  if (hour > 12) return part === 'am' || part === 'morning' ? invalid() : { ok: true, hour };
  switch (part) {
    case 'am':
      return { ok: true, hour: hour === 12 ? 0 : hour };
    case 'morning':
      return hour === 12 ? { ok: false, reason: 'ambiguous' } : { ok: true, hour };
    case 'pm':
    case 'afternoon':
      if (hour === 0) return invalid();
      return { ok: true, hour: hour === 12 ? 12 : hour + 12 };
    case 'night':
      if (hour === 12 || hour === 0) return { ok: true, hour: 0 };
      return { ok: true, hour: hour <= 5 ? hour : hour + 12 };
    case 'noon':
      if (hour === 12) return { ok: true, hour };
      return hour >= 1 && hour <= 5 ? { ok: true, hour: hour + 12 } : invalid();
  }
}

function invalid(): HourReading {
  return { ok: false, reason: 'invalid' };
}
