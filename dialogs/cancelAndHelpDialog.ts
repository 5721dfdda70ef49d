import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, DialogTurnStatus } from './dialogKit';
import { catalog, type Catalog } from '../src/i18n/catalog';
import { recognizeCommand } from '../src/language/intents';
import { personLanguage } from '../src/language/personLanguage';
import { AskDialog } from './askDialog';
import type { ConversationLanguage } from './conversationLanguage';
import { CheckDialog } from './checkDialog';
import type { Language } from '../src/kb/types';

/**
 * Handles what a user may say at any step: help, cancel, start over and a language switch.
 * Help and a language switch answer and then ask the waiting question again; cancel and
 * start over end the whole conversation flow.
 */
export class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly language: ConversationLanguage,
    /** Error messages users paste (English whatever their language): not their own words. */
    protected readonly pasted: readonly RegExp[] = [],
  ) {
    super(id);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    if (interrupted) return interrupted;
    await this.followLanguage(innerDc);
    return super.onContinueDialog(innerDc);
  }

  /** An answer whose own words are clearly in the other language moves the conversation to it. */
  private async followLanguage(innerDc: DialogContext): Promise<void> {
    const { activity } = innerDc.context;
    if (activity.type !== 'message' || !activity.text) return;
    const current = await this.language.stored(innerDc.context);
    if (!current) return;
    const language = personLanguage(activity.text, { current, pasted: this.pasted, fallback: current });
    if (language !== current) await this.language.set(innerDc.context, language);
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
        await innerDc.context.sendActivity(activeHelp(innerDc, c, await this.language.get(innerDc.context)) ?? c.help.general);
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

/** The help for the question waiting for an answer, however deep in child dialogs it is. */
function activeHelp(dc: DialogContext, c: Catalog, language: Language): string | undefined {
  let innermost = dc;
  while (innermost.child) innermost = innermost.child;
  const instance = innermost.activeDialog;
  const active = instance && innermost.findDialog(instance.id);
  if (active instanceof AskDialog) return c.help[active.helpKey];
  if (active instanceof CheckDialog && instance) return active.helpText(instance, language);
  return undefined;
}
