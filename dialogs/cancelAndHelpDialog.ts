import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { catalog } from '../src/i18n/catalog';
import { recognizeCommand } from '../src/language/intents';
import { AskDialog } from './askDialog';
import type { ConversationLanguage } from './conversationLanguage';

/**
 * Handles what a user may say at any step: help, cancel, start over and a language switch.
 * Help and a language switch answer and then ask the waiting question again; cancel and
 * start over end the whole conversation flow.
 */
export class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly language: ConversationLanguage,
  ) {
    super(id);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== 'message') return undefined;
    const command = recognizeCommand(activity.text);
    if (!command) return undefined;

    const waiting = innerDc.activeDialog !== undefined;
    switch (command.kind) {
      case 'help': {
        const c = catalog(await this.language.get(innerDc.context));
        const asking = activeQuestion(innerDc);
        await innerDc.context.sendActivity(asking ? c.help[asking.helpKey] : c.help.general);
        break;
      }
      case 'switchLanguage':
      case 'toggleLanguage': {
        const current = await this.language.get(innerDc.context);
        const language = command.kind === 'switchLanguage' ? command.language : current === 'en' ? 'es' : 'en';
        await this.language.set(innerDc.context, language);
        await innerDc.context.sendActivity(catalog(language).languageSwitched);
        break;
      }
      case 'cancel':
      case 'startOver': {
        const c = catalog(await this.language.get(innerDc.context));
        await innerDc.context.sendActivity(command.kind === 'cancel' ? c.cancelled : c.startedOver);
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.cancelled };
      }
    }
    if (!waiting) return { status: DialogTurnStatus.complete };
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }
}

/** The question waiting for an answer, however deep in child dialogs it is. */
function activeQuestion(dc: DialogContext): AskDialog<unknown> | undefined {
  let innermost = dc;
  while (innermost.child) innermost = innermost.child;
  const active = innermost.activeDialog && innermost.findDialog(innermost.activeDialog.id);
  return active instanceof AskDialog ? active : undefined;
}
