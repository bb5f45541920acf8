// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{VAR}} is the Agents Toolkit's placeholder syntax under test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEnvText } from '../../scripts/lib/env-files.ts';

/**
 * The deployment path as files (docs/deployment.md): teamsapp.yml's provision and deploy stages, the Bicep they
 * deploy, its parameters, the app settings against what api/src/config/config.ts reads, and the Dockerfile. Nothing
 * here can run Azure; these are the mistakes that would only show up there.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const teamsappYml = read('teamsapp.yml');
const bicep = read('infra/azure.bicep');
const botBicep = read('infra/botRegistration/azurebot.bicep');
const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
  parameters: Record<string, { value: unknown }>;
};
const devEnv = parseEnvText(read('env/.env.dev'), 'env/.env.dev');
const dockerfile = read('Dockerfile');

const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((m) => m[1]!);

/** One top-level stage of teamsapp.yml, as text. */
function stage(name: 'provision' | 'deploy'): string {
  return teamsappYml.split(new RegExp(`^${name}:\\s*$`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
}

/** Names provisioning writes: writeToEnvironmentFile values and `::set-teamsfx-env` names (made by scripts). */
function writtenByProvisioning(): Set<string> {
  const text = stage('provision');
  const written = [...text.matchAll(/^ {6}\w+: ([A-Z][A-Z0-9_]*)\s*$/gm)].map((m) => m[1]!);
  const made = [...text.matchAll(/make\('([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]!);
  const scripted = [...text.matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1]!);
  return new Set([...written, ...made, ...scripted]);
}

interface BicepParam {
  name: string;
  hasDefault: boolean;
  secure: boolean;
  decorators: string;
  defaultValue: string | null;
}

/** `param` declarations of a Bicep file with the decorators right above each. */
function bicepParams(text: string): Map<string, BicepParam> {
  const params = new Map<string, BicepParam>();
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = /^param (\w+) \w+(?: = (.+))?$/.exec(line);
    if (!match) return;
    let start = index;
    while (start > 0 && lines[start - 1]!.startsWith('@')) start -= 1;
    const decorators = lines.slice(start, index).join('\n');
    params.set(match[1]!, {
      name: match[1]!,
      hasDefault: match[2] !== undefined,
      secure: decorators.includes('@secure()'),
      decorators,
      defaultValue: match[2] ?? null,
    });
  });
  return params;
}

/** The app settings block of the web app: name → Bicep expression. */
function appSettings(): Map<string, string> {
  const block =
    /resource appSettings '[^']+' = \{\n {2}parent: webApp\n {2}name: 'appsettings'\n {2}properties: \{\n([\s\S]*?)\n {2}\}/.exec(
      bicep,
    );
  const entries = [...(block?.[1] ?? '').matchAll(/^ {4}([A-Z][A-Z0-9_]*): (.+)$/gm)].map(
    (m) => [m[1]!, m[2]!] as const,
  );
  return new Map(entries);
}

/** The variables config.ts parses (the keys of its zod env schema). */
function configVariables(): string[] {
  const source = read('api/src/config/config.ts');
  const schema = source.split('const envSchema = z.object({')[1]?.split(/^\}\);$/m)[0] ?? '';
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/**
 * What config.ts reads but Azure must not or need not set, and why. A new variable in config.ts fails the test below
 * until it is set in infra/azure.bicep or named here.
 */
const NOT_SET_ON_AZURE: Record<string, string> = {
  DEVTENANT_URL: 'the local tenant only; refused with NODE_ENV=production',
  TRUSTED_CA_FILE: "the local tenant's certificate authority only; Entra and Graph have public certificates",
  BOT_OPENID_METADATA_URL: "changed by tests only; the default is the Bot Framework's",
  BOT_ALLOWED_SERVICE_URLS: "the default is Microsoft's Bot Connector origins",
  BOT_TOKEN_SERVICE_URL: "the default is the Bot Framework's user-token service; devtenant's only locally",
  CONFER_DATA_DIR: 'the SQLite folder; on Azure the store is PostgreSQL (CONFER_DATABASE_URL)',
};

/** Values that must reach the app through Key Vault, never as plain app settings. */
const SECRET_SETTINGS = [
  'SECRET_AAD_APP_CLIENT_SECRET',
  'SECRET_BOT_PASSWORD',
  'CONFER_TOKEN_CACHE_KEY',
  'CONFER_DATABASE_URL',
];

