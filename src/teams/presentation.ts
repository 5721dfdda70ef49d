import type { Activity, Attachment, CardAction, TurnContext } from 'botbuilder-core';
import { cardInfo, othersViewCard, type CardInfo } from '../../dialogs/cards';
import type { Catalog } from '../i18n/catalog';
import { catalog } from '../i18n/catalog';
import type { Language } from '../kb/types';
import { isSharedConversation } from './teams';

/**
 * How the bot's replies look in Microsoft Teams, applied to what the dialogs send (the dialogs
 * stay channel-neutral; other channels get their cards unchanged):
 *
 * - **Feedback controls**: the verdict and an article given as the answer carry
 *   `channelData.feedbackLoop = {type: 'default'}` (Teams' 👍/👎 with a comment box), and the
 *   "Was this helpful?" card that follows them in the same turn becomes a line of text pointing
 *   at the controls. Asked again on its own, it is a text message with the controls.
 * - **Suggested actions** in personal chats: yes/no, "use the default restart time" and the
 *   article choices as up to three imBack buttons, on a text message of their own right after the
 *   card (Teams shows no suggested actions on a message with an attachment). In group chats and
 *   channels an imBack would post the answer without the @mention the bot needs there, for all to
 *   click: there the card's own buttons, per user, do it.
 * - **Per-user cards** in group chats and channels: a check's card is sent as what others see
 *   (whose check it is, what it says, a button to start their own) with a `refresh` for the
 *   person whose check it is (`userIds`), whose client fetches their own view, inputs and
 *   buttons, through an `adaptiveCard/action` invoke (see invokes.ts).
 */

/** A check's cards: the ones with answers (inputs or answer buttons); 'question' is a check file's question card. */
const INTERACTIVE: ReadonlySet<string> = new Set(['offer', 'choice', 'yesNo', 'errorTime', 'restartTime', 'exactMinute', 'consoleZone', 'question']);

/** Suggested actions Teams shows at most. */
const MAX_SUGGESTED_ACTIONS = 3;

/** The verb of the refresh action, and the kbAction in its data. */
export const REFRESH_VERB = 'kbRefresh';

const PRESENTED = new WeakSet<TurnContext>();
/** Set on a turn that began in the middle of a check: an article shown then is an aside, not the answer to rate. */
const MID_CHECK = Symbol('campaign-kb-bot.teams.midCheck');

export function markMidCheck(context: TurnContext): void {
  context.turnState.set(MID_CHECK, true);
}

function languageOf(c: Catalog): Language {
  return c === catalog('es') ? 'es' : 'en';
}

/** Presents this turn's replies the Teams way (once per turn, however often the turn runs). */
export function presentForTeams(context: TurnContext): void {
  if (PRESENTED.has(context)) return;
  PRESENTED.add(context);
  // A verdict or article with feedback controls was sent this turn: its "Was this helpful?" card is not.
  let feedbackGiven = false;
  context.onSendActivities(async (ctx, activities, next) => {
    const out: Array<Partial<Activity>> = [];
    for (const activity of activities) {
      const info = activity.type === 'message' && activity.attachments?.length === 1 ? cardInfo(activity.attachments[0]!) : undefined;
      if (!info) {
        out.push(activity);
        continue;
      }
      if (info.kind === 'verdict' || (info.kind === 'article' && !ctx.turnState.get(MID_CHECK))) {
        out.push(withFeedbackLoop(activity));
        feedbackGiven = true;
      } else if (info.kind === 'feedback') {
        // After a verdict or article with the controls: the question in words, pointing at them; on its own: the question with the controls.
        const question = { ...withoutAttachments(activity), text: feedbackGiven ? `${info.catalog.askFeedback} ${info.catalog.teams.rateAbove}` : info.catalog.askFeedback };
        out.push(feedbackGiven ? question : withFeedbackLoop(question));
      } else if (INTERACTIVE.has(info.kind) && isSharedConversation(ctx.activity)) {
        out.push({ ...activity, attachments: [perUserCard(activity.attachments![0]!, info, ctx.activity)] });
      } else {
        out.push(activity);
        if (info.quickAnswers.length > 0 && !isSharedConversation(ctx.activity)) out.push(suggestions(activity, info));
      }
    }
    // The same array goes on down the pipeline: changed in place.
    activities.splice(0, activities.length, ...out);
    // Nothing left (a feedback card the controls replace): nothing to send, and adapters refuse an empty batch.
    if (activities.length === 0) return [];
    return next();
  });
}

