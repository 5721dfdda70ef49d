import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import {
  APP_PACKAGE_DIR,
  PLACEHOLDER_ID,
  PackageError,
  appIdFromEnvironment,
  buildAppPackage,
  readJson,
  schemaFile,
  validateAgainstBundledSchema,
  type ManifestJson,
} from '../../src/cli/appPackage';
import { recognizeCommand } from '../../src/language/intents';
import { detectLanguage } from '../../src/language/detect';
import { openKnowledgeBase } from '../../src/search/knowledgeBase';
import { decodePng } from '../support/png';

/**
 * The Teams app package: the committed manifest and its Spanish localization validate against the
 * official schemas bundled in @microsoft/app-manifest (offline: fetching a schema fails the test),
 * the icons are what Teams requires, and `npm run package` zips them with the bot's id.
 */

// @microsoft/app-manifest requires strip-bom 5, an ES module: Node 20.19+ loads it (require(esm)),
// as `npm run package` does, but Jest's module runtime cannot. It strips a byte-order mark.
jest.mock('@microsoft/app-manifest/node_modules/strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));

const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const root = path.resolve(__dirname, '../..');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'app-package-'));
  // Offline: a schema the package would download instead of reading from disk fails loudly.
  jest.spyOn(AppManifestUtils, 'fetchSchema').mockRejectedValue(new Error('schema download attempted: validation must be offline'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  jest.restoreAllMocks();
});

const manifest = (): ManifestJson => readJson<ManifestJson>(path.join(APP_PACKAGE_DIR, 'manifest.json'));
const spanish = (): Record<string, string> => readJson<Record<string, string>>(path.join(APP_PACKAGE_DIR, 'es.json'));

interface Bot {
  botId: string;
  scopes: string[];
  commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
}

