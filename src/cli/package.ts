/**
 * npm run package                       writes dist/appPackage.zip for Teams (Apps > Manage your apps > Upload an app)
 * npm run package -- --out my-app.zip   somewhere else
 * Takes the bot id from MicrosoftAppId (environment or .env), validates the manifest, its Spanish
 * localization and the icons against the official schemas offline, then zips them.
 */
import path from 'node:path';
import { loadDotEnv } from '../app/startup';
import { appIdFromEnvironment, buildAppPackage, PackageError } from './appPackage';

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outArg = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outArg) {
    console.error('Usage: npm run package [-- --out file.zip]');
    return 2;
  }
  loadDotEnv();
  const appId = appIdFromEnvironment(process.env);
  const result = await buildAppPackage({ appId, outFile: outArg ? path.resolve(outArg) : undefined });
  console.log(
    `Wrote ${path.relative(process.cwd(), result.file) || result.file} (${result.entries.join(', ')}) for bot ${appId}, ` +
      `manifest ${result.manifest.manifestVersion}, app version ${result.manifest.version}. ` +
      `Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof PackageError ? error.message : `Cannot build the app package: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
