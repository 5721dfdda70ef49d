import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { REPOSITORY_ROOT } from '../kb/paths';

/**
 * The Teams app package: appPackage/manifest.json with the bot's Microsoft App ID filled in, its
 * icons and its localization files, zipped flat (no folder inside), as Teams uploads it.
 * Everything is validated before the zip is written, against the official JSON schemas bundled
 * in @microsoft/app-manifest: no network.
 */

export const APP_PACKAGE_DIR = path.join(REPOSITORY_ROOT, 'appPackage');
const DEFAULT_PACKAGE_FILE = path.join(REPOSITORY_ROOT, 'dist', 'appPackage.zip');

/** The ids in the committed manifest, replaced by MicrosoftAppId when packaging. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Icon sizes Teams requires: a full-colour 192x192 and a 32x32 white-on-transparent outline. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

export class PackageError extends Error {}

/** What the packager reads of a manifest; the schema checks the rest. */
export interface ManifestJson {
  $schema?: string;
  manifestVersion: string;
  id: string;
  version: string;
  icons: { color: string; outline: string };
  localizationInfo?: { defaultLanguageTag: string; defaultLanguageFile?: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
  bots?: Array<{ botId: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** MicrosoftAppId from the environment, or a PackageError that says what to do. */
export function appIdFromEnvironment(env: NodeJS.ProcessEnv): string {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) {
    throw new PackageError(
      "MicrosoftAppId is not set: put the Azure Bot's Microsoft App ID in .env (or the environment), e.g. MicrosoftAppId=<GUID>, then run npm run package again",
    );
  }
  if (!GUID.test(appId)) throw new PackageError(`MicrosoftAppId is not a GUID: "${appId}" (expected e.g. ${PLACEHOLDER_ID.replace(/0/g, 'a')})`);
  if (appId === PLACEHOLDER_ID) throw new PackageError("MicrosoftAppId is the all-zero placeholder: use the Azure Bot's Microsoft App ID");
  return appId.toLowerCase();
}

export function readJson<T>(file: string): T {
  try {
    // Manifests saved by some editors start with a byte-order mark.
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as T;
  } catch (error) {
    throw new PackageError(`Cannot read ${path.relative(REPOSITORY_ROOT, file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The manifest with the app id and the bot id set to `appId`. */
function manifestFor(template: ManifestJson, appId: string): ManifestJson {
  const manifest = structuredClone(template);
  manifest.id = appId;
  if (!manifest.bots?.length) throw new PackageError('The manifest declares no bot');
  for (const bot of manifest.bots) bot.botId = appId;
  return manifest;
}

/** The bundled schema file for a manifest version, e.g. ("1.22", "MicrosoftTeams.Localization.schema.json"). */
export function schemaFile(manifestVersion: string, name: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, name);
  if (!existsSync(file)) throw new PackageError(`No bundled schema for manifest version ${manifestVersion} (${name}) in @microsoft/app-manifest`);
  return file;
}

/** Schema failures of a manifest or localization file, [] when valid. Offline: the schema is read from disk. */
export async function validateAgainstBundledSchema(json: object, schemaPath: string): Promise<string[]> {
  // The localization schemas (v1.8 to v1.30) hold two property patterns with a lone "]"
  // ("...\\b]\\.description$"), which JavaScript accepts but not as a Unicode pattern, the way
  // Ajv compiles them. Escaping it means the same thing and lets the official schema compile.
  const text = readFileSync(schemaPath, 'utf8').replace(/\\\\b\](?=\\\\\.)/g, '\\\\b\\\\]');
  const schema = JSON.parse(text) as object;
  return AppManifestUtils.validateAgainstSchema(json as AppManifest, schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]);
}

/** The files the package holds beside manifest.json: the icons and the localization files. */
function referencedFiles(manifest: ManifestJson): string[] {
  const localization = manifest.localizationInfo;
  return [
    manifest.icons.color,
    manifest.icons.outline,
    ...(localization?.defaultLanguageFile ? [localization.defaultLanguageFile] : []),
    ...(localization?.additionalLanguages ?? []).map((language) => language.file),
  ];
}

/** A PNG's size from its header, or a PackageError when the file is no PNG. */
function pngSize(data: Buffer, name: string): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature || data.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new PackageError(`${name} is not a PNG file`);
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export interface PackageResult {
  file: string;
  /** The names inside the zip, manifest.json first. */
  entries: string[];
  manifest: ManifestJson;
}

export interface PackageOptions {
  appId: string;
  sourceDir?: string;
  outFile?: string;
}

/**
 * Validates appPackage/ with the given app id and writes the zip. Throws a PackageError listing
 * every schema failure, a missing file or a wrong icon size, before anything is written.
 */
export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const sourceDir = options.sourceDir ?? APP_PACKAGE_DIR;
  const outFile = options.outFile ?? DEFAULT_PACKAGE_FILE;
  const template = readJson<ManifestJson>(path.join(sourceDir, 'manifest.json'));
  const manifest = manifestFor(template, options.appId);

  const failures = (await validateAgainstBundledSchema(manifest, schemaFile(manifest.manifestVersion, 'MicrosoftTeams.schema.json'))).map((failure) => `manifest.json: ${failure}`);
  const files = new Map<string, Buffer>();
  for (const name of referencedFiles(manifest)) {
    if (name.includes('/') || name.includes('\\')) failures.push(`${name}: files must sit beside manifest.json (Teams reads the zip flat)`);
    const file = path.join(sourceDir, name);
    if (!existsSync(file)) {
      failures.push(`${name}: missing from ${path.relative(REPOSITORY_ROOT, sourceDir) || sourceDir}`);
      continue;
    }
    files.set(name, readFileSync(file));
  }
  for (const [kind, size] of Object.entries(ICON_SIZES) as Array<[keyof typeof ICON_SIZES, number]>) {
    const data = files.get(manifest.icons[kind]);
    if (!data) continue;
    const actual = pngSize(data, manifest.icons[kind]);
    if (actual.width !== size || actual.height !== size) failures.push(`${manifest.icons[kind]}: ${actual.width}x${actual.height}, Teams needs ${size}x${size}`);
  }
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const data = files.get(language.file);
    if (!data) continue;
    const localization = readJson<object>(path.join(sourceDir, language.file));
    const schema = schemaFile(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
    failures.push(...(await validateAgainstBundledSchema(localization, schema)).map((failure) => `${language.file}: ${failure}`));
  }
  if (failures.length) throw new PackageError(`The app package is not valid:\n  ${failures.join('\n  ')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [name, data] of files) zip.addFile(name, data);
  mkdirSync(path.dirname(outFile), { recursive: true });
  // Not zip.writeZip: adm-zip chmods the file to 0666, whatever the umask. 0644 here, less by
  // the umask; a file left 0666 by an earlier run loses its group and world write bits.
  writeFileSync(outFile, zip.toBuffer(), { mode: 0o644 });
  const mode = statSync(outFile).mode & 0o777;
  if (mode & 0o022) chmodSync(outFile, mode & ~0o022);
  return { file: outFile, entries: ['manifest.json', ...files.keys()], manifest };
}
