import { MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot } from '../../src/bot/createBot';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase';
import { ANA, BEN, CARLA, botAdded, cardSubmit, channel, groupChat, installationUpdate, memberAdded, personal, playTeams, teamsMessage, type TeamsScript } from '../support/teams';

/**
 * Teams-shaped conversations, data-driven: each step is an activity as Teams posts it (mentions
 * with their entity, install events, Action.Submit with no text and `value`, channel threads
 * with ";messageid="), and what the bot's replies must (not) show. The runner also checks that
 * every reply goes to the conversation, i.e. the thread, the activity came from.
 */

const LOGON_EN = "mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'";
const LOGON_ES = 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon del servicio xtk:session';
const LOG_LINE = "19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'";

const THREAD = channel('1700000000101');
const OTHER_THREAD = channel('1700000000202');

const scripts: TeamsScript[] = [
  {
    name: 'personal chat in Spanish: one welcome for the two install events, then the check typed',
    steps: [
      { send: installationUpdate(personal(ANA), ANA), expect: ['¡Hola!', 'Adobe Campaign Classic', 'empezar de nuevo'], reject: ['mencióname'] },
      { send: botAdded(personal(ANA), ANA), silent: true },
      { send: teamsMessage(personal(ANA), ANA, LOGON_ES), expect: ['KA-05406', 'Síntoma', '¿Quieres que te guíe'] },
      { send: teamsMessage(personal(ANA), ANA, 'sí'), expect: ['¿A qué hora ocurrió el error?', '[input errorTime'] },
      { send: teamsMessage(personal(ANA), ANA, 'a las 6 y 2'), expect: ['¿A qué hora se reinicia el servidor?'] },
      { send: teamsMessage(personal(ANA), ANA, '06:00'), expect: ['coincide con el reinicio', '06:05', '06:10', '¿Te ha sido útil?'] },
      { send: teamsMessage(personal(ANA), ANA, 'sí, gracias'), expect: ['Resumen del caso'] },
    ],
  },
  {
    name: 'personal chat in English: the whole check by card submits, with no text at all',
    steps: [
      { send: botAdded(personal(BEN), BEN), expect: ['Hi!', 'start over'] },
      { send: installationUpdate(personal(BEN), BEN), silent: true },
      { send: teamsMessage(personal(BEN), BEN, LOGON_EN), expect: ['KA-05406', 'walk you through'] },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'offer', answer: 'yes' }), expect: ['When did the error happen?'] },
      {
        send: cardSubmit(personal(BEN), BEN, { kbAction: 'errorTime', errorTime: LOG_LINE }),
        expect: ['Noted: error at 06:00', 'mcSynch_mcExec1', 'When does the server restart?'],
      },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'restartTime', restartTime: '', dontKnow: true }), expect: ['processRestartTime', 'When does the server restart?'] },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'restartTime', restartTime: '6:00 AM' }), expect: ['coincides with the server restart', '06:05', 'Was this helpful?'] },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'feedback', helpful: true }), expect: ['Thanks for the feedback', 'Case summary'] },
    ],
  },
  {
    name: 'team channel: welcome on install, then a mentioned question answered in its thread, buttons with empty text',
    steps: [
      { send: botAdded(channel(), BEN), expect: ['Hi!', 'mention me (**@Campaign KB**)', 'thread', "Each person's guided check is their own"] },
      { send: installationUpdate(channel(), BEN), silent: true },
      // A thread of the same channel is the same conversation for the welcome: no second one.
      { send: teamsMessage(THREAD, BEN, LOGON_EN), expect: ['KA-05406', 'walk you through'], reject: ['<at>', 'Hi!'] },
      { send: cardSubmit(THREAD, BEN, { kbAction: 'offer', answer: 'yes' }, { emptyText: true }), expect: ['When did the error happen?'] },
      { send: cardSubmit(THREAD, BEN, { kbAction: 'errorTime', errorTime: '6:04 AM' }, { emptyText: true }), expect: ['When does the server restart?'] },
      { send: teamsMessage(THREAD, BEN, "I don't know"), expect: ['processRestartTime', 'When does the server restart?'] },
      { send: cardSubmit(THREAD, BEN, { kbAction: 'restartTime', restartTime: '06:00' }, { emptyText: true }), expect: ['coincides with the server restart', '06:05', '06:10'] },
      { send: cardSubmit(THREAD, BEN, { kbAction: 'feedback', helpful: false }, { emptyText: true }), expect: ["Sorry it didn't help", 'Case summary', 'Error time(s): 06:04'] },
    ],
  },
  {
    name: 'two people in one channel thread: their checks interleave without mixing, each in their language',
    steps: [
      { send: teamsMessage(THREAD, ANA, LOGON_ES), expect: ['KA-05406', '¿Quieres que te guíe'] },
      { send: teamsMessage(THREAD, BEN, LOGON_EN), expect: ['KA-05406', 'walk you through'], reject: ['¿Quieres'] },
      { send: teamsMessage(THREAD, ANA, 'sí'), expect: ['¿A qué hora ocurrió el error?'] },
      { send: cardSubmit(THREAD, BEN, { kbAction: 'offer', answer: 'yes' }), expect: ['When did the error happen?'] },
      { send: teamsMessage(THREAD, ANA, '06:03'), expect: ['¿A qué hora se reinicia'] },
      // Ben's answer is his own: his error time, not Ana's question answered.
      { send: cardSubmit(THREAD, BEN, { kbAction: 'errorTime', errorTime: '14:37' }), expect: ['When does the server restart?'], reject: ['coincide'] },
      { send: teamsMessage(THREAD, ANA, '06:00'), expect: ['coincide con el reinicio', '06:05'], reject: ['14:37'] },
      { send: teamsMessage(THREAD, BEN, '06:00'), expect: ['does not coincide', '14:37'], reject: ['06:03', '06:05'] },
      // Carla clicks a feedback button she can see in the thread: it is not her question.
      {
        send: cardSubmit(THREAD, CARLA, { kbAction: 'feedback', helpful: true }, { emptyText: true }),
        expect: ['Ese botón es de una pregunta que no espera respuesta tuya'],
        reject: ['Gracias por'],
      },
      { send: cardSubmit(THREAD, ANA, { kbAction: 'feedback', helpful: true }), expect: ['Gracias', 'Resumen del caso', '06:03'], reject: ['14:37'] },
      { send: teamsMessage(THREAD, BEN, 'no'), expect: ["Sorry it didn't help", '14:37'], reject: ['06:03'] },
    ],
  },
  {
    name: 'a check in one thread does not answer in another thread of the same channel',
    steps: [
      { send: teamsMessage(THREAD, BEN, LOGON_EN), expect: ['walk you through'] },
      { send: teamsMessage(THREAD, BEN, 'yes'), expect: ['When did the error happen?'] },
      // A new post in the channel is a new thread: a new question, not the awaited time.
      { send: teamsMessage(OTHER_THREAD, BEN, 'how do I reset my Outlook password'), expect: ["couldn't find"], reject: ['When does the server restart?'] },
      { send: teamsMessage(THREAD, BEN, '06:04'), expect: ['When does the server restart?'] },
    ],
  },
  {
    name: 'group chat: the bot mentioned twice and a colleague mentioned; only the bot goes',
    steps: [
      { send: botAdded(groupChat(), ANA), expect: ['¡Hola!', 'mencióname (**@Campaign KB**)'] },
      { send: installationUpdate(groupChat(), ANA), silent: true },
      { send: memberAdded(groupChat(), ANA, CARLA), silent: true },
      {
        // "<at>Campaign KB</at> <at>Carla Ruiz</at> mcSynch… fails…, <at>Campaign KB</at> can you check?"
        send: teamsMessage(groupChat(), BEN, `${LOGON_EN}, <at>Campaign KB</at> can you check?`, { mentions: [CARLA] }),
        expect: ['KA-05406', 'walk you through'],
        reject: ['<at>'],
      },
      { send: teamsMessage(groupChat(), CARLA, 'sí'), expect: ['No he encontrado'], reject: ['¿A qué hora ocurrió el error?'] },
      { send: teamsMessage(groupChat(), BEN, 'yes'), expect: ['When did the error happen?'] },
    ],
  },
  {
    name: "the app's commands from the Teams menu, mentioned in a channel: help, language, start over",
    steps: [
      { send: teamsMessage(THREAD, BEN, LOGON_EN), expect: ['walk you through'] },
      { send: teamsMessage(THREAD, BEN, 'help'), expect: ['Answer **yes** to start the guided check', 'walk you through'] },
      { send: teamsMessage(THREAD, BEN, 'language'), expect: ['sigo en español', '¿Quieres que te guíe'] },
      { send: teamsMessage(THREAD, BEN, 'idioma'), expect: ["I'll continue in English", 'walk you through'] },
      { send: teamsMessage(THREAD, BEN, 'language'), expect: ['sigo en español'] },
      { send: teamsMessage(THREAD, BEN, 'empezar de nuevo'), expect: ['Empecemos de nuevo'] },
      { send: teamsMessage(THREAD, BEN, 'ayuda'), expect: ['Describe un problema de Adobe Campaign Classic'] },
      { send: teamsMessage(THREAD, BEN, 'start over'), expect: ['Empecemos de nuevo'] },
      // Only the mention, nothing else: what the bot can do, not "no article found".
      { send: teamsMessage(THREAD, BEN, ''), expect: ['Describe un problema de Adobe Campaign Classic'], reject: ['No he encontrado'] },
    ],
  },
  {
    name: 'a button clicked after its question was answered is not taken for a question',
    steps: [
      { send: teamsMessage(personal(BEN), BEN, LOGON_EN), expect: ['walk you through'] },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'offer', answer: 'no' }), expect: ['Ask me anything else'] },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'offer', answer: 'no' }), expect: ["That button belongs to a question that isn't waiting"], reject: ["couldn't find"] },
      { send: cardSubmit(personal(BEN), BEN, { kbAction: 'restartTime', restartTime: '06:00' }), expect: ["That button belongs to a question that isn't waiting"] },
    ],
  },
];

