import { importJWK, type JWK } from 'jose';
import { z } from 'zod';

/** A published signing key and, for Bot Framework keys, the channels it may sign for. */
export interface SigningKey {
  key: Awaited<ReturnType<typeof importJWK>>;
  /** `null` when the key names no channels (Entra keys); else the channel ids it endorses. */
  endorsements: readonly string[] | null;
}

export interface SigningKeys {
  /** The key with this id, refreshing the set once when the id is unknown (key rollover). */
  keyFor(kid: string): Promise<SigningKey | null>;
}

export interface OpenIdKeysOptions {
  /** The OpenID metadata document whose `jwks_uri` names the keys. */
  metadataUrl: string;
  fetch: typeof fetch;
  now: () => number;
}

const metadataSchema = z.object({ jwks_uri: z.url() });
const keySchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  use: z.string().optional(),
  endorsements: z.array(z.string()).optional(),
});
const keySetSchema = z.object({ keys: z.array(z.unknown()) });

/**
 * Keys are re-read a day after they were loaded, and at most once a minute when a token names a key id the
 * cached set lacks: a forged token with random key ids must not turn every request into two fetches.
 */
const MAX_AGE_MS = 24 * 60 * 60_000;
const UNKNOWN_KID_COOLDOWN_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * The signing keys an OpenID metadata document publishes, cached (docs/bot-trust.md). A failed refresh keeps
 * the keys already held; with none held it throws, and the request cannot be checked.
 */
export function createOpenIdKeys(options: OpenIdKeysOptions): SigningKeys {
  let keys = new Map<string, SigningKey>();
  let loadedAt = Number.NEGATIVE_INFINITY;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | null = null;

  const reload = () => {
    attemptedAt = options.now();
    loading ??= load(options)
      .then((loaded) => {
        keys = loaded;
        loadedAt = options.now();
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  const mayRetry = () => options.now() - attemptedAt >= UNKNOWN_KID_COOLDOWN_MS;

  return {
    async keyFor(kid) {
      if (loading) await loading.catch(() => {});
      if (options.now() - loadedAt >= MAX_AGE_MS && mayRetry()) {
        await reload().catch((error: unknown) => {
          if (keys.size === 0) throw error;
        });
      }
      if (keys.size === 0) throw new Error(`no signing keys could be read from ${options.metadataUrl}`);
      const known = keys.get(kid);
      if (known || !mayRetry()) return known ?? null;
      // An unknown key id after a failed refresh stays unknown: the token is refused, not the endpoint.
      await reload().catch(() => {});
      return keys.get(kid) ?? null;
    },
  };
}

async function load(options: OpenIdKeysOptions): Promise<Map<string, SigningKey>> {
  const metadata = metadataSchema.parse(await readJson(options, options.metadataUrl));
  const set = keySetSchema.parse(await readJson(options, metadata.jwks_uri));
  const loaded = new Map<string, SigningKey>();
  for (const entry of set.keys) {
    // Other key types (or malformed entries) may sit in a published set; they can sign nothing we accept.
    const parsed = keySchema.safeParse(entry);
    if (!parsed.success || (parsed.data.use !== undefined && parsed.data.use !== 'sig')) continue;
    const { endorsements, ...jwk } = parsed.data;
    loaded.set(parsed.data.kid, {
      key: await importJWK(jwk as JWK, 'RS256'),
      endorsements: endorsements ?? null,
    });
  }
  return loaded;
}

async function readJson(options: OpenIdKeysOptions, url: string): Promise<unknown> {
  const response = await options.fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
