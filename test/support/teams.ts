import { MemoryStorage, TestAdapter, type Activity, type ChannelAccount, type ConversationAccount, type Storage } from 'botbuilder';
import { renderActivityAsText } from '../../src/cli/cardText';
import { createBot, type BotDependencies } from '../../src/bot/createBot';
import type { CheckEvent } from '../../dialogs/turnNotes';
import type { KnowledgeBase } from '../../src/search/knowledgeBase';

/**
 * Activities shaped as Microsoft Teams sends them (channelId msteams, 29:/28: ids, tenant in
 * channelData and conversation, clientInfo entity, `<at>` mentions with their mention entity,
 * Action.Submit as a message with no text and `value`), and a data-driven runner of scripts made
 * of them, over botbuilder's TestAdapter.
 */

export const TENANT = '5e6a1b2c-3d4e-4f60-8a9b-0c1d2e3f4a5b';
export const OTHER_TENANT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
export const BOT: ChannelAccount = { id: `28:${APP_ID}`, name: 'Campaign KB' };
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
  /** The Teams client's language. */
  locale: string;
}

export const ANA: TeamsUser = { id: '29:1AnaGarciaXyZ', name: 'Ana García', aadObjectId: '0b1c2d3e-0000-4000-8000-00000000a0a0', locale: 'es-ES' };
export const BEN: TeamsUser = { id: '29:1BenCarterXyZ', name: 'Ben Carter', aadObjectId: '0b1c2d3e-0000-4000-8000-00000000b0b0', locale: 'en-GB' };
export const CARLA: TeamsUser = { id: '29:1CarlaRuizXyZ', name: 'Carla Ruiz', aadObjectId: '0b1c2d3e-0000-4000-8000-00000000c0c0', locale: 'es-MX' };

/** Where a message is posted: a personal chat, a group chat, or a thread of a team channel. */
export type Place =
  | { kind: 'personal'; user: TeamsUser }
  | { kind: 'groupChat'; chatId: string }
  | { kind: 'channel'; channelId: string; teamId: string; /** the thread's root post; none: the channel itself (install events) */ rootMessageId?: string };

export const personal = (user: TeamsUser): Place => ({ kind: 'personal', user });
export const groupChat = (chatId = '19:3a5f7b9c1d@thread.v2'): Place => ({ kind: 'groupChat', chatId });
export const channel = (rootMessageId?: string): Place => ({
  kind: 'channel',
  channelId: '19:a1b2c3d4e5f6@thread.tacv2',
  teamId: '19:team0a1b2c3d@thread.tacv2',
  ...(rootMessageId ? { rootMessageId } : {}),
});

function conversationOf(place: Place, tenant = TENANT): ConversationAccount {
  switch (place.kind) {
    case 'personal':
      return { id: `a:1personal${place.user.aadObjectId.slice(-4)}`, conversationType: 'personal', tenantId: tenant, isGroup: false, name: '' };
    case 'groupChat':
      return { id: place.chatId, conversationType: 'groupChat', tenantId: tenant, isGroup: true, name: 'Campaign ops' };
    case 'channel':
      return {
        id: place.rootMessageId ? `${place.channelId};messageid=${place.rootMessageId}` : place.channelId,
        conversationType: 'channel',
        tenantId: tenant,
        isGroup: true,
        name: '',
      };
  }
}

function channelDataOf(place: Place, tenant: string): Record<string, unknown> {
  const data: Record<string, unknown> = { tenant: { id: tenant } };
  if (place.kind === 'channel') {
    Object.assign(data, { teamsChannelId: place.channelId, teamsTeamId: place.teamId, channel: { id: place.channelId }, team: { id: place.teamId } });
  }
  return data;
}

let nextId = 1700000000000;
const newId = (): string => String(++nextId);

interface Common {
  tenant?: string;
  /** The conversation's tenant, when it differs from channelData's (or channelData has none). */
  omitChannelDataTenant?: boolean;
}

