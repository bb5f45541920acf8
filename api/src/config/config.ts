import type { BotCredentials } from '@confer/bot';
import {
  BOT_FRAMEWORK_OPENID_METADATA_URL,
  LOCAL_BOT_CONNECTOR_ORIGINS,
  MICROSOFT_BOT_CONNECTOR_ORIGINS,
  parseOriginPattern,
} from '@confer/bot/trust';
import { GUID_PATTERN, isTenantId } from '@confer/contracts';
import { z } from 'zod';

/**
 * Configuration, parsed once at start-up and frozen. Names follow the Teams/Agents Toolkit conventions
 * (env/.env.{env} + env/.env.{env}.user). A missing or malformed value stops start-up with a message
 * naming it (ConfigError).
 */
const guid = z.string().regex(GUID_PATTERN, 'must be a GUID');
/** A GUID, or exactly the local tenant's id, which has 13 digits in its last group (LOCAL_TENANT_ID). */
const tenantGuid = z.string().refine(isTenantId, 'must be a GUID');
const httpsUrl = z
  .string()
  .url()
  .refine((v) => v.startsWith('https://'), 'must be an https URL');
const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CONFER_DATA_DIR: z.string().min(1).default('.data'),
  AAD_APP_CLIENT_ID: guid,
  SECRET_AAD_APP_CLIENT_SECRET: z.string().min(1),
  AAD_APP_TENANT_ID: tenantGuid,
  AAD_APP_OAUTH_AUTHORITY_HOST: httpsUrl,
  TAB_ENDPOINT: z.string().url(),
  TAB_DOMAIN: z.string().min(1),
  GRAPH_BASE_URL: httpsUrl,
  BOT_ID: optional(guid),
  SECRET_BOT_PASSWORD: optional(z.string().min(1)),
  /** OpenID metadata of the Bot Framework's token issuer; only the local tenant's tests point it elsewhere. */
  BOT_OPENID_METADATA_URL: optional(z.string().url()),
  /** Comma-separated Bot Connector origins the bot may send to (see bot/src/service-url-policy.ts). */
  BOT_ALLOWED_SERVICE_URLS: optional(
    z
      .string()
      .refine(
        (v) => readOrigins(v).length > 0 && readOrigins(v).every((origin) => parseOriginPattern(origin) !== null),
        'must be comma-separated origins such as https://smba.trafficmanager.net or https://*.botframework.com',
      ),
  ),
  /** The Azure Bot OAuth connection the bot signs people in with from the chat (per-user mode); unset: it does not. */
  BOT_OAUTH_CONNECTION: optional(
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/, 'must be an OAuth connection name (letters, digits, . _ -)'),
  ),
  /** The Bot Framework user-token service; devtenant's origin locally. */
  BOT_TOKEN_SERVICE_URL: optional(httpsUrl),
  /** Present only for the local tenant (devtenant): enables the Teams-host emulation page. */
  DEVTENANT_URL: optional(httpsUrl),
  /** How a tenant that has not chosen yet connects to Graph: per-user (delegated) or tenant-wide (application). */
  CONFER_CONNECTION_MODE: z.enum(['user', 'tenant']).default('user'),
  /** Days before a known connection expiry when the bot warns the person (one card). */
  CONFER_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** PEM file of a certificate authority our HTTP clients trust in addition to the system's (devtenant). */
  TRUSTED_CA_FILE: optional(z.string().min(1)),
  /** Mailbox (UPN or address) incident emails to integration owners are sent from, with Mail.Send; unset: no email. */
  CONFER_ALERT_MAILBOX: optional(z.string().email('must be a mailbox address (UPN or SMTP address)')),
  /** When SECRET_AAD_APP_CLIENT_SECRET expires (as Entra shows it): owners are warned 30 days before. */
  CONFER_CLIENT_SECRET_EXPIRES_AT: optional(
    z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant, e.g. 2027-06-30T00:00:00Z' }),
  ),
  /** PostgreSQL store (postgres://user:password@host:port/database); unset: SQLite in the data folder. */
  CONFER_DATABASE_URL: optional(
    z
      .string()
      .refine(
        (v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v),
        'must be a postgres:// URL, e.g. postgres://confer@db:5432/confer',
      ),
  ),
  /** Connections each replica keeps to PostgreSQL. */
  CONFER_DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** API requests each person may make per minute (counted across replicas on PostgreSQL). */
  CONFER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(240),
  /** Milliseconds a stopping replica keeps serving after readiness fails, for the load balancer to notice. */
  CONFER_SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  /** AES-256 key (base64, 32 bytes) of the per-user token cache, where refresh tokens are kept encrypted. */
  CONFER_TOKEN_CACHE_KEY: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'must be base64')
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes of base64 (openssl rand -base64 32)'),
  ),
});

