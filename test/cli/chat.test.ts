import { execFile } from 'node:child_process';
import path from 'node:path';
import { ActivityHandler, CardFactory, type Activity } from 'botbuilder';
import { ChatSession, isoWithOffset, localeFromEnvironment } from '../../src/cli/chatSession';

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
            body: [{ type: 'TextBlock', text: 'When does the server restart?' }, { type: 'Input.Text', id: 'restartTime', placeholder: 'e.g. 06:00' }],
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
    expect(printed).toContain('When does the server restart?\n[input restartTime: e.g. 06:00]\n[1] Send\n[2] I don\'t know\n[3] Article (https://example.test/ka)');
  });

  it('turns a number into the action, as Teams sends a click; other text stays a message', async () => {
    const { bot, received } = cardBot();
    let printed = '';
    const session = new ChatSession(bot, { channelId: 'emulator', locale: 'en-US' }, (text) => (printed += text));
    await session.input('my question');
    await session.input('2');
    expect(received[1]).toMatchObject({ type: 'message', text: '', value: { kbAction: 'restartTime', dontKnow: true }, replyToId: 'reply-1' });

    // Typed text while the card shows is an ordinary message; so is a number no action has.
    await session.input('06:00');
    await session.input('9');
    expect(received.slice(2).map((activity) => [activity.text, activity.value])).toEqual([['06:00', undefined], ['9', undefined]]);

    // A link is printed, not sent.
    const before = received.length;
    await session.input('3');
    expect(received).toHaveLength(before);
    expect(printed).toContain('Open in a browser: https://example.test/ka');
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
