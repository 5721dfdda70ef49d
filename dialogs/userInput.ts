import type { Activity } from 'botbuilder-core';

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
