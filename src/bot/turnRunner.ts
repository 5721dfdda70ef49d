import type { TurnContext } from 'botbuilder-core';

/** How a turn ended, for the endpoint to answer the channel with. */
export interface TurnOutcome {
  /** The state storage could not be reached: the user was told, and the request is answered 503. */
  storageUnavailable?: boolean;
}

/** What the endpoint needs of a bot: an ActivityHandler, or anything that runs a turn. */
export interface TurnRunner {
  run(context: TurnContext): Promise<TurnOutcome | void>;
}
