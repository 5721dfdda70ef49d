/**
 * A check the engine has never seen, as data only: test/fixtures/checks/KA-99901.json, a
 * restartWindow check of a fictional article of the test knowledge base (test/fixtures/kb), with
 * its own texts, its own restart default (02:30) and its own window (5 minutes before to 30 after,
 * fix at +35 or +45). Played through the real bot, to the verdict, in each language.
 */
import path from 'node:path';
import { loadChecks, type CheckRegistry } from '../../src/check/registry';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase';
import { conversationRunner, type Script } from '../support/conversation';

const FIXTURES = path.resolve(__dirname, '../fixtures');

const scripts: Script[] = [
  {
    name: 'en: a refused handshake 20 minutes into the maintenance coincides (KA-05406 would say 15 at most)',
    turns: [
      {
        user: 'the Tidewater relay workflow fails with Relay handshake refused every night',
        expect: ['KA-99901', 'Shall I check whether the relay failure is the nightly maintenance?'],
        reject: ['KA-05406'],
      },
      { user: 'yes', expect: ['When was the relay handshake refused?', 'Administration > Production > Relays', '[input errorTime: e.g. 02:50, or paste the relay log lines]'] },
      { user: '02:50', expect: ['When does the relay server restart for maintenance?', 'Use 02:30 (default)'] },
      {
        user: '02:30',
        expect: [
          'The relay failure falls in the nightly maintenance',
          'This is the cause described in KA-99901',
          'The fix: start the relay after the maintenance',
          '**03:05** server time, 35 minutes after the maintenance restart, or **03:15**',
          'Do not run the relay more often than every 20 minutes.',
          'Was this helpful?',
        ],
        reject: ['Empty return', 'mcSynch', '**02:35**'],
      },
      {
        user: 'yes',
        expect: [
          'Case summary',
          'Symptom: relay workflow',
          '"Relay handshake refused" (KA-99901)',
          'Verdict: the relay failure is the maintenance; start the relay at 03:05 or 03:15',
        ],
      },
    ],
  },
  {
    name: 'en: a pasted relay log line gives the error time and the workflow; 31 minutes after is outside the window',
    turns: [
      { user: '29/11/2026 03:01:12  tidewaterRelay_north  Relay handshake refused', expect: ['KA-99901'] },
      { user: 'yes', expect: ['tidewaterRelay_north', 'When does the relay server restart for maintenance?'], reject: ['When was the relay handshake refused?'] },
      {
        user: '02:30',
        expect: [
          'The relay failure is not the maintenance',
          'is not within 5 minutes before to 30 minutes after the maintenance restart at 02:30',
          'What to check on the relay',
          'relay certificate',
        ],
        reject: ['**03:05**'],
      },
    ],
  },
  {
    name: 'es: "no lo sé" da el reinicio por defecto de la comprobación; 5 minutos antes aún coincide',
    locale: 'es-ES',
    turns: [
      {
        user: 'el flujo de retransmisión Tidewater falla cada noche con Relay handshake refused',
        expect: ['KA-99901', '¿Compruebo si el fallo del relé es el mantenimiento nocturno?'],
      },
      { user: 'sí', expect: ['¿A qué hora se rechazó la negociación del relé?'] },
      { user: 'a las 2 y 25', expect: ['¿A qué hora se reinicia el servidor de retransmisión por mantenimiento?', 'Usar las 02:30 (por defecto)'] },
      { user: 'no lo sé', expect: ['**02:30**', 'maintenanceRestartTime', 'relay.xml', '¿A qué hora se reinicia el servidor de retransmisión'] },
      {
        user: '02:30',
        expect: [
          'El fallo del relé cae en el mantenimiento nocturno',
          'Es la causa que describe el artículo KA-99901',
          'las **03:05**',
          'o las **03:15**',
          'cada 20 minutos',
          '¿Te ha sido útil?',
        ],
        reject: ['Centro de mensajes', 'mcSynch'],
      },
      { user: 'no', expect: ['Resumen del caso', 'Diagnóstico: el fallo del relé es el mantenimiento; arrancar el relé a las 03:05 o a las 03:15'] },
    ],
  },
  {
    name: 'es: 35 minutos después del reinicio no es el mantenimiento',
    locale: 'es-ES',
    turns: [
      { user: 'el flujo de retransmisión Tidewater falla cada noche con Relay handshake refused', expect: ['KA-99901'] },
      { user: 'vale', expect: ['¿A qué hora se rechazó la negociación del relé?'] },
      { user: 'a las 3 y 5', expect: ['¿A qué hora se reinicia el servidor de retransmisión'] },
      {
        user: '02:30',
        expect: [
          'El fallo del relé no es el mantenimiento',
          'no cae entre 5 minutos antes y 30 minutos después del reinicio de mantenimiento de las 02:30',
          'Qué revisar en el relé',
        ],
        reject: ['**03:05**', 'Planificador'],
      },
      { user: 'sí', expect: ['Diagnóstico: el fallo del relé no es el mantenimiento'] },
    ],
  },
];

describe('a test-only check file, run by the engine with no code change', () => {
  let knowledgeBase: KnowledgeBase;
  let checks: CheckRegistry;
  beforeAll(async () => {
    knowledgeBase = await openKnowledgeBase([path.join(FIXTURES, 'kb')], () => undefined);
    checks = loadChecks([path.join(FIXTURES, 'checks')]);
  });

  test('the fixture folders hold the article pair and its check', () => {
    expect(knowledgeBase.articles.filter((article) => article.number === 'KA-99901').map((article) => article.language)).toEqual(['en', 'es']);
    expect(checks.forArticle('KA-99901')?.file.rule).toBe('restartWindow');
  });

  test.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await conversationRunner(knowledgeBase, checks).play(script);
  });

  test("the check file's own examples pass through the bot too", async () => {
    const runner = conversationRunner(knowledgeBase, checks);
    for (const example of checks.forArticle('KA-99901')!.file.examples) {
      await runner.play({ name: example.name, ...(example.locale ? { locale: example.locale } : {}), turns: example.turns });
    }
  });
});
