import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/stack.ts';

const tabRoot = join(repoRoot, 'tab');
const viteBin = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
const scripts = (JSON.parse(readFileSync(join(tabRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs one of the tab's `vite build` scripts as npm would, into a fresh folder; returns every file built. */
async function build(scriptName: string): Promise<{ dir: string; files: string[] }> {
  const script = scripts[scriptName] ?? '';
  expect(script, scriptName).toMatch(/^vite build(\s|$)/);
  const dir = mkdtempSync(join(tmpdir(), 'confer-tab-build-'));
  outDirs.push(dir);
  const args = script.split(/\s+/).slice(1);
  await promisify(execFile)(
    process.execPath,
    [viteBin, ...args, '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: tabRoot,
    },
  );
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  return { dir, files };
}

describe('the Teams-host emulation page ships only with the local tenant’s build', () => {
  it('a production build (npm run build:production) contains no trace of it', { timeout: 180_000 }, async () => {
    const { dir, files } = await build('build:production');
    expect(files).toEqual(expect.arrayContaining(['index.html', 'auth-end.html']));
    expect(files.filter((file) => /(^|\/)dev(\/|$)|teams-host/i.test(file))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|js)$/.test(f))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/Teams host emulation|teams-host/i);
    }
  });

  it('the local tenant’s build (npm run build, used by npm start and the tests) has it', {
    timeout: 180_000,
  }, async () => {
    const { files } = await build('build');
    expect(files).toContain(join('dev', 'teams-host.html'));
  });
});
