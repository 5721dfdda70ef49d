import { isConcreteZone, offsetZone, recognizeZones, SERVER_ZONE, toZone, zoneFromName, type ZoneRef } from '../../src/case/zones';

const zone = (name: string, label = name): ZoneRef => ({ name, label });
const MADRID = zone('Europe/Madrid');
const UTC = zone('UTC');
const TODAY = '2026-11-29';

const hhmm = (minuteOfDay: number): string => `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
const minute = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

describe('recognizeZones: what people type', () => {
  test.each<[string, 'en' | 'es', string, string]>([
    ['the server is in UTC', 'en', 'UTC', 'UTC'],
    ['at 6:02 GMT', 'en', 'UTC', 'GMT'],
    ['06:01Z', 'en', 'UTC', 'UTC'],
    ['a las 7 CET', 'es', 'Europe/Paris', 'CET'],
    ['at 7 CEST', 'en', 'Europe/Paris', 'CEST'],
    ['at 1 EST', 'en', 'America/New_York', 'EST'],
    ['at 1 EDT', 'en', 'America/New_York', 'EDT'],
    ['at 22:00 PST', 'en', 'America/Los_Angeles', 'PST'],
    ['at 22:00 PDT', 'en', 'America/Los_Angeles', 'PDT'],
    ['at 5 CST', 'en', 'America/Chicago', 'CST'],
    ['a las 5 CST', 'es', 'America/Mexico_City', 'CST'],
    ['at 5 MST', 'en', 'America/Phoenix', 'MST'],
    ['at 11:31 IST', 'en', 'Asia/Kolkata', 'IST'],
    ['a las 3 BRT', 'es', 'America/Sao_Paulo', 'BRT'],
    ['a las 3 ART', 'es', 'America/Argentina/Buenos_Aires', 'ART'],
    ['a las 7 hora de Madrid', 'es', 'Europe/Madrid', 'Europe/Madrid'],
    ['a la 1:02 hora de Bogotá', 'es', 'America/Bogota', 'America/Bogota'],
    ['hora de Bogota', 'es', 'America/Bogota', 'America/Bogota'],
    ['en hora de México', 'es', 'America/Mexico_City', 'America/Mexico_City'],
    ['hora de CDMX', 'es', 'America/Mexico_City', 'America/Mexico_City'],
    ['hora de Ciudad de México', 'es', 'America/Mexico_City', 'America/Mexico_City'],
    ['hora de Buenos Aires', 'es', 'America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['hora de Lima', 'es', 'America/Lima', 'America/Lima'],
    ['hora de Santiago', 'es', 'America/Santiago', 'America/Santiago'],
    ['hora peninsular', 'es', 'Europe/Madrid', 'Europe/Madrid'],
    ['hora del centro', 'es', 'America/Mexico_City', 'America/Mexico_City'],
    ['at 6 Eastern', 'en', 'America/New_York', 'America/New_York'],
    ['at 6 Eastern Time', 'en', 'America/New_York', 'America/New_York'],
    ['at 3 Pacific', 'en', 'America/Los_Angeles', 'America/Los_Angeles'],
    ['at 5 Central', 'en', 'America/Chicago', 'America/Chicago'],
    ['at 7 Madrid time', 'en', 'Europe/Madrid', 'Europe/Madrid'],
    ['at 7 Spain time', 'en', 'Europe/Madrid', 'Europe/Madrid'],
    ['the server is in Mexico City', 'en', 'America/Mexico_City', 'America/Mexico_City'],
    ['we are on New York time', 'en', 'America/New_York', 'America/New_York'],
    ['the zone is Europe/Madrid', 'en', 'Europe/Madrid', 'Europe/Madrid'],
    ['America/Argentina/Buenos_Aires', 'en', 'America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['UTC+2', 'en', 'UTC+2', 'UTC+02:00'],
    ['GMT-5', 'en', 'UTC-5', 'UTC-05:00'],
    ['UTC+5:30', 'en', 'UTC+5:30', 'UTC+05:30'],
    ['offset +05:30', 'en', 'UTC+5:30', 'UTC+05:30'],
    ['-03:00', 'es', 'UTC-3', 'UTC-03:00'],
    ['hora del servidor', 'es', 'server', 'server'],
    ['server time', 'en', 'server', 'server'],
  ])('%s (%s) → %s', (text, language, name, label) => {
    const mentions = recognizeZones(text, language);
    expect(mentions.map((m) => m.zone)).toEqual([{ name, label }]);
    expect(isConcreteZone(mentions[0]!.zone)).toBe(name !== 'server');
  });

  test.each<[string, 'en' | 'es']>([
    ['el error fue a las 6:02', 'es'],
    ['la base central está caída', 'es'],
    ['the central server', 'en'],
    ['esta tarde', 'es'],
    ['on 2020-03-04', 'en'],
    ['art and est are words', 'en'],
    ['the workflow mcSynch_mcExec1', 'en'],
  ])('no zone in %s', (text, language) => {
    expect(recognizeZones(text, language)).toEqual([]);
  });

  test.each<[string, 'en' | 'es', boolean]>([
    ['el servidor está en Madrid', 'es', true],
    ['el servidor está en México', 'es', true],
    ['a las 7 hora de Madrid', 'es', false],
    ['at 7 Madrid time', 'en', false],
    ['at 6 Eastern', 'en', false],
  ])('a place named alone is marked bare: %s', (text, language, bare) => {
    const [mention] = recognizeZones(text, language);
    expect(mention?.bare === true).toBe(bare);
  });

  test('the longest mention wins and positions point into the text', () => {
    const text = 'a las 7 UTC+2, no, a las 6 hora de Ciudad de México';
    const mentions = recognizeZones(text, 'es');
    expect(mentions.map((m) => [m.zone.name, text.slice(m.start, m.end)])).toEqual([
      ['UTC+2', 'UTC+2'],
      ['America/Mexico_City', 'hora de Ciudad de México'],
    ]);
  });
});

describe('toZone: DST from the date', () => {
  test.each<[string, string | undefined, ZoneRef, ZoneRef, string, string]>([
    // Europe/Madrid moves to summer time on Sunday 2026-03-29.
    ['06:00', '2026-03-28', UTC, MADRID, '07:00', '2026-03-28'],
    ['06:00', '2026-03-30', UTC, MADRID, '08:00', '2026-03-30'],
    ['07:00', '2026-03-28', MADRID, UTC, '06:00', '2026-03-28'],
    ['07:00', '2026-03-30', MADRID, UTC, '05:00', '2026-03-30'],
    // America/New_York goes back to standard time on Sunday 2026-11-01.
    ['06:00', '2026-10-31', zone('America/New_York'), UTC, '10:00', '2026-10-31'],
    ['06:00', '2026-11-02', zone('America/New_York'), UTC, '11:00', '2026-11-02'],
    // A half-hour zone, and a fixed offset written as such.
    ['11:31', '2019-07-05', zone('Asia/Kolkata'), UTC, '06:01', '2019-07-05'],
    ['11:31', '2019-07-05', offsetZone(330), UTC, '06:01', '2019-07-05'],
    ['06:01', '2020-03-04', UTC, MADRID, '07:01', '2020-03-04'],
    // Across midnight.
    ['23:30', '2026-06-15', zone('America/Bogota'), UTC, '04:30', '2026-06-16'],
    ['01:02', undefined, zone('America/Bogota'), UTC, '06:02', TODAY],
    // Mexico City has had no DST since 2022; Chicago still has.
    ['06:00', '2026-07-01', zone('America/Mexico_City'), UTC, '12:00', '2026-07-01'],
    ['06:00', '2026-07-01', zone('America/Chicago'), UTC, '11:00', '2026-07-01'],
  ])('%s on %s from %o to %o → %s', (time, date, from, to, expected, expectedDate) => {
    expect(toZone(minute(time), date, from, to, TODAY)).toEqual({ minuteOfDay: minute(expected), date: expectedDate });
  });

  test('without a date, today decides the DST', () => {
    expect(hhmm(toZone(minute('06:00'), undefined, UTC, MADRID, '2026-03-28')!.minuteOfDay)).toBe('07:00');
    expect(hhmm(toZone(minute('06:00'), undefined, UTC, MADRID, '2026-03-30')!.minuteOfDay)).toBe('08:00');
  });

  test('the symbolic server zone and unknown names do not convert', () => {
    expect(toZone(360, undefined, SERVER_ZONE, UTC, TODAY)).toBeUndefined();
    expect(toZone(360, undefined, UTC, zone('Mars/Olympus'), TODAY)).toBeUndefined();
    expect(toZone(360, 'not a date', UTC, MADRID, TODAY)).toBeUndefined();
  });

  test('CET written in summer is read as Central European local time (region zone), as people mean it', () => {
    const [cet] = recognizeZones('07:00 CET', 'en');
    expect(toZone(minute('07:00'), '2026-07-01', cet!.zone, UTC, TODAY)!.minuteOfDay).toBe(minute('05:00'));
    expect(toZone(minute('07:00'), '2026-01-15', cet!.zone, UTC, TODAY)!.minuteOfDay).toBe(minute('06:00'));
  });
});

describe('zone helpers', () => {
  test.each<[number, ZoneRef]>([
    [0, { name: 'UTC', label: 'UTC' }],
    [330, { name: 'UTC+5:30', label: 'UTC+05:30' }],
    [-300, { name: 'UTC-5', label: 'UTC-05:00' }],
    [-570, { name: 'UTC-9:30', label: 'UTC-09:30' }],
  ])('offsetZone(%i)', (offset, expected) => {
    expect(offsetZone(offset)).toEqual(expected);
    expect(isConcreteZone(expected)).toBe(true);
  });

  test('zoneFromName takes what Teams sends (IANA) and refuses the rest', () => {
    expect(zoneFromName('Europe/Madrid')).toEqual(MADRID);
    expect(zoneFromName('UTC+2')).toEqual({ name: 'UTC+2', label: 'UTC+02:00' });
    expect(zoneFromName('Not/AZone')).toBeUndefined();
    expect(zoneFromName(undefined)).toBeUndefined();
  });
});
