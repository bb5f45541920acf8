import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAppPackage } from '../../scripts/lib/app-package.ts';
import { copyPackageSources, editJson, repoRoot } from './package-fixtures.ts';

const run = promisify(execFile);
const cleanups: string[] = [];
afterEach(() => {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(dir);
  return dir;
}

function sources(): string {
  const root = copyPackageSources();
  cleanups.push(root);
  return root;
}

async function readZip(path: string): Promise<{ names: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return { names: Object.keys(zip.files).sort(), zip };
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; details: readonly string[] }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; details: readonly string[] };
  }
  throw new Error('expected the package build to fail');
}

describe('buildAppPackage', () => {
  it('writes a zip with exactly manifest.json and the two icons, plus the rendered manifest', async () => {
    const outDir = tempDir('confer-out-');
    const result = await buildAppPackage({ envName: 'local', rootDir: repoRoot, outDir });
    expect(result.zipPath).toBe(join(outDir, 'appPackage.local.zip'));
    expect(readdirSync(outDir).sort()).toEqual(['appPackage.local.zip', 'manifest.local.json']);

    const { names, zip } = await readZip(result.zipPath);
    expect(names).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const zipped = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    expect(zipped).toEqual(JSON.parse(readFileSync(result.manifestPath, 'utf8')));
    expect(zipped.id).toBe('c0f3e7a1-5d2b-4e8c-9a6f-1b3d5e7f9a2c');
    expect(JSON.stringify(zipped)).not.toContain('${{');
    const outline = PNG.sync.read(Buffer.from(await zip.file('outline.png')!.async('uint8array')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('produces the same bytes for the same inputs', async () => {
    const first = await buildAppPackage({ envName: 'local', rootDir: repoRoot, outDir: tempDir('confer-out-') });
    const second = await buildAppPackage({ envName: 'local', rootDir: repoRoot, outDir: tempDir('confer-out-') });
    expect(Buffer.compare(readFileSync(first.zipPath), readFileSync(second.zipPath))).toBe(0);
  });

  it('names every missing variable and writes nothing', async () => {
    const root = sources();
    const envPath = join(root, 'env', '.env.local');
    const env = readFileSync(envPath, 'utf8')
      .replace(/^BOT_ID=.*$/m, 'BOT_ID=')
      .replace(/^TAB_DOMAIN=.*$/m, '');
    writeFileSync(envPath, env);
    const outDir = join(root, 'out');
    const failure = await failureOf(buildAppPackage({ envName: 'local', rootDir: root, outDir }));
    expect(failure.code).toBe('ENV_PLACEHOLDER_MISSING');
    expect([...failure.details].sort()).toEqual(['BOT_ID', 'TAB_DOMAIN']);
    expect(existsSync(outDir)).toBe(false);
  });

  it('reports schema findings for a bad accentColor and writes nothing', async () => {
    const root = sources();
    editJson(join(root, 'appPackage', 'manifest.json'), (manifest) => {
      manifest.accentColor = '#12345';
    });
    const outDir = join(root, 'out');
    const failure = await failureOf(buildAppPackage({ envName: 'local', rootDir: root, outDir }));
    expect(failure.code).toBe('MANIFEST_INVALID');
    expect(failure.details.join('\n')).toContain('/accentColor');
    expect(existsSync(outDir)).toBe(false);
  });

  it('refuses an outline icon with an opaque background', async () => {
    const root = sources();
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    opaque.data.forEach((_, i) => {
      if (i % 4 === 0) opaque.data[i] = 0;
    });
    writeFileSync(join(root, 'appPackage', 'outline.png'), PNG.sync.write(opaque));
    const failure = await failureOf(buildAppPackage({ envName: 'local', rootDir: root, outDir: join(root, 'out') }));
    expect(failure.code).toBe('ICON_INVALID');
    expect(failure.details.join('\n')).toMatch(/outline: 1024 visible pixel\(s\) not white/);
  });

  it.each([
    ['outside the package folder', '../secrets.png', 'ICON_OUTSIDE_PACKAGE'],
    ['missing', 'nowhere.png', 'ICON_MISSING'],
  ])('refuses an icon path %s', async (_name, path, code) => {
    const root = sources();
    editJson(join(root, 'appPackage', 'manifest.json'), (manifest) => {
      (manifest.icons as Record<string, string>).color = path;
    });
    const failure = await failureOf(buildAppPackage({ envName: 'local', rootDir: root, outDir: join(root, 'out') }));
    expect(failure.code).toBe(code);
  });

  it('keeps the previous package when a later build fails', async () => {
    const root = sources();
    const outDir = join(root, 'out');
    const good = await buildAppPackage({ envName: 'local', rootDir: root, outDir });
    const before = readFileSync(good.zipPath);
    editJson(join(root, 'appPackage', 'manifest.json'), (manifest) => {
      manifest.accentColor = 'nope';
    });
    await failureOf(buildAppPackage({ envName: 'local', rootDir: root, outDir }));
    expect(Buffer.compare(readFileSync(good.zipPath), before)).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(['appPackage.local.zip', 'manifest.local.json']);
  });
});

describe('npm run package (scripts/package-app.ts)', () => {
  const script = join(repoRoot, 'scripts', 'package-app.ts');
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('packages the local env into --out-dir and exits 0', async () => {
    const outDir = tempDir('confer-cli-');
    const result = await cli(['--env', 'local', '--out-dir', outDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('appPackage.local.zip');
    const { names } = await readZip(join(outDir, 'appPackage.local.zip'));
    expect(names).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('exits 1 with a code for an unknown env and writes nothing', async () => {
    const outDir = join(tempDir('confer-cli-'), 'out');
    const result = await cli(['--env', 'staging', '--out-dir', outDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENV_FILE_MISSING');
    expect(existsSync(outDir)).toBe(false);
  });

  it('exits 1 with usage for an unknown option', async () => {
    const result = await cli(['--envv', 'local']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PACKAGE_USAGE');
    expect(result.stderr).toContain('usage: npm run package');
  });
});
