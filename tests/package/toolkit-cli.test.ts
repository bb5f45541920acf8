import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { atk, checkProjectFile, ensureToolkit, type Toolkit } from '../../scripts/lib/agents-toolkit.ts';
import { copyPackageSources, repoRoot } from './package-fixtures.ts';

/**
 * `teamsapp.yml` and the app package as the Microsoft 365 Agents Toolkit itself sees them, offline: its CLI is
 * installed on first run (scripts/lib/agents-toolkit.ts), then asked the questions it can answer without an account.
 */
let toolkit: Toolkit;
let project: string;

/** What `atk provision` would have written to env/.env.dev; sample values of the right shapes. */
const provisioned = {
  TAB_ENDPOINT: 'https://confer.contoso.com',
  TAB_DOMAIN: 'confer.contoso.com',
  BOT_ENDPOINT: 'https://confer.contoso.com',
  BOT_DOMAIN: 'confer.contoso.com',
  BOT_ID: '6f1f4f0e-3c55-4e0b-9d49-2c1f0a8e7b01',
  AAD_APP_CLIENT_ID: '0b8a4a3c-91f2-4d6e-8f3a-5a2c7e1d9b02',
  TEAMS_APP_ID: '2d7c9e41-58b3-4a6f-b0e2-7f4d1c3a8e03',
};

beforeAll(async () => {
  toolkit = await ensureToolkit(repoRoot);
  project = copyPackageSources();
  writeFileSync(join(project, 'teamsapp.yml'), readFileSync(join(repoRoot, 'teamsapp.yml')));
}, 12 * 60_000);

describe('the Microsoft 365 Agents Toolkit CLI', () => {
  it('is the pinned release', () => {
    expect(toolkit.version).toBe('1.1.17');
  });

  it("accepts teamsapp.yml against its own schema for the file's declared version", async () => {
    expect(await checkProjectFile(toolkit, join(project, 'teamsapp.yml'))).toEqual({ valid: true });
  });

  it('refuses a teamsapp.yml naming an action it does not have, so the check above can fail', async () => {
    const broken = join(project, 'broken.yml');
    writeFileSync(
      broken,
      readFileSync(join(repoRoot, 'teamsapp.yml'), 'utf8').replace('teamsApp/create', 'teamsApp/creat'),
    );
    expect(await checkProjectFile(toolkit, broken)).toMatchObject({ valid: false });
  });

  it(
    'validates the manifest with its schema and validation rules',
    async () => {
      const result = await atk(
        toolkit,
        project,
        ['validate', '--manifest-file', 'appPackage/manifest.json', '--env', 'dev'],
        provisioned,
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('All passed');
    },
    4 * 60_000,
  );

  it(
    'builds the app package for an environment, with every placeholder filled',
    async () => {
      const result = await atk(toolkit, project, ['package', '--env', 'dev'], provisioned);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const zipPath = join(project, 'appPackage', 'build', 'appPackage.dev.zip');
      expect(existsSync(zipPath)).toBe(true);
      const zip = await JSZip.loadAsync(readFileSync(zipPath));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = (await zip.file('manifest.json')?.async('string')) ?? '';
      expect(manifest).not.toContain('${{');
      expect(JSON.parse(manifest)).toMatchObject({
        id: provisioned.TEAMS_APP_ID,
        developer: {
          privacyUrl: 'https://confer.contoso.com/privacy.html',
          termsOfUseUrl: 'https://confer.contoso.com/terms.html',
        },
      });
    },
    4 * 60_000,
  );
});
