/**
 * KA-05406's guided check through a real client: the Microsoft 365 Agents Playground on the
 * msteams channel (a personal chat), in headless Chromium, against the bot started as
 * `npm run playground` does. In English and in Spanish, once typed (with the suggested actions'
 * taps where they are offered) and once with the cards' buttons and inputs (Action.Execute, which
 * the Playground sends as adaptiveCard/action invokes), asserting what the user sees on the page:
 * the article, the suggested actions, the two questions, the verdict with its times and Teams'
 * feedback controls under it, then the feedback form (thumbs up or down and a comment) ending the
 * check with the summary. Errors at 06:02 with the restart at 06:00 coincide; the fix moves the
 * start to 06:05 or 06:10. Screenshots: <lang>-suggested-actions, <lang>-verdict (the controls),
 * <lang>-feedback-form.
 */
import type { BotProcess } from '../../src/cli/playgroundProcesses';
import { inPlayground, startTestBot } from './support/stack';

interface Language {
  question: string;
  articleTitle: string;
  yes: string;
  errorTimeQuestion: string;
  restartQuestion: string;
  /** Typed answers: as a user writes them in that language. */
  typedErrorTime: string;
  typedRestartTime: string;
  coincides: RegExp;
  differs: RegExp;
  send: string;
  no: string;
  useDefault: string;
  /** The line after the verdict, pointing at the feedback controls. */
  feedbackQuestion: string;
  thanks: string;
  notHelpfulNoted: string;
  /** On a check's card as the others in a group chat see it. */
  whoseCheck: string;
  startOwn: string;
}

const en: Language = {
  question: "our Message Center sync fails with Empty return for method 'Logon' of service 'xtk:session'",
  articleTitle: 'Empty return error for "Logon" of "xtk:session" for Message Center',
  yes: 'Yes',
  errorTimeQuestion: 'When did the error happen?',
  restartQuestion: 'When does the server restart?',
  typedErrorTime: '6:02 AM',
  typedRestartTime: '06:00',
  coincides: /coincides/,
  differs: /does not coincide/,
  send: 'Send',
  no: 'No',
  useDefault: 'Use 06:00 (default)',
  feedbackQuestion: 'Was this helpful?',
  thanks: 'Thanks for the feedback!',
  notHelpfulNoted: "I've noted it",
  whoseCheck: "Alex Wilber's check",
  startOwn: 'Start my own check',
};

const es: Language = {
  question: 'el flujo de Message Center falla con una devolución vacía para el método Logon del servicio xtk:session',
  articleTitle: 'Error devuelto vacío para "Inicio de sesión" de "xtk:session" para el Centro de mensajes',
  yes: 'Sí',
  errorTimeQuestion: '¿A qué hora ocurrió el error?',
  restartQuestion: '¿A qué hora se reinicia el servidor?',
  typedErrorTime: 'a las 6 y 2',
  typedRestartTime: 'a las 6',
  coincides: /coincide/,
  differs: /no coincide/,
  send: 'Enviar',
  no: 'No',
  useDefault: 'Usar las 06:00 (por defecto)',
  feedbackQuestion: '¿Te ha sido útil?',
  thanks: '¡Gracias por tu opinión!',
  notHelpfulNoted: 'Lo he anotado',
  whoseCheck: 'Comprobación de Alex Wilber',
  startOwn: 'Empezar mi comprobación',
};

/** What the verdict must show for errors at 06:02 and a restart at 06:00. */
function verdict(l: Language) {
  return { expect: [l.coincides, '06:02', '06:00', '06:05', '06:10'], reject: [l.differs] };
}

let bot: BotProcess;

beforeAll(async () => {
  bot = await startTestBot();
}, 90000);

afterAll(async () => {
  await bot?.child.stop();
});

