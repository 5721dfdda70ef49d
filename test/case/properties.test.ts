import fc from 'fast-check';
import { readFacts } from '../../src/case/readFacts';
import { emptyCase } from '../../src/case/types';
import { applyReading, toServerTime } from '../../src/case/updateCase';
import { recognizeZones } from '../../src/case/zones';
import { checkPatterns } from '../../src/kb/checkData';
import { loadGuidedCheck } from '../../src/kb/loader';

const patterns = checkPatterns(loadGuidedCheck('KA-05406'));

/** Pieces people write, glued in any order: the reader must not throw on any mix. */
const PIECES = [
  'a las',
  'at',
  '6:02',
  '06:00:41',
  '18',
  'seis y cuarto',
  'y',
  'and',
  ',',
  '.',
  '?',
  'no',
  'sorry',
  'perdón',
  'se reinicia',
  'restarts',
  'falló',
  'failed',
  'UTC',
  'CEST',
  'hora de Bogotá',
  'GMT-5',
  '+05:30',
  'Europe/Madrid',
  'hora del servidor',
  'server time',
  'la consola',
  'the server is in',
  'tarda media hora',
  'takes 30 minutes',
  'sobre',
  '6ish',
  'y pico',
  'no sé',
  'por defecto',
  'mcSynch_mcExec1',
  "Empty return for method 'Logon'",
  '\n',
  '19/08/2022 06:00:41',
  '2020-03-04T06:01:13Z',
  'Workflow finished',
  '28/03/2026',
  'ñ',
  '🙂',
  'around 6',
  'a las 6:02',
];

const message = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 80 }),
);
const expecting = fc.constantFrom(undefined, 'errorTime', 'restartTime', 'consoleZone', 'offer', 'feedback' as const);

describe('properties of the case core', () => {
  test('reading never throws, gives plain JSON and valid minutes; applying it twice adds nothing more', () => {
    fc.assert(
      fc.property(message, fc.constantFrom('en' as const, 'es' as const), expecting, (text, language, open) => {
        const reading = readFacts(text, { language, patterns, ...(open ? { expecting: open } : {}) });
        expect(JSON.parse(JSON.stringify(reading))).toEqual(reading);
        for (const time of [...reading.times, ...reading.successes]) {
          expect(Number.isInteger(time.minuteOfDay) && time.minuteOfDay >= 0 && time.minuteOfDay < 1440).toBe(true);
        }
        const once = applyReading(emptyCase(), reading, { defaultRestartMinute: 360 });
        const twice = applyReading(once.case, { ...reading, correction: undefined }, { defaultRestartMinute: 360 });
        expect(twice.case).toEqual(once.case);
        const server = toServerTime(once.case, { today: '2026-03-29', clientZone: 'Europe/Madrid' });
        for (const time of server.errors) expect(time.minuteOfDay >= 0 && time.minuteOfDay < 1440).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('zone mentions never overlap and lie inside the text', () => {
    fc.assert(
      fc.property(message, (text) => {
        const mentions = recognizeZones(text, 'es');
        mentions.forEach((mention, k) => {
          expect(mention.start).toBeGreaterThanOrEqual(k === 0 ? 0 : mentions[k - 1]!.end);
          expect(mention.end).toBeLessThanOrEqual(text.normalize('NFC').length);
        });
      }),
      { numRuns: 300 },
    );
  });
});
