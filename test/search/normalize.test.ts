import { foldText, queryWords, stripNoise, words } from '../../src/search/normalize';

describe('normalize', () => {
  it.each([
    ['Devolución VACÍA', 'devolucion vacia'],
    ['Sesión ÑANDÚ', 'sesion nandu'],
  ])('folds case and accents: %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it.each([
    ['xtk: session', ['xtk', 'session']],
    ['XTK:Session', ['xtk', 'session']],
    ['mcSync_mcExec1', ['mcsynch', 'mcexec1']],
    ['MCSync workflow', ['mcsynch', 'workflow']],
    ['mc sync', ['mcsynch']],
    ['Message Centre', ['message', 'center']],
    ['log on failed', ['logon', 'failed']],
    ['inicio de sesión', ['inicio', 'de', 'sesion']],
  ])('folds spelling variants: %s', (input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it('drops Teams mentions, log timestamps, tabs and control characters', () => {
    const pasted = '<at>KB Bot</at> 19/08/2022 06:00:41\tmcSynch_mcExec1\tEmpty return\u0007 2022-08-19T06:00:41.874+02:00 8/19/2022 6:00:41 AM @helper';
    expect(queryWords(pasted)).toEqual(['mcsynch', 'mcexec1', 'empty', 'return']);
  });

  it('bounds what it reads of a huge paste', () => {
    expect(stripNoise('a '.repeat(100_000)).length).toBeLessThanOrEqual(4000);
  });
});
