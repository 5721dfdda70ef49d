import { recognizeCommand } from '../../src/language/intents';
import { ownWords, personLanguage } from '../../src/language/personLanguage';

const SIGNATURES = [/empty return for method\s*'?"?logon/i, /empty return .{0,40}xtk\s*:\s*session/i];
const ERROR = "Empty return for method 'Logon' of service 'xtk:session'";

describe('personLanguage: the person, not what they pasted', () => {
  it.each([
    [`Che, el mcSynch falla con ${ERROR}`, { locale: 'es-AR' }, 'es'],
    [`Che, el mcSynch falla con ${ERROR}`, { locale: 'en-US' }, 'es'],
    [`el flujo mcSynch_mcExec1 da este error: ${ERROR} desde ayer`, {}, 'es'],
    [`our sync workflow keeps failing with ${ERROR}`, { locale: 'es-ES' }, 'en'],
    // Nothing of their own: the client's locale decides.
    [ERROR, { locale: 'es-MX' }, 'es'],
    [ERROR, { locale: 'en-GB' }, 'en'],
    [`19/08/2022 06:00:41\tmcSynch_mcExec1\t${ERROR}`, { locale: 'es-CO' }, 'es'],
  ] as const)('%s (%o) -> %s', (text, context, expected) => {
    expect(personLanguage(text, { ...context, pasted: SIGNATURES, fallback: 'en' })).toBe(expected);
  });

  it('keeps the conversation language on short answers, whatever they look like', () => {
    for (const answer of ['dale', 'a las 18:04 hs', 'ok', '06:02', 'sí', 'yes', 'mcSynch_mcExec2']) {
      expect(personLanguage(answer, { current: 'es', fallback: 'en' })).toBe('es');
    }
    expect(personLanguage('a las 6', { current: 'en', fallback: 'en' })).toBe('en');
  });

  it("follows the person's own words when they clearly turn to the other language", () => {
    expect(personLanguage('ok the restart is at 6 in the morning', { current: 'es', fallback: 'en' })).toBe('en');
    expect(personLanguage('el servidor se reinicia a las 6 de la mañana', { current: 'en', fallback: 'en' })).toBe('es');
  });

  it('takes out log lines, quoted messages and product names', () => {
    const own = ownWords(`mira, el mcSynch_mcExec1 dice "Workflow finished with errors" y luego\n2020-03-04 06:01:13 ${ERROR}`, SIGNATURES);
    expect(own).not.toMatch(/mcSynch|Workflow finished|Empty return|2020/);
    expect(own).toMatch(/mira.*el.*dice.*y luego/s);
  });
});

describe('asking to switch language in a sentence', () => {
  it.each([
    ['¿podemos seguir en español?', 'es'],
    ['podemos continuar en castellano por favor', 'es'],
    ['can we continue in English?', 'en'],
    ['could you answer in english please', 'en'],
    ['¿puedes hablar en inglés?', 'en'],
    ['can you speak spanish?', 'es'],
  ])('%s -> %s', (text, language) => {
    expect(recognizeCommand(text)).toEqual({ kind: 'switchLanguage', language });
  });

  it.each(['the log is in English', 'el log está en inglés', 'mi consola está en español y el servidor en UTC'])('%s is no request', (text) => {
    expect(recognizeCommand(text)).toBeUndefined();
  });
});
