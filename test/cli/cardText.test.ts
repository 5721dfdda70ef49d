import type { Activity, Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, messageForAction, renderActivity, renderActivityAsText, renderBold } from '../../src/cli/cardText';

function adaptiveCard(body: unknown[], actions?: unknown[]): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: { type: 'AdaptiveCard', version: '1.5', body, ...(actions ? { actions } : {}) } };
}

function withCard(body: unknown[], actions?: unknown[], extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: 'message', attachments: [adaptiveCard(body, actions)], ...extra };
}

describe('renderActivityAsText', () => {
  it('prints the text of a plain message', () => {
    expect(renderActivityAsText({ type: 'message', text: '  echo: hello  ' })).toBe('echo: hello');
  });

  it('prints nothing for what a user does not see', () => {
    expect(renderActivityAsText({ type: 'typing' })).toBe('');
    expect(renderActivityAsText({ type: 'trace', text: 'internal' })).toBe('');
  });

  it('prints the message text, then the card', () => {
    const activity = withCard([{ type: 'TextBlock', text: 'From the card' }], undefined, { text: 'Before the card' });
    expect(renderActivityAsText(activity)).toBe('Before the card\nFrom the card');
  });

  it('renders TextBlocks, keeping their line breaks', () => {
    expect(
      renderActivityAsText(
        withCard([
          { type: 'TextBlock', text: 'Title', weight: 'Bolder' },
          { type: 'TextBlock', text: 'one\ntwo' },
        ]),
      ),
    ).toBe('Title\none\ntwo');
  });

  it('renders a FactSet as "Name: value"', () => {
    const card = withCard([
      {
        type: 'FactSet',
        facts: [
          { title: 'Article', value: 'KA-05406' },
          { title: 'Workflow', value: 'mcSynch_mcExec1' },
        ],
      },
    ]);
    expect(renderActivityAsText(card)).toBe('Article: KA-05406\nWorkflow: mcSynch_mcExec1');
  });

  it('renders Containers and ColumnSets recursively, skipping hidden elements', () => {
    const card = withCard([
      {
        type: 'Container',
        items: [
          { type: 'TextBlock', text: 'In a container' },
          {
            type: 'ColumnSet',
            columns: [
              { type: 'Column', items: [{ type: 'TextBlock', text: 'Left' }] },
              { type: 'Column', items: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'Right, nested' }] }] },
            ],
          },
          { type: 'TextBlock', text: 'Hidden', isVisible: false },
        ],
      },
    ]);
    expect(renderActivityAsText(card)).toBe('In a container\nLeft\nRight, nested');
  });

  it('renders a RichTextBlock as one line of its runs', () => {
    const card = withCard([{ type: 'RichTextBlock', inlines: ['Error at ', { type: 'TextRun', text: '06:02', weight: 'Bolder' }, { type: 'TextRun', text: ' in mcSynch' }] }]);
    expect(renderActivityAsText(card)).toBe('Error at 06:02 in mcSynch');
  });

  it('renders an Input.Text as "[input <id>: placeholder]"', () => {
    const card = withCard([{ type: 'Input.Text', id: 'restartTime', placeholder: 'e.g. 06:00' }]);
    expect(renderActivityAsText(card)).toBe('[input restartTime: e.g. 06:00]');
  });

  it('numbers Action.Submit and Action.OpenUrl options, with the URL', () => {
    const card = withCard(
      [{ type: 'TextBlock', text: 'Shall I walk you through the check?' }],
      [
        { type: 'Action.Submit', title: 'Yes', data: { kbAction: 'offer', answer: 'yes' } },
        { type: 'Action.Submit', title: 'No', data: { kbAction: 'offer', answer: 'no' } },
        { type: 'Action.OpenUrl', title: 'Open the article', url: 'https://experienceleague.adobe.com/ka-05406' },
      ],
    );
    expect(renderActivityAsText(card)).toBe('Shall I walk you through the check?\n[1] Yes\n[2] No\n[3] Open the article (https://experienceleague.adobe.com/ka-05406)');
  });

  it('numbers suggested actions after the card actions', () => {
    const activity = withCard([{ type: 'TextBlock', text: 'Pick one' }], [{ type: 'Action.Submit', title: 'From the card', data: {} }], {
      suggestedActions: {
        to: [],
        actions: [
          { type: 'imBack', title: 'Start over', value: 'start over' },
          { type: 'openUrl', title: 'Docs', value: 'https://example.test/docs' },
        ],
      },
    });
    expect(renderActivityAsText(activity)).toBe('Pick one\n[1] From the card\n[2] Start over\n[3] Docs (https://example.test/docs)');
  });

  it('continues the numbering from firstActionNumber, and ActionSets number in place', () => {
    const card = withCard([
      { type: 'TextBlock', text: 'Choose' },
      { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'A', data: { pick: 'a' } }] },
      { type: 'TextBlock', text: 'After' },
    ]);
    const { text, actions } = renderActivity(card, { firstActionNumber: 4 });
    expect(text).toBe('Choose\n[4] A\nAfter');
    expect(actions.map((action) => action.number)).toEqual([4]);
  });

  it('renders hero cards and names other attachments', () => {
    const activity: Partial<Activity> = {
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Hero', text: 'Body', buttons: [{ type: 'imBack', title: 'Go', value: 'go' }] } },
        { contentType: 'image/png', name: 'screenshot.png', contentUrl: 'https://example.test/s.png' },
      ],
    };
    expect(renderActivityAsText(activity)).toBe('Hero\nBody\n[1] Go\n[attachment: screenshot.png]');
  });

  it('reads a card whose content is a JSON string', () => {
    const activity: Partial<Activity> = {
      type: 'message',
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'From JSON' }] }) }],
    };
    expect(renderActivityAsText(activity)).toBe('From JSON');
  });
});

