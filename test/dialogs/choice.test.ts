import { choiceQuestion } from '../../dialogs/questions';
import { openKnowledgeBase } from '../../src/search/knowledgeBase';

/** "None of these" at a choice of articles is an answer, typed in either language or by its button. */
describe('the choice of articles', () => {
  it.each([
    [{ text: 'none of these', value: {} }],
    [{ text: 'None', value: {} }],
    [{ text: 'ninguno de estos', value: {} }],
    [{ text: 'ninguna', value: {} }],
    [{ text: '', value: { kbAction: 'choose', none: true } }],
  ])('%o is "none of these"', async (input) => {
    const question = choiceQuestion((await openKnowledgeBase([])).index);
    expect(question.read(input, 'en', { articles: ['KA-05406'] })).toEqual({ kind: 'answer', value: { none: true } });
  });

  it('still reads a number or an article', async () => {
    const question = choiceQuestion((await openKnowledgeBase([])).index);
    expect(question.read({ text: '1', value: {} }, 'en', { articles: ['KA-05406'] })).toEqual({ kind: 'answer', value: { article: 'KA-05406' } });
    expect(question.read({ text: 'ka-05406', value: {} }, 'es', { articles: ['KA-05406'] })).toEqual({ kind: 'answer', value: { article: 'KA-05406' } });
  });
});
