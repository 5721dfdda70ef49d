import { ConversationState, type Storage, type TurnContext } from 'botbuilder-core';
import { isSharedConversation } from './teams';

/**
 * Conversation state that is per user where a conversation is shared: in a group chat or a team
 * channel (thread) each person gets their own dialog state and language, so that one user's
 * guided check neither answers nor hijacks another's. A personal chat keeps the standard key,
 * `{channelId}/conversations/{conversationId}/`, so state written before this class still reads.
 */
export class PerUserConversationState extends ConversationState {
  constructor(
    storage: Storage,
    private readonly keyNamespace = '',
  ) {
    super(storage, keyNamespace);
  }

  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    const userId = context.activity.from?.id;
    if (!key || !userId || !isSharedConversation(context.activity)) return key;
    // The base key ends with the (possibly empty) namespace; the user goes before it.
    const namespace = this.keyNamespace;
    const conversationPart = namespace ? key.slice(0, -namespace.length) : key;
    return `${conversationPart}users/${userId}/${namespace}`;
  }
}
