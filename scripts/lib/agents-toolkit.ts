/**
 * The Microsoft 365 Agents Toolkit CLI (`atk`, npm package `@microsoft/m365agentstoolkit-cli`) checking Confer's
 * toolkit project offline: the schema of `teamsapp.yml`, the manifest's schema and validation rules, and the
 * package the toolkit builds from it.
 *
 * The CLI is not a dependency of the project: it brings some 550 packages (about 450 MB) and a native keychain
 * module that does not build here, none of which Confer runs. It is installed on first use into
 * `node_modules/.cache/`, with install scripts off (the keychain module is only for the CLI's own sign-in, which
 * these offline checks never reach), at the version pinned below. What each command checks without an account:
 * docs/reference/teams-platform.md §12.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const AGENTS_TOOLKIT_CLI = '@microsoft/m365agentstoolkit-cli';
/** Pinned: the CLI's checks change between releases, and a release must not turn the suite red by itself. */
export const AGENTS_TOOLKIT_CLI_VERSION = '1.1.17';

export interface Toolkit {
  /** The installed CLI's entry point (run with this Node.js). */
  cli: string;
  /** The CLI's own version, as it reports it. */
  version: string;
  root: string;
}

/** Installs the pinned CLI under `<repo>/node_modules/.cache/` unless it is already there. */
export async function ensureToolkit(repoRoot: string): Promise<Toolkit> {
  const root = join(repoRoot, 'node_modules', '.cache', `m365agentstoolkit-cli-${AGENTS_TOOLKIT_CLI_VERSION}`);
  const cli = join(root, 'node_modules', AGENTS_TOOLKIT_CLI, 'cli.js');
  if (!existsSync(cli)) {
    mkdirSync(root, { recursive: true });
    await run(
      'npm',
      [
        'install',
        '--prefix',
        root,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
        `${AGENTS_TOOLKIT_CLI}@${AGENTS_TOOLKIT_CLI_VERSION}`,
      ],
      { maxBuffer: 16 * 1024 * 1024, timeout: 10 * 60_000 },
    );
  }
  const { stdout } = await atk({ cli, version: '', root }, process.cwd(), ['--version']);
  return { cli, version: stdout.trim(), root };
}

export interface AtkResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `atk <args>` in `cwd` without prompts or telemetry; never throws for a non-zero exit. */
export async function atk(
  toolkit: Toolkit,
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<AtkResult> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [toolkit.cli, ...args, '--interactive', 'false', '--telemetry', 'false'],
      {
        cwd,
        env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 3 * 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

export type YamlCheck = { valid: true } | { valid: false; message: string };

/**
 * Checks a `teamsapp.yml` against the toolkit's own schema for the version the file declares — the check
 * `atk provision`, `atk deploy` and `atk publish` make before they sign in — with the CLI's bundled parser, so it
 * needs no account and no network.
 */
export async function checkProjectFile(toolkit: Toolkit, path: string): Promise<YamlCheck> {
  const load = createRequire(toolkit.cli);
  const { yamlParser } = load('@microsoft/teamsfx-core/build/component/configManager/parser') as {
    yamlParser: {
      parse(path: string, validateSchema: boolean): Promise<{ isErr(): boolean; error?: { message: string } }>;
    };
  };
  const result = await yamlParser.parse(path, true);
  return result.isErr() ? { valid: false, message: result.error?.message ?? 'invalid' } : { valid: true };
}
