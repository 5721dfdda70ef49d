import { detectLanguage, languageFromLocale } from '../../src/language/detect';

describe('detectLanguage', () => {
  it.each([
    ['The mcSynch workflow fails every morning with an empty return error', 'en'],
    ['El flujo de trabajo mcSynch falla cada mañana con un error', 'es'],
    ['the workflow is failing since yesterday', 'en'],
    ['el workflow de sincronizacion falla desde ayer', 'es'],
    ['Empty return for method Logon of service xtk:session', 'en'],
  ])('%s -> %s', (text, expected) => {
    expect(detectLanguage(text, expected === 'en' ? 'es' : 'en')).toBe(expected);
  });

  it('keeps the conversation language for one or two words', () => {
    expect(detectLanguage('mcSynch falla', 'en')).toBe('en');
    expect(detectLanguage('hello', 'es')).toBe('es');
    expect(detectLanguage('hola', 'en')).toBe('en');
  });

  it('reads the language from what the user wrote, not from pasted log lines', () => {
    const log = "19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return for method 'Logon' of service 'xtk:session'";
    expect(detectLanguage(`os pego el log del flujo que falla:\n${log}\n${log}`, 'en')).toBe('es');
    expect(detectLanguage(`here is the log of the failing workflow:\n${log}`, 'es')).toBe('en');
  });

  it('does not take an accented name for Spanish', () => {
    expect(detectLanguage('Ana García says the mcSynch workflow fails every morning', 'es')).toBe('en');
  });

  it('takes Spanish-only marks even in one word', () => {
    expect(detectLanguage('¿sesión?', 'en')).toBe('es');
  });

  it('maps client locales', () => {
    expect(languageFromLocale('es-ES')).toBe('es');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('fr-FR', 'es')).toBe('es');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});
