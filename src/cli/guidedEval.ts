/**
 * The guided-conversation section of `npm run eval` (`npm run eval -- --conversations` runs only
 * it): each scripted conversation of test/eval/conversations.json is played through the real bot,
 * in process (botbuilder's TestAdapter, as test/support/conversation.ts does), and scored on the
 * last verdict the bot recorded — coincides or differs, the first new start time (server time),
 * the workflows the fix names — and on the language of every reply after the first message.
 *
 * The set measures the guided check's reading of operators' messages; a conversation the bot
 * gets wrong is a finding, not an error of this tool.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder-core';
import { createBot } from '../bot/createBot';
import { REPOSITORY_ROOT } from '../kb/paths';
import type { Language } from '../kb/types';
import { detectLanguage } from '../language/detect';
import type { KnowledgeBase } from '../search/knowledgeBase';
import { renderActivityAsText } from './cardText';

interface ConversationExpectation {
  verdict: 'coincides' | 'differs';
  /** The earliest new start time proposed, server time, HH:MM (coincides only). */
  firstStart?: string;
  /** Every failing mcSynch workflow the fix must name. */
  workflows?: string[];
  replyLanguage: Language;
}

interface GuidedConversation {
  id: string;
  language: Language;
  locale: string;
  /** IANA zone of the user's device (Teams' activity.localTimezone), when the channel sends it. */
  localTimezone?: string;
  turns: string[];
  expect: ConversationExpectation;
  /** How the expected result was worked out, for whoever checks it. */
  why?: string;
}

/** The part of the bot's check events this scoring reads; newer fields are optional. */
interface RecordedEvent {
  event: string;
  article?: string;
  coincides?: boolean;
  startTimes?: string[];
  workflows?: string[];
}

interface ConversationResult {
  conversation: GuidedConversation;
  passed: boolean;
  /** What did not match, empty when passed. */
  problems: string[];
  /** What the last verdict said, in words, or "no verdict". */
  got: string;
  /** The bot's replies, one entry per turn (the turn's activities as text, joined). */
  transcript: string[];
}

const DEFAULT_CONVERSATIONS_FILE = path.join(REPOSITORY_ROOT, 'test/eval/conversations.json');

function readConversations(file: string = DEFAULT_CONVERSATIONS_FILE): GuidedConversation[] {
  const conversations = JSON.parse(readFileSync(file, 'utf8')) as GuidedConversation[];
  if (!Array.isArray(conversations)) throw new Error(`${file}: expected an array of conversations`);
  const ids = new Set<string>();
  for (const conversation of conversations) {
    if (!conversation.id || !Array.isArray(conversation.turns) || conversation.turns.length === 0 || !conversation.expect) {
      throw new Error(`${file}: conversation ${JSON.stringify(conversation.id)} lacks id, turns or expect`);
    }
    if (ids.has(conversation.id)) throw new Error(`${file}: duplicate conversation id ${conversation.id}`);
    ids.add(conversation.id);
  }
  return conversations;
}

/** Plays every conversation through one bot (one Bot Framework conversation each) and scores it. */
async function runGuidedConversations(knowledgeBase: KnowledgeBase, conversations: readonly GuidedConversation[]): Promise<ConversationResult[]> {
  let events: RecordedEvent[] = [];
  const { bot } = createBot({
    knowledgeBase,
    defaultLanguage: 'en',
    record: (event) => events.push(event),
  });

  const results: ConversationResult[] = [];
  for (const [n, conversation] of conversations.entries()) {
    events = [];
    const adapter = new TestAdapter((context) => bot.run(context), {
      channelId: 'msteams',
      serviceUrl: 'https://eval.invalid',
      conversation: {
        id: `guided-eval-${n + 1}`,
        isGroup: false,
        conversationType: 'personal',
        name: conversation.id,
      },
      from: { id: 'operator-1', name: 'Operator' },
      recipient: { id: 'bot', name: 'KB Bot' },
    });
    adapter.locale = conversation.locale;
    const transcript: string[] = [];
    const replies: Array<{ turn: number; text: string }> = [];
    let failure: string | undefined;
    for (const [turn, text] of conversation.turns.entries()) {
      const activity: Partial<Activity> = {
        type: 'message',
        text,
        locale: conversation.locale,
      };
      if (conversation.localTimezone) activity.localTimezone = conversation.localTimezone;
      try {
        await adapter.receiveActivity(activity);
      } catch (error) {
        failure = `turn ${turn + 1} threw ${error instanceof Error ? error.message : String(error)}`;
      }
      const rendered = adapter.activeQueue
        .splice(0)
        .map((reply) => renderActivityAsText(reply))
        .filter((reply) => reply.trim() !== '');
      for (const reply of rendered) replies.push({ turn, text: reply });
      transcript.push(rendered.join('\n---\n'));
      if (failure) break;
    }
    results.push(score(conversation, events, replies, transcript, failure));
  }
  return results;
}

