import { createLogger, type Logger } from '../../src/observability/logger';
import type { LogLevel } from '../../src/observability/logger';

/** A log line as pino writes it. */
export type LogLine = Record<string, unknown> & { level: string; msg?: string };

export interface CapturedLogs {
  /** The service's real pino logger, writing into memory instead of stdout. */
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): LogLine[];
  /** Every line written so far, as written (to search for what must never be there). */
  text(): string;
  /** The lines with this message. */
  withMessage(msg: string): LogLine[];
}

export function captureLogs(level: LogLevel = 'info'): CapturedLogs {
  const written: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void written.push(line) } });
  const lines = (): LogLine[] => written.map((line) => JSON.parse(line) as LogLine);
  return {
    logger,
    lines,
    text: () => written.join(''),
    withMessage: (msg) => lines().filter((line) => line.msg === msg),
  };
}
