import { loadChecks } from '../../src/check/registry';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase';
import { conversationRunner, type Script } from '../support/conversation';
import { describeWithCorpus } from '../support/corpus';

/**
 * Every shipped check, through the real bot: the example conversations of its file (both
 * languages, as `npm run kb:check` plays them), and more conversations as operators type them.
 * The sibling checks' articles (KA-23471, KA-22897) are in the shared corpus.
 */

const DEADLOCK = 'PGS-220000 PostgreSQL error: ERROR: deadlock detected';

const more: Script[] = [
  {
    name: 'en: KA-23471 from pasted journals: the two workflows that start together are staggered, clear of the restart',
    turns: [
      { user: `mcSync keeps failing with ${DEADLOCK} while updating tuple in relation "nmsdelivery"`, expect: ['KA-23471'] },
      { user: 'yes' },
      {
        user: [
          '19/08/2022 07:00:02\tmcSynch_mcExec1\tWorkflow finished',
          '19/08/2022 07:00:03\tmcSynch_mcExec2\tWorkflow finished',
          '19/08/2022 06:00:02\tmcSynch_mcExec1\tWorkflow finished',
          '19/08/2022 06:00:04\tmcSynch_mcExec2\tWorkflow finished',
        ].join('\n'),
      },
      { user: 'restart is at 6 am', expect: ['mcSynch_mcExec1', 'mcSynch_mcExec2', '05:58', '06:15'], reject: [':00 |'] },
    ],
  },
  {
    name: 'es: KA-22897 con las dos frecuencias en un mensaje y sin registros antiguos: sin tocar la opción MC_LastTlRtSynch_1',
    locale: 'es-MX',
    turns: [
      { user: 'el tracking se ve bien en RT pero en marketing solo aparecen los clics del minuto 58 en adelante de cada hora', expect: ['KA-22897'] },
      { user: 'dale' },
      { user: 'el de MKT corre cada 2 minutos y el RT junta el tracking cada hora' },
      { user: 'no, ya no hay logs viejos' },
      { user: 'a las 6', expect: ['cada 60 min', '05:58', 'mcSynch_…'], reject: ['MC_LastTlRtSynch_1', '<instance>'] },
    ],
  },
];

let corpusKb: KnowledgeBase;

describeWithCorpus('the shipped checks, through the bot', (corpus) => {
  beforeAll(async () => {
    corpusKb = await openKnowledgeBase([corpus]);
  });

  const examples: Script[] = loadChecks().checks.flatMap((check) =>
    check.file.examples.map((example) => ({
      name: `${check.file.id} example, ${example.name}`,
      locale: example.locale ?? (example.language === 'es' ? 'es-ES' : 'en-US'),
      turns: example.turns.map((turn) => ({ user: turn.user, ...(turn.expect ? { expect: turn.expect } : {}), ...(turn.reject ? { reject: turn.reject } : {}) })),
    })),
  );

  it('has examples in both languages for every check', () => {
    for (const check of loadChecks().checks) expect(new Set(check.file.examples.map((example) => example.language))).toEqual(new Set(['en', 'es']));
  });

  it.each([...examples, ...more].map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await conversationRunner(corpusKb).play(script);
  });
});
