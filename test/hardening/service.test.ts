import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { hashConversationId } from '../../src/observability/turnLog';
import { messageActivity, post } from '../support/http';
import { channelClaims, unsignedJwt } from '../support/tokens';
import { freePort } from '../../src/cli/localPort';

/**
 * The service as it runs in production: src/index.ts in a process of its own, configured by
 * its environment, logging to stdout. Bad and arbitrary requests never get a 5xx, the process is
 * alive afterwards, and its stdout is structured JSON lines: one per turn, verdicts and feedback
 * countable, nothing the user typed and no token.
 */

const REPOSITORY = path.resolve(__dirname, '../..');
const QUESTION = "Empty return for method 'Logon' of service 'xtk:session'";
const MARKER = 'Qv7Marker';

interface Service {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** stdout's lines, parsed; a line that is not JSON fails the test. */
  logLines(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

async function startService(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  // Only what the service needs from this environment: no stray settings from the machine.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: REPOSITORY,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}): ${stderr}${stdout}`);
    const status = await fetch(`${url}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`the service did not get ready: ${stderr}${stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logLines: () =>
      stdout
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

jest.setTimeout(120_000);

describe('the service in its own process, without credentials', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService({ LOG_LEVEL: 'info', LOG_HASH_SALT: 'service-test' });
  });
  afterAll(async () => {
    await service.stop();
  });

  it('answers bad requests with 4xx, never 5xx', async () => {
    const base = messageActivity('service-bad', QUESTION);
    const bodies: Array<[unknown, boolean]> = [
      ['{"type": "message", "text": ', true],
      ['', true],
      [`${'['.repeat(5000)}${']'.repeat(5000)}`, true],
      [null, false],
      [[base], false],
      [{ ...base, type: undefined }, false],
      [{ ...base, serviceUrl: 5 }, false],
      [{ ...base, conversation: 'x' }, false],
      [{ ...base, text: 'x'.repeat(5 * 1024 * 1024) }, false],
      [{ ...base, type: 'invoke', deliveryMode: undefined, name: 'unknown/invoke' }, false],
    ];
    for (const [body, raw] of bodies) {
      const { status } = await post(service.url, body, raw ? { raw: true } : {});
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it('never answers 5xx to arbitrary JSON, and is alive afterwards', async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.dictionary(fc.constantFrom('type', 'text', 'conversation', 'from', 'recipient', 'serviceUrl', 'channelId', 'value', 'locale'), fc.jsonValue({ maxDepth: 3 })),
      fc.string({ maxLength: 500 }).map((text) => messageActivity('service-fuzz', text)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const { status } = await post(service.url, sent);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
    expect(service.child.exitCode).toBeNull();
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it('logs structured JSON lines on stdout: one per turn, verdicts and feedback countable, no user text', async () => {
    const id = 'service-check';
    const say = async (message: string | { value: Record<string, unknown> }): Promise<void> => {
      const { status } = await post(service.url, messageActivity(id, message));
      expect(status).toBe(200);
    };
    await say(`${QUESTION} ${MARKER}`);
    await say('yes');
    await say({ value: { kbAction: 'errorTime', errorTime: `06:03 ${MARKER}` } });
    await say('06:00');
    await say('yes');

    const lines = service.logLines();
    expect(lines.every((line) => typeof line.level === 'string' && typeof line.time === 'string' && typeof line.msg === 'string')).toBe(true);
    expect(lines.some((line) => String(line.msg).startsWith('Bot ready on'))).toBe(true);
    const turns = lines.filter((line) => line.msg === 'turn' && line.conversation === hashConversationId(id, 'service-test'));
    expect(turns.map((turn) => turn.step)).toEqual(['main.offer', 'errorTime', 'restartTime', 'feedback', 'none']);
    expect(turns[3]).toMatchObject({ verdict: 'coincides', article: 'KA-05406', language: 'en' });
    const events = lines.filter((line) => line.msg === 'check event');
    expect(events).toEqual([
      expect.objectContaining({ event: 'verdict', article: 'KA-05406', coincides: true }),
      expect.objectContaining({ event: 'feedback', article: 'KA-05406', helpful: true, verdict: 'coincides' }),
    ]);
    expect(service.stdout()).not.toContain(MARKER);
    expect(service.stderr()).not.toContain(MARKER);
    expect(service.stdout()).not.toContain(id);
  });
});

describe('the service in its own process, with MicrosoftAppId', () => {
  it('answers 401 to an unsigned token whose keys cannot be fetched (it was a 500 leaking the request), and logs no token', async () => {
    const service = await startService({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'test-password-not-a-secret', MicrosoftAppType: 'MultiTenant' });
    try {
      const activity = messageActivity('service-auth', QUESTION, 'en-US', { channelId: 'msteams' });
      const token = unsignedJwt(channelClaims('app-id', activity.serviceUrl as string), { kid: 'key' });
      const response = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(activity),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 'Unauthorized', message: 'The request is not authenticated' });
      expect((await post(service.url, activity)).status).toBe(401);

      const refusals = service.logLines().filter((line) => line.msg === 'request not authenticated');
      expect(refusals).toHaveLength(2);
      const output = service.stdout() + service.stderr();
      expect(output).not.toContain(token);
      expect(output).not.toContain('test-password-not-a-secret');
      expect(service.child.exitCode).toBeNull();
    } finally {
      await service.stop();
    }
  });
});
