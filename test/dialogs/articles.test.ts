import { openKnowledgeBase } from '../../src/search/knowledgeBase';
import { conversationRunner, type Script } from '../support/conversation';
import { describeWithCorpus } from '../support/corpus';

/** Questions answered by other articles of the corpus: summary and link, a choice, or nothing. */
const scripts: Script[] = [
  {
    name: "en: another article with its own check: summary, link and its own offer, not KA-05406's",
    turns: [
      {
        user: 'mcSync workflows fail with a deadlock error',
        expect: ['KA-23471', 'deadlock', 'experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-23471', 'mcSync schedules'],
        reject: ['walk you through'],
      },
    ],
  },
  {
    name: 'es: the same article in Spanish',
    locale: 'es-ES',
    turns: [
      {
        user: 'los flujos mcSync fallan con un error de interbloqueo (deadlock)',
        expect: ['KA-23471', 'experienceleague.adobe.com/es/', 'planificación de tus mcSync'],
        reject: ['¿Quieres que te guíe'],
      },
    ],
  },
  {
    name: 'en: close articles become a choice, picked by number',
    turns: [
      { user: 'Is TLS 1.3 supported by Adobe Campaign?', expect: ['Several articles could match', 'KA-16836', 'KA-21516'] },
      { user: '2', expect: ['TLS 1.3', 'Open in Experience League'], reject: ['Several articles'] },
    ],
  },
  {
    name: 'es: elegir con el botón de la tarjeta',
    locale: 'es-ES',
    turns: [
      { user: '¿Adobe Campaign es compatible con TLS 1.3?', expect: ['Hay varios artículos', 'KA-16836'] },
      { user: { value: { kbAction: 'choose', article: 'KA-16836' } }, expect: ['KA-16836', 'Abrir en Experience League'] },
    ],
  },
  {
    name: 'en: a new question instead of answering the offer is searched',
    turns: [
      { user: "Empty return for method 'Logon' of service 'xtk:session'", expect: ['KA-05406', 'walk you through'] },
      { user: 'actually, my mcSync workflow fails with a deadlock error', expect: ['KA-23471'] },
    ],
  },
  {
    name: 'en: off-topic questions get an apology and what the bot can do',
    turns: [
      { user: 'how do I reset my Outlook password', expect: ["couldn't find", 'Message Center'], reject: ['KA-'] },
      { user: 'tell me a joke about cats please', expect: ["couldn't find"], reject: ['KA-'] },
    ],
  },
];

describeWithCorpus('conversations over the shared corpus', (corpus) => {
  let runner: ReturnType<typeof conversationRunner>;
  beforeAll(async () => {
    runner = conversationRunner(await openKnowledgeBase([corpus], () => undefined));
  });

  it.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await runner.play(script);
  });
});
