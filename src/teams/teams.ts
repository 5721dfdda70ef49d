import type { Activity, Mention, Storage, TurnContext } from 'botbuilder-core';
import { catalog } from '../i18n/catalog';
import { detectLanguage, languageFromLocale } from '../language/detect';
import type { Language } from '../kb/types';

/**
 * What the bot needs to know about Microsoft Teams traffic: how Teams writes mentions, which
 * conversations are shared by several people, which tenant an activity comes from, and when the
 * app has just been installed. Plain functions over the activity, plus two small turn helpers
 * (the welcome, once per conversation, and the tenant allow-list).
 */

const TEAMS_CHANNEL_ID = 'msteams';

const AT_TAG = /<at>([^<]*)<\/at>/gi;

/** The mention entities of an activity (Teams: `{type: "mention", text: "<at>Name</at>", mentioned: {id, name}}`). */
function mentionsOf(activity: Partial<Activity>): Array<Partial<Mention>> {
  return (activity.entities ?? []).filter((entity) => entity.type?.toLowerCase() === 'mention');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The message text without the bot's @mentions: every mention of the bot goes (Teams adds one in
 * channels and group chats, and a user may type it more than once), while mentions of other people
 * stay as their plain names ("ask <at>Ana</at>" becomes "ask Ana"). A bare `<at>Bot name</at>`
 * without its entity, as some clients send, goes too. Line breaks and tabs are kept: a pasted log
 * must reach the parser as it was pasted.
 */
export function removeBotMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (!text) return text;
  const botId = activity.recipient?.id;
  const botName = activity.recipient?.name?.trim();
  for (const mention of mentionsOf(activity)) {
    const mentionText = mention.text || (mention.mentioned?.name ? `<at>${mention.mentioned.name}</at>` : '');
    if (!mentionText) continue;
    const ofBot = botId !== undefined && mention.mentioned?.id === botId;
    text = text.split(mentionText).join(ofBot ? ' ' : mentionText.replace(AT_TAG, '$1'));
  }
  if (botName) text = text.replace(new RegExp(`<at>\\s*${escapeRegExp(botName)}\\s*</at>`, 'gi'), ' ');
  return text.replace(AT_TAG, '$1').trim();
}

/** An activity of Microsoft Teams (or of a client that speaks as Teams, like the Agents Playground). */
export function isTeams(activity: Partial<Activity>): boolean {
  return activity.channelId === TEAMS_CHANNEL_ID;
}

/** A group chat or a team channel: several people, each with their own conversation with the bot. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  if (!conversation) return false;
  return conversation.isGroup === true || conversation.conversationType === 'groupChat' || conversation.conversationType === 'channel';
}

/** The Microsoft Entra tenant an activity comes from, when the channel says (Teams does). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return fromChannelData || activity.conversation?.tenantId || undefined;
}

/** The client's locale: the activity's, else the one in its clientInfo entity (Teams sends both). */
function clientLocale(activity: Partial<Activity>): string | undefined {
  if (activity.locale) return activity.locale;
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as { locale?: unknown } | undefined;
  return typeof clientInfo?.locale === 'string' ? clientInfo.locale : undefined;
}

/** The language to greet or refuse in: the client's, or what the message is written in. */
export function clientLanguage(activity: Partial<Activity>, fallback: Language): Language {
  const fromLocale = languageFromLocale(clientLocale(activity), fallback);
  return activity.type === 'message' && activity.text ? detectLanguage(activity.text, fromLocale) : fromLocale;
}

/**
 * Whether this activity means the bot has just arrived in the conversation: the app installed
 * (installationUpdate "add"), or the bot among the members added. Outside Teams (Emulator, Web
 * Chat, the terminal chat) a user joining counts too, since those channels open a conversation
 * that way; in Teams a colleague joining a team must not get the bot talking in the channel.
 */
export function isBotArrival(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'add';
  if (activity.type !== 'conversationUpdate') return false;
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  if (added.some((member) => member.id === botId)) return true;
  return activity.channelId !== TEAMS_CHANNEL_ID && added.some((member) => member.id !== botId);
}

/** The welcome in the client's language; in a shared conversation, with how to address the bot there. */
export function welcomeText(activity: Partial<Activity>, fallback: Language): string {
  const c = catalog(clientLanguage(activity, fallback));
  if (!isSharedConversation(activity)) return c.welcome;
  return `${c.welcome}\n\n${c.welcomeShared(activity.recipient?.name?.trim() || c.botName)}`;
}

/**
 * Remembers which conversations were welcomed, so that Teams' two install events (installationUpdate
 * and conversationUpdate, which arrive together) give one welcome. The mark lives in the bot's
 * storage beside its state, per conversation (a channel's threads count as the channel), and an
 * in-process claim covers the two events arriving at the same moment.
 */
export class WelcomeOnce {
  private readonly claiming = new Set<string>();

  constructor(private readonly storage: Storage) {}

  /** True the first time for a conversation, false afterwards. */
  async claim(context: TurnContext): Promise<boolean> {
    const key = welcomeKey(context.activity);
    if (!key || this.claiming.has(key)) return false;
    this.claiming.add(key);
    try {
      const stored = await this.storage.read([key]);
      if (stored[key]) return false;
      await this.storage.write({ [key]: { welcomedAt: new Date().toISOString() } });
      return true;
    } finally {
      this.claiming.delete(key);
    }
  }
}

function welcomeKey(activity: Partial<Activity>): string | undefined {
  const conversationId = activity.conversation?.id;
  if (!activity.channelId || !conversationId) return undefined;
  return `${activity.channelId}/conversations/${conversationId.split(';messageid=')[0]}/welcomed`;
}

/**
 * ALLOWED_TENANTS: when set, an activity from any other tenant (or from none) gets a polite
 * refusal in the user's language, one log line, and nothing else: no dialog, no state.
 */
export class TenantGate {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    allowedTenants: readonly string[],
    private readonly defaultLanguage: Language,
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {
    this.allowed = new Set(allowedTenants.map((tenant) => tenant.toLowerCase()));
  }

  get enabled(): boolean {
    return this.allowed.size > 0;
  }

  isAllowed(activity: Partial<Activity>): boolean {
    if (!this.enabled) return true;
    const tenant = tenantOf(activity);
    return tenant !== undefined && this.allowed.has(tenant.toLowerCase());
  }

  /** True when the activity was refused (and answered, if it is one a person sees an answer to). */
  async refuse(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (this.isAllowed(activity)) return false;
    this.log(
      `Refused a ${activity.type ?? '?'} activity from tenant ${tenantOf(activity) ?? '(none)'}: not in ALLOWED_TENANTS ` +
        `(channel=${activity.channelId ?? '?'} conversationType=${activity.conversation?.conversationType ?? '?'})`,
    );
    if (activity.type === 'message' || isBotArrival(activity)) {
      await context.sendActivity(catalog(clientLanguage(activity, this.defaultLanguage)).tenantNotAllowed);
    }
    return true;
  }
}
