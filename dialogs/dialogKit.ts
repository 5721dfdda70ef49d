/**
 * The botbuilder-dialogs classes the dialogs use, from the modules that define them: the
 * package's index also loads every prompt, and with them the Microsoft Recognizers-Text
 * (date-time, number, choice and suite: ~30 MB resident and a quarter of the start-up's module
 * loading) that no dialog here uses. The time readers load the recognizers on first use, when
 * the fast grammar and chrono-node have found nothing (src/time/fallbackParsers.ts). The same
 * classes and module instances as the index's: `import type` from 'botbuilder-dialogs' is fine.
 */
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
