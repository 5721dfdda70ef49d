/**
 * The data behind a guided check (`kb/checks/<article>.json`): which error messages point to
 * the article, which workflows it concerns, and the times that decide the diagnosis.
 */
export interface GuidedCheckData {
  /** Article number the check belongs to, e.g. "KA-05406". */
  article: string;
  description: string;
  /** Regular expression sources (case-insensitive) matching the error as users paste it. */
  errorSignatures: string[];
  workflow: {
    /** How the workflow name is shown to users, e.g. "mcSynch_<instance>". */
    namePattern: string;
    /** Regular expression source finding such a workflow name in a message. */
    nameRegex: string;
    /** Where the workflow lives in the client console. */
    consolePath: string;
  };
  restart: {
    /** Scheduled restart time when the user does not know it, "HH:MM". */
    defaultTime: string;
    /** serverConf.xml attribute holding the restart time. */
    configAttribute: string;
  };
  /** Window around the restart in which a failure counts as caused by it. */
  coincidence: {
    minutesBefore: number;
    minutesAfter: number;
  };
  fix: {
    /** Minutes after the restart to move the workflow's start to. */
    offsetsMinutes: number[];
    minimumScheduleIntervalMinutes: number;
  };
}

/** A check's regular expressions, compiled once (case-insensitive): see {@link checkPatterns}. */
export interface CheckPatterns {
  /** The error as users paste it. */
  errorSignatures: readonly RegExp[];
  /** A workflow name the check concerns, e.g. mcSynch_mcExec1. */
  workflowName: RegExp;
}

const compiled = new WeakMap<GuidedCheckData, CheckPatterns>();

/** The check's patterns, compiled on first use and kept with the check's data. */
export function checkPatterns(check: GuidedCheckData): CheckPatterns {
  let patterns = compiled.get(check);
  if (!patterns) {
    patterns = {
      errorSignatures: check.errorSignatures.map((source) => new RegExp(source, 'i')),
      workflowName: new RegExp(check.workflow.nameRegex, 'i'),
    };
    compiled.set(check, patterns);
  }
  return patterns;
}

type Json = Record<string, unknown>;

/**
 * Checks that parsed JSON has the shape of {@link GuidedCheckData}; throws an Error naming
 * the first missing or mistyped field (`restart.defaultTime`) and the file it came from.
 */
export function parseGuidedCheck(value: unknown, source = 'guided check'): GuidedCheckData {
  const fail = (field: string, expected: string): never => {
    throw new Error(`${source}: field "${field}" is missing or is not ${expected}`);
  };
  const object = (inner: unknown, field: string): Json =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Json) : fail(field, 'an object');
  const text = (holder: Json, field: string, name: string): string => {
    const inner = holder[name];
    return typeof inner === 'string' && inner.trim() ? inner : fail(field, 'a non-empty string');
  };
  const count = (holder: Json, field: string, name: string): number => {
    const inner = holder[name];
    return typeof inner === 'number' && Number.isFinite(inner) && inner >= 0 ? inner : fail(field, 'a number ≥ 0');
  };
  const regex = (source: string, field: string): string => {
    try {
      new RegExp(source, 'i');
      return source;
    } catch {
      return fail(field, 'a valid regular expression');
    }
  };

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${source}: not a JSON object`);
  }
  const root = value as Json;
  const article = text(root, 'article', 'article').toUpperCase();
  const description = text(root, 'description', 'description');
  const workflow = object(root.workflow, 'workflow');
  const restart = object(root.restart, 'restart');
  const coincidence = object(root.coincidence, 'coincidence');
  const fix = object(root.fix, 'fix');

  const signatures = root.errorSignatures;
  if (!Array.isArray(signatures) || signatures.length === 0 || !signatures.every((item) => typeof item === 'string')) {
    fail('errorSignatures', 'a non-empty list of strings');
  }
  const offsets = fix.offsetsMinutes;
  if (!Array.isArray(offsets) || offsets.length === 0 || !offsets.every((item) => typeof item === 'number' && item >= 0)) {
    fail('fix.offsetsMinutes', 'a non-empty list of numbers ≥ 0');
  }
  const defaultTime = text(restart, 'restart.defaultTime', 'defaultTime');
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(defaultTime)) fail('restart.defaultTime', 'a time "HH:MM"');

  return {
    article,
    description,
    errorSignatures: (signatures as string[]).map((signature, index) => regex(signature, `errorSignatures[${index}]`)),
    workflow: {
      namePattern: text(workflow, 'workflow.namePattern', 'namePattern'),
      nameRegex: regex(text(workflow, 'workflow.nameRegex', 'nameRegex'), 'workflow.nameRegex'),
      consolePath: text(workflow, 'workflow.consolePath', 'consolePath'),
    },
    restart: {
      defaultTime,
      configAttribute: text(restart, 'restart.configAttribute', 'configAttribute'),
    },
    coincidence: {
      minutesBefore: count(coincidence, 'coincidence.minutesBefore', 'minutesBefore'),
      minutesAfter: count(coincidence, 'coincidence.minutesAfter', 'minutesAfter'),
    },
    fix: {
      offsetsMinutes: [...(offsets as number[])],
      minimumScheduleIntervalMinutes: count(fix, 'fix.minimumScheduleIntervalMinutes', 'minimumScheduleIntervalMinutes'),
    },
  };
}
