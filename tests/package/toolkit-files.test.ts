// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{VAR}} is the Agents Toolkit's placeholder syntax under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_BOT_ID, LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_CONSENT } from '../../devtenant/src/index.ts';
import { parseEnvText, renderPlaceholders } from '../../scripts/lib/env-files.ts';
import { appPackageDir, repoRoot } from './package-fixtures.ts';

const read = (...path: string[]) => readFileSync(join(repoRoot, ...path), 'utf8');
const localEnv = parseEnvText(read('env', '.env.local'), 'env/.env.local');
const devEnv = parseEnvText(read('env', '.env.dev'), 'env/.env.dev');
const teamsappYml = read('teamsapp.yml');
const templates = {
  'teamsapp.yml': teamsappYml,
  'manifest.json': read('appPackage', 'manifest.json'),
  'aad.manifest.json': read('appPackage', 'aad.manifest.json'),
};

const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((m) => m[1]!);

/** `uses:` actions of one top-level stage of teamsapp.yml, in order. */
function stageActions(stage: 'provision' | 'deploy' | 'publish'): string[] {
  const body = teamsappYml.split(new RegExp(`^${stage}:\\s*$`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
  return [...body.matchAll(/^ {2}- uses: (\S+)/gm)].map((m) => m[1]!);
}

/** Variables provisioning writes: writeToEnvironmentFile values and `::set-teamsfx-env NAME=` lines. */
function provisionedNames(): Set<string> {
  const written = [...teamsappYml.matchAll(/^ {6}\w+: ([A-Z][A-Z0-9_]*)\s*$/gm)].map((m) => m[1]!);
  const scripted = [...teamsappYml.matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1]!);
  return new Set([...written, ...scripted]);
}

describe('env/.env.local', () => {
  it('holds the local tenant, app registration and bot facts every part codes against', () => {
    expect(localEnv).toMatchObject({
      TEAMSFX_ENV: 'local',
      APP_NAME_SUFFIX: 'local',
      AAD_APP_CLIENT_ID: LOCAL_CLIENT_ID,
      AAD_APP_TENANT_ID: LOCAL_TENANT_ID,
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://localhost:8443',
      AAD_APP_OAUTH_AUTHORITY: `https://localhost:8443/${LOCAL_TENANT_ID}`,
      BOT_ID: LOCAL_BOT_ID,
      BOT_DOMAIN: 'localhost:3978',
      BOT_ENDPOINT: 'http://localhost:3978',
      TAB_ENDPOINT: 'http://localhost:3978',
      TAB_DOMAIN: 'localhost:3978',
      GRAPH_BASE_URL: 'https://localhost:8443',
      DEVTENANT_URL: 'https://localhost:8443',
    });
    expect(localEnv.TEAMS_APP_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('has a comment above each group of values', () => {
    const groups = read('env', '.env.local').split(/\n\s*\n/);
    for (const group of groups) expect(group.trimStart().startsWith('#')).toBe(true);
  });
});

describe('env/.env.dev', () => {
  it('is a real-tenant template: Microsoft endpoints, no devtenant, nothing pre-filled that provisioning owns', () => {
    expect(devEnv.TEAMSFX_ENV).toBe('dev');
    expect(devEnv.AAD_APP_OAUTH_AUTHORITY_HOST).toBe('https://login.microsoftonline.com');
    expect(devEnv.GRAPH_BASE_URL).toBe('https://graph.microsoft.com');
    expect(devEnv).not.toHaveProperty('DEVTENANT_URL');
    for (const name of ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_ENDPOINT', 'TAB_DOMAIN']) {
      expect(devEnv[name]).toBe('');
    }
  });

  it('declares every name the local env uses, apart from the devtenant-only one', () => {
    const localNames = Object.keys(localEnv).filter((name) => name !== 'DEVTENANT_URL');
    expect(Object.keys(devEnv)).toEqual(expect.arrayContaining(localNames));
  });
});

describe('committed env files', () => {
  it.each([
    ['env/.env.local', localEnv],
    ['env/.env.dev', devEnv],
  ])('%s holds no secrets (SECRET_* belongs in the git-ignored .user file)', (_name, env) => {
    expect(Object.keys(env).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
  });
});

describe('placeholders', () => {
  it.each(Object.entries(templates))(
    'every ${{VAR}} in %s is declared in env/.env.dev or written by provisioning',
    (_name, text) => {
      const known = new Set([...Object.keys(devEnv), ...provisionedNames()]);
      const unknown = placeholders(text).filter((name) => !known.has(name) && !name.startsWith('SECRET_'));
      expect(unknown).toEqual([]);
    },
  );

  it('aad.manifest.json renders to the registration the manifest and the tab expect', () => {
    const vars = { ...localEnv, AAD_APP_OBJECT_ID: 'object-id', AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'scope-id' };
    const aad = JSON.parse(renderPlaceholders(templates['aad.manifest.json'], vars)) as {
      appId: string;
      accessTokenAcceptedVersion: number;
      identifierUris: string[];
      oauth2Permissions: { value: string; id: string }[];
      preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
      replyUrlsWithType: { url: string; type: string }[];
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    };
    expect(aad.appId).toBe(localEnv.AAD_APP_CLIENT_ID);
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.identifierUris).toEqual([
      `api://localhost:3978/${localEnv.AAD_APP_CLIENT_ID}`,
      `api://localhost:3978/botid-${localEnv.BOT_ID}`,
    ]);
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(['access_as_user']);
    // Teams desktop/mobile and Teams web must be pre-authorized or getAuthToken needs a consent prompt.
    const preAuthorized = aad.preAuthorizedApplications.map((a) => a.appId);
    expect(preAuthorized).toEqual(
      expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']),
    );
    expect(aad.preAuthorizedApplications.every((a) => a.permissionIds.join() === 'scope-id')).toBe(true);
    expect(aad.replyUrlsWithType).toEqual([
      { url: 'http://localhost:3978/auth-end.html', type: 'Spa' },
      { url: 'http://localhost:3978/', type: 'Spa' },
      // Entra's admin consent endpoint sends the admin's browser back here (a web page, not the SPA).
      { url: 'http://localhost:3978/admin/consent/return', type: 'Web' },
      // The Bot Framework token service's return page, for sign-in from chat (docs/sign-in-from-chat.md).
      { url: 'https://token.botframework.com/.auth/web/redirect', type: 'Web' },
    ]);
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph');
    const granted = graph?.resourceAccess.map((a) => `${a.type}:${a.id}`).sort();
    expect(granted).toEqual(
      [
        'Scope:User.Read',
        'Scope:Calendars.ReadWrite',
        'Scope:MailboxSettings.Read',
        // The people picker in per-user mode: names and addresses of colleagues (README, admin guide).
        'Scope:User.ReadBasic.All',
        'Scope:offline_access',
        // Attendance of Confer's Teams meetings, read as the organizer (README, admin guide).
        'Scope:OnlineMeetings.Read',
        'Scope:OnlineMeetingArtifact.Read.All',
        'Role:Calendars.ReadWrite',
        'Role:User.Read.All',
        'Role:MailboxSettings.Read',
        // Incident emails to the integration owners, from CONFER_ALERT_MAILBOX (README, admin guide).
        'Role:Mail.Send',
        'Role:OnlineMeetings.Read.All',
        'Role:OnlineMeetingArtifact.Read.All',
      ].sort(),
    );
    // The local tenant's admin consent grants exactly what the registration asks for (plus sign-in's openid/profile).
    const asked = (type: string) => (graph?.resourceAccess ?? []).filter((a) => a.type === type).map((a) => a.id);
    expect(DEFAULT_ADMIN_CONSENT.delegated.filter((s) => s !== 'openid' && s !== 'profile').sort()).toEqual(
      asked('Scope').sort(),
    );
    expect([...DEFAULT_ADMIN_CONSENT.roles].sort()).toEqual(asked('Role').sort());
  });
});

describe('teamsapp.yml', () => {
  it('declares the Agents Toolkit schema version it is written for', () => {
    expect(teamsappYml).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json$/m,
    );
    expect(teamsappYml).toMatch(/^version: v1\.11$/m);
    expect(teamsappYml).toMatch(/^environmentFolderPath: \.\/env$/m);
  });

  it('provisions the Teams app, both Entra apps, the Azure resources with the bot, then validates, zips and uploads', () => {
    expect(stageActions('provision')).toEqual([
      'script',
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ]);
    expect(teamsappYml).toContain('manifestPath: ./appPackage/aad.manifest.json');
    expect(teamsappYml).toMatch(/generateClientSecret: true/);
  });

  it('deploys the container image, builds the app package and publishes to the admin center', () => {
    expect(stageActions('deploy')).toEqual(['script', 'cli/runNpmCommand', 'script']);
    expect(stageActions('publish').at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('registers both Entra apps, the bot included, for this tenant only', () => {
    // A multi-tenant bot app would let any tenant's Entra issue tokens naming it; the bot serves one tenant.
    const audiences = [...teamsappYml.matchAll(/^ {6}signInAudience: (\S+)$/gm)].map((m) => m[1]!);
    expect(audiences).toEqual(['AzureADMyOrg', 'AzureADMyOrg']);
    expect(stageActions('provision').filter((action) => action === 'aadApp/create')).toHaveLength(2);
  });

  it('writes every secret to a SECRET_ name, which the toolkit keeps in the .user file', () => {
    const secrets = [...teamsappYml.matchAll(/^ {6}(clientSecret|botPassword): (\S+)$/gm)].map((m) => m[2]!);
    expect(secrets).toEqual(['SECRET_AAD_APP_CLIENT_SECRET', 'SECRET_BOT_PASSWORD']);
  });

  it('points the toolkit at the files that exist', () => {
    const paths = [...teamsappYml.matchAll(/(?:manifestPath|appPackagePath): \.\/(\S+)/g)].map((m) => m[1]!);
    for (const path of paths.filter((p) => !p.includes('build/'))) {
      expect(() => readFileSync(join(repoRoot, path))).not.toThrow();
    }
    expect(paths.some((p) => join(repoRoot, p) === join(appPackageDir, 'manifest.json'))).toBe(true);
  });
});

describe('.m365agentsplayground.yml', () => {
  it('puts the Playground in the local tenant, talking to the local bot', () => {
    const playground = read('.m365agentsplayground.yml');
    expect(playground).toMatch(new RegExp(`^tenantId: ${LOCAL_TENANT_ID}$`, 'm'));
    expect(playground).toMatch(new RegExp(`^bot:\\n {2}id: ${LOCAL_BOT_ID}$`, 'm'));
  });
});
