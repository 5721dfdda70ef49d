import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The service's structured log: pino, one JSON object per line, to stdout unless told otherwise.
 *
 * What goes in: facts about requests and turns (see turnLog.ts), never a user's message text,
 * an Authorization header or a credential. The redaction below is a second line of defence for
 * the names such values travel under, should one ever be passed to the logger by mistake.
 */

export type { Logger };

/** Field names whose values never reach the output, at any depth the paths reach. */
const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  'token',
  'password',
  'secret',
  'headers.authorization',
  'req.headers.authorization',
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.MicrosoftAppPassword',
];

/** LOG_LEVEL's values, least verbose first. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** Default `info`. */
  level?: LogLevel;
  /** Where the lines go: stdout when omitted; tests pass an object that collects them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'campaign-kb-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("info") rather than numbers: easier to read and to filter with jq.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // An Error logged as `err` becomes {type, message, stack} with tokens scrubbed; an object
      // already in that shape (see errorFields) is kept as it is.
      serializers: { err: (value: unknown) => (Object.prototype.toString.call(value) === '[object Object]' ? value : errorFields(value)) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing, for tools and tests that do not look at the log. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

let fallback: Logger | undefined;

/**
 * The logger used when a caller gives none (e.g. the terminal chat's turn errors): stderr, so
 * that it never mixes with a program's own output on stdout.
 */
export function fallbackLogger(): Logger {
  fallback ??= createLogger({ level: 'info', destination: pino.destination({ dest: 2, sync: true }) });
  return fallback;
}

/** An error's message for a log line, without anything that looks like a bearer token. */
export function describeError(error: unknown): string {
  return scrubTokens(isErrorLike(error) ? error.message : String(error));
}

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  /** The error this one wraps (`cause`, or botbuilder-dialogs' DialogContextError `error`). */
  cause?: LoggedError;
}

/**
 * An error for the log: its type, message and stack, and those of the error it wraps, without
 * anything that looks like a token. Nothing else of the error is kept: a DialogContextError, say,
 * carries the dialog stack with the user's answers in it.
 */
export function errorFields(error: unknown, depth = 0): LoggedError {
  if (!isErrorLike(error)) return { type: typeof error, message: describeError(error) };
  const type = typeof error.name === 'string' ? error.name : 'Error';
  const inner = error.cause ?? error.error;
  return {
    type,
    message: describeError(error),
    ...(typeof error.stack === 'string' ? { stack: scrubTokens(error.stack) } : {}),
    ...(inner !== undefined && inner !== error && depth < 3 ? { cause: errorFields(inner, depth + 1) } : {}),
  };
}

/** Errors from another realm (a vm context, Jest's sandbox) fail `instanceof Error`. */
function isErrorLike(error: unknown): error is { name?: unknown; message: string; stack?: unknown; cause?: unknown; error?: unknown } {
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** JWTs (three base64url parts, the first one a JSON header: "eyJ...") replaced by a marker. */
function scrubTokens(text: string): string {
  return text.replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[token]').replace(/\bBearer\s+\S+/gi, 'Bearer [token]');
}
