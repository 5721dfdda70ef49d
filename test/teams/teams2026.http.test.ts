import type { Activity, CardAction } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import type { CheckEvent } from '../../dialogs/turnNotes';
import { MemoryVersionedStore } from '../../src/state/versionedStore';
import { OptimisticStorage } from '../../src/state/optimisticStorage';
import { startBotServer, startFakeChannel, type BotServer } from '../support/http';
import { describeWithCorpus } from '../support/corpus';
import { ANA, BEN, cardSubmit, executeInvoke, feedbackInvoke, groupChat, messageDelete, messageEdit, personal, teamsMessage, type Place, type TeamsUser } from '../support/teams';

/**
 * Teams as its users expect it (issue 15), over the real HTTP service with normal delivery, as
 * Teams uses it: Teams-shaped activities in, the bot's posts to the Bot Connector (a fake channel
 * on loopback) and the invoke responses out. Both languages, personal chat and group chat:
 * feedback controls, suggested actions, Action.Execute and per-user cards, edits and deletes,
 * typing. The Agents Playground e2e (test/e2e/teams2026.e2e.ts) shows what it can of these.
 */

let fakeChannel: Awaited<ReturnType<typeof startFakeChannel>>;
beforeAll(async () => {
  fakeChannel = await startFakeChannel();
});
afterAll(async () => {
  await fakeChannel.close();
});

interface Delivered {
  status: number;
  body: unknown;
  posts: Array<Partial<Activity>>;
  text: string;
}

async function deliver(server: BotServer, activity: Partial<Activity>): Promise<Delivered> {
  const before = fakeChannel.posts.length;
  const { status, body } = await server.post({ ...activity, serviceUrl: fakeChannel.serviceUrl });
  const posts = fakeChannel.posts.slice(before).map((sent) => sent.activity);
  return { status, body, posts, text: posts.map((post) => renderActivityAsText(post)).join('\n---\n') };
}

type Json = Record<string, unknown>;

function cardOf(post: Partial<Activity>): Json | undefined {
  const attachment = post.attachments?.[0];
  return attachment?.contentType === 'application/vnd.microsoft.card.adaptive' ? (attachment.content as Json) : undefined;
}

function actionsOf(card: Json | undefined): Json[] {
  return Array.isArray(card?.actions) ? (card.actions as Json[]) : [];
}

function action(card: Json | undefined, title: string): Json {
  const found = actionsOf(card).find((a) => a.title === title);
  if (!found) throw new Error(`No button "${title}" on ${JSON.stringify(card)}`);
  return found;
}

const L = {
  en: {
    user: BEN,
    question: "mcSynch_mcExec1 fails with Empty return for method 'Logon' of service 'xtk:session'",
    yes: 'Yes',
    no: 'No',
    errorAsked: 'When did the error happen?',
    restartAsked: 'When does the server restart?',
    useDefault: 'Use 06:00 (default)',
    coincides: 'coincides with the server restart',
    differs: 'does not coincide',
    askFeedback: 'Was this helpful?',
    rateAbove: 'Rate the answer above',
    helpfulButton: 'Helpful',
    thanks: 'Thanks for the feedback!',
    noted: 'noted it',
    edited: 'You edited your message: I have read it again.',
    rejudged: "here's the check again",
    corrected: 'Corrected',
    failedAt: 'It failed at 06:02.',
    quick: 'Or answer with one tap:',
    whose: (name: string) => `${name}'s check`,
    startOwn: 'Start my own check',
    notYours: (name: string) => `This is ${name}'s check`,
    received: 'Got it.',
  },
  es: {
    user: ANA,
    question: "mcSynch_mcExec1 falla con Empty return for method 'Logon' of service 'xtk:session', ¿qué hago?",
    yes: 'Sí',
    no: 'No',
    errorAsked: '¿A qué hora ocurrió el error?',
    restartAsked: '¿A qué hora se reinicia el servidor?',
    useDefault: 'Usar las 06:00 (por defecto)',
    coincides: 'coincide con el reinicio',
    differs: 'no coincide',
    askFeedback: '¿Te ha sido útil?',
    rateAbove: 'Valora la respuesta de arriba',
    helpfulButton: 'Útil',
    thanks: '¡Gracias por tu opinión!',
    noted: 'Lo he anotado',
    edited: 'Has editado tu mensaje: lo he vuelto a leer.',
    rejudged: 'de nuevo la comprobación',
    corrected: 'Corregido',
    failedAt: 'Falló a las 06:02.',
    quick: 'O responde con un toque:',
    whose: (name: string) => `Comprobación de ${name}`,
    startOwn: 'Empezar mi comprobación',
    notYours: (name: string) => `Esta es la comprobación de ${name}`,
    received: 'Recibido.',
  },
};