function score(
  conversation: GuidedConversation,
  events: readonly RecordedEvent[],
  replies: ReadonlyArray<{ turn: number; text: string }>,
  transcript: string[],
  failure: string | undefined,
): ConversationResult {
  const { expect } = conversation;
  const problems: string[] = [];
  if (failure) problems.push(failure);

  const verdicts = events.filter((event) => event.event === 'verdict');
  const last = verdicts.at(-1);
  const got = describe(last);
  if (!last) {
    problems.push('no verdict');
  } else {
    const verdict = last.coincides ? 'coincides' : 'differs';
    if (verdict !== expect.verdict) problems.push(`verdict ${verdict}`);
    if (expect.verdict === 'coincides' && verdict === 'coincides') {
      if (expect.firstStart !== undefined) {
        const first = last.startTimes?.[0];
        if (first === undefined) problems.push('no start time recorded');
        else if (first !== expect.firstStart) problems.push(`first start ${first}`);
      }
      for (const workflow of expect.workflows ?? []) {
        if (!(last.workflows ?? []).some((named) => named.toLowerCase() === workflow.toLowerCase())) {
          problems.push(last.workflows ? `workflow ${workflow} not named` : 'no workflows recorded');
        }
      }
    }
  }

  // Every reply after the first message; the detector leaves short replies to the expected language.
  const wrongLanguage = replies.filter(({ turn, text }) => turn > 0 && detectLanguage(text, expect.replyLanguage) !== expect.replyLanguage);
  if (wrongLanguage.length > 0) problems.push(`${wrongLanguage.length} repl${wrongLanguage.length === 1 ? 'y' : 'ies'} not in ${expect.replyLanguage}`);

  return {
    conversation,
    passed: problems.length === 0,
    problems,
    got,
    transcript,
  };
}

function describe(event: RecordedEvent | undefined): string {
  if (!event) return 'no verdict';
  const verdict = event.coincides ? 'coincides' : 'differs';
  const starts = event.startTimes?.length ? ` ${event.startTimes.join('/')}` : '';
  const workflows = event.workflows?.length ? ` [${event.workflows.join(', ')}]` : '';
  return `${verdict}${starts}${workflows}`;
}

function expected(expectation: ConversationExpectation): string {
  const start = expectation.firstStart ? ` ${expectation.firstStart}` : '';
  const workflows = expectation.workflows?.length ? ` [${expectation.workflows.join(', ')}]` : '';
  return `${expectation.verdict}${start}${workflows}, ${expectation.replyLanguage}`;
}

function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Plays the set and prints one line per failing conversation and the pass rate; returns the counts. */
export async function printGuidedEval(
  knowledgeBase: KnowledgeBase,
  file: string = process.env.EVAL_CONVERSATIONS ?? DEFAULT_CONVERSATIONS_FILE,
): Promise<{ passed: number; total: number }> {
  const conversations = readConversations(file);
  const results = await runGuidedConversations(knowledgeBase, conversations);
  const verbose = process.argv.includes('--verbose');
  console.log(`Guided conversations (${path.relative(process.cwd(), file)}): ${conversations.length}\n`);
  for (const result of results) {
    if (result.passed) continue;
    const lastTwo = result.transcript
      .filter((turn) => turn.trim() !== '')
      .slice(-2)
      .map((turn) => `"${shorten(turn)}"`);
    console.log(`FAIL ${result.conversation.id}: expected ${expected(result.conversation.expect)}; got ${result.got} (${result.problems.join('; ')})`);
    console.log(`    last replies: ${lastTwo.join(' | ') || '(none)'}`);
    if (verbose) {
      for (const [i, turn] of result.conversation.turns.entries()) {
        console.log(`    user> ${shorten(turn, 200)}`);
        console.log(`    bot>  ${shorten(result.transcript[i] ?? '', 400)}`);
      }
    }
  }
  const passed = results.filter((result) => result.passed).length;
  const verdictsRight = results.filter(
    (result) => !result.problems.some((problem) => problem === 'no verdict' || problem.startsWith('verdict ') || problem.includes(' threw ')),
  ).length;
  const languageRight = results.filter((result) => !result.problems.some((problem) => problem.includes(' not in '))).length;
  console.log(`\nverdict right: ${verdictsRight}/${results.length}; replies in the person's language: ${languageRight}/${results.length}`);
  console.log(`guided conversations: ${passed}/${results.length} passed (${results.length === 0 ? '-' : `${((100 * passed) / results.length).toFixed(1)}%`})`);
  return { passed, total: results.length };
}
