/**
 * The benchmark's ceilings, on the same botbuilder CloudAdapter and restify server as the bot:
 *   ECHO_MODE=plain (default)  an echo bot: the HTTP and adapter stack alone;
 *   ECHO_MODE=dialog           a four-step waterfall of text prompts with conversation state in
 *                              memory: the stack plus botbuilder-dialogs' own cost per turn.
 * PORT as for the bot.
 */
import { ActivityHandler, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { createAdapter } from '../hosting/botframework/adapter';
import { createServer } from '../http/server';
import { loadConfig } from '../app/config';

function plainEcho(): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  return bot;
}

function dialogEcho(): ActivityHandler {
  const conversationState = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  const ask = (prompt: string) => async (step: WaterfallStepContext) => step.prompt('text', prompt);
  dialogs.add(new TextPrompt('text'));
  dialogs.add(new WaterfallDialog('steps', [ask('first?'), ask('second?'), ask('third?'), ask('fourth?'), async (step) => step.endDialog()]));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const dc = await dialogs.createContext(context);
    if ((await dc.continueDialog()).status === DialogTurnStatus.empty) await dc.beginDialog('steps');
    await conversationState.saveChanges(context);
    await next();
  });
  return bot;
}

const config = loadConfig();
const bot = process.env.ECHO_MODE === 'dialog' ? dialogEcho() : plainEcho();
const server = createServer({ adapter: createAdapter(config), bot, isReady: () => true });
server.listen(config.port, '127.0.0.1', () => console.log(`Echo bot (${process.env.ECHO_MODE ?? 'plain'}) ready on http://127.0.0.1:${config.port}/api/messages`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