describe.each([
  ['en', en],
  ['es', es],
])('guided check in the Agents Playground (%s)', (code, l) => {
  test('typed, and by tapping the suggested actions', async () => {
    await inPlayground(bot, `${code}-typed`, async ({ page }) => {
      await page.say(l.question, { expect: [l.articleTitle, 'KA-05406'] });
      // Yes and No as suggested actions under the offer (Teams: personal chats, at most 3).
      await page.suggestedAction(l.yes).last().waitFor({ state: 'visible' });
      await page.suggestedAction(l.no).last().waitFor({ state: 'visible' });
      await page.say(code === 'es' ? 'sí' : 'yes', { expect: [l.errorTimeQuestion] });
      await page.say(l.typedErrorTime, { expect: [l.restartQuestion] });
      // The default restart time, one tap away; the tap is sent as the user's message.
      await page.tap(l.useDefault, verdict(l));
      // Answered by typing, the feedback question still ends the check with the case summary and its times.
      await page.say(code === 'es' ? 'sí' : 'yes', { expect: [l.thanks, '06:02', '06:00', '06:05'] });
    });
  });

  test("with the cards' buttons and inputs (Action.Execute), and Teams' feedback controls", async () => {
    await inPlayground(bot, `${code}-clicked`, async ({ page, screenshot }) => {
      await page.say(l.question, { expect: [l.articleTitle, 'KA-05406'] });
      await page.suggestedAction(l.yes).last().waitFor({ state: 'visible' });
      await screenshot(`${code}-suggested-actions`);
      await page.click('KA-05406', l.yes, { expect: [l.errorTimeQuestion] });
      await page.fillAndSubmit(l.errorTimeQuestion, '06:02', l.send, { expect: [l.restartQuestion] });
      const controlsBefore = await page.feedbackButtons().count();
      await page.fillAndSubmit(l.restartQuestion, '06:00', l.send, { ...verdict(l), expect: [...verdict(l).expect, l.feedbackQuestion] });
      // The verdict carries Teams' feedback controls; no "Was this helpful?" card with buttons any more.
      expect(await page.feedbackButtons().count()).toBe(controlsBefore + 1);
      expect(await page.card(l.feedbackQuestion).count()).toBe(0);
      await page.feedbackButtons().last().scrollIntoViewIfNeeded();
      await screenshot(`${code}-verdict`);
      // Thumbs down with a comment: the comment is noted as the reason, and the summary closes the check.
      await page.rate('dislike', code === 'es' ? 'sigue fallando a las 06:20' : 'still fails at 06:20', { expect: [l.notHelpfulNoted, '06:20', '06:02', '06:00'] }, async () => {
        await screenshot(`${code}-feedback-form`);
      });
    });
  });

  // The Playground's group chat: @mentions, per-user cards. It does not run a card's automatic
  // refresh (refresh.userIds), so the starter too sees the others' view; its "Start my own check"
  // gives the starter their own view in place (the invoke response's card).
  test('in a group chat: no suggested actions, the card says whose check it is, Action.Execute gives the starter their view', async () => {
    await inPlayground(bot, `${code}-group`, async ({ page, screenshot }) => {
      await page.openGroupChat();
      await page.mentionAndSay('Test Bot', l.question, { expect: [l.whoseCheck, 'KA-05406', l.startOwn] });
      const card = page.card(l.whoseCheck);
      expect(await card.getByRole('button', { name: l.yes, exact: true }).count()).toBe(0);
      expect(await page.suggestedAction(l.yes).count()).toBe(0);
      await screenshot(`${code}-group-others-view`, card);
      await card.getByRole('button', { name: l.startOwn, exact: true }).click();
      const own = page.card('KA-05406').getByRole('button', { name: l.yes, exact: true });
      await own.waitFor({ state: 'visible', timeout: 20000 });
      await screenshot(`${code}-group-own-view`, page.card('KA-05406'));
      await page.expectReply(() => own.click(), { expect: [l.errorTimeQuestion, l.whoseCheck] });
    });
  });
});
