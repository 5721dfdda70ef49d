/**
 * The benchmark's ceilings, on the same botbuilder CloudAdapter and restify server as the bot:
 *   ECHO_MODE=plain (default)  an echo bot: the HTTP and adapter stack alone;
 *   ECHO_MODE=dialog           a four-step waterfall of text prompts with conversation state in
 *                              memory: the stack plus botbuilder-dialogs' own cost per turn;
 *   ECHO_MODE=sample           the shape of the official multi-turn sample (BotBuilder-Samples
 *                              05.multi-turn-prompt): a component dialog holding a waterfall of
 *                              confirm and text prompts, a user profile in user state, and
 *                              conversation and user state in memory, both saved every turn.
 * PORT as for the bot.
 */
import { ActivityHandler, ConversationState, MemoryStorage, UserState } from 'botbuilder-core';
import { ComponentDialog, ConfirmPrompt, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
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

interface Profile {
  question?: string;
  check?: boolean;
  errorTime?: string;
  restartTime?: string;
}

/** The sample's UserProfileDialog, asking what the guided check asks (answers: the question, yes, two times). */
class ProfileDialog extends ComponentDialog {
  constructor(private readonly profile: ReturnType<UserState['createProperty']>) {
    super('profileDialog');
    this.addDialog(new TextPrompt('text'));
    this.addDialog(new ConfirmPrompt('confirm'));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => {
          (step.values as Profile).question = step.context.activity.text ?? '';
          return step.prompt('confirm', 'Shall we check whether the restart is the cause?');
        },
        async (step) => {
          (step.values as Profile).check = step.result === true;
          return step.prompt('text', 'When did the error happen?');
        },
        async (step) => {
          (step.values as Profile).errorTime = String(step.result);
          return step.prompt('text', 'When does the server restart?');
        },
        async (step) => {
          const answers = { ...(step.values as Profile), restartTime: String(step.result) };
          await this.profile.set(step.context, answers);
          await step.context.sendActivity(`Error at ${answers.errorTime ?? '?'}, restart at ${answers.restartTime}.`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

function sampleShape(): ActivityHandler {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialog = new ProfileDialog(userState.createProperty<Profile>('userProfile'));
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('DialogState'));
  dialogs.add(dialog);
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const dc = await dialogs.createContext(context);
    if ((await dc.continueDialog()).status === DialogTurnStatus.empty) await dc.beginDialog(dialog.id);
    await next();
  });
  // The sample's DialogBot: both states saved after every turn.
  bot.onDialog(async (context, next) => {
    await next();
    await conversationState.saveChanges(context, false);
    await userState.saveChanges(context, false);
  });
  return bot;
}

const config = loadConfig();
const bot = process.env.ECHO_MODE === 'dialog' ? dialogEcho() : process.env.ECHO_MODE === 'sample' ? sampleShape() : plainEcho();
const server = createServer({ adapter: createAdapter(config), bot, isReady: () => true });
server.listen(config.port, '127.0.0.1', () => console.log(`Echo bot (${process.env.ECHO_MODE ?? 'plain'}) ready on http://127.0.0.1:${config.port}/api/messages`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
