import {
  cleanInline,
  collapseWhitespace,
  decodeEntities,
  dropImages,
  markdownToPlainText,
  normalizeLineEndings,
  stripEmphasis,
  stripHtmlTags,
  toSingleLine,
  unwrapLinks,
} from '../../src/kb/markdown';

describe('decodeEntities', () => {
  it('decodes the entities of the Spanish bodies', () => {
    expect(decodeEntities('&quot;Logon&quot; &#39;xtk&#39; R&amp;D &lt;x&gt; &laquo;a&raquo;')).toBe('"Logon" \'xtk\' R&D <x> «a»');
  });

  it('leaves unterminated look-alikes in URLs alone', () => {
    expect(decodeEntities('https://host/page?a=1&notify=2&copy=3')).toBe('https://host/page?a=1&notify=2&copy=3');
  });
});

describe('stripHtmlTags', () => {
  it('turns <br> into a newline and drops formatting tags', () => {
    expect(stripHtmlTags('one<br>two<br/>three <b>bold</b> <u>under</u> <i>it</i> <strong>s</strong>')).toBe(
      'one\ntwo\nthree bold under it s',
    );
  });

  it('keeps table cell text and placeholders that look like tags', () => {
    const out = stripHtmlTags('<table><tr><td>A</td><td>B</td></tr></table> config-<instance>.xml <tenant> <xxx> <external account>');
    expect(out).toContain('A');
    expect(out).toContain('B');
    expect(out).not.toMatch(/<\/?(?:table|tr|td)>/);
    expect(out).toContain('config-<instance>.xml <tenant> <xxx> <external account>');
  });
});

describe('dropImages and unwrapLinks', () => {
  it('drops inline base64 images and ordinary images', () => {
    expect(dropImages('before ![](data:image/png;base64,iVBORw0KGgo+/=) after ![shot](assets/a.png)!')).toBe('before  after !');
  });

  it('keeps link text and drops the target, titles included', () => {
    expect(unwrapLinks('see [the FAQ](https://x.y/faq?lang=en "Follow link") now')).toBe('see the FAQ now');
  });

  it('drops links left empty by a removed image and unwraps UI control markers', () => {
    expect(unwrapLinks(dropImages('[![](data:image/png;base64,AAAA)](https://x.y) the [!UICONTROL Hot clicks] report'))).toBe(
      ' the Hot clicks report',
    );
  });
});

describe('stripEmphasis', () => {
  it('removes misplaced asterisks around error strings but keeps the text', () => {
    expect(stripEmphasis("*Empty return for method 'Logon' of service 'xtk: session*'")).toBe(
      "Empty return for method 'Logon' of service 'xtk: session'",
    );
  });

  it('removes paired underscores but not those inside identifiers', () => {
    expect(stripEmphasis('_really_ check mcSynch_mcExec1 and APNS_SANDBOX')).toBe('really check mcSynch_mcExec1 and APNS_SANDBOX');
  });

  it('keeps a free-standing asterisk', () => {
    expect(stripEmphasis('select * from t')).toBe('select * from t');
  });
});

describe('cleanInline', () => {
  it('keeps code span text without backticks', () => {
    expect(cleanInline('the `mcSynch_mcExec1` workflow')).toBe('the mcSynch_mcExec1 workflow');
  });

  it('keeps placeholders, raw or entity-encoded', () => {
    expect(cleanInline('open config-<instance>.xml on <tenant>')).toBe('open config-<instance>.xml on <tenant>');
    expect(cleanInline('open config-&lt;instance&gt;.xml')).toBe('open config-<instance>.xml');
    expect(cleanInline('the `<instance>.conf` files')).toBe('the <instance>.conf files');
  });

  it('puts placeholders split by the export back together', () => {
    expect(cleanInline('Tracking: <b>t.</b>`<` subdomain`>`')).toBe('Tracking: t.<subdomain>');
    expect(cleanInline('where `<` `instance-name>` is the name')).toBe('where <instance-name> is the name');
  });

  it('keeps a code span that shows an entity as that entity', () => {
    expect(cleanInline('use `&laquo;` for «')).toBe('use &laquo; for «');
  });

  it('decodes entities inside code spans of the Spanish files', () => {
    expect(cleanInline('`key value=&quot;643475&quot;/`')).toBe('key value="643475"/');
  });

  it('drops a bold tag cut in two by code spans', () => {
    expect(cleanInline('`<b>missing FROM-clause entry for table</`<b>b`>` ...')).toBe('missing FROM-clause entry for table ...');
  });

  it('turns NBSP, raw or encoded, into spaces', () => {
    expect(cleanInline('a\u00a0b&nbsp;c')).toBe('a b c');
  });

  it('keeps backslash-escaped characters literal', () => {
    expect(cleanInline('the \\* in the command')).toBe('the * in the command');
  });

  it('writes * bullets as -', () => {
    expect(cleanInline('* one\n* two')).toBe('- one\n- two');
  });

  // Text without markup skips the markup steps (markdown.ts, MARKUP): the same tidy result either way.
  it.each([
    ['  Empty  return for\tmethod \u200bLogon\n\n\n\n de  xtk:session ', 'Empty return for method Logon\n\nde xtk:session'],
    ['Devolución\u00a0vacía, 06:00 (servidor RT) - reinicio', 'Devolución vacía, 06:00 (servidor RT) - reinicio'],
  ])('tidies the spaces of plain text as of marked-up text: %j', (plain, tidy) => {
    expect(cleanInline(plain)).toBe(tidy);
    expect(cleanInline(`<b>${plain}</b>`)).toBe(tidy);
  });
});

describe('whitespace and line endings', () => {
  it('normalises CRLF and lone CR', () => {
    expect(normalizeLineEndings('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('collapses spaces, trims lines and keeps one blank line between paragraphs', () => {
    expect(collapseWhitespace('  a   b  \n\n\n\n c\t\td ')).toBe('a b\n\nc d');
  });
});

describe('markdownToPlainText', () => {
  it('cleans a CRLF body with headings, labels and entities', () => {
    const text = markdownToPlainText(
      '## Descripción {#description}\r\n\r\n<b>Entorno&nbsp;</b>\r\n Adobe Campaign Classic\r\n\r\n' +
        '<b>Problema</b>\r\nError *Devolución vacía para &#39;Logon&#39; del servicio &#39;xtk: session*&#39;\r\n',
    );
    expect(text).toBe("Descripción\n\nEntorno\nAdobe Campaign Classic\n\nProblema\nError Devolución vacía para 'Logon' del servicio 'xtk: session'");
  });

  it('keeps code block lines and indentation, without editor noise', () => {
    const text = markdownToPlainText('Run:\n\n```\n<etl>\n    <cmd args="--recipient <b></b> &quot;$f&quot;"/>\n</etl>\n```\nDone.');
    expect(text).toBe('Run:\n\n<etl>\n    <cmd args="--recipient  "$f""/>\n</etl>\n\nDone.');
  });

  it('does not strip emphasis or placeholders inside code blocks', () => {
    expect(markdownToPlainText('```\n*WARN* /content/dam/<xxx>/a.png\n```')).toBe('*WARN* /content/dam/<xxx>/a.png');
  });
});

describe('toSingleLine', () => {
  it('joins lines', () => {
    expect(toSingleLine('a<br>b\nc')).toBe('a b c');
  });
});
