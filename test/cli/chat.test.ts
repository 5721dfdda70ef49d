import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler, CardFactory, type Activity } from 'botbuilder';
import { CHAT_MESSAGES, ChatSession, isoWithOffset, localeFromEnvironment } from '../../src/cli/chatSession';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/**
 * What the terminal chat is asked, and what its reply must show. Holds for the echo
 * placeholder and for the real dialogs; tighten it here (e.g. /KA-05406/).
 */
const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const EXPECTED_REPLY = /KA-05406[\s\S]*walk you through/;

function chat(stdin: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(tsx, ['src/cli/chat.ts'], { cwd: root, env: { ...process.env, KB_PATH: '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

describe('npm run chat (piped stdin)', () => {
  it('prints the reply to each line and exits 0 at end of input', async () => {
    const { code, stdout, stderr } = await chat(`${QUESTION}\n`);
    expect({ code, stderr }).toMatchObject({ code: 0 });
    // The piped line is echoed as "> line"; the bot's reply follows it.
    const echoed = `> ${QUESTION}\n`;
    expect(stdout).toContain(echoed);
    const reply = stdout.slice(stdout.indexOf(echoed) + echoed.length);
    expect(reply).toMatch(EXPECTED_REPLY);
  });

  it('keeps the log out of the transcript, and prints **bold** as plain words when not a terminal', async () => {
    // Through the verdict and "was this helpful?": each is a check event for the log.
    const { code, stdout, stderr } = await chat(`${QUESTION}\nyes\n06:02\n06:00\n1\n`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).not.toMatch(/^\s*\{/m);
    expect(stdout).not.toContain('check event');
    expect(stdout).not.toContain('**');
    expect(stdout).toMatch(/Type help at any time/);
  });

  it('writes the whole log, check events included, to CHAT_LOG', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chat-log-'));
    try {
      const file = path.join(dir, 'chat.log');
      const { code, stderr } = await chat(`${QUESTION}\nyes\n06:02\n06:00\n`, { CHAT_LOG: file, LOG_LEVEL: 'info' });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const events = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; event?: string });
      expect(events.filter((line) => line.msg === 'check event').map((line) => line.event)).toEqual(['verdict']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one line on an invalid setting', async () => {
    const { code, stderr } = await chat('', { DEFAULT_LANGUAGE: 'fr' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration: DEFAULT_LANGUAGE/);
  });
});

describe('ChatSession', () => {
  /** A bot that shows a card with an input and two buttons, and records what it receives. */
  function cardBot() {
    const received: Partial<Activity>[] = [];
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      received.push(context.activity);
      await context.sendActivity({
        attachments: [
          CardFactory.adaptiveCard({
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: 'When does the server restart?' },
              { type: 'Input.Text', id: 'restartTime', placeholder: 'e.g. 06:00' },
            ],
            actions: [
              { type: 'Action.Submit', title: 'Send', data: { kbAction: 'restartTime' } },
              { type: 'Action.Submit', title: "I don't know", data: { kbAction: 'restartTime', dontKnow: true } },
              { type: 'Action.OpenUrl', title: 'Article', url: 'https://example.test/ka' },
            ],
          }),
        ],
      });
      await next();
    });
    return { bot, received };
  }

  it('sends genuine message activities and prints the card with numbered actions', async () => {
    const { bot, received } = cardBot();
    let printed = '';
    const session = new ChatSession(bot, { channelId: 'msteams', locale: 'es-ES', timeZone: 'Europe/Madrid' }, (text) => (printed += text));
    await session.start();
    await session.input('hola');

    expect(received[0]).toMatchObject({
      type: 'message',
      text: 'hola',
      channelId: 'msteams',
      locale: 'es-ES',
      localTimezone: 'Europe/Madrid',
      from: { role: 'user' },
      recipient: { role: 'bot' },
      conversation: { id: expect.stringMatching(/^chat-/) },
    });
    expect(printed).toContain("When does the server restart?\n[input restartTime: e.g. 06:00]\n[1] Send\n[2] I don't know\n[3] Article (https://example.test/ka)");
  });

  it('turns a number into the action, as Teams sends a click; other text stays a message', async () => {
    const { bot, received } = cardBot();
    let printed = '';
    const session = new ChatSession(bot, { channelId: 'emulator', locale: 'en-US' }, (text) => (printed += text));
    await session.input('my question');
    await session.input('2');
    expect(received[1]).toMatchObject({ type: 'message', text: '', value: { kbAction: 'restartTime', dontKnow: true }, replyToId: 'reply-1' });

    // Typed text while the card shows is an ordinary message; so is a number no action has, as
    // the card's field may take it ("9" for 09:00).
    await session.input('06:00');
    await session.input('9');
    expect(received.slice(2).map((activity) => [activity.text, activity.value])).toEqual([
      ['06:00', undefined],
      ['9', undefined],
    ]);

    // A link is printed, not sent.
    const before = received.length;
    await session.input('3');
    expect(received).toHaveLength(before);
    expect(printed).toContain('Open in a browser: https://example.test/ka');
  });
});

describe('ChatSession: numbers, empty lines and bold', () => {
  /** A bot that answers every message with a card: a question and the given buttons, and optionally a field. */
  function buttonsBot(titles: string[], field?: string, text = 'Shall I walk you through the check?') {
    const received: Partial<Activity>[] = [];
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      received.push(context.activity);
      const body: unknown[] = [{ type: 'TextBlock', text }];
      if (field) body.push({ type: 'Input.Text', id: field });
      await context.sendActivity({
        attachments: [
          CardFactory.adaptiveCard({
            type: 'AdaptiveCard',
            version: '1.5',
            body,
            actions: titles.map((title) => ({ type: 'Action.Submit', title, data: { answer: title.toLowerCase() } })),
          }),
        ],
      });
      await next();
    });
    return { bot, received };
  }

  it('refuses a number that is no button, at a card with buttons, and sends nothing', async () => {
    const { bot, received } = buttonsBot(['Yes', 'No']);
    let printed = '';
    const session = new ChatSession(bot, { channelId: 'emulator', locale: 'en-US' }, (text) => (printed += text));
    await session.input('my question');
    printed = '';
    await session.input('7');
    expect(received).toHaveLength(1);
    expect(printed).toBe('There is no button 7; type 1–2 or your answer.\n');
    expect(CHAT_MESSAGES.noSuchButton('3', 1, 1)).toBe('There is no button 3; type 1 or your answer.');
    // The buttons still work, and so does a typed answer.
    await session.input('2');
    await session.input('no');
    expect(received.slice(1).map((activity) => [activity.text, activity.value])).toEqual([
      ['', { answer: 'no' }],
      ['no', undefined],
    ]);
  });

  it('sends a number as text when no buttons show, or when a field shows that it may answer', async () => {
    const plain = new ActivityHandler();
    const received: Array<string | undefined> = [];
    plain.onMessage(async (context, next) => {
      received.push(context.activity.text);
      await context.sendActivity('How many instances?');
      await next();
    });
    const session = new ChatSession(plain, { channelId: 'emulator', locale: 'en-US' }, () => undefined);
    await session.input('7');
    await session.input('12');
    expect(received).toEqual(['7', '12']);

    const { bot, received: atField } = buttonsBot(['Send'], 'errorTime', 'When did the error happen?');
    const withField = new ChatSession(bot, { channelId: 'emulator', locale: 'en-US' }, () => undefined);
    await withField.input('question');
    await withField.input('7');
    expect(atField.map((activity) => activity.text)).toEqual(['question', '7']);
  });

  it('sends nothing for an empty line, nor for a Send whose field the terminal cannot fill', async () => {
    const { bot, received } = buttonsBot(['Send'], 'errorTime', 'When did the error happen?');
    let printed = '';
    const session = new ChatSession(bot, { channelId: 'emulator', locale: 'en-US' }, (text) => (printed += text));
    await session.input('question');
    printed = '';
    await session.input('');
    await session.input('   ');
    expect(printed).toBe('');
    await session.input('1');
    expect(received).toHaveLength(1);
    expect(printed).toBe(`${CHAT_MESSAGES.typeTheAnswer('Send')}\n`);
  });

  it('prints **bold** in ANSI bold when asked (a terminal), as plain words otherwise', async () => {
    const bold = new ActivityHandler();
    bold.onMessage(async (context, next) => {
      await context.sendActivity('Type **help** at any time');
      await next();
    });
    let ansi = '';
    await new ChatSession(bold, { channelId: 'emulator', locale: 'en-US', bold: 'ansi' }, (text) => (ansi += text)).input('hi');
    expect(ansi).toBe('Type \u001b[1mhelp\u001b[22m at any time\n\n');
    let plain = '';
    await new ChatSession(bold, { channelId: 'emulator', locale: 'en-US' }, (text) => (plain += text)).input('hi');
    expect(plain).toBe('Type help at any time\n\n');
  });
});

describe('chat helpers', () => {
  it('reads the locale from CHAT_LOCALE / LANG values', () => {
    expect(localeFromEnvironment('es_ES.UTF-8')).toBe('es-ES');
    expect(localeFromEnvironment('en-GB')).toBe('en-GB');
    expect(localeFromEnvironment('C.UTF-8')).toBeNull();
    expect(localeFromEnvironment(undefined)).toBeNull();
  });

  it('writes local time with its offset, as rawLocalTimestamp', () => {
    expect(isoWithOffset(new Date('2025-03-04T10:30:00Z'))).toMatch(/^2025-03-0[45]T\d\d:\d\d:00\.000[+-]\d\d:\d\d$/);
  });
});
