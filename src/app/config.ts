import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../observability/logger';
import { REPOSITORY_ROOT, splitKbPath } from '../kb/paths';

/**
 * The bot's settings, read from the environment once at start and validated, so that a
 * mistake is one clear line before anything opens a port.
 */

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

/** Settings whose values never appear in a message (they hold keys or secrets). */
const SECRET_SETTINGS = new Set(['MicrosoftAppPassword', 'BLOB_CONNECTION_STRING', 'LOG_HASH_SALT']);

const DEFAULT_PORT = 3978;
const PORT_EXPECTED = 'expected a port number 1-65535';

/** PORT: digits only (no "3978abc", "0x10", "1e3"), 1 to 65535; empty counts as unset. */
const port = optionalText.transform((value, ctx) => {
  if (value === undefined) return DEFAULT_PORT;
  const number = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (number >= 1 && number <= 65535) return number;
  ctx.addIssue({ code: 'custom', message: PORT_EXPECTED });
  return z.NEVER;
});

/** One of a few names, as written; empty counts as unset. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return optionalText.pipe(z.enum(values, { message: `expected one of ${values.join(', ')}` }).optional());
}

/** Comma-separated Microsoft Entra tenant ids (GUIDs); empty or unset: every tenant. */
const tenantList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((tenant) => tenant.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.guid({ message: 'expected comma-separated tenant ids (GUIDs, e.g. 00000000-0000-0000-0000-000000000000)' })));

/** pino's levels, most severe first; `silent` logs nothing. */

/** STORAGE: where conversation state lives; empty counts as unset. */
const storageKind = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
  z.enum(['memory', 'blob'], { message: 'expected memory or blob' }).default('memory'),
);

/** An Azure Storage connection string with what the Blob SDK needs; the message never quotes it (it holds a key). */
const blobConnectionString = optionalText.superRefine((value, ctx) => {
  const problem = value === undefined ? undefined : connectionStringProblem(value);
  if (problem)
    ctx.addIssue({ code: 'custom', message: `${problem} (expected e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net)` });
});

/** Azure's rule for container names. */
const blobContainer = optionalText.pipe(
  z
    .string()
    .regex(/^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$/, 'expected 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit')
    .optional(),
);

/** Where the built search index is cached by default (git-ignored). */
export const DEFAULT_INDEX_CACHE_DIR = path.join(REPOSITORY_ROOT, '.cache', 'kb-index');

/** INDEX_CACHE_DIR: a folder (created on first write), or off; empty counts as unset. */
const indexCacheDir = optionalText.transform((value, ctx) => {
  if (value === undefined) return DEFAULT_INDEX_CACHE_DIR;
  if (value.toLowerCase() === 'off') return undefined;
  const resolved = path.resolve(value);
  // The nearest folder that exists must be a folder: a file in the way would fail every write.
  for (let at = resolved; ; at = path.dirname(at)) {
    if (existsSync(at)) {
      if (!statSync(at).isDirectory()) {
        ctx.addIssue({ code: 'custom', message: `expected a folder (created if missing) or off, but ${JSON.stringify(at)} is a file` });
        return z.NEVER;
      }
      return resolved;
    }
    if (path.dirname(at) === at) return resolved;
  }
});