export interface Config {
  port: number;
  host: string;
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  dataDir: string;
  /** PostgreSQL URL (a secret: it may carry the password), or null for SQLite in the data folder. */
  databaseUrl: string | null;
  databasePoolSize: number;
  shutdownDrainMs: number;
  rateLimitPerMinute: number;
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** e.g. `https://login.microsoftonline.com` or `https://localhost:8443`, no trailing slash. */
  authorityHost: string;
  /** `{authorityHost}/{tenantId}` */
  authority: string;
  /** `{authorityHost}/{tenantId}/v2.0`: the `iss` of v2 access tokens. */
  issuer: string;
  jwksUri: string;
  /** `api://{TAB_DOMAIN}/{clientId}` */
  applicationIdUri: string;
  tabEndpoint: string;
  /** The public host of the app (`TAB_DOMAIN`, e.g. `confer.contoso.com` or `localhost:3978`). */
  tabDomain: string;
  graphBaseUrl: string;
  bot: BotConfig;
  devTenantUrl: string | null;
  trustedCaFile: string | null;
  defaultConnectionMode: 'user' | 'tenant';
  expiryWarningDays: number;
  /**
   * Key of the encrypted token cache. Null only under NODE_ENV=test, where the app makes a per-process key
   * (tokens then do not outlive the process); everywhere else it is required.
   */
  tokenCacheKey: Buffer | null;
  /** Where incident emails come from; null: owners get bot cards only. */
  alertMailbox: string | null;
  /** When the client secret expires, if configured. */
  clientSecretExpiresAt: Date | null;
}

export interface BotConfig {
  /**
   * The bot's identity (BOT_ID, SECRET_BOT_PASSWORD, in the served tenant), the one value every Bot Connector
   * client and the inbound token check are built from; null without a secret.
   */
  credentials: BotCredentials | null;
  /**
   * `verify`: every inbound activity must carry a Bot Connector token (a bot secret is configured). `off`: no
   * token is asked for, only against the local tenant without a bot secret. `closed`: no bot identity at all
   * outside the local tenant, so every activity is refused.
   */
  inboundAuth: 'verify' | 'off' | 'closed';
  /** Where the Bot Framework issuer's signing keys are published. */
  openIdMetadataUrl: string;
  /** Bot Connector origins the bot may answer and send to. */
  allowedServiceUrls: readonly string[];
  /**
   * Sign-in from chat (docs/sign-in-from-chat.md): the OAuth connection (BOT_OAUTH_CONNECTION) at the user-token
   * service (BOT_TOKEN_SERVICE_URL, default the Bot Framework's); null when no connection is configured.
   */
  signIn: { connectionName: string; tokenServiceUrl: string } | null;
}

