import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LOCAL_BOT_ID, LOCAL_CLIENT_ID } from '@confer/contracts';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../bot/src/commands.ts';
import { renderManifest } from '../../scripts/lib/app-package.ts';
import { loadEnvFiles } from '../../scripts/lib/env-files.ts';
import { bundledSchemaPath, validateManifestOffline } from '../../scripts/lib/manifest-schema.ts';
import { PackageError } from '../../scripts/lib/package-error.ts';
import { appPackageDir, repoRoot } from './package-fixtures.ts';

const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
const localManifest = () => renderManifest(template, loadEnvFiles('local', repoRoot));

type StaticTab = { entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[] };
type Bot = { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] };

function newestBundledTeamsSchema(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const versions = readdirSync(join(packageDir, 'build', 'json-schemas', 'teams'))
    .map((name) => /^v1\.(\d+)$/.exec(name)?.[1])
    .filter((minor): minor is string => minor !== undefined)
    .map(Number);
  return `1.${Math.max(...versions)}`;
}

afterEach(() => vi.restoreAllMocks());

describe('the rendered local manifest', () => {
  it('validates offline against its bundled schema with zero findings, without fetching anything', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const fetchSchemaSpy = vi.spyOn(AppManifestUtils, 'fetchSchema');
    expect(await validateManifestOffline(localManifest())).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(fetchSchemaSpy).not.toHaveBeenCalled();
  });

  it('uses the newest schema version @microsoft/app-manifest ships', () => {
    const manifest = localManifest();
    const newest = newestBundledTeamsSchema();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`,
    );
  });

  it('declares the personal tab, the bot with help, SSO and the app server domain once', () => {
    const manifest = localManifest();
    const tabs = manifest.staticTabs as StaticTab[];
    const home = tabs.find((tab) => tab.entityId === 'home');
    expect(home).toMatchObject({
      contentUrl: 'http://localhost:3978/index.html?inTeams=1',
      websiteUrl: 'http://localhost:3978/index.html',
      scopes: ['personal'],
    });
    const [bot] = manifest.bots as Bot[];
    expect(bot?.botId).toBe(LOCAL_BOT_ID);
    expect(bot?.scopes).toEqual(['personal']);
    expect(bot?.commandLists.flatMap((list) => list.commands.map((command) => command.title))).toEqual([
      ...commandNames,
    ]);
    // One resource for the tab's and the bot's single sign-on: the bot's form (docs/sign-in-from-chat.md).
    expect(manifest.webApplicationInfo).toEqual({
      id: LOCAL_CLIENT_ID,
      resource: `api://localhost:3978/botid-${LOCAL_BOT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['localhost:3978']);
    expect(manifest.name).toMatchObject({ short: 'Confer local' });
  });

  it('keeps distinct tab and bot domains', () => {
    const vars = { ...loadEnvFiles('local', repoRoot), BOT_DOMAIN: 'bot.contoso.com' };
    expect(renderManifest(template, vars).validDomains).toEqual(['localhost:3978', 'bot.contoso.com']);
  });
});

describe('offline validation reports broken manifests', () => {
  it.each([
    ['a bad accentColor', (m: Record<string, unknown>) => Object.assign(m, { accentColor: 'purple' }), '/accentColor'],
    ['a missing developer', (m: Record<string, unknown>) => delete m.developer, 'developer'],
    ['a non-GUID bot id', (m: Record<string, unknown>) => ((m.bots as Bot[])[0]!.botId = 'bot'), '/bots/0/botId'],
    [
      'a short name over 30 characters',
      (m: Record<string, unknown>) => ((m.name as { short: string }).short = 'x'.repeat(31)),
      '/name/short',
    ],
  ])('%s', async (_name, breakIt, path) => {
    const manifest = localManifest();
    breakIt(manifest);
    const findings = await validateManifestOffline(manifest);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.join('\n')).toContain(path);
  });
});

describe('bundledSchemaPath', () => {
  it('maps the plain and the localized Teams schema URL to the bundled file', () => {
    const plain = bundledSchemaPath(
      'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
    );
    const localized = bundledSchemaPath(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
    );
    expect(plain).toBe(localized);
    expect(plain).toMatch(
      /@microsoft\/app-manifest\/build\/json-schemas\/teams\/v1\.30\/MicrosoftTeams\.schema\.json$/,
    );
  });

  it.each([
    [
      'a version that is not bundled',
      'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
    ],
    ['another host', 'https://example.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json'],
    [
      'a path that climbs out',
      'https://developer.microsoft.com/json-schemas/teams/v1.30/../../x/MicrosoftTeams.schema.json',
    ],
    ['no $schema at all', undefined],
  ])('refuses %s instead of downloading it', (_name, url) => {
    expect(() => bundledSchemaPath(url)).toThrow(PackageError);
    expect(() => bundledSchemaPath(url)).toThrow(/MANIFEST_SCHEMA_NOT_BUNDLED/);
  });
});

describe('renderManifest', () => {
  it('reports JSON broken by a value with a quote', () => {
    const vars = { ...loadEnvFiles('local', repoRoot), APP_NAME_SUFFIX: 'say "hi"' };
    expect(() => renderManifest(template, vars)).toThrow(/MANIFEST_JSON_INVALID/);
  });
});
