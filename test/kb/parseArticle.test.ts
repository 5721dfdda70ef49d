import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, parseKeywords } from '../../src/kb/parseArticle';
import { DEFAULT_KB_DIR } from '../../src/kb/paths';

const repoArticle = (language: 'en' | 'es', number = 'KA-05406'): { text: string; file: string } => {
  const file = path.join(DEFAULT_KB_DIR, language, `${number}.md`);
  return { text: readFileSync(file, 'utf8'), file };
};

/** A small article in the corpus's shape; `body` replaces the Description/Resolution part. */
function article(body: string, frontMatter = 'title: Test article\narticle-number: KA-00001\nversion-number: 2'): string {
  return `---\n${frontMatter}\n---\n# Test article\n\n${body}\n`;
}

describe('parseArticle on KA-05406 from kb/articles', () => {
  const { text: enText, file: enFile } = repoArticle('en');
  const { text: esText, file: esFile } = repoArticle('es');
  const en = parseArticle(enText, enFile);
  const es = parseArticle(esText, esFile);

  it('reads the front matter', () => {
    expect(en.number).toBe('KA-05406');
    expect(es.number).toBe('KA-05406');
    expect(en.language).toBe('en');
    expect(es.language).toBe('es');
    expect(en.version).toBe(3);
    expect(en.title).toBe('Empty return error for "Logon" of "xtk:session" for Message Center');
    expect(es.title).toBe('Error devuelto vacío para "Inicio de sesión" de "xtk:session" para el Centro de mensajes');
    expect(en.url).toBe('https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406');
    expect(es.url).toBe('https://experienceleague.adobe.com/es/docs/experience-cloud-kcs/kbarticles/ka-05406');
    expect(en.source).toBe(enFile);
  });

  it('splits keywords without KCS and without stray quotes', () => {
    expect(en.keywords).toContain('xtk:session');
    expect(en.keywords).toContain('Message Center');
    expect(en.keywords).not.toContain('KCS');
    expect(es.keywords[0]).toBe('Adobe Campaign Classic');
    expect(es.keywords[es.keywords.length - 1]).toBe('Flujo de trabajo técnico');
    expect(es.keywords.join()).not.toMatch(/["']|KCS/);
  });

  it('reads the labelled parts in English', () => {
    expect(en.environment).toBe('Adobe Campaign Classic');
    expect(en.issue).toMatch(/Logon/);
    expect(en.issue).toMatch(/xtk:session/);
    expect(en.issue).not.toMatch(/[*`]|Environment|Adobe Campaign Classic/);
    expect(en.cause).toMatch(/\bRT\b/);
    expect(en.cause).not.toMatch(/Solution|Follow these steps/);
    expect(en.resolution).toHaveLength(2);
    expect(en.resolution[0]).toMatch(/^Check the technical workflow's logs/);
    expect(en.resolution[1]).toMatch(/5 or 10 minutes after the server restart/);
  });

  it('reads the labelled parts in Spanish, entities decoded', () => {
    expect(es.environment).toBe('Adobe Campaign Classic');
    expect(es.issue).toMatch(/'Logon'/);
    expect(es.issue).toMatch(/xtk: ?session/);
    expect(es.issue).not.toMatch(/&#39;|&quot;|\*/);
    expect(es.cause).toMatch(/\bRT\b/);
    expect(es.resolution).toHaveLength(2);
    expect(es.resolution[0]).toMatch(/^Compruebe los registros/);
  });

  it('replaces a placeholder front-matter description ("Descripción")', () => {
    expect(en.description).toMatch(/^Learn how to resolve the error/);
    expect(es.description).not.toBe('Descripción');
    expect(es.description).toMatch(/Logon/);
  });

  it('keeps the whole body as plain text', () => {
    expect(en.body).toMatch(/^Empty return error for "Logon"/);
    expect(en.body).toContain('Environment');
    expect(en.body).toContain('mcSynch_mcExec1');
    expect(es.body).not.toMatch(/<b>|&quot;|&#39;/);
  });
});

describe('parseArticle label styles', () => {
  const expectParts = (body: string): void => {
    const parsed = parseArticle(article(body), 'x/KA-00001.md');
    expect(parsed.environment).toBe('Campaign Classic');
    expect(parsed.issue).toBe('The workflow fails.');
    expect(parsed.cause).toBe('The server restarts.');
    expect(parsed.resolution).toEqual(['Move the schedule.']);
  };

  it('reads ### Label headings', () => {
    expectParts(
      '## Description {#description}\n\n### Environment\n\nCampaign Classic\n\n### Issue/Symptoms\n\nThe workflow fails.\n\n' +
        '### Cause\n\nThe server restarts.\n\n## Resolution {#resolution}\n\nMove the schedule.',
    );
  });

  it('reads ### <b>Label</b> headings, with NBSP and a trailing colon', () => {
    expectParts(
      '## Description {#description}\n\n### <b>Environment&nbsp;</b>\n\nCampaign Classic\n\n### <b>Issues/Symptoms</b><b> </b>\n\nThe workflow fails.\n\n' +
        '### <b>Cause:</b>\n\nThe server restarts.\n\n## Resolution\n\nMove the schedule.',
    );
  });

  it('reads bare <b>Label</b> lines, CRLF, raw NBSP and labels after stray <br>', () => {
    expectParts(
      '## Description {#description}\r\n\r\n<b>Environment\u00a0</b>\r\n Campaign Classic\r\n\r\n<br> <br><b>Issue</b>\r\nThe workflow fails.\r\n\r\n' +
        '<b>Cause</b>: The server restarts.\r\n\r\n## Resolution {#resolution}\r\n\r\n<b>Solution</b>\r\nMove the schedule.',
    );
  });

  it('reads plain "Cause:" lines', () => {
    expectParts(
      '## Description\n\n### Environment\n\nCampaign Classic\n\n### Issue\n\nThe workflow fails.\n\nCause:\n\nThe server restarts.\n\n' +
        '## Resolution\n\nSolution:\n\nMove the schedule.',
    );
  });

  it('reads Spanish labels, accents optional, and Spanish sections', () => {
    const parsed = parseArticle(
      article(
        '## Descripción {#description}\n\n### Entorno\n\n- Campaign Classic\n- Campaign\n\n### Problema/ Sintomas\n\nFalla el flujo.\n\n' +
          '#### Pasos a seguir\n\n1. Abrir.\n2. Ejecutar.\n\n<b>Causa</b>\nEl servidor se reinicia.\n\n## Resolución\n\n<b>Soluciones</b>\n\n' +
          '1. Cambie la hora.\n\n<b>Lectura relacionada</b>\n\n[Documentación](https://x.y)',
        'title: Prueba\narticle-number: KA-00002\nht-degree: 0%',
      ),
      'somewhere/KA-00002.md',
    );
    expect(parsed.language).toBe('es');
    expect(parsed.environment).toBe('Campaign Classic, Campaign');
    expect(parsed.issue).toBe('Falla el flujo.');
    expect(parsed.stepsToReproduce).toBe('1. Abrir.\n2. Ejecutar.');
    expect(parsed.cause).toBe('El servidor se reinicia.');
    expect(parsed.resolution).toEqual(['Cambie la hora.']);
    expect(parsed.relatedReading).toBe('Documentación');
  });

  it('uses the sections when there are no labels', () => {
    const parsed = parseArticle(
      article('## Description {#description}\n\nSomething odd happens.\n\n## Resolution {#resolution}\n\nFirst do this.\n\nThen that.'),
      'x/KA-00001.md',
    );
    expect(parsed.issue).toBe('Something odd happens.');
    expect(parsed.environment).toBe('');
    expect(parsed.cause).toBe('');
    expect(parsed.resolution).toEqual(['First do this.', 'Then that.']);
  });

  it('leaves the community footer out of issue and resolution', () => {
    const parsed = parseArticle(
      article(
        '## Description\n\n### Issue\n\nIt fails.\n\n<b>Ask Questions In Our Experience League Campaign Community</b>\n' +
          "If you have any questions you'd like answered about this topic, join us!\n\n## Resolution\n\nFix it.",
      ),
      'x/KA-00001.md',
    );
    expect(parsed.issue).toBe('It fails.');
    expect(parsed.resolution).toEqual(['Fix it.']);
    expect(parsed.body).toContain('Ask Questions');
  });

  it('leaves the community paragraph out even without its heading', () => {
    const parsed = parseArticle(
      article(
        '## Descripción\n\n### Problema\n\nFalla.\n\n## Resolución\n\nReinicie.\n\n' +
          'Si tiene alguna pregunta que le gustaría que se respondiera sobre este tema, únase a la comunidad.',
      ),
      'x/KA-00001.md',
    );
    expect(parsed.resolution).toEqual(['Reinicie.']);
  });

  it('ends "Steps to reproduce" with its list, giving the rest back to the resolution', () => {
    const parsed = parseArticle(
      article('## Resolution\n\nSteps to reproduce:\n\n1. Run it.\n2. See it fail.\n\nRestart the server.'),
      'x/KA-00001.md',
    );
    expect(parsed.stepsToReproduce).toBe('1. Run it.\n2. See it fail.');
    expect(parsed.resolution).toEqual(['Restart the server.']);
  });
});

describe('parseArticle resolution steps', () => {
  const steps = (resolution: string): string[] => parseArticle(article(`## Resolution\n\n${resolution}`), 'x/KA-00001.md').resolution;

  it('makes numbered items steps and drops a generic introduction', () => {
    expect(steps('Follow these steps:\n\n1. One.\n2. Two\n   continued.\n   - sub item\n3. Three.')).toEqual([
      'One.',
      'Two\ncontinued.\n- sub item',
      'Three.',
    ]);
  });

  it('keeps a specific introduction as a step of its own', () => {
    const intro = 'If your instances are hosted by Adobe, contact Adobe Campaign Support to perform the steps below:';
    expect(steps(`${intro}\n\n1. One.\n2. Two.`)).toEqual([intro, 'One.', 'Two.']);
    expect(steps('If hosted by Adobe, follow these steps:\n\n1. One.\n2. Two.')).toEqual([
      'If hosted by Adobe, follow these steps:',
      'One.',
      'Two.',
    ]);
  });

  it('keeps bullets with the sentence that introduces them', () => {
    expect(steps('The following is recommended:\n\n- A\n- B\n\nAvoid these:\n\n- C')).toEqual([
      'The following is recommended:\n- A\n- B',
      'Avoid these:\n- C',
    ]);
  });

  it('joins code to the sentence that introduces it', () => {
    expect(steps('Run the command:\n\n```\nnlserver config -reload\n```\n\nCheck the logs.')).toEqual([
      'Run the command:\nnlserver config -reload',
      'Check the logs.',
    ]);
  });
});

describe('parseArticle metadata', () => {
  it('takes the language from an explicit argument, then the folder, then the front matter', () => {
    const spanishFrontMatter = 'title: T\narticle-number: KA-1\nworkflow-type: tm+mt';
    expect(parseArticle(article('x', spanishFrontMatter), 'kb/en/KA-1.md', 'es').language).toBe('es');
    expect(parseArticle(article('x', spanishFrontMatter), 'kb/en/KA-1.md').language).toBe('en');
    expect(parseArticle(article('x', spanishFrontMatter), 'kb/KA-1.md').language).toBe('es');
    expect(parseArticle(article('x', 'title: T\narticle-number: KA-1'), 'kb/KA-1.md').language).toBe('en');
  });

  it('parses every YAML quoting style of titles', () => {
    const single = parseArticle(article('x', "title: '\"Workflow Duration\" doesn''t show'\narticle-number: KA-1"), 'KA-1.md');
    const double = parseArticle(article('x', 'title: "Fails with \\"Error while compiling\\""\narticle-number: KA-1'), 'KA-1.md');
    expect(single.title).toBe('"Workflow Duration" doesn\'t show');
    expect(double.title).toBe('Fails with "Error while compiling"');
  });

  it('falls back to the file name for the number, the heading for the title, 1 for the version', () => {
    const parsed = parseArticle('---\nbug: false\n---\n# Heading &amp; title\n\nBody.', 'dir/ka-01234.md');
    expect(parsed.number).toBe('KA-01234');
    expect(parsed.title).toBe('Heading & title');
    expect(parsed.version).toBe(1);
  });

  it('drops unbalanced quotes the translation left at the ends of a title', () => {
    const parsed = parseArticle(article('x', `title: '"Adobe Campaign: error in [!UICONTROL Hot clicks] report'''\narticle-number: KA-1`), 'KA-1.md');
    expect(parsed.title).toBe('Adobe Campaign: error in Hot clicks report');
  });

  it('splits keyword strings and lists', () => {
    expect(parseKeywords("'KCS, Adobe Campaign, vacío, Flujo\"")).toEqual(['Adobe Campaign', 'vacío', 'Flujo']);
    expect(parseKeywords(['KCS', 'a', 'b'])).toEqual(['a', 'b']);
    expect(parseKeywords(undefined)).toEqual([]);
  });
});

describe('parseArticle errors', () => {
  it('rejects text without front matter', () => {
    expect(() => parseArticle('# Just a heading\n\nText.', 'notes.md')).toThrow(/front matter/);
  });

  it('rejects front matter that is not closed', () => {
    expect(() => parseArticle('---\ntitle: T\n# Heading', 'KA-1.md')).toThrow(/not closed/);
  });

  it('rejects invalid YAML with the parser message', () => {
    expect(() => parseArticle('---\ntitle: "unterminated\n  : [\n---\n# T', 'KA-1.md')).toThrow(/invalid YAML front matter/);
  });

  it('rejects front matter that is not a mapping', () => {
    expect(() => parseArticle('---\n- a\n- b\n---\n# T', 'KA-1.md')).toThrow(/mapping/);
  });

  it('rejects an article with no title and no number', () => {
    expect(() => parseArticle('---\nbug: false\n---\nNo heading here.', 'notes.md')).toThrow(/no title and no article number/);
  });
});
