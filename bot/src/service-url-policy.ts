/**
 * Where the bot may talk to a Bot Connector. Every reply and proactive message carries the bot's Bot
 * Connector bearer token to the activity's or conversation's `serviceUrl`, so a service URL is trusted only
 * when its origin is on this list (docs/bot-trust.md).
 */
export interface ServiceUrlPolicy {
  allows(serviceUrl: string): boolean;
  /** The allowed origins as configured, for logs and refusals. */
  readonly origins: readonly string[];
}

/**
 * Microsoft's public-cloud Bot Connector: Teams' regional endpoints sit under `smba.trafficmanager.net`, the
 * other channels under `*.botframework.com`. National clouds (US government, China) are deliberately left out;
 * a deployment there lists its own hosts.
 */
export const MICROSOFT_BOT_CONNECTOR_ORIGINS: readonly string[] = Object.freeze([
  'https://smba.trafficmanager.net',
  'https://*.botframework.com',
]);

/** The Agents Playground (`http://localhost:56150` by default) and local test connectors, on any port. */
export const LOCAL_BOT_CONNECTOR_ORIGINS: readonly string[] = Object.freeze([
  'http://localhost:*',
  'http://127.0.0.1:*',
]);

interface OriginPattern {
  protocol: 'http:' | 'https:';
  /** Lower-case host; with `wildcard`, the suffix a host must end with after at least one more label. */
  host: string;
  wildcard: boolean;
  /** '' for the scheme's default port, '*' for any port. */
  port: string;
}

const patternShape = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}|\*))?\/?$/i;

/**
 * Reads one allowed origin: `scheme://host[:port]`, where the host may start with `*.` (one or more labels
 * in front of the rest, never the bare rest) and the port may be `*`. Null when it is not one.
 */
export function parseOriginPattern(text: string): OriginPattern | null {
  const match = patternShape.exec(text.trim());
  if (!match) return null;
  const [, scheme, wildcard, host, port] = match;
  if (!scheme || !host || host.startsWith('.') || host.endsWith('.') || host.includes('..')) return null;
  const protocol = scheme.toLowerCase() === 'https' ? 'https:' : 'http:';
  const defaultPort = protocol === 'https:' ? '443' : '80';
  return {
    protocol,
    host: host.toLowerCase(),
    wildcard: Boolean(wildcard),
    port: port === undefined || port === defaultPort ? '' : port,
  };
}

/** A policy over `origins` (see parseOriginPattern); throws on an origin it cannot read. */
export function createServiceUrlPolicy(origins: readonly string[]): ServiceUrlPolicy {
  const patterns = origins.map((origin) => {
    const pattern = parseOriginPattern(origin);
    if (!pattern) throw new Error(`not an allowed-origin pattern: ${origin}`);
    return pattern;
  });
  return {
    origins: Object.freeze([...origins]),
    allows(serviceUrl) {
      const url = readUrl(serviceUrl);
      return url !== null && patterns.some((pattern) => matches(pattern, url));
    },
  };
}

function readUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    // Credentials in a service URL have no legitimate use and only serve to disguise the host.
    return url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

function matches(pattern: OriginPattern, url: URL): boolean {
  if (url.protocol !== pattern.protocol) return false;
  if (pattern.port !== '*' && url.port !== pattern.port) return false;
  const host = url.hostname.toLowerCase();
  return pattern.wildcard ? host.endsWith(`.${pattern.host}`) : host === pattern.host;
}
