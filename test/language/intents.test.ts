import { isDontKnow, recognizeCommand, recognizeYesNo } from '../../src/language/intents';

describe('recognizeCommand', () => {
  it.each([
    ['help', 'help'],
    ['Ayuda', 'help'],
    ['¿ayuda?', 'help'],
    ['cancel', 'cancel'],
    ['Cancelar', 'cancel'],
    ['start over', 'startOver'],
    ['Empezar de nuevo', 'startOver'],
    ['volver a empezar', 'startOver'],
  ])('%s -> %s', (text, kind) => {
    expect(recognizeCommand(text)?.kind).toBe(kind);
  });

  it.each([
    ['in English please', 'en'],
    ['English', 'en'],
    ['en inglés', 'en'],
    ['en español', 'es'],
    ['Spanish please', 'es'],
    ['en castellano', 'es'],
  ])('%s switches to %s', (text, language) => {
    expect(recognizeCommand(text)).toEqual({ kind: 'switchLanguage', language });
  });

  it.each(['the help desk says the workflow fails', 'cancel the delivery of yesterday?', '06:00', ''])('%j is not a command', (text) => {
    expect(recognizeCommand(text)).toBeUndefined();
  });
});

describe('recognizeYesNo', () => {
  it.each(['yes', 'Y', 'sí', 'si', 'Vale', 'ok', 'sure', 'claro', 'sí, por favor'])('%s is yes', (text) => {
    expect(recognizeYesNo(text)).toBe(true);
  });
  it.each(['no', 'N', 'no gracias', 'nope', 'not now'])('%s is no', (text) => {
    expect(recognizeYesNo(text)).toBe(false);
  });
  it.each(["ok let's do it", 'yes please go ahead', 'sí, adelante', 'vale, empecemos', 'sure, go on'])('%s starts with yes', (text) => {
    expect(recognizeYesNo(text)).toBe(true);
  });
  it.each(['no, not now', 'nope, skip it', 'ahora no, gracias'])('%s starts with no', (text) => {
    expect(recognizeYesNo(text)).toBe(false);
  });
  it.each(["ok but I don't want to", 'ok so my mcSynch workflow fails every morning at six'])('%j is not a plain yes', (text) => {
    expect(recognizeYesNo(text)).toBeUndefined();
  });
  it.each(['maybe', '06:00', 'yes and no', ''])('%j is neither', (text) => {
    expect(recognizeYesNo(text)).toBeUndefined();
  });
});

describe('isDontKnow', () => {
  it.each(["I don't know", 'dont know', 'no idea', 'No lo sé', 'no sé', 'ni idea'])('%s', (text) => {
    expect(isDontKnow(text)).toBe(true);
  });
  it.each(['06:00', 'I know: 6am', 'sé que es a las 6'])('%s is an answer', (text) => {
    expect(isDontKnow(text)).toBe(false);
  });
});