describe('appPackage/', () => {
  it('holds a manifest of a current schema version that validates against the bundled official schema', async () => {
    const committed = manifest();
    const [major, minor] = committed.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(committed.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${committed.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(schemaFile(committed.manifestVersion, 'MicrosoftTeams.schema.json')).toContain(path.join('node_modules', '@microsoft', 'app-manifest'));
    expect(await validateAgainstBundledSchema(committed, schemaFile(committed.manifestVersion, 'MicrosoftTeams.schema.json'))).toEqual([]);
  });

  it('declares the bot in personal, groupChat and team scopes, with a command list per scope: help, start over, language, then prompt starters', () => {
    const committed = manifest();
    const bot = committed.bots![0] as unknown as Bot;
    expect(committed.id).toBe(PLACEHOLDER_ID);
    expect(bot.botId).toBe(PLACEHOLDER_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    // One list per scope, as the schema asks (at most 3 lists, 10 commands each).
    expect(bot.commandLists.map((list) => list.scopes)).toEqual([['personal'], ['groupChat'], ['team']]);
    for (const list of bot.commandLists) {
      expect(list.commands.slice(0, 3).map((command) => command.title)).toEqual(['help', 'start over', 'language']);
      expect(list.commands.length).toBeGreaterThan(3);
      expect(list.commands.length).toBeLessThanOrEqual(10);
    }
    // Personal chats get more prompt starters than shared ones, where the channel is not the place to try things out.
    expect(bot.commandLists[0]!.commands.length).toBeGreaterThan(bot.commandLists[1]!.commands.length);
    expect(committed.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(committed.localizationInfo).toEqual({ defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'es', file: 'es.json' }] });
  });

  it('has a Spanish localization that validates against the bundled localization schema and covers every command of every scope', async () => {
    const committed = manifest();
    const es = spanish();
    expect(es.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${committed.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
    expect(await validateAgainstBundledSchema(es, schemaFile(committed.manifestVersion, 'MicrosoftTeams.Localization.schema.json'))).toEqual([]);
    const lists = (committed.bots![0] as unknown as Bot).commandLists;
    let count = 0;
    lists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        expect(es[`bots[0].commandLists[${i}].commands[${j}].title`]).toBeTruthy();
        expect(es[`bots[0].commandLists[${i}].commands[${j}].title`]).not.toBe(command.title);
        expect(es[`bots[0].commandLists[${i}].commands[${j}].description`]).toBeTruthy();
        count++;
      }),
    );
    expect(Object.keys(es).filter((key) => key.startsWith('bots['))).toHaveLength(count * 2);
  });

  it('offers commands the bot understands, in both languages and every scope', () => {
    const lists = (manifest().bots![0] as unknown as Bot).commandLists;
    const es = spanish();
    const expected = ['help', 'startOver', 'toggleLanguage'];
    lists.forEach((list, i) =>
      expected.forEach((kind, j) => {
        expect(recognizeCommand(list.commands[j]!.title)?.kind).toBe(kind);
        expect(recognizeCommand(es[`bots[0].commandLists[${i}].commands[${j}].title`])?.kind).toBe(kind);
      }),
    );
  });

  it('has prompt starters that are questions the bot answers, in the language they are written in', async () => {
    const knowledgeBase = await openKnowledgeBase([], () => undefined);
    const lists = (manifest().bots![0] as unknown as Bot).commandLists;
    const es = spanish();
    // The KA-05406 starter is in every scope, and kb/ holds its article in both languages.
    lists.forEach((list, i) => {
      for (const [title, language] of [
        [list.commands[3]!.title, 'en'],
        [es[`bots[0].commandLists[${i}].commands[3].title`]!, 'es'],
      ] as const) {
        expect(recognizeCommand(title)).toBeUndefined();
        expect(knowledgeBase.index.search(title, { fallbackLanguage: 'en' }).hits[0]?.number).toBe('KA-05406');
        expect(detectLanguage(title, 'en')).toBe(language);
      }
    });
  });

  it('rejects what the schemas reject', async () => {
    const version = manifest().manifestVersion;
    const broken = { ...manifest(), bots: [{ ...(manifest().bots![0] as object), scopes: ['everyone'] }] };
    expect((await validateAgainstBundledSchema(broken, schemaFile(version, 'MicrosoftTeams.schema.json'))).join('\n')).toMatch(/scopes/);
    const localization = schemaFile(version, 'MicrosoftTeams.Localization.schema.json');
    expect(await validateAgainstBundledSchema({ ...spanish(), 'name.short': 'x'.repeat(31) }, localization)).not.toEqual([]);
    expect(await validateAgainstBundledSchema({ ...spanish(), 'bots[0].commandLists[0].commands[0].titel': 'ayuda' }, localization)).not.toEqual([]);
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline', () => {
    const color = decodePng(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const opaque = Array.from({ length: color.width * color.height }, (_, i) => color.rgba[i * 4 + 3]).every((alpha) => alpha === 255);
    expect(opaque).toBe(true);

    const outline = decodePng(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let visible = 0;
    let transparent = 0;
    for (let i = 0; i < 32 * 32; i++) {
      const [r, g, b, a] = outline.rgba.subarray(i * 4, i * 4 + 4);
      if (a === 0) transparent++;
      else {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(visible).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(500);
  });
});

describe('npm run package', () => {
  it('zips the manifest with the bot id, the icons and the Spanish file, flat, and the zip validates', async () => {
    const outFile = path.join(work, 'appPackage.zip');
    const result = await buildAppPackage({ appId: APP_ID, outFile });
    const zip = new AdmZip(outFile);
    const names = zip.getEntries().map((entry) => entry.entryName);
    expect([...names].sort()).toEqual(['color.png', 'es.json', 'manifest.json', 'outline.png']);
    expect(result.entries[0]).toBe('manifest.json');

    const packaged = JSON.parse(zip.readAsText('manifest.json')) as ManifestJson;
    expect(packaged.id).toBe(APP_ID);
    expect(packaged.bots!.map((bot) => bot.botId)).toEqual([APP_ID]);
    expect({ ...packaged, id: PLACEHOLDER_ID, bots: packaged.bots!.map((bot) => ({ ...bot, botId: PLACEHOLDER_ID })) }).toEqual(manifest());
    expect(await validateAgainstBundledSchema(packaged, schemaFile(packaged.manifestVersion, 'MicrosoftTeams.schema.json'))).toEqual([]);
    const es = JSON.parse(zip.readAsText('es.json')) as object;
    expect(await validateAgainstBundledSchema(es, schemaFile(packaged.manifestVersion, 'MicrosoftTeams.Localization.schema.json'))).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) expect(zip.readFile(icon)!.equals(readFileSync(path.join(APP_PACKAGE_DIR, icon)))).toBe(true);
  });

  it('writes the zip 0644 (no group or world write), also over a file an earlier run left 0666', async () => {
    const outFile = path.join(work, 'mode.zip');
    await buildAppPackage({ appId: APP_ID, outFile });
    // 0644 less the umask (0022 or stricter in practice): never writable by group or others.
    const fresh = statSync(outFile).mode & 0o777;
    expect({ writableByOthers: (fresh & 0o022) !== 0, ownerReadWrite: (fresh & 0o600) === 0o600, executable: (fresh & 0o111) !== 0 }).toEqual({
      writableByOthers: false,
      ownerReadWrite: true,
      executable: false,
    });

    chmodSync(outFile, 0o666);
    await buildAppPackage({ appId: APP_ID, outFile });
    expect((statSync(outFile).mode & 0o777).toString(8)).toBe('644');
  });

  it('takes the bot id from MicrosoftAppId and says clearly when it is missing or not a GUID', () => {
    expect(appIdFromEnvironment({ MicrosoftAppId: ` ${APP_ID.toUpperCase()} ` })).toBe(APP_ID);
    expect(() => appIdFromEnvironment({})).toThrow(/MicrosoftAppId is not set/);
    expect(() => appIdFromEnvironment({ MicrosoftAppId: '' })).toThrow(PackageError);
    expect(() => appIdFromEnvironment({ MicrosoftAppId: 'campaign-kb-bot' })).toThrow(/MicrosoftAppId is not a GUID: "campaign-kb-bot"/);
    expect(() => appIdFromEnvironment({ MicrosoftAppId: PLACEHOLDER_ID })).toThrow(/placeholder/);
  });

  it('writes nothing and lists every problem when the package is not valid', async () => {
    const source = path.join(work, 'broken');
    cpSync(APP_PACKAGE_DIR, source, { recursive: true });
    const broken = { ...manifest(), accentColor: 'blue' };
    writeFileSync(path.join(source, 'manifest.json'), JSON.stringify(broken));
    writeFileSync(path.join(source, 'es.json'), JSON.stringify({ ...spanish(), 'description.short': 'x'.repeat(81) }));
    cpSync(path.join(APP_PACKAGE_DIR, 'outline.png'), path.join(source, 'color.png'));
    const outFile = path.join(work, 'broken.zip');
    const error = await buildAppPackage({ appId: APP_ID, sourceDir: source, outFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    const message = (error as Error).message;
    expect(message).toMatch(/manifest\.json: \/accentColor/);
    expect(message).toMatch(/es\.json: .*description\.short/);
    expect(message).toMatch(/color\.png: 32x32, Teams needs 192x192/);
    expect(existsSync(outFile)).toBe(false);
  });

  it('runs as npm run package: the zip for MicrosoftAppId, or a one-line error and exit 1', async () => {
    const run = promisify(execFile);
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const outFile = path.join(work, 'cli.zip');
    const ok = await run(tsx, ['src/cli/package.ts', '--out', outFile], { cwd: root, env: { ...process.env, MicrosoftAppId: APP_ID } });
    expect(ok.stdout).toContain(`for bot ${APP_ID}`);
    expect(JSON.parse(new AdmZip(outFile).readAsText('manifest.json')).bots[0].botId).toBe(APP_ID);

    const failed = await run(tsx, ['src/cli/package.ts', '--out', path.join(work, 'none.zip')], { cwd: root, env: { ...process.env, MicrosoftAppId: 'not-a-guid' } }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr.trim()).toBe('MicrosoftAppId is not a GUID: "not-a-guid" (expected e.g. aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa)');
    expect(existsSync(path.join(work, 'none.zip'))).toBe(false);
  });
});