describe('teamsapp.yml deploys infra/ and the Dockerfile', () => {
  it('provisions with the Bicep file and parameters that exist', () => {
    const provision = stage('provision');
    expect(provision).toMatch(/^ {2}- uses: arm\/deploy$/m);
    const templates = [...provision.matchAll(/- path: \.\/(\S+)\n\s+parameters: \.\/(\S+)/g)];
    expect(templates.map((m) => [m[1], m[2]])).toEqual([['infra/azure.bicep', 'infra/azure.parameters.json']]);
    expect(provision).toMatch(/subscriptionId: \$\{\{AZURE_SUBSCRIPTION_ID\}\}/);
    expect(provision).toMatch(/resourceGroupName: \$\{\{AZURE_RESOURCE_GROUP_NAME\}\}/);
  });

  it('updates the Entra app after arm/deploy, which gives the app its address', () => {
    const actions = [...stage('provision').matchAll(/^ {2}- uses: (\S+)/gm)].map((m) => m[1]!);
    expect(actions.indexOf('aadApp/update')).toBeGreaterThan(actions.indexOf('arm/deploy'));
    // The Azure Bot in the Bicep registers the bot; a Bot Framework registration of the same id would clash.
    expect(actions).not.toContain('botFramework/create');
  });

  it('deploys the image built from the Dockerfile to the web app arm/deploy made', () => {
    const deploy = stage('deploy');
    const dockerfiles = [...deploy.matchAll(/--file (\S+)/g)].map((m) => m[1]!);
    expect(dockerfiles).toEqual(['Dockerfile']);
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    expect(deploy).toContain('--linux-fx-version "DOCKER|${{AZURE_CONTAINER_REGISTRY_LOGIN_SERVER}}/confer:$tag"');
  });

  it('reads only arm/deploy outputs, env/.env.dev values or what provisioning writes', () => {
    const outputs = new Set([...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!));
    const known = new Set([...Object.keys(devEnv), ...writtenByProvisioning()]);
    for (const name of placeholders(stage('deploy'))) expect(known.has(name) || outputs.has(name), name).toBe(true);
    // Every output has a declared, empty place in the committed env file, so people see what arm/deploy fills.
    for (const name of outputs) expect(devEnv[name], name).toBe('');
    for (const name of ['TAB_ENDPOINT', 'TAB_DOMAIN', 'BOT_ENDPOINT', 'BOT_DOMAIN']) expect(outputs).toContain(name);
  });
});