/** The Bot Framework's user-token service, where Azure Bot OAuth connections live. */
export const BOT_FRAMEWORK_TOKEN_SERVICE_URL = 'https://api.botframework.com';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return env[name] === undefined || env[name] === '' ? `${name} is missing` : `${name} ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.SECRET_BOT_PASSWORD && !e.BOT_ID) {
    throw new ConfigError(['SECRET_BOT_PASSWORD is set but BOT_ID is missing']);
  }
  if (e.BOT_ID && !e.SECRET_BOT_PASSWORD && !e.DEVTENANT_URL) {
    // Without the secret the bot could not check who sends it activities: only the local tenant may run so.
    throw new ConfigError([
      'BOT_ID is set but SECRET_BOT_PASSWORD is missing: the bot endpoint would accept activities from anyone ' +
        '(only the local tenant, DEVTENANT_URL, runs without it)',
    ]);
  }
  if (e.BOT_OPENID_METADATA_URL && !e.BOT_OPENID_METADATA_URL.startsWith('https://') && !e.DEVTENANT_URL) {
    throw new ConfigError(['BOT_OPENID_METADATA_URL must be an https URL']);
  }
  if (!e.CONFER_TOKEN_CACHE_KEY && e.NODE_ENV !== 'test') {
    throw new ConfigError(['CONFER_TOKEN_CACHE_KEY is missing (32 random bytes, base64: openssl rand -base64 32)']);
  }
  if (e.DEVTENANT_URL && e.NODE_ENV === 'production') {
    throw new ConfigError(['DEVTENANT_URL must not be set when NODE_ENV is production']);
  }
  const authorityHost = trimSlash(e.AAD_APP_OAUTH_AUTHORITY_HOST);
  const authority = `${authorityHost}/${e.AAD_APP_TENANT_ID}`;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    dataDir: e.CONFER_DATA_DIR,
    databaseUrl: e.CONFER_DATABASE_URL ?? null,
    databasePoolSize: e.CONFER_DATABASE_POOL_SIZE,
    shutdownDrainMs: e.CONFER_SHUTDOWN_DRAIN_MS,
    rateLimitPerMinute: e.CONFER_RATE_LIMIT_PER_MINUTE,
    clientId: e.AAD_APP_CLIENT_ID,
    clientSecret: e.SECRET_AAD_APP_CLIENT_SECRET,
    tenantId: e.AAD_APP_TENANT_ID,
    authorityHost,
    authority,
    issuer: `${authority}/v2.0`,
    jwksUri: `${authority}/discovery/v2.0/keys`,
    applicationIdUri: `api://${e.TAB_DOMAIN}/${e.AAD_APP_CLIENT_ID}`,
    tabEndpoint: trimSlash(e.TAB_ENDPOINT),
    tabDomain: e.TAB_DOMAIN.toLowerCase(),
    graphBaseUrl: trimSlash(e.GRAPH_BASE_URL),
    bot: Object.freeze({
      credentials:
        e.BOT_ID && e.SECRET_BOT_PASSWORD
          ? Object.freeze({ appId: e.BOT_ID, password: e.SECRET_BOT_PASSWORD, tenantId: e.AAD_APP_TENANT_ID })
          : null,
      inboundAuth: e.SECRET_BOT_PASSWORD ? 'verify' : e.DEVTENANT_URL ? 'off' : 'closed',
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL ?? BOT_FRAMEWORK_OPENID_METADATA_URL,
      allowedServiceUrls: Object.freeze(
        e.BOT_ALLOWED_SERVICE_URLS
          ? readOrigins(e.BOT_ALLOWED_SERVICE_URLS)
          : [...MICROSOFT_BOT_CONNECTOR_ORIGINS, ...(e.DEVTENANT_URL ? LOCAL_BOT_CONNECTOR_ORIGINS : [])],
      ),
      signIn: e.BOT_OAUTH_CONNECTION
        ? Object.freeze({
            connectionName: e.BOT_OAUTH_CONNECTION,
            tokenServiceUrl: trimSlash(e.BOT_TOKEN_SERVICE_URL ?? BOT_FRAMEWORK_TOKEN_SERVICE_URL),
          })
        : null,
    } satisfies BotConfig),
    devTenantUrl: e.DEVTENANT_URL ? trimSlash(e.DEVTENANT_URL) : null,
    trustedCaFile: e.TRUSTED_CA_FILE ?? null,
    defaultConnectionMode: e.CONFER_CONNECTION_MODE,
    expiryWarningDays: e.CONFER_EXPIRY_WARNING_DAYS,
    tokenCacheKey: e.CONFER_TOKEN_CACHE_KEY ? Buffer.from(e.CONFER_TOKEN_CACHE_KEY, 'base64') : null,
    alertMailbox: e.CONFER_ALERT_MAILBOX ?? null,
    clientSecretExpiresAt: e.CONFER_CLIENT_SECRET_EXPIRES_AT ? new Date(e.CONFER_CLIENT_SECRET_EXPIRES_AT) : null,
  });
}

function readOrigins(list: string): string[] {
  return list
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
