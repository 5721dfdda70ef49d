import autocannon from 'autocannon';
import { fixed, guidedCheckRequests, printTable, startBot, startProcess, type BotProcess } from './support';
import type { Scorecard } from './targets';

/**
 * Throughput and latency of the guided check over HTTP (expectReplies, loopback), against
 * ceilings on the same botbuilder and restify, each in a process of its own:
 * - an echo bot: the HTTP and adapter stack alone;
 * - a bare waterfall of text prompts with conversation state: botbuilder-dialogs' own cost;
 * - the peer sample's shape (05.multi-turn-prompt: a component dialog of prompts, user and
 *   conversation state in memory): what a bot that does less than this one costs.
 * Each connection loops through the symptom question, "yes", an error time and a restart time, in
 * a new conversation each time. The servers take turns, in rounds, so that a busy spell of the
 * machine falls on all of them; the figures are the medians of the rounds, and each ratio is the
 * median of the ratios within a round. CPU per turn is the server's own CPU time (user + system)
 * over the turns it answered: the figure least stretched by other processes on the machine.
 */

const CONNECTIONS = 10;
const DURATION_S = 5;
const ROUNDS = 3;
const WARM_UP_S = 2;

/** The figures of issue 10's baseline (README, 2026-11-26), which the guided check must stay within 10% of. */
const ISSUE_10_BASELINE = { turnsPerSecond: 1878, p50: 4, p99: 12, xEcho: 0.39 };

interface Figures {
  turnsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerTurn: number;
}

async function load(server: BotProcess, durationS: number): Promise<Figures> {
  const requests = guidedCheckRequests();
  const cpuBefore = server.cpuMs();
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: durationS, requests });
  const cpu = server.cpuMs() - cpuBefore;
  return {
    turnsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMsPerTurn: cpu / Math.max(1, result.requests.total),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function benchTurns(corpusPaths: string[], scorecard: Scorecard): Promise<void> {
  console.log(
    `\n## Guided check over HTTP: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s per server (servers in turn), expectReplies on loopback, full corpus loaded\n`,
  );
  const kbPath = corpusPaths.join(':');
  const servers: Array<{ name: string; start: () => Promise<BotProcess> }> = [
    { name: 'guided check', start: () => startBot({ KB_PATH: kbPath }) },
    { name: 'guided check, turn log on (LOG_LEVEL=info)', start: () => startBot({ KB_PATH: kbPath, LOG_LEVEL: 'info' }) },
    { name: 'echo bot (ceiling)', start: () => startProcess('dist/src/cli/echoBot.js') },
    { name: 'bare waterfall of prompts + state', start: () => startProcess('dist/src/cli/echoBot.js', { ECHO_MODE: 'dialog' }) },
    { name: 'peer sample shape (component, prompts, user + conversation state)', start: () => startProcess('dist/src/cli/echoBot.js', { ECHO_MODE: 'sample' }) },
  ];
  const processes = await Promise.all(servers.map((server) => server.start()));
  const rounds: Figures[][] = [];
  try {
    // Warm-up: JIT, first use of each code path.
    for (const server of processes) await load(server, WARM_UP_S);
    for (let round = 0; round < ROUNDS; round++) {
      const figures: Figures[] = [];
      for (const server of processes) figures.push(await load(server, DURATION_S));
      rounds.push(figures);
    }
  } finally {
    await Promise.all(processes.map((server) => server.stop()));
  }
  const [check, echo, waterfall, sample] = [0, 2, 3, 4] as const;
  const ratio = (server: number, to: number, pick: (f: Figures) => number = (f) => f.turnsPerSecond) =>
    median(rounds.map((figures) => pick(figures[server]!) / pick(figures[to]!)));
  const of = (server: number, pick: (f: Figures) => number) => median(rounds.map((figures) => pick(figures[server]!)));
  printTable(
    ['server', 'turns/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms/turn', 'x echo', 'x waterfall'],
    servers.map((server, i) => [
      server.name,
      fixed(
        of(i, (f) => f.turnsPerSecond),
        0,
      ),
      of(i, (f) => f.p50),
      of(i, (f) => f.p99),
      rounds.reduce((sum, figures) => sum + figures[i]!.errors, 0),
      fixed(of(i, (f) => f.cpuMsPerTurn)),
      fixed(ratio(i, echo)),
      fixed(ratio(i, waterfall)),
    ]),
  );
  console.log(
    `\nPer round, guided check x echo: ${rounds.map((figures) => fixed(figures[check]!.turnsPerSecond / figures[echo]!.turnsPerSecond)).join(', ')}; ` +
      `CPU per turn x echo's: ${fixed(ratio(check, echo, (f) => 1 / f.cpuMsPerTurn))} (the throughput ratio CPU alone allows).`,
  );
  // When the machine is saturated, every server gets about the same turns/s (the load generator
  // and the servers share what is left of the cores) and the throughput ratios say nothing.
  const speeds = processes.map((_, i) => of(i, (f) => f.turnsPerSecond));
  if (Math.max(...speeds) < 1.25 * Math.min(...speeds)) {
    console.log('Warning: all servers ran at about the same turns/s: the machine, not the servers, set the pace; read the CPU per turn ratios.');
  }
  scorecard.atLeast(
    "guided check CPU per turn, echo's / its own",
    ratio(check, echo, (f) => 1 / f.cpuMsPerTurn),
    0.55,
    '',
  );
  scorecard.atLeast(
    "guided check CPU per turn, waterfall's / its own",
    ratio(check, waterfall, (f) => 1 / f.cpuMsPerTurn),
    0.9,
    '',
  );
  scorecard.atLeast('guided check turns/s x echo bot', ratio(check, echo), 0.55, '');
  scorecard.atLeast('guided check turns/s x bare waterfall', ratio(check, waterfall), 0.9, '');
  scorecard.atLeast('guided check turns/s x peer sample shape', ratio(check, sample), 1, '');
  scorecard.atMost(
    'guided check p99 x echo p99',
    ratio(check, echo, (f) => Math.max(f.p99, 1)),
    3,
    '',
  );
  // Issue 10: within 10% of its baseline; the ratio travels between machines, the absolute figures do not.
  scorecard.atLeast('guided check x echo, issue 10 (baseline 0.39)', ratio(check, echo), ISSUE_10_BASELINE.xEcho * 0.9, '');
  scorecard.atLeast(
    'guided check turns/s, issue 10 (baseline 1,878)',
    of(check, (f) => f.turnsPerSecond),
    ISSUE_10_BASELINE.turnsPerSecond * 0.9,
    '',
    0,
  );
  scorecard.atMost(
    'guided check p50, issue 10 (baseline 4 ms)',
    of(check, (f) => f.p50),
    ISSUE_10_BASELINE.p50 * 1.1,
    ' ms',
    1,
  );
  scorecard.atMost(
    'guided check p99, issue 10 (baseline 12 ms)',
    of(check, (f) => f.p99),
    ISSUE_10_BASELINE.p99 * 1.1,
    ' ms',
    1,
  );
}