describe('infra/azure.parameters.json', () => {
  const declared = bicepParams(bicep);

  it('names only parameters infra/azure.bicep declares, and gives every one without a default', () => {
    const given = Object.keys(parameters.parameters);
    expect(given.filter((name) => !declared.has(name))).toEqual([]);
    const required = [...declared.values()].filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  it('fills secure parameters from SECRET_ values only, and every SECRET_ value into a secure parameter', () => {
    for (const [name, { value }] of Object.entries(parameters.parameters)) {
      const fromSecret = typeof value === 'string' && placeholders(value).some((v) => v.startsWith('SECRET_'));
      expect(declared.get(name)?.secure ?? false, name).toBe(fromSecret);
    }
  });

  it('takes every placeholder from env/.env.dev or from what provisioning writes before arm/deploy', () => {
    const known = new Set([...Object.keys(devEnv), ...writtenByProvisioning()]);
    const text = read('infra/azure.parameters.json');
    expect(placeholders(text).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('the app settings of infra/azure.bicep', () => {
  const settings = appSettings();

  it('are found (the test reads the block it means)', () => {
    expect(settings.size).toBeGreaterThan(10);
  });

  it('set every variable api/src/config/config.ts reads, apart from those named with a reason', () => {
    const variables = configVariables();
    expect(variables).toContain('AAD_APP_CLIENT_ID');
    expect(variables.filter((name) => !settings.has(name) && !(name in NOT_SET_ON_AZURE))).toEqual([]);
    // The exceptions stay true: each is a variable config.ts still reads, and none is set anyway.
    for (const name of Object.keys(NOT_SET_ON_AZURE)) {
      expect(variables, name).toContain(name);
      expect(settings.has(name), name).toBe(false);
    }
  });

  it('set only variables the app or App Service reads', () => {
    const variables = new Set([...configVariables(), 'CONFER_DATABASE_URL']);
    const unknown = [...settings.keys()].filter((name) => !variables.has(name) && !name.startsWith('WEBSITES_'));
    expect(unknown).toEqual([]);
  });

  it('run in production mode on PostgreSQL, listening on every interface', () => {
    expect(settings.get('NODE_ENV')).toBe("'production'");
    expect(settings.get('HOST')).toBe("'0.0.0.0'");
    expect(settings.has('CONFER_DATABASE_URL')).toBe(true);
    expect(settings.get('WEBSITES_PORT')).toBe(settings.get('PORT'));
  });

  it('hold secrets as Key Vault references only', () => {
    for (const name of SECRET_SETTINGS)
      expect(settings.get(name), name).toMatch(/^'\$\{keyVaultReference\}[a-z-]+\)'$/);
    expect(bicep).toMatch(/var keyVaultReference = '@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.name\};SecretName='/);
    expect(bicep).toMatch(/keyVaultReferenceIdentity: identity\.id/);
  });
});

describe('scale and health', () => {
  const declared = bicepParams(bicep);

  it('runs at least two instances', () => {
    const count = declared.get('instanceCount');
    expect(count?.decorators).toContain('@minValue(2)');
    expect(Number(count?.defaultValue)).toBeGreaterThanOrEqual(2);
    expect(Number(parameters.parameters.instanceCount?.value)).toBeGreaterThanOrEqual(2);
    expect(bicep).toMatch(/sku: \{\n\s+name: appServicePlanSku\n\s+capacity: instanceCount\n/);
  });

  it('sends requests only to ready instances, on a route the API has', () => {
    const routes = read('api/src/http/routes/public-routes.ts');
    expect(bicep).toContain("healthCheckPath: '/api/ready'");
    expect(routes).toContain("router.get('/ready'");
    expect(bicep).toContain('alwaysOn: true');
    expect(bicep).toContain('clientAffinityEnabled: false');
  });

  it('requires TLS to the database and keeps it off the internet', () => {
    expect(bicep).toMatch(/name: 'require_secure_transport'\n\s+properties: \{\n\s+value: 'on'/);
    expect(bicep).toContain("publicNetworkAccess: 'Disabled'");
    expect(bicep).toContain('sslmode=verify-full');
  });

  it('registers the bot at the app server, single-tenant, with the Teams channel', () => {
    expect(botBicep).toContain("endpoint: 'https://${botAppDomain}/api/messages'");
    expect(botBicep).toContain("msaAppType: 'SingleTenant'");
    expect(botBicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).toMatch(/module azureBot '\.\/botRegistration\/azurebot\.bicep'/);
  });
});

describe('Dockerfile', () => {
  const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;

  it('copies every workspace manifest npm ci needs', () => {
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
  });

  it('starts the server the repository has, as the non-root node user, in production', () => {
    const cmd = /^CMD (\[.+\])$/m.exec(dockerfile)?.[1] ?? '[]';
    const args = JSON.parse(cmd) as string[];
    expect(args.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    expect(existsSync(join(ROOT, args[3] ?? 'missing'))).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/NODE_ENV=production/);
    // tsx runs the sources in production, so it must be a dependency, not a dev dependency.
    const root = JSON.parse(read('package.json')) as { dependencies?: Record<string, string> };
    expect(root.dependencies).toHaveProperty('tsx');
  });

  it("exposes the app's default port and checks liveness on a route the API has", () => {
    const defaultPort = /PORT: z\.coerce\.number\(\)[^\n]*\.default\((\d+)\)/.exec(
      read('api/src/config/config.ts'),
    )?.[1];
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${defaultPort}$`, 'm'));
    expect(dockerfile).toMatch(new RegExp(`PORT=${defaultPort}`));
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/api\/health/m);
    expect(read('api/src/http/routes/public-routes.ts')).toContain("router.get('/health'");
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const pattern of ['env', '*.user', '.data', '.git', '**/node_modules']) expect(ignored).toContain(pattern);
    if (ignored.includes('devtenant/*')) expect(ignored).toContain('!devtenant/package.json');
  });
});
