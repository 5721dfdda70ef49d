/**
 * Settings for a bot process under test as a newcomer runs it: kb/ only, no credentials, every
 * tenant, state in memory. Empty values win over whatever a local .env holds.
 */
export const NEWCOMER_SETTINGS: Readonly<Record<string, string>> = {
  DEFAULT_LANGUAGE: 'en',
  KB_PATH: '',
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: '',
  MicrosoftAppTenantId: '',
  ALLOWED_TENANTS: '',
  STORAGE: '',
  BLOB_CONNECTION_STRING: '',
  BLOB_CONTAINER: '',
};
