import { type Activity, BotAdapter, type ConversationReference, type ResourceResponse, TurnContext } from 'botbuilder-core';

/**
 * A Bot Framework adapter for a terminal, like the Console adapter of the early Bot Framework
 * samples: turns run in-process through the adapter's middleware and onTurnError, exactly as
 * CloudAdapter runs them, and what the bot sends is handed to `onReply` instead of a channel.
 */
export class ConsoleAdapter extends BotAdapter {
  private sent = 0;

  constructor(private readonly onReply: (activity: Partial<Activity>, change: 'sent' | 'updated') => void) {
    super();
  }

  /** Runs one turn for an inbound activity; resolves when the bot has finished with it. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
        responses.push({ id: '' });
        continue;
      }
      // Ids like a channel's, so that the bot can update a reply and a card submission can name it.
      const id = `reply-${++this.sent}`;
      this.onReply({ ...activity, id }, 'sent');
      responses.push({ id });
    }
    return responses;
  }

  override updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    this.onReply(activity, 'updated');
    return Promise.resolve(activity.id ? { id: activity.id } : undefined);
  }

  override async deleteActivity(_context: TurnContext, _reference: Partial<ConversationReference>): Promise<void> {
    // A terminal cannot take back printed lines.
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.processActivity(activity, logic);
  }
}