const EnvironmentSchema = z.object({
  PORT: port,
  KB_PATH: optionalText,
  DEFAULT_LANGUAGE: oneOf(['en', 'es']).transform((value) => value ?? 'en'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']),
  MicrosoftAppTenantId: optionalText,
  ALLOWED_TENANTS: tenantList,
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => value || 'info')
    .pipe(z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` })),
  LOG_HASH_SALT: optionalText,
  STORAGE: storageKind,
  BLOB_CONNECTION_STRING: blobConnectionString,
  BLOB_CONTAINER: blobContainer,
  INDEX_CACHE_DIR: indexCacheDir,
});

export interface Config {
  /** STORAGE and its settings: where conversation state lives. */
  storage: StorageSettings;
  port: number;
  /** Extra article folders, searched recursively, beside the repository's kb/. */
  kbPaths: string[];
  defaultLanguage: 'en' | 'es';
  microsoftApp: {
    id?: string;
    password?: string;
    type?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** ALLOWED_TENANTS, lower-cased: only these tenants are served; every tenant when empty. */
  allowedTenants: string[];
  /** LOG_LEVEL: the least severe level logged (default info). */
  logLevel: LogLevel;
  /** LOG_HASH_SALT: salt of the conversation ids' hashes in the log; random per process when unset. */
  logHashSalt?: string;
  /** INDEX_CACHE_DIR, absolute: where the built search index is cached (src/search/indexCache.ts); undefined when off. */
  indexCacheDir?: string;
}

/** In the process (one instance, lost on restart) or in an Azure Blob Storage container shared by every instance. */
export type StorageSettings = { kind: 'memory' } | { kind: 'blob'; connectionString: string; container: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // reportInput: the issue carries the value it is about (one tenant id of a list, say).
  const parsed = EnvironmentSchema.safeParse(env, { reportInput: true });
  if (!parsed.success) throw new ConfigError(issueMessage(parsed.error.issues[0]));
  const settings = parsed.data;
  if (settings.MicrosoftAppId && settings.MicrosoftAppType !== 'UserAssignedMSI' && !settings.MicrosoftAppPassword) {
    throw new ConfigError('Invalid configuration: MicrosoftAppPassword is required when MicrosoftAppId is set');
  }
  if (settings.MicrosoftAppType === 'SingleTenant' && !settings.MicrosoftAppTenantId) {
    throw new ConfigError('Invalid configuration: MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
  }
  const storage = storageSettings(settings);
  const kbPaths = splitKbPath(settings.KB_PATH);
  // A mistyped folder would otherwise leave the bot running without the articles it was meant to have.
  const missing = kbPaths.find((folder) => !existsSync(path.resolve(folder)));
  if (missing !== undefined) {
    const shown = path.isAbsolute(missing) ? JSON.stringify(missing) : `${JSON.stringify(missing)} (${path.resolve(missing)})`;
    throw new ConfigError(`Invalid configuration: KB_PATH: folder not found: ${shown}; expected existing article folders separated by "${path.delimiter}"`);
  }
  return {
    port: settings.PORT,
    storage,
    kbPaths,
    defaultLanguage: settings.DEFAULT_LANGUAGE,
    microsoftApp: {
      id: settings.MicrosoftAppId,
      password: settings.MicrosoftAppPassword,
      type: settings.MicrosoftAppType,
      tenantId: settings.MicrosoftAppTenantId,
    },
    allowedTenants: settings.ALLOWED_TENANTS,
    logLevel: settings.LOG_LEVEL,
    logHashSalt: settings.LOG_HASH_SALT,
    indexCacheDir: settings.INDEX_CACHE_DIR,
  };
}

/**
 * "Invalid configuration: NAME: what is expected, got "value"": the variable, the problem and
 * what is allowed, on one line. The value is quoted (and cut) unless the setting is a secret.
 */
function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  const name = String(issue?.path[0] ?? '?');
  const input = issue?.input;
  const got = typeof input === 'string' && !SECRET_SETTINGS.has(name) ? `, got ${JSON.stringify(input.length > 80 ? `${input.slice(0, 79)}…` : input)}` : '';
  return `Invalid configuration: ${name}: ${issue?.message ?? 'invalid value'}${got}`;
}

function storageSettings(settings: z.infer<typeof EnvironmentSchema>): StorageSettings {
  const { STORAGE: kind, BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: container } = settings;
  if (kind === 'memory') {
    // Most likely STORAGE=blob was forgotten: every instance would keep its own state and lose it on restart.
    if (connectionString) throw new ConfigError('Invalid configuration: STORAGE is memory but BLOB_CONNECTION_STRING is set; set STORAGE=blob (or remove BLOB_CONNECTION_STRING)');
    return { kind };
  }
  if (!connectionString) throw new ConfigError('Invalid configuration: BLOB_CONNECTION_STRING is required when STORAGE=blob');
  if (!container) throw new ConfigError('Invalid configuration: BLOB_CONTAINER is required when STORAGE=blob');
  return { kind, connectionString, container };
}

/**
 * What is wrong with an Azure Storage connection string, if anything, by the storage SDK's own
 * rules (names are case-sensitive): UseDevelopmentStorage=true (Azurite's defaults); the
 * account-key form, DefaultEndpointsProtocol, AccountName, AccountKey and either BlobEndpoint or
 * EndpointSuffix; or the SAS form, BlobEndpoint and SharedAccessSignature.
 */
export function connectionStringProblem(value: string): string | undefined {
  if (value.startsWith('UseDevelopmentStorage=true')) return undefined;
  const parts = new Map<string, string>();
  for (const segment of value.split(';')) {
    if (!segment.trim()) continue;
    const equals = segment.indexOf('=');
    if (equals <= 0) return 'expected Name=value pairs separated by ";"';
    parts.set(segment.slice(0, equals).trim(), segment.slice(equals + 1).trim());
  }
  const endpoint = parts.get('BlobEndpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/i.test(endpoint)) return 'BlobEndpoint is not an http(s) URL';
  if (parts.has('SharedAccessSignature')) return endpoint ? undefined : 'BlobEndpoint is required with a SharedAccessSignature';
  if (!parts.get('AccountName')) return 'AccountName is missing';
  const key = parts.get('AccountKey');
  if (!key) return 'AccountKey (or SharedAccessSignature) is missing';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) return 'AccountKey is not base64';
  const protocol = parts.get('DefaultEndpointsProtocol');
  if (protocol === undefined) return 'DefaultEndpointsProtocol is missing';
  if (protocol.toLowerCase() !== 'https' && protocol.toLowerCase() !== 'http') return 'DefaultEndpointsProtocol must be https or http';
  if (!endpoint && !parts.get('EndpointSuffix')) return 'EndpointSuffix (or BlobEndpoint) is missing';
  return undefined;
}
