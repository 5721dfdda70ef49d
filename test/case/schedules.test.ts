import { readSchedules, sameWorkflow, type ScheduleMention } from '../../src/case/schedules';

const workflowName = /\bmcSynch?_[A-Za-z0-9]+\b/i;

/** "mcSynch_mcExec1: 60 @00:00", "all(3): 60 @:00", "-: 2", "mcSynch_mcExec2: @:15", "[marketing] -: 2". */
function describe_(mention: ScheduleMention): string {
  const who = [...mention.workflows, ...(mention.all ? [`all${mention.all.count ? `(${mention.all.count})` : ''}`] : [])].join(',') || '-';
  const start =
    mention.startMinute === undefined
      ? ''
      : mention.minuteOfHour
        ? ` @:${String(mention.startMinute).padStart(2, '0')}`
        : ` @${String(Math.floor(mention.startMinute / 60)).padStart(2, '0')}:${String(mention.startMinute % 60).padStart(2, '0')}`;
  const period = mention.periodMinutes === undefined ? '' : ` ${mention.periodMinutes}`;
  const extra = [mention.instance ? `[${mention.instance}]` : '', mention.zone ? `{${mention.zone.name}}` : ''].filter(Boolean).join(' ');
  return `${extra ? `${extra} ` : ''}${who}:${period}${start}${mention.runs ? ` (${mention.runs} runs)` : ''}`;
}

const read = (text: string, language: 'en' | 'es') => readSchedules(text, { language, workflowName }).mentions.map(describe_);

describe('readSchedules: typed', () => {
  test.each<[string, 'en' | 'es', string[]]>([
    ['mcSynch_mcExec1 runs every hour at :00', 'en', ['[marketing] mcSynch_mcExec1: 60 @:00']],
    ['los tres mcSynch corren cada hora en punto', 'es', ['[marketing] all(3): 60 @:00']],
    ['mcSynch_mcExec2 a las y 15', 'es', ['[marketing] mcSynch_mcExec2: @:15']],
    ['every 2 minutes', 'en', ['-: 2']],
    ['cada 2 minutos', 'es', ['-: 2']],
    ['cada dos minutos', 'es', ['-: 2']],
    ['hourly', 'en', ['-: 60']],
    ['cada hora', 'es', ['-: 60']],
    ['once a day at 06:00', 'en', ['-: 1440 @06:00']],
    ['una vez al día a las 6:30', 'es', ['-: 1440 @06:30']],
    ['every 2 hours', 'en', ['-: 120']],
    ['cada media hora', 'es', ['-: 30']],
    ['every 15 min at :05', 'en', ['-: 15 @:05']],
    ['at quarter past every hour', 'en', ['-: 60 @:15']],
    ['mcSynch_mcExec1 and mcSynch_mcExec2 run every hour on the hour', 'en', ['[marketing] mcSynch_mcExec1,mcSynch_mcExec2: 60 @:00']],
    ['mcSynch_mcExec1, mcSynch_mcExec2 y mcSynch_mcExec3 corren cada hora en punto', 'es', ['[marketing] mcSynch_mcExec1,mcSynch_mcExec2,mcSynch_mcExec3: 60 @:00']],
    ['mcSynch_mcExec1 corre cada hora en punto y mcSynch_mcExec2 a las y 15', 'es', ['[marketing] mcSynch_mcExec1: 60 @:00', '[marketing] mcSynch_mcExec2: @:15']],
    ['mcSynch_mcExec1 at :00, mcSynch_mcExec2 at :30', 'en', ['[marketing] mcSynch_mcExec1: @:00', '[marketing] mcSynch_mcExec2: @:30']],
    ['Every hour on the hour: mcSync_mcExec1 and mcSync_mcExec2', 'en', ['[marketing] mcSync_mcExec1,mcSync_mcExec2: 60 @:00']],
    ['all three run hourly at :00', 'en', ['all(3): 60 @:00']],
    ['both run hourly at :00', 'en', ['all: 60 @:00']],
    ['mcSynch_mcExec1 se ejecuta a las y cuarto', 'es', ['[marketing] mcSynch_mcExec1: @:15']],
    ['mcSynch_mcExec2 runs at 15 minutes past the hour', 'en', ['[marketing] mcSynch_mcExec2: @:15']],
    ['we have 3 execution instances and their mcSynch run every hour at :00', 'en', ['[marketing] all(3): 60 @:00']],
    ['tenemos 2 instancias de ejecución y sus mcSynch corren cada 60 minutos en el minuto 0', 'es', ['[marketing] all(2): 60 @:00']],
    ['mcSync_mcExec1 y mcSync_mcExec2 se ejecutan cada hora a las 00', 'es', ['[marketing] mcSync_mcExec1,mcSync_mcExec2: 60 @00:00']],
    ['every hour at xx:45', 'en', ['-: 60 @:45']],
  ])('%s', (text, language, expected) => {
    expect(read(text, language)).toEqual(expected);
  });

  test.each<[string, 'en' | 'es', string[]]>([
    // The restart's times are the restart's, and an error's time is no schedule.
    ['the three mcSynch run hourly at :00 and the server restarts every day at 06:00', 'en', ['[marketing] all(3): 60 @:00']],
    ['los tres mcSynch corren cada hora en punto y el servidor se reinicia a las 6', 'es', ['[marketing] all(3): 60 @:00']],
    ['the deadlock happened at 10:00 on mcSynch_mcExec1', 'en', []],
    ['el reinicio es a las 06:00', 'es', []],
  ])('not schedules: %s', (text, language, expected) => {
    expect(read(text, language)).toEqual(expected);
  });

  test.each<[string, 'en' | 'es', string[]]>([
    ['The MKT sync workflow checks every 2 minutes, and the RT updates tracking logs hourly', 'en', ['[marketing] -: 2', '[execution] -: 60']],
    ['En MKT el flujo de sincronización corre cada 2 minutos y en RT el seguimiento se recopila cada hora', 'es', ['[marketing] -: 2', '[execution] -: 60']],
    ['RT collects tracking every hour but mcSynch_mcExec1 runs every 2 minutes', 'en', ['[execution] -: 60', '[marketing] mcSynch_mcExec1: 2']],
    ['sync every 2 min on MKT while tracking hourly on RT', 'en', ['[marketing] -: 2', '[execution] -: 60']],
    ['The MKT sync workflow picks up tracking every 2 minutes', 'en', ['[marketing] -: 2']],
    ['el seguimiento se recopila cada hora', 'es', ['[execution] -: 60']],
  ])('instances: %s', (text, language, expected) => {
    expect(read(text, language)).toEqual(expected);
  });

  test('the rest of the message keeps the restart and blanks the schedule talk', () => {
    const { rest, workflows } = readSchedules('los tres mcSynch corren cada hora en punto y el servidor se reinicia a las 6', { language: 'es', workflowName });
    expect(rest).toHaveLength('los tres mcSynch corren cada hora en punto y el servidor se reinicia a las 6'.length);
    expect(rest).not.toMatch(/tres|cada hora|en punto/);
    expect(rest).toMatch(/se reinicia a las 6/);
    expect(workflows).toEqual([]);
  });

  test('workflow names: mcSync and mcSynch are one workflow', () => {
    expect(sameWorkflow('mcSync_mcExec1', 'MCSYNCH_mcexec1')).toBe(true);
    expect(readSchedules('mcSync_mcExec1 y mcSynch_mcExec1 y mcSynch_mcExec2', { language: 'es', workflowName }).workflows).toEqual(['mcSync_mcExec1', 'mcSynch_mcExec2']);
  });
});

