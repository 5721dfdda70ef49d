import type { Activity, AdaptiveCardInvokeResponse } from 'botbuilder-core';
import { othersViewCard } from '../../dialogs/cards';
import { catalog } from '../i18n/catalog';
import { REFRESH_VERB, refreshOf, type RefreshData } from './presentation';

/**
 * The invokes Teams sends for what presentation.ts shows, read into what the bot needs:
 * `message/submitAction` (the feedback controls: like or dislike, and the comment) and
 * `adaptiveCard/action` (an Action.Execute button, or a card's refresh). Plain functions over
 * the activity; the bot (src/bot/kbBot.ts) runs the turn and sends the invoke response.
 */

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The feedback controls' like/dislike and comment, from a `message/submitAction` invoke with actionName 'feedback'. */
export function feedbackOf(activity: Partial<Activity>): { helpful: boolean; comment: string } | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'message/submitAction' || !isRecord(activity.value)) return undefined;
  const { actionName, actionValue } = activity.value;
  if (actionName !== 'feedback' || !isRecord(actionValue)) return undefined;
  if (actionValue.reaction !== 'like' && actionValue.reaction !== 'dislike') return undefined;
  return { helpful: actionValue.reaction === 'like', comment: feedbackText(actionValue.feedback) };
}

/** Teams sends the comment as a JSON string, `{"feedbackText":"..."}` (an object in some clients). */
function feedbackText(feedback: unknown): string {
  let parsed: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      parsed = JSON.parse(feedback);
    } catch {
      return feedback.trim();
    }
  }
  return isRecord(parsed) && typeof parsed.feedbackText === 'string' ? parsed.feedbackText.trim() : '';
}

/** An Action.Execute: its verb and data (the button's data with the card's inputs), from an `adaptiveCard/action` invoke. */
export function executeOf(activity: Partial<Activity>): { verb: string; data: Json } | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action' || !isRecord(activity.value)) return undefined;
  const action = activity.value.action;
  if (!isRecord(action) || action.type !== 'Action.Execute') return undefined;
  return { verb: typeof action.verb === 'string' ? action.verb : '', data: isRecord(action.data) ? action.data : {} };
}

function isRefreshData(data: Json): data is Json & RefreshData {
  return data.kbAction === REFRESH_VERB && typeof data.kbOwner === 'string' && isRecord(data.card) && (data.kbLanguage === 'en' || data.kbLanguage === 'es');
}

/**
 * A card's refresh: the person whose check it is gets their view (inputs and buttons), anyone
 * else the view of others. Undefined when this is no refresh of a card of this bot.
 */
export function refreshResponse(verb: string, data: Json, userId: string | undefined): AdaptiveCardInvokeResponse | undefined {
  if (verb !== REFRESH_VERB || !isRefreshData(data)) return undefined;
  const refresh = refreshOf(data);
  const card = userId === data.kbOwner ? data.card : othersViewCard(data.card, catalog(data.kbLanguage), String(data.kbOwnerName || data.kbOwner));
  return { statusCode: 200, type: CARD, value: { ...card, refresh } };
}

/** "Start my own check" clicked by the starter (their client showed others' view): their own view, refreshed in place. */
export function ownViewOf(data: Json, userId: string | undefined): AdaptiveCardInvokeResponse | undefined {
  const view = data.kbStarterView;
  if (!isRecord(view) || !isRefreshData(view) || view.kbOwner !== userId) return undefined;
  return refreshResponse(REFRESH_VERB, view, userId);
}

/** Whose check a clicked button belongs to, when it is someone else's. */
export function otherOwner(data: Json, userId: string | undefined): string | undefined {
  if (typeof data.kbOwner !== 'string' || !data.kbOwner || data.kbOwner === userId) return undefined;
  return typeof data.kbOwnerName === 'string' && data.kbOwnerName ? data.kbOwnerName : data.kbOwner;
}

/** The button's data as the dialogs read a card's answer: without the owner marks. */
export function answerValue(data: Json): Json {
  const value = { ...data };
  delete value.kbOwner;
  delete value.kbOwnerName;
  delete value.kbStarterView;
  return value;
}

export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: MESSAGE, value: text as unknown as Json };
}
