import { DateTime } from 'luxon';
import { isConcreteZone, type ZoneRef } from './zones';

/**
 * The step in which zone differences are worth asking about: whole hours, unless a zone in
 * play keeps a half-hour (or 45-minute) offset, as India's UTC+05:30 does.
 */
export function zoneStepMinutes(zones: ReadonlyArray<ZoneRef | undefined>, today: string): number {
  for (const zone of zones) {
    if (!isConcreteZone(zone)) continue;
    const offset = DateTime.fromISO(today, { zone: zone.name }).offset;
    if (Number.isFinite(offset) && offset % 60 !== 0) return 30;
  }
  return 60;
}