type Lang = keyof typeof L;

let fresh = 0;
/** The same person in a conversation of their own: every test starts with no state. */
function freshUser(user: TeamsUser): TeamsUser {
  fresh++;
  return { ...user, id: `${user.id}${fresh}`, aadObjectId: `${user.aadObjectId.slice(0, -4)}${String(fresh).padStart(4, '0')}` };
}

const places: Array<[string, (user: TeamsUser) => Place]> = [
  ['personal chat', (user) => personal(user)],
  ['group chat', () => groupChat(`19:chat${++fresh}@thread.v2`)],
];

describe.each([['en'], ['es']] as Array<[Lang]>)('Teams in 2026 over HTTP (%s)', (lang) => {
  const l = L[lang];
  let server: BotServer;
  const events: CheckEvent[] = [];
  beforeAll(async () => {
    server = await startBotServer({ bot: { record: (event) => events.push(event) } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** The check typed up to the verdict: error at 06:02, restart at `restart`; the ids of the answers. */
  async function toVerdict(
    place: Place,
    user: TeamsUser,
    restart = '06:00',
  ): Promise<{ question: Partial<Activity>; error: Partial<Activity>; restart: Partial<Activity>; verdict: Delivered }> {
    const question = teamsMessage(place, user, l.question);
    expect((await deliver(server, question)).text).toContain('KA-05406');
    expect((await deliver(server, teamsMessage(place, user, l.yes))).text).toContain(l.errorAsked);
    const error = teamsMessage(place, user, '06:02');
    expect((await deliver(server, error)).text).toContain(l.restartAsked);
    const restartMessage = teamsMessage(place, user, restart);
    const verdict = await deliver(server, restartMessage);
    return { question, error, restart: restartMessage, verdict };
  }

  describe.each(places)('feedback controls, %s', (_where, placeOf) => {
    it('puts them on the verdict (feedbackLoop default, never feedbackLoopEnabled), replaces the card by a line, and records like/dislike with the comment, article and verdict', async () => {
      const user = freshUser(l.user);
      const place = placeOf(user);
      const { verdict } = await toVerdict(place, user);
      expect(verdict.text).toContain(l.coincides);
      const verdictPost = verdict.posts.find((post) => JSON.stringify(cardOf(post) ?? {}).includes('06:05'))!;
      expect(verdictPost.channelData).toEqual(expect.objectContaining({ feedbackLoop: { type: 'default' } }));
      expect(verdictPost.channelData).not.toHaveProperty('feedbackLoopEnabled');
      // No "Was this helpful?" card with buttons: a line pointing at the controls.
      expect(verdict.posts.some((post) => actionsOf(cardOf(post)).some((a) => a.title === l.helpfulButton))).toBe(false);
      const line = verdict.posts.at(-1)!;
      expect(line.attachments ?? []).toEqual([]);
      expect(line.text).toContain(l.askFeedback);
      expect(line.text).toContain(l.rateAbove);

      events.length = 0;
      const disliked = await deliver(server, feedbackInvoke(place, user, 'dislike', 'still fails at 06:20', { replyToId: 'verdict-1' }));
      expect(disliked.status).toBe(200);
      expect(disliked.body).toEqual({});
      expect(events).toEqual([{ event: 'feedback', article: 'KA-05406', helpful: false, verdict: 'coincides' }]);
      // The comment is the reason, noted in the summary the check ends with.
      expect(disliked.text).toContain('still fails at 06:20');
      expect(disliked.text).toContain(l.noted);

      // Rated again later (the check is over): counted for the same verdict, nothing said.
      events.length = 0;
      const liked = await deliver(server, feedbackInvoke(place, user, 'like', '', { replyToId: 'verdict-1' }));
      expect([liked.status, liked.body, liked.posts]).toEqual([200, {}, []]);
      expect(events).toEqual([{ event: 'feedback', article: 'KA-05406', helpful: true, verdict: 'coincides' }]);
    });
  });

  it('other channels keep the "Was this helpful?" card, with no feedback controls', async () => {
    const conversation = `emulator-${lang}-${Date.now()}`;
    await server.sendMessage(conversation, l.question, lang === 'es' ? 'es-ES' : 'en-US');
    await server.sendMessage(conversation, l.yes);
    await server.sendMessage(conversation, '06:02');
    const replies = await server.sendMessage(conversation, '06:00');
    const feedback = replies.find((reply) => actionsOf(cardOf(reply)).some((a) => a.title === l.helpfulButton));
    expect(feedback).toBeDefined();
    expect(replies.every((reply) => !(reply.channelData as Json | undefined)?.feedbackLoop)).toBe(true);
  });

  it('suggested actions in a personal chat: yes/no and the default restart time, on a text message of their own after the card, at most 3, imBack; the default answered by one tap', async () => {
    const user = freshUser(l.user);
    const place = personal(user);
    const offered = await deliver(server, teamsMessage(place, user, l.question));
    const [card, quick] = offered.posts.slice(-2);
    expect(cardOf(card!)).toBeDefined();
    expect(card!.suggestedActions).toBeUndefined();
    expect(quick!.attachments ?? []).toEqual([]);
    expect(quick!.text).toBe(l.quick);
    expect(quick!.suggestedActions?.actions).toEqual([
      { type: 'imBack', title: l.yes, value: l.yes },
      { type: 'imBack', title: l.no, value: l.no },
    ]);
    expect(quick!.suggestedActions?.to).toEqual([user.id]);

    await deliver(server, teamsMessage(place, user, l.yes));
    const restart = await deliver(server, teamsMessage(place, user, '06:02'));
    const suggested = restart.posts.flatMap((post) => post.suggestedActions?.actions ?? []);
    expect(suggested).toEqual(expect.arrayContaining([{ type: 'imBack', title: l.useDefault, value: l.useDefault }]));
    expect(suggested.length).toBeLessThanOrEqual(3);
    // The tap sends its title as the user's message: the default restart is taken.
    const verdict = await deliver(server, teamsMessage(place, user, l.useDefault));
    expect(verdict.text).toContain(l.coincides);
    expect(verdict.text).toContain('06:05');
  });

  it('no suggested actions in a group chat: the per-user card has the buttons', async () => {
    const place = groupChat(`19:sa${lang}@thread.v2`);
    const offered = await deliver(server, teamsMessage(place, l.user, l.question));
    expect(offered.posts.some((post) => post.suggestedActions)).toBe(false);
    const refresh = cardOf(offered.posts.at(-1)!)!.refresh as Json;
    expect(refresh).toBeDefined();
  });

  describe.each(places)('Action.Execute, %s', (where, placeOf) => {
    it('answers adaptiveCard/action invokes as the Action.Submit would have been, and keeps Action.Submit as the fallback', async () => {
      const user = freshUser(l.user);
      const place = placeOf(user);
      const offered = await deliver(server, teamsMessage(place, user, l.question));
      const offerPost = offered.posts.find((post) => cardOf(post))!;
      // What everyone sees in a shared chat, and what the person whose check it is sees (the refresh's card).
      const shown = where === 'group chat' ? (((cardOf(offerPost)!.refresh as Json).action as Json).data as Json) : undefined;
      const ownerCard = where === 'group chat' ? (shown!.card as Json) : cardOf(offerPost)!;
      const yes = action(ownerCard, l.yes);
      expect(yes).toEqual(expect.objectContaining({ type: 'Action.Execute', verb: 'offer', fallback: expect.objectContaining({ type: 'Action.Submit', title: l.yes }) }));
      expect((yes.fallback as Json).data).toEqual(yes.data);

      const clicked = await deliver(server, executeInvoke(place, user, 'offer', yes.data as Json));
      expect(clicked.status).toBe(200);
      expect(clicked.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: l.received });
      expect(clicked.text).toContain(l.errorAsked);

      // An input card: the input comes merged into the action's data, as Teams sends it.
      const errorPost = clicked.posts.find((post) => cardOf(post))!;
      const errorCard = where === 'group chat' ? ((((cardOf(errorPost)!.refresh as Json).action as Json).data as Json).card as Json) : cardOf(errorPost)!;
      const send = actionsOf(errorCard).find((a) => a.type === 'Action.Execute')!;
      const answered = await deliver(server, executeInvoke(place, user, String(send.verb), { ...(send.data as Json), errorTime: '06:02' }));
      expect(answered.text).toContain(l.restartAsked);

      // A card submit (the fallback, as other clients send it) still works the same.
      const typedDefault = await deliver(server, cardSubmit(place, user, { kbAction: 'restartTime', restartTime: '06:00' }, { emptyText: true }));
      expect(typedDefault.text).toContain(l.coincides);
    });
  });

  it("per-user cards in a group chat: the starter's view by refresh (userIds), others see whose check it is and start their own; someone else's button leaves the check alone", async () => {
    const other = lang === 'en' ? ANA : BEN;
    const place = groupChat(`19:peruser${lang}@thread.v2`);
    const offered = await deliver(server, teamsMessage(place, l.user, l.question));
    const base = cardOf(offered.posts.find((post) => cardOf(post))!)!;
    const refresh = base.refresh as { action: Json; userIds: string[] };
    expect(refresh.userIds).toEqual([l.user.id]);
    expect(refresh.action).toEqual(expect.objectContaining({ type: 'Action.Execute', verb: 'kbRefresh' }));
    // What everyone sees: whose check, the article, a button to start one's own, no answer buttons or inputs.
    const baseText = JSON.stringify(base.body);
    expect(baseText).toContain(l.whose(l.user.name));
    expect(baseText).toContain('KA-05406');
    expect(actionsOf(base).map((a) => a.title)).toContain(l.startOwn);
    expect(actionsOf(base).map((a) => a.title)).not.toContain(l.yes);

    // The starter's client refreshes: their view, with the answer buttons and the refresh kept.
    const data = refresh.action.data as Json;
    const mine = await deliver(server, executeInvoke(place, l.user, 'kbRefresh', data, { trigger: 'automatic' }));
    const mineCard = (mine.body as { value: Json }).value;
    expect(mine.body).toEqual(expect.objectContaining({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' }));
    expect(actionsOf(mineCard).map((a) => a.title)).toEqual(expect.arrayContaining([l.yes, l.no]));
    expect(mineCard.refresh).toEqual(refresh);
    expect(mine.posts).toEqual([]);
    // A client that did not refresh (an old one, the Agents Playground) shows the starter others' view: its
    // "Start my own check" gives the starter their own view back, in place, and starts nothing.
    const ownView = await deliver(server, executeInvoke(place, l.user, 'offer', action(base, l.startOwn).data as Json));
    expect(ownView.body).toEqual(mine.body);
    expect(ownView.posts).toEqual([]);
    // Anyone else refreshing by hand: the others' view.
    const theirs = await deliver(server, executeInvoke(place, other, 'kbRefresh', data));
    const theirsCard = (theirs.body as { value: Json }).value;
    expect(JSON.stringify(theirsCard.body)).toContain(l.whose(l.user.name));
    expect(actionsOf(theirsCard).map((a) => a.title)).not.toContain(l.yes);

    // Someone else clicks the starter's "yes" (an old client showing the starter's view): told whose it is, nothing started.
    const yes = action(mineCard, l.yes);
    const hijack = await deliver(server, executeInvoke(place, other, 'offer', yes.data as Json));
    // In the clicker's own language.
    const otherL = L[lang === 'en' ? 'es' : 'en'];
    expect(hijack.body).toEqual(expect.objectContaining({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining(otherL.notYours(l.user.name)) }));
    expect(hijack.posts).toEqual([]);

    // "Start my own check": the other person's own check begins, on a card that is theirs.
    const own = await deliver(server, executeInvoke(place, other, 'offer', action(base, l.startOwn).data as Json));
    const ownCard = cardOf(own.posts.find((post) => cardOf(post))!)!;
    expect((ownCard.refresh as { userIds: string[] }).userIds).toEqual([other.id]);

    // The starter's check is where it was: their yes starts it.
    const started = await deliver(server, executeInvoke(place, l.user, 'offer', yes.data as Json));
    expect(started.text).toContain(l.errorAsked);
    const errorCard = cardOf(started.posts.find((post) => cardOf(post))!)!;
    expect((errorCard.refresh as { userIds: string[] }).userIds).toEqual([l.user.id]);
    expect(JSON.stringify(errorCard.body)).not.toContain('Input.Text');
    expect(JSON.stringify(((errorCard.refresh as { action: Json }).action.data as Json).card)).toContain('Input.Text');
  });

  describe.each(places)('edits and deletes, %s', (_where, placeOf) => {
    it('an edited answer after the verdict is read again for the question it answered, and the case re-judged, saying so; a delete is ignored', async () => {
      const user = freshUser(l.user);
      const place = placeOf(user);
      const { error, restart } = await toVerdict(place, user);
      events.length = 0;
      const edited = await deliver(server, messageEdit(place, user, error.id!, '07:40'));
      expect(edited.status).toBe(200);
      expect(edited.posts[0]!.text).toBe(l.edited);
      expect(edited.text).toContain(l.rejudged);
      expect(edited.text).toContain(l.differs);
      expect(edited.text).toContain('07:40');
      expect(events).toEqual([expect.objectContaining({ event: 'verdict', article: 'KA-05406', coincides: false })]);

      const deleted = await deliver(server, messageDelete(place, user, restart.id!));
      expect([deleted.status, deleted.posts]).toEqual([200, []]);
      // An edit of a message that answered nothing still open: ignored.
      const unrelated = await deliver(server, messageEdit(place, user, 'not-a-message-of-this-check', '08:00'));
      expect([unrelated.status, unrelated.posts]).toEqual([200, []]);
    });

    it('an edited answer during the check corrects the fact it gave, and the check goes on', async () => {
      const user = freshUser(l.user);
      const place = placeOf(user);
      await deliver(server, teamsMessage(place, user, l.question));
      await deliver(server, teamsMessage(place, user, l.yes));
      const error = teamsMessage(place, user, '06:02');
      await deliver(server, error);
      const edited = await deliver(server, messageEdit(place, user, error.id!, '06:40'));
      expect(edited.posts[0]!.text).toBe(l.edited);
      expect(edited.text).toContain(l.corrected);
      expect(edited.text).toContain('06:40');
      // Still waiting for the restart; with it, the verdict is on 06:40.
      expect(edited.text).toContain(l.restartAsked);
      const verdict = await deliver(server, teamsMessage(place, user, '06:00'));
      expect(verdict.text).toContain(l.differs);
    });

    it('the question edited during the check is read again for what it says', async () => {
      const user = freshUser(l.user);
      const place = placeOf(user);
      const question = teamsMessage(place, user, l.question);
      await deliver(server, question);
      await deliver(server, teamsMessage(place, user, l.yes));
      const edited = await deliver(server, messageEdit(place, user, question.id!, `${l.question} ${l.failedAt}`));
      expect(edited.posts[0]!.text).toBe(l.edited);
      expect(edited.text).toContain('06:02');
      expect(edited.text).toContain(l.restartAsked);
    });
  });
});

describeWithCorpus('Teams in 2026 over HTTP, with the KB corpus', (corpus) => {
  let server: BotServer;
  const events: CheckEvent[] = [];
  beforeAll(async () => {
    server = await startBotServer({ kbPaths: [corpus], bot: { record: (event) => events.push(event) } });
  });
  afterAll(async () => {
    await server.close();
  });

  // An article with no guided check, given as the answer (the search's tuning is not what this tests: the answer is made here).
  it.each([
    ['en', BEN, 'tracking logs are missing'],
    ['es', ANA, 'faltan los logs de seguimiento'],
  ])('feedback controls on an article given as the answer (%s), recorded with its article', async (lang, user, question) => {
    const index = server.loaded.knowledgeBase.index;
    const language = lang as 'en' | 'es';
    const search = index.search.bind(index);
    const spy = jest.spyOn(index, 'search').mockImplementation((q, options) => {
      if (q !== question) return search(q, options);
      const article = index.get('KA-17739', language)!;
      return { language, hits: [{ number: 'KA-17739', language, title: article.title, score: 0.9, article }] };
    });
    try {
      for (const place of [personal(freshUser(user)), groupChat(`19:article${++fresh}@thread.v2`)]) {
        const asker = place.kind === 'personal' ? place.user : user;
        const answer = await deliver(server, teamsMessage(place, asker, question));
        const articlePost = answer.posts.find((post) => JSON.stringify(cardOf(post) ?? {}).includes('KA-17739'))!;
        expect(articlePost.channelData).toEqual(expect.objectContaining({ feedbackLoop: { type: 'default' } }));
        events.length = 0;
        const liked = await deliver(server, feedbackInvoke(place, asker, 'like'));
        expect([liked.status, liked.body, liked.posts]).toEqual([200, {}, []]);
        expect(events).toEqual([{ event: 'feedback', article: 'KA-17739', helpful: true }]);
      }
    } finally {
      spy.mockRestore();
    }
  });

  // The search is tuned often and offers a choice less and less: the choice is made here, with real articles of the corpus.
  it.each([
    ['en', BEN, 'which article for the mcSync deadlock or the Logon error?', 'None of these'],
    ['es', ANA, '¿qué artículo para el deadlock de mcSync o el error de Logon?', 'Ninguno de estos'],
  ])('suggested actions for the article choice in a personal chat (%s): the articles and "none of these", at most 3', async (lang, user, question, none) => {
    const index = server.loaded.knowledgeBase.index;
    const language = lang as 'en' | 'es';
    const search = index.search.bind(index);
    const spy = jest.spyOn(index, 'search').mockImplementation((q, options) => {
      if (q !== question) return search(q, options);
      const hits = ['KA-23471', 'KA-05406'].map((number) => {
        const article = index.get(number, language)!;
        return { number, language, title: article.title, score: 0.9, article };
      });
      return { language, hits };
    });
    try {
      const asker = freshUser(user);
      const place = personal(asker);
      const choice = await deliver(server, teamsMessage(place, asker, question));
      const actions = choice.posts.flatMap<CardAction>((post) => post.suggestedActions?.actions ?? []);
      expect(actions).toEqual([
        { type: 'imBack', title: '1. KA-23471', value: 'KA-23471' },
        { type: 'imBack', title: '2. KA-05406', value: 'KA-05406' },
        { type: 'imBack', title: none, value: none },
      ]);
      // A tap on an article's number shows it.
      const shown = await deliver(server, teamsMessage(place, asker, 'KA-23471'));
      expect(shown.text).toContain('KA-23471');
      expect(shown.text).not.toContain('KA-05406');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('typing while a turn takes longer than a moment, over HTTP', () => {
  /** State that takes `ms` to read, as a distant Blob Storage may. */
  class SlowStore extends MemoryVersionedStore {
    constructor(private readonly ms: number) {
      super();
    }
    override async read(keys: string[]) {
      await new Promise((resolve) => setTimeout(resolve, this.ms));
      return super.read(keys);
    }
  }

  it.each([
    ['personal chat', personal(BEN), BEN],
    ['group chat', groupChat('19:typing@thread.v2'), ANA],
  ])('%s: a typing indicator goes out at once while the reply is held, none for a quick turn', async (_where, place, user) => {
    const slow = await startBotServer({ bot: { record: () => undefined, storage: new OptimisticStorage(new SlowStore(400)), typing: { delayMs: 100, periodMs: 150 } } });
    const quick = await startBotServer({ bot: { record: () => undefined } });
    try {
      const slowTurn = await deliver(slow, teamsMessage(place, user, 'help'));
      expect(slowTurn.posts[0]!.type).toBe('typing');
      expect(slowTurn.posts.filter((post) => post.type === 'message').length).toBeGreaterThan(0);
      expect(slowTurn.posts.findIndex((post) => post.type === 'message')).toBeGreaterThan(0);
      const quickTurn = await deliver(quick, teamsMessage(place, user, 'help'));
      expect(quickTurn.posts.some((post) => post.type === 'typing')).toBe(false);
    } finally {
      await slow.close();
      await quick.close();
    }
  });
});
