import type { Activity } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import { cleanIncomingActivity, cleanUserText, MAX_USER_TEXT_LENGTH } from '../../src/bot/userText';
import { plainName } from '../../src/check/rules/restartWindow';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CHECKS_DIR, loadChecks } from '../../src/check/registry';
import { openKnowledgeBase } from '../../src/search/knowledgeBase';
import { threadCpuMs } from '../../src/observability/eventLoop';
import { conversationRunner } from '../support/conversation';
import { checkText } from '../support/guidedCheck';
import { startBotServer, type BotServer, type UserMessage } from '../support/http';

/**
 * What users type is bounded and cleaned once, as the turn starts; whatever it holds (odd
 * Unicode, control characters, huge pasted logs, markup) the bot answers sensibly and quickly,
 * and nothing of it reaches a card or a message as markup.
 */

const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const LOG_LINE = "19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'";

describe('cleanUserText', () => {
  it('bounds the text to 4,000 characters', () => {
    expect(MAX_USER_TEXT_LENGTH).toBe(4000);
    expect(cleanUserText('a'.repeat(100_000))).toHaveLength(4000);
    expect(cleanUserText('short')).toBe('short');
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'a'.repeat(3999)}😀😀`;
    const cleaned = cleanUserText(text);
    expect(cleaned).toBe('a'.repeat(3999));
    expect(cleaned).not.toMatch(/[\ud800-\udfff]/);
  });

  it('replaces lone surrogates, drops control and invisible format characters, keeps tabs and new lines', () => {
    expect(cleanUserText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(cleanUserText('06:02\u0000\u0007\u001b[31m\u007f\u0085')).toBe('06:02[31m');
    expect(cleanUserText('line 1\r\n\tline 2')).toBe('line 1\r\n\tline 2');
    expect(cleanUserText('xtk\u200b:ses\u200dsion\u202e\u2066\ufeff\u00ad')).toBe('xtk:session');
  });

  it('cuts stacks of combining marks ("Zalgo") and normalises to NFC', () => {
    expect(cleanUserText(`e${'\u0301'.repeat(200)}`)).toBe('\u00e9\u0301\u0301\u0301');
    expect(cleanUserText('devolucio\u0301n vaci\u0301a')).toBe('devolución vacía');
  });

  it('takes anything: a non-string is empty text', () => {
    expect(cleanUserText(undefined)).toBe('');
    expect(cleanUserText(42)).toBe('');
    expect(cleanUserText({ toString: () => 'x' })).toBe('');
  });

  it("cleans an activity's text and its card's string inputs, in place", () => {
    const activity: Partial<Activity> = {
      type: 'message',
      text: `a\u0000${'b'.repeat(5000)}`,
      value: { errorTime: `06:02\u200b${'9'.repeat(5000)}`, dontKnow: true, nested: { deep: 'x\u0000' } },
    };
    cleanIncomingActivity(activity);
    expect(activity.text).toHaveLength(4000);
    expect(activity.text!.startsWith('ab')).toBe(true);
    expect((activity.value as Record<string, unknown>).errorTime).toHaveLength(4000);
    expect((activity.value as Record<string, unknown>).dontKnow).toBe(true);
    expect((activity.value as Record<string, unknown>).nested).toEqual({ deep: 'x\u0000' });
  });
});

describe('names read from a pasted log', () => {
  it('keeps a workflow name, and refuses one that carries markup', () => {
    expect(plainName('mcSynch_mcExec1')).toBe('mcSynch_mcExec1');
    for (const name of ['mcSynch_x](https://evil.test)', 'mcSynch_**x**', 'mcSynch_<b>x</b>', 'mcSynch x', `mcSynch_${'x'.repeat(100)}`, '']) {
      expect(plainName(name)).toBeUndefined();
    }
  });

  it('keeps markup out of the check even when the data reads names loosely', async () => {
    // A looser name pattern than KA-05406's, as a KB author might write: the log's "name" is markup.
    const shipped = JSON.parse(readFileSync(path.join(DEFAULT_CHECKS_DIR, 'KA-05406.json'), 'utf8')) as { settings: { workflow: Record<string, unknown> } };
    shipped.settings.workflow.nameRegex = 'mcSynch_\\S+';
    const dir = mkdtempSync(path.join(tmpdir(), 'loose-check-'));
    writeFileSync(path.join(dir, 'KA-05406.json'), JSON.stringify(shipped));
    const loose = loadChecks([dir]);
    const log = "19/08/2022 06:00:41\tmcSynch_[click](https://evil.test)\tEmpty return for method 'Logon' of service 'xtk:session'";
    const { play } = conversationRunner(await openKnowledgeBase([]), loose);
    const transcript = await play({ name: 'markup in a workflow name', turns: [{ user: `the sync fails:\n${log}` }, { user: 'yes' }, { user: '06:00' }] });
    expect(transcript.at(-1)).toContain('coincides');
    expect(transcript.join('\n')).not.toMatch(/evil\.test|\[click\]/);
    expect(transcript.at(-1)).toContain(checkText('en', 'unknownWorkflow'));
  });
});

describe('odd user text over HTTP, with the real bot', () => {
  let server: BotServer;
  beforeAll(async () => {
    server = await startBotServer({ bot: { record: () => undefined } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** `ms`: this process's CPU time for the turn (client and server both run here), which a busy machine does not stretch as it does wall-clock time. */
  async function say(conversationId: string, message: UserMessage, locale = 'en-US'): Promise<{ text: string; raw: string; ms: number }> {
    const started = threadCpuMs();
    const replies = await server.sendMessage(conversationId, message, locale);
    return { text: replies.map((reply) => renderActivityAsText(reply)).join('\n'), raw: JSON.stringify(replies), ms: threadCpuMs() - started };
  }

  const disguised: Array<[string, string]> = [
    ['zero-width characters inside the words', "Empty\u200b return for me\u200bthod 'Lo\u200dgon' of service 'xtk\u2060:session'"],
    ['control characters and escapes', `\u0000\u0007${QUESTION}\u001b[0m\u007f`],
    ['a right-to-left override', `\u202e${QUESTION}\u202c`],
    ['a byte-order mark and soft hyphens', `\ufeffEmpty re\u00adturn for method 'Logon' of service 'xtk:session'`],
    ['decomposed accents (NFD), in Spanish', 'devolucio\u0301n vaci\u0301a del me\u0301todo Logon de xtk:session'],
    ['fullwidth and emoji around it', `🔥🔥 ${QUESTION} 🙏`],
    ['lone surrogates', `\ud800${QUESTION}\udfff`],
  ];
  it.each(disguised)('finds KA-05406 through %s', async (_name, text) => {
    const { text: reply } = await say(`odd-${_name}`, text);
    expect(reply).toContain('KA-05406');
  });

  const junk: Array<[string, string]> = [
    ['only control characters', '\u0000\u0001\u0002\u0003'],
    ['only invisible characters', '\u200b\u200c\u200d\ufeff'],
    ['Zalgo text', `h${'\u0336\u0334\u0335'.repeat(300)}elp`],
    ['50,000 emoji (200 KB)', '😀'.repeat(50_000)],
    ['a single 100,000-character word', 'a'.repeat(100_000)],
    ['SQL and shell injection', "'; DROP TABLE users; -- $(rm -rf /) `reboot`"],
    ['a template and a prototype key', '${process.exit()} {{constructor.constructor("x")()}} __proto__'],
  ];
  it.each(junk)('answers %s politely and quickly', async (_name, text) => {
    const { text: reply, ms } = await say(`junk-${_name}`, text);
    expect(reply.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(3000);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('reads a huge pasted log (100 KB) within the first 4,000 characters, quickly', async () => {
    const noise = Array.from({ length: 1500 }, (_, i) => `19/08/2022 05:${String(i % 60).padStart(2, '0')}:00\tsomeOtherWorkflow\tStep ${i} done, 0 errors`).join('\n');
    const paste = `${LOG_LINE}\n${noise}`;
    expect(paste.length).toBeGreaterThan(60_000);
    const first = await say('huge-log', paste);
    expect(first.text).toContain('KA-05406');
    expect(first.ms).toBeLessThan(3000);
    const accepted = await say('huge-log', 'yes');
    // The log gave the error time and the workflow: straight to the restart time.
    expect(accepted.text).toContain('06:00');
    expect(accepted.text).toContain('mcSynch_mcExec1');
    expect(accepted.text).toContain('When does the server restart?');
  });

  it('answers a 4,000-character paste at the error-time question quickly', async () => {
    await say('long-answer', QUESTION);
    await say('long-answer', 'yes');
    const { ms } = await say('long-answer', { value: { kbAction: 'errorTime', errorTime: `at 06:02 ${'blah '.repeat(2000)}` } });
    expect(ms).toBeLessThan(3000);
  });

  const markup = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click here](javascript:alert(1))',
    '![x](https://evil.test/pixel.png)',
    '**bold** _it_ `code` # heading',
    '<at>Someone</at>',
    '{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"injected"}]}',
  ];
  it('never echoes markup the user typed: in a question, or as the workflow of a pasted log', async () => {
    // A question drowned in markup may find no article (its words are mostly noise): either way, nothing of it comes back.
    const first = await say('markup', `${QUESTION} ${markup.join(' ')}`);
    expect(first.text.length).toBeGreaterThan(0);
    expect((await say('markup', QUESTION)).text).toContain('KA-05406');
    await say('markup', 'yes');
    const pasted = `19/08/2022 06:02:00\tmcSynch_evil](javascript:alert(1)) <b>mcSynch_x</b>\tEmpty return for method 'Logon' of service 'xtk:session' ${markup.join(' ')}`;
    const times = await say('markup', { value: { kbAction: 'errorTime', errorTime: pasted } });
    const verdict = await say('markup', '06:00');
    const all = [first, times, verdict].map((reply) => reply.raw).join('\n');
    for (const piece of ['<script', 'onerror', 'javascript:', 'evil.test', 'injected', '<b>', '<at>Someone']) expect(all).not.toContain(piece);
    expect(verdict.text).toContain('coincides with the server restart');
  });
});
