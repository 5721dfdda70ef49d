import { z } from 'zod';
import { splitKbPath } from './kb/paths';

/**
 * The bot's settings, read from the environment once at start and validated, so that a
 * mistake is one clear line before anything opens a port.
 */

const optionalText = z.string().trim().optional().transform((value) => value || undefined);

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  KB_PATH: optionalText,
  DEFAULT_LANGUAGE: z.enum(['en', 'es']).default('en'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional().or(z.literal('').transform(() => undefined)),
  MicrosoftAppTenantId: optionalText,
});

export interface Config {
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
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid value'}`);
  }
  const settings = parsed.data;
  if (settings.MicrosoftAppId && settings.MicrosoftAppType !== 'UserAssignedMSI' && !settings.MicrosoftAppPassword) {
    throw new ConfigError('Invalid configuration: MicrosoftAppPassword is required when MicrosoftAppId is set');
  }
  if (settings.MicrosoftAppType === 'SingleTenant' && !settings.MicrosoftAppTenantId) {
    throw new ConfigError('Invalid configuration: MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
  }
  return {
    port: settings.PORT,
    kbPaths: splitKbPath(settings.KB_PATH),
    defaultLanguage: settings.DEFAULT_LANGUAGE,
    microsoftApp: {
      id: settings.MicrosoftAppId,
      password: settings.MicrosoftAppPassword,
      type: settings.MicrosoftAppType,
      tenantId: settings.MicrosoftAppTenantId,
    },
  };
}
