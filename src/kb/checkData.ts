/**
 * The settings of a restart-window check (`settings` in kb/checks/KA-05406.json, validated by
 * src/check/rules/restartWindow.ts when the checks load): which error messages point to the
 * article, which workflows it concerns, and the times that decide the diagnosis.
 */
export interface GuidedCheckData {
  /** Article number the check belongs to, e.g. "KA-05406". */
  article: string;
  /** Regular expression sources (case-insensitive) matching the error as users paste it. */
  errorSignatures: string[];
  workflow: {
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
