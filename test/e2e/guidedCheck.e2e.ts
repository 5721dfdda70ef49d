/**
 * KA-05406's guided check through a real client: the Microsoft 365 Agents Playground on the
 * msteams channel, in headless Chromium, against the bot started as `npm run playground` does.
 * In English and in Spanish, once typed and once with the cards' buttons and inputs, asserting
 * what the user sees on the page: the article, the two questions, the verdict with its times.
 * Errors at 06:02 with the restart at 06:00 coincide; the fix moves the start to 06:05 or 06:10.
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
  helpful: string;
  feedbackQuestion: string;
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
  helpful: 'Helpful',
  feedbackQuestion: 'Was this helpful?',
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
  helpful: 'Útil',
  feedbackQuestion: '¿Te ha sido útil?',
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
  test('typed', async () => {
    await inPlayground(bot, `${code}-typed`, async ({ page }) => {
      await page.say(l.question, { expect: [l.articleTitle, 'KA-05406'] });
      await page.say(code === 'es' ? 'sí' : 'yes', { expect: [l.errorTimeQuestion] });
      await page.say(l.typedErrorTime, { expect: [l.restartQuestion] });
      await page.say(l.typedRestartTime, verdict(l));
      // The feedback answer ends the check with the case summary and its times.
      await page.say(code === 'es' ? 'sí' : 'yes', { expect: ['06:02', '06:00', '06:05'] });
    });
  });

  test("with the cards' buttons and inputs", async () => {
    await inPlayground(bot, `${code}-clicked`, async ({ page, screenshot }) => {
      await page.say(l.question, { expect: [l.articleTitle, 'KA-05406'] });
      await page.click('KA-05406', l.yes, { expect: [l.errorTimeQuestion] });
      await page.fillAndSubmit(l.errorTimeQuestion, '06:02', l.send, { expect: [l.restartQuestion] });
      await page.fillAndSubmit(l.restartQuestion, '06:00', l.send, verdict(l));
      await screenshot(`${code}-verdict`, page.card('06:10'));
      await page.click(l.feedbackQuestion, l.helpful, { expect: ['06:02', '06:00', '06:05'] });
    });
  });
});