function base(place: Place, user: TeamsUser, common: Common = {}): Partial<Activity> {
  const tenant = common.tenant ?? TENANT;
  const channelData = channelDataOf(place, tenant);
  if (common.omitChannelDataTenant) delete channelData.tenant;
  return {
    id: newId(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    timestamp: new Date(),
    localTimezone: user.locale === 'en-GB' ? 'Europe/London' : 'Europe/Madrid',
    locale: user.locale,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { ...BOT },
    conversation: conversationOf(place, tenant),
    channelData,
    entities: [{ type: 'clientInfo', locale: user.locale, country: user.locale.slice(3), platform: 'Web', timezone: 'Europe/Madrid' }],
  };
}

export interface MessageOptions extends Common {
  /** Mention the bot before the text, as Teams requires in channels and group chats; default: there, yes. */
  mentionBot?: boolean;
  /** People mentioned after the bot. */
  mentions?: TeamsUser[];
}

/** A typed message, as Teams posts it: `<at>Campaign KB</at> text` plus a mention entity in shared conversations. */
export function teamsMessage(place: Place, user: TeamsUser, text: string, options: MessageOptions = {}): Partial<Activity> {
  const activity = base(place, user, options);
  const mentionBot = options.mentionBot ?? place.kind !== 'personal';
  const mentioned = [...(mentionBot ? [{ id: BOT.id, name: BOT.name }] : []), ...(options.mentions ?? []).map((person) => ({ id: person.id, name: person.name }))];
  const prefix = mentioned.map((person) => `<at>${person.name}</at>`).join(' ');
  activity.type = 'message';
  activity.textFormat = 'plain';
  activity.text = prefix ? `${prefix} ${text}` : text;
  activity.entities = [...mentioned.map((person) => ({ type: 'mention', text: `<at>${person.name}</at>`, mentioned: person })), ...(activity.entities ?? [])];
  return activity;
}

/**
 * A card's Action.Submit: a message with `value` (the button's data and the card's inputs), no
 * mention, the card's activity as replyToId, and no text (`emptyText`: an empty string instead).
 */
export function cardSubmit(place: Place, user: TeamsUser, value: Record<string, unknown>, options: Common & { emptyText?: boolean; replyToId?: string } = {}): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'message';
  activity.value = value;
  if (options.emptyText) activity.text = '';
  activity.replyToId = options.replyToId ?? newId();
  activity.channelData = { ...(activity.channelData as object), source: { name: 'message' }, legacy: { replyToId: activity.replyToId } };
  return activity;
}

/** installationUpdate "add": the app installed in the personal scope, a group chat or a team. */
export function installationUpdate(place: Place, user: TeamsUser, options: Common & { action?: string } = {}): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'installationUpdate';
  activity.action = options.action ?? 'add';
  activity.channelData = { ...(activity.channelData as object), source: { name: 'message' } };
  return activity;
}

/** conversationUpdate with the bot among membersAdded (and the installing user, in personal chats). */
export function botAdded(place: Place, user: TeamsUser, options: Common = {}): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'conversationUpdate';
  activity.membersAdded =
    place.kind === 'personal'
      ? [
          { id: user.id, name: '' },
          { id: BOT.id, name: '' },
        ]
      : [{ id: BOT.id, name: '' }];
  activity.channelData = { ...(activity.channelData as object), eventType: place.kind === 'channel' ? 'teamMemberAdded' : 'memberAdded' };
  return activity;
}

/** conversationUpdate for a person joining a team or chat where the bot already is. */
export function memberAdded(place: Place, user: TeamsUser, joining: TeamsUser, options: Common = {}): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'conversationUpdate';
  activity.membersAdded = [{ id: joining.id, name: joining.name }];
  activity.channelData = { ...(activity.channelData as object), eventType: 'teamMemberAdded' };
  return activity;
}

/**
 * Teams' feedback controls: a `message/submitAction` invoke, actionName "feedback", the reaction
 * and the comment as a JSON string, replying to the rated message.
 */
export function feedbackInvoke(place: Place, user: TeamsUser, reaction: 'like' | 'dislike', feedbackText = '', options: Common & { replyToId?: string } = {}): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'invoke';
  activity.name = 'message/submitAction';
  activity.replyToId = options.replyToId ?? newId();
  activity.value = { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText }) } };
  return activity;
}