function withFeedbackLoop(activity: Partial<Activity>): Partial<Activity> {
  const channelData = { ...((activity.channelData as Record<string, unknown> | undefined) ?? {}) };
  // Never together with the older flag: Teams refuses an activity with both.
  delete channelData.feedbackLoopEnabled;
  return { ...activity, channelData: { ...channelData, feedbackLoop: { type: 'default' } } };
}

function withoutAttachments(activity: Partial<Activity>): Partial<Activity> {
  const copy = { ...activity };
  delete copy.attachments;
  delete copy.attachmentLayout;
  return copy;
}

/** The card's quick answers as suggested actions, on a text message of their own. */
function suggestions(activity: Partial<Activity>, info: CardInfo): Partial<Activity> {
  const actions: CardAction[] = info.quickAnswers.slice(0, MAX_SUGGESTED_ACTIONS).map((answer) => ({ type: 'imBack', title: answer.title, value: answer.text }));
  const recipient = activity.recipient?.id;
  return { ...withoutAttachments(activity), text: info.catalog.teams.quickAnswers, suggestedActions: { actions, to: recipient ? [recipient] : [] } };
}

type Json = Record<string, unknown>;

/** What the refresh action carries: whose card it is, and that person's view of it. */
export interface RefreshData {
  kbAction: typeof REFRESH_VERB;
  kbOwner: string;
  kbOwnerName: string;
  kbLanguage: Language;
  card: Json;
}

/** A check's card in a shared conversation: others' view, refreshed into the owner's for the owner. */
function perUserCard(attachment: Attachment, info: CardInfo, incoming: Partial<Activity>): Attachment {
  const owner = incoming.from?.id ?? '';
  const ownerName = incoming.from?.name?.trim() || owner;
  const ownerCard = ownedBy(attachment.content as Json, owner, ownerName);
  const data: RefreshData = { kbAction: REFRESH_VERB, kbOwner: owner, kbOwnerName: ownerName, kbLanguage: languageOf(info.catalog), card: ownerCard };
  const othersView = othersViewCard(ownerCard, info.catalog, ownerName);
  withOwnView(othersView, data);
  return { contentType: attachment.contentType, content: { ...othersView, refresh: refreshOf(data) } };
}

/**
 * "Start my own check" also carries the starter's view: a starter whose client did not refresh
 * the card (an old client, the Agents Playground) and clicks it gets their own view back in the
 * invoke response instead of a new check (see ownViewOf in invokes.ts).
 */
function withOwnView(card: Json, data: RefreshData): void {
  const start = Array.isArray(card.actions) ? (card.actions as Json[])[0] : undefined;
  if (!start) return;
  for (const action of [start, start.fallback as Json | undefined]) {
    if (action?.data && typeof action.data === 'object') Object.assign(action.data, { kbStarterView: data });
  }
}

export function refreshOf(data: RefreshData): Json {
  // The title is the schema's, never shown: Teams runs a refresh by itself, with no button.
  return { action: { type: 'Action.Execute', title: 'Refresh', verb: REFRESH_VERB, data }, userIds: [data.kbOwner] };
}

/** The card with its owner in every button's data, so that a click by anyone else is recognised. */
function ownedBy(card: Json, owner: string, ownerName: string): Json {
  const copy = structuredClone(card);
  const mark = (action: unknown): void => {
    if (!action || typeof action !== 'object') return;
    const a = action as Json;
    if ((a.type === 'Action.Execute' || a.type === 'Action.Submit') && a.data && typeof a.data === 'object') Object.assign(a.data, { kbOwner: owner, kbOwnerName: ownerName });
    mark(a.fallback);
  };
  for (const action of Array.isArray(copy.actions) ? copy.actions : []) mark(action);
  return copy;
}
