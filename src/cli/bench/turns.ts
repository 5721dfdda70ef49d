import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { activity, fixed, printTable, startProcess } from './support';

/**
 * Throughput and latency of the guided check over HTTP (expectReplies, loopback), against an echo
 * bot on the same botbuilder and restify: the stack's own ceiling; and against a bare waterfall of
 * text prompts with state, what botbuilder-dialogs alone costs per turn. Each connection loops through
 * the symptom question, "yes", an error time and a restart time, in a new conversation each time.
 */

const GUIDED_CHECK = ["Empty return for method 'Logon' of service 'xtk:session' in mcSynch_mcExec1", 'yes', '06:02', '06:00'];
const CONNECTIONS = 10;
const DURATION_S = 10;

interface Figures {
  turnsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, messages: string[]): Promise<Figures> {
  const requests: autocannon.Request[] = messages.map((text, step) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: object) => {
      const conversation = context as { id?: string };
      if (step === 0) conversation.id = randomUUID();
      return { ...request, body: JSON.stringify(activity(conversation.id!, text)) };
    },
  }));
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  return { turnsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function benchTurns(corpusPaths: string[]): Promise<void> {
  console.log(`\n## Guided check over HTTP: ${CONNECTIONS} connections x ${DURATION_S} s, expectReplies on loopback, full corpus loaded\n`);
  const bot = await startProcess('dist/src/index.js', { KB_PATH: corpusPaths.join(':') });
  const echo = await startProcess('dist/src/cli/echoBot.js');
  const dialogEcho = await startProcess('dist/src/cli/echoBot.js', { ECHO_MODE: 'dialog' });
  try {
    await load(bot.url, GUIDED_CHECK); // warm-up: JIT, first Recognizers-Text load
    const check = await load(bot.url, GUIDED_CHECK);
    const ceiling = await load(echo.url, GUIDED_CHECK);
    const dialogs = await load(dialogEcho.url, GUIDED_CHECK);
    const row = (name: string, f: Figures) => [name, fixed(f.turnsPerSecond, 0), f.p50, f.p99, f.errors, fixed(f.turnsPerSecond / ceiling.turnsPerSecond)];
    printTable(
      ['server', 'turns/s', 'p50 ms', 'p99 ms', 'errors', 'x echo'],
      [row('guided check', check), row('echo bot (ceiling)', ceiling), row('waterfall of prompts + state', dialogs)],
    );
    console.log(
      `\nThroughput ratio ${fixed(check.turnsPerSecond / ceiling.turnsPerSecond)} (target >= 0.7); ` + `p99 ratio ${fixed(check.p99 / Math.max(ceiling.p99, 1))} (target <= 3)`,
    );
  } finally {
    await Promise.all([bot.stop(), echo.stop(), dialogEcho.stop()]);
  }
}