describe('readSchedules: journal lines', () => {
  test.each<[string, string, string[]]>([
    [
      'hourly runs of two workflows, newest first, D/M/YYYY',
      [
        '19/08/2022 10:00:14\tmcSynch_mcExec2\tPGS-220000 PostgreSQL error: ERROR: deadlock detected',
        '19/08/2022 10:00:12\tmcSynch_mcExec1\tWorkflow finished',
        '19/08/2022 10:00:03\tmcSynch_mcExec1\tStarting workflow',
        '19/08/2022 10:00:02\tmcSynch_mcExec2\tStarting workflow',
        '19/08/2022 09:00:11\tmcSynch_mcExec1\tWorkflow finished',
        '19/08/2022 09:00:02\tmcSynch_mcExec1\tStarting workflow',
        '19/08/2022 09:00:04\tmcSynch_mcExec2\tWorkflow finished',
        '19/08/2022 08:00:04\tmcSynch_mcExec2\tWorkflow finished',
      ].join('\n'),
      ['[marketing] mcSynch_mcExec2: 60 @00:00 (3 runs)', '[marketing] mcSynch_mcExec1: 60 @00:00 (2 runs)'],
    ],
    [
      'every 2 minutes, ISO with an offset',
      [
        '2023-10-06 07:04:01+02:00 mcSynch_mcExec1 Workflow finished',
        '2023-10-06 07:02:01+02:00 mcSynch_mcExec1 Workflow finished',
        '2023-10-06 07:00:01+02:00 mcSynch_mcExec1 Workflow finished',
      ].join('\n'),
      ['[marketing] {UTC+2} mcSynch_mcExec1: 2 @00:00 (3 runs)'],
    ],
    ['one run only: its minute, no period', '8/19/2022 6:15:41 AM mcSynch_mcExec3 Workflow finished', ['[marketing] mcSynch_mcExec3: @06:15 (1 runs)']],
    [
      'runs across midnight, 12-hour M/D/YYYY, at :30',
      ['8/20/2022 12:30:05 AM mcSynch_mcExec1 done', '8/19/2022 11:30:04 PM mcSynch_mcExec1 done', '8/19/2022 10:30:04 PM mcSynch_mcExec1 done'].join('\n'),
      ['[marketing] mcSynch_mcExec1: 60 @00:30 (3 runs)'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text, 'en')).toEqual(expected);
  });

  test('a journal inside a message, with typed words around it', () => {
    const text = 'Here is the log:\n19/08/2022 10:00:14 mcSynch_mcExec2 deadlock detected\n19/08/2022 10:00:12 mcSynch_mcExec1 deadlock detected\nand mcSynch_mcExec3 runs at :30';
    expect(read(text, 'en')).toEqual(['[marketing] mcSynch_mcExec2: @10:00 (1 runs)', '[marketing] mcSynch_mcExec1: @10:00 (1 runs)', '[marketing] mcSynch_mcExec3: @:30']);
  });
});