describe('messageForAction: what Teams sends for a click', () => {
  it('sends an Action.Submit as empty text with data and the card input values in value', () => {
    const card = withCard(
      [
        { type: 'Input.Text', id: 'restartTime', placeholder: 'e.g. 06:00', value: '06:00' },
        { type: 'Input.Text', id: 'note' },
      ],
      [{ type: 'Action.Submit', title: 'Send', data: { kbAction: 'restartTime' } }],
      { id: 'card-1' },
    );
    const [send] = renderActivity(card).actions;
    expect(send).toMatchObject({ number: 1, title: 'Send', activityId: 'card-1' });
    expect(messageForAction(send!)).toEqual({ text: '', value: { kbAction: 'restartTime', restartTime: '06:00' } });
  });

  it('leaves inputs out when the action says associatedInputs none', () => {
    const card = withCard([{ type: 'Input.Text', id: 'x', value: 'typed' }], [{ type: 'Action.Submit', title: 'Skip', data: { skip: true }, associatedInputs: 'none' }]);
    expect(messageForAction(renderActivity(card).actions[0]!)).toEqual({ text: '', value: { skip: true } });
  });

  it('sends string data and imBack actions as text', () => {
    const card = withCard(
      [],
      [
        { type: 'Action.Submit', title: 'Yes', data: 'yes' },
        { type: 'Action.Submit', title: 'No', data: { msteams: { type: 'imBack', value: 'no' } } },
      ],
    );
    const [yes, no] = renderActivity(card).actions;
    expect(messageForAction(yes!)).toEqual({ text: 'yes' });
    expect(messageForAction(no!)).toEqual({ text: 'no' });
  });

  it('sends suggested actions as the channels do', () => {
    const { actions } = renderActivity({
      type: 'message',
      suggestedActions: {
        to: [],
        actions: [
          { type: 'imBack', title: 'Help', value: 'help' },
          { type: 'postBack', title: 'Hidden', value: { pick: 2 } },
          { type: 'messageBack', title: 'Both', text: 'both', value: { pick: 3 } },
        ],
      },
    });
    expect(actions.map((action) => messageForAction(action))).toEqual([{ text: 'help' }, { value: { pick: 2 } }, { text: 'both', value: { pick: 3 } }]);
  });

  it('sends nothing for links and for what a terminal cannot do', () => {
    const card = withCard(
      [],
      [
        { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.test' },
        { type: 'Action.Execute', title: 'Refresh', verb: 'refresh' },
      ],
    );
    const [open, execute] = renderActivity(card).actions;
    expect(open).toMatchObject({ kind: 'openUrl', url: 'https://example.test' });
    expect(execute).toMatchObject({ kind: 'unsupported', type: 'Action.Execute' });
    expect(messageForAction(open!)).toBeUndefined();
    expect(messageForAction(execute!)).toBeUndefined();
  });
});

describe('Markdown bold for a terminal', () => {
  it('keeps **bold** as sent by default, as ANSI bold or as the words alone when asked', () => {
    const activity = withCard([{ type: 'TextBlock', text: 'Open its **Tracking** tab' }], undefined, { text: 'Type **help** or **start over**' });
    expect(renderActivityAsText(activity)).toBe('Type **help** or **start over**\nOpen its **Tracking** tab');
    expect(renderActivityAsText(activity, { bold: 'plain' })).toBe('Type help or start over\nOpen its Tracking tab');
    expect(renderActivityAsText(activity, { bold: 'ansi' })).toBe('Type \u001b[1mhelp\u001b[22m or \u001b[1mstart over\u001b[22m\nOpen its \u001b[1mTracking\u001b[22m tab');
  });

  it('leaves what is not bold alone', () => {
    expect(renderBold('2 ** 3, a ** b, **', 'plain')).toBe('2 ** 3, a ** b, **');
    expect(renderBold('*italic* and `code`', 'ansi')).toBe('*italic* and `code`');
  });
});

describe('fields and the buttons that only send them', () => {
  const restartCard = withCard(
    [
      { type: 'TextBlock', text: 'When does the server restart?' },
      { type: 'Input.Text', id: 'restartTime' },
    ],
    [
      { type: 'Action.Submit', title: 'Send', data: { kbAction: 'restartTime' } },
      { type: 'Action.Submit', title: "I don't know", data: { kbAction: 'restartTime', dontKnow: true } },
    ],
  );

  it('lists the fields shown, and marks a Send whose fields are empty', () => {
    const { inputs, actions } = renderActivity(restartCard);
    expect(inputs).toEqual(['restartTime']);
    expect(actions.map((action) => (action.kind === 'submit' ? action.needsInput : 'other'))).toEqual([['restartTime'], undefined]);
  });

  it('does not mark it once the field holds a value, nor on a card without fields', () => {
    const filled = withCard([{ type: 'Input.Text', id: 'errorTime', value: '06:02' }], [{ type: 'Action.Submit', title: 'Send', data: { kbAction: 'errorTime' } }]);
    expect(renderActivity(filled).actions[0]).not.toHaveProperty('needsInput');
    const yesNo = withCard([{ type: 'TextBlock', text: 'Shall I?' }], [{ type: 'Action.Submit', title: 'Yes', data: { answer: 'yes' } }]);
    expect(renderActivity(yesNo)).toMatchObject({ inputs: [], actions: [expect.not.objectContaining({ needsInput: expect.anything() })] });
  });
});
