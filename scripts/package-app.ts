import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppPackage } from './lib/app-package.ts';
import { PackageError } from './lib/package-error.ts';

/**
 * `npm run package -- [--env local|dev] [--out-dir <dir>]`: renders appPackage/manifest.json with the env's values,
 * validates it offline against its bundled schema, checks the icons, and writes
 * `appPackage.{env}.zip` and `manifest.{env}.json` (default folder `appPackage/build`, as the toolkit uses).
 * Exit code 0 on success, 1 on any failure, with the failure's code on stderr.
 */

const USAGE = 'usage: npm run package -- [--env <name>] [--out-dir <dir>]   (env defaults to "local")';
const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');

type Failure = { code: string; message: string; details: readonly string[] };

function describeFailure(error: unknown): Failure {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const details = 'details' in error && Array.isArray(error.details) ? error.details.map(String) : [];
    return { code: error.code, message: error.message, details };
  }
  return { code: 'PACKAGE_FAILED', message: error instanceof Error ? error.message : String(error), details: [] };
}

function readOptions(argv: string[]): { envName: string; outDir?: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { env: { type: 'string', default: 'local' }, 'out-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const outDir = values['out-dir'];
    return outDir ? { envName: values.env, outDir: resolve(outDir) } : { envName: values.env };
  } catch (error) {
    throw new PackageError('PACKAGE_USAGE', `${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  let envName = 'local';
  try {
    const options = readOptions(argv);
    envName = options.envName;
    const result = await buildAppPackage({ ...options, rootDir });
    console.log(`Teams app package for "${options.envName}": ${result.zipPath}`);
    console.log(`  contains ${result.entries.join(', ')}; rendered manifest: ${result.manifestPath}`);
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    console.error(failure.message);
    for (const detail of failure.details) console.error(`  - ${detail}`);
    if (failure.code === 'ENV_PLACEHOLDER_MISSING') {
      console.error(`Set them in env/.env.${envName} or env/.env.${envName}.user; \`atk provision\` fills them.`);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