let knowledgeBase: KnowledgeBase;
beforeAll(async () => {
  knowledgeBase = await openKnowledgeBase([], () => undefined);
});

describe('Teams-shaped conversations', () => {
  it.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    await playTeams(knowledgeBase, script);
  });

  it('records feedback from Teams card submits and typed answers with the article and the verdict, per user', async () => {
    const run = await playTeams(knowledgeBase, scripts[3]!);
    expect(run.events).toEqual([
      { event: 'verdict', article: 'KA-05406', coincides: true, startTimes: ['06:05', '06:10'], workflows: ['mcSynch_mcExec1'] },
      { event: 'verdict', article: 'KA-05406', coincides: false, startTimes: [], workflows: [] },
      { event: 'feedback', article: 'KA-05406', helpful: true, verdict: 'coincides' },
      { event: 'feedback', article: 'KA-05406', helpful: false, verdict: 'differs' },
    ]);
    const cards = await playTeams(knowledgeBase, scripts[2]!);
    expect(cards.events).toEqual([
      { event: 'verdict', article: 'KA-05406', coincides: true, startTimes: ['06:05', '06:10'], workflows: expect.any(Array) },
      { event: 'feedback', article: 'KA-05406', helpful: false, verdict: 'coincides' },
    ]);
  });

  it('answers in the thread: replies keep the ";messageid=" conversation and reply to the message', async () => {
    const question = teamsMessage(THREAD, BEN, LOGON_EN);
    const run = await playTeams(knowledgeBase, { name: 'thread', steps: [{ send: question, expect: ['KA-05406'] }] });
    const replies = run.replies[0]!;
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.conversation?.id).toBe('19:a1b2c3d4e5f6@thread.tacv2;messageid=1700000000101');
      expect(reply.replyToId).toBe(question.id);
    }
  });

  it('gives one welcome when the two install events arrive at the same moment', async () => {
    const { bot } = createBot({ knowledgeBase, defaultLanguage: 'en', storage: new MemoryStorage(), record: () => undefined });
    const adapter = new TestAdapter((context) => bot.run(context));
    await Promise.all([adapter.processActivity(installationUpdate(personal(CARLA), CARLA)), adapter.processActivity(botAdded(personal(CARLA), CARLA))]);
    const welcomes = adapter.activeQueue.splice(0);
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]!.text).toContain('¡Hola!');
  });

  it('does not welcome again when the app is upgraded or a colleague joins the team', async () => {
    await playTeams(knowledgeBase, {
      name: 'upgrade and join',
      steps: [
        { send: installationUpdate(channel(), BEN, { action: 'add-upgrade' }), silent: true },
        { send: memberAdded(channel(), BEN, CARLA), silent: true },
        { send: installationUpdate(channel(), BEN, { action: 'remove' }), silent: true },
      ],
    });
  });
});