/**
 * An Adaptive Card's Action.Execute (Universal Actions): an `adaptiveCard/action` invoke with the
 * action's verb and data (the card's inputs merged in); `trigger: 'automatic'` for a refresh.
 */
export function executeInvoke(
  place: Place,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  options: Common & { replyToId?: string; trigger?: 'manual' | 'automatic' } = {},
): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'invoke';
  activity.name = 'adaptiveCard/action';
  activity.replyToId = options.replyToId ?? newId();
  activity.value = { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' };
  return activity;
}

/** A message edited by its author: messageUpdate with eventType editMessage, the message's id and its new text (with the bot's mention where Teams needs it). */
export function messageEdit(place: Place, user: TeamsUser, id: string, text: string, options: MessageOptions = {}): Partial<Activity> {
  const activity = teamsMessage(place, user, text, options);
  activity.type = 'messageUpdate';
  activity.id = id;
  activity.channelData = { ...(activity.channelData as object), eventType: 'editMessage' };
  return activity;
}

/** A message deleted by its author: messageDelete with eventType softDeleteMessage. */
export function messageDelete(place: Place, user: TeamsUser, id: string, options: Common = {}): Partial<Activity> {
  const activity = base(place, user, options);
  activity.type = 'messageDelete';
  activity.id = id;
  activity.channelData = { ...(activity.channelData as object), eventType: 'softDeleteMessage' };
  return activity;
}

/** One step of a Teams conversation script: an activity in, what the replies must (not) show. */
interface TeamsStep {
  send: Partial<Activity>;
  /** Substrings (case-insensitive) or patterns the replies must show. */
  expect?: Array<string | RegExp>;
  reject?: Array<string | RegExp>;
  /** No reply at all. */
  silent?: boolean;
}

export interface TeamsScript {
  name: string;
  steps: TeamsStep[];
}

export interface TeamsRun {
  /** The replies of each step, rendered as text. */
  transcript: string[];
  /** The replies of each step, as sent. */
  replies: Array<Array<Partial<Activity>>>;
  events: CheckEvent[];
  refusals: string[];
}

export interface RunnerOptions extends Partial<Omit<BotDependencies, 'knowledgeBase' | 'defaultLanguage' | 'record' | 'logRefusedTenant'>> {
  storage?: Storage;
}

/** Plays a script against a fresh bot (its own storage), checking every step. */
export async function playTeams(knowledgeBase: KnowledgeBase, script: TeamsScript, options: RunnerOptions = {}): Promise<TeamsRun> {
  const events: CheckEvent[] = [];
  const refusals: string[] = [];
  const { bot } = createBot({
    ...options,
    storage: options.storage ?? new MemoryStorage(),
    knowledgeBase,
    defaultLanguage: 'en',
    record: (event) => events.push(event),
    logRefusedTenant: (line) => refusals.push(line),
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  const run: TeamsRun = { transcript: [], replies: [], events, refusals };
  for (const [i, step] of script.steps.entries()) {
    const sent = structuredClone(step.send);
    await adapter.processActivity(step.send);
    const replies = adapter.activeQueue.splice(0);
    const text = replies.map((reply) => renderActivityAsText(reply)).join('\n---\n');
    run.replies.push(replies);
    run.transcript.push(text);
    const where = `${script.name}, step ${i + 1} (${sent.type} from ${sent.from?.name}: ${JSON.stringify(sent.text ?? sent.value ?? sent.action ?? '')}):\n${text}`;
    if (step.silent && replies.length) throw new Error(`Expected no reply in ${where}`);
    for (const expected of step.expect ?? []) {
      if (!matches(text, expected)) throw new Error(`Expected ${String(expected)} in ${where}`);
    }
    for (const rejected of step.reject ?? []) {
      if (matches(text, rejected)) throw new Error(`Did not expect ${String(rejected)} in ${where}`);
    }
    // Every reply goes to the conversation (for a channel: the thread) the activity came from.
    for (const reply of replies) {
      if (reply.conversation?.id !== sent.conversation?.id) {
        throw new Error(`Reply in conversation ${reply.conversation?.id}, expected ${sent.conversation?.id}, in ${where}`);
      }
    }
  }
  return run;
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.toLowerCase().includes(expected.toLowerCase()) : expected.test(text);
}
