import type { Activity } from 'botbuilder';

/**
 * What the user answered: typed text, or a card's Action.Submit (empty text, inputs and the
 * button's data in `value`). Both reach the dialogs the same way.
 */
export interface UserInput {
  text: string;
  value: Record<string, unknown>;
}

export function userInput(activity: Partial<Activity>): UserInput {
  const value = activity.value && typeof activity.value === 'object' && !Array.isArray(activity.value) ? (activity.value as Record<string, unknown>) : {};
  return { text: (activity.text ?? '').trim(), value };
}

/** A card input's text, else what was typed. */
export function inputText(input: UserInput, inputId: string): string {
  const fromCard = input.value[inputId];
  return typeof fromCard === 'string' && fromCard.trim() ? fromCard.trim() : input.text;
}

/**
 * A name read from what the user pasted (the workflow in a log line) as the cards and messages
 * may show it: letters, digits, `_`, `.` and `-` only, at most 80 characters; anything else
 * (markup, links, HTML) and the name is not used at all. Shown in bold in Markdown, where
 * intra-word underscores are no emphasis.
 */
export function plainName(value: string | undefined): string | undefined {
  return value !== undefined && /^[\p{L}\p{N}_.-]{1,80}$/u.test(value) ? value : undefined;
}
