import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  /** The certificate authority our clients trust explicitly (never a global TLS bypass). */
  caPem: string;
  /** Server certificate for `localhost` and 127.0.0.1, signed by the CA, plus its key. */
  certPem: string;
  keyPem: string;
  /** base64 sha256 of the server certificate's SPKI, for Chromium's --ignore-certificate-errors-spki-list. */
  spkiHash: string;
}

interface StoredTls {
  caPem: string;
  caKeyPem: string;
  certPem: string;
  keyPem: string;
}

const FILE_NAME = 'tls.json';
/** Browsers refuse server certificates valid for more than 398 days; stay under it. */
const CERT_LIFETIME_DAYS = 390;
/** Regenerate a stored certificate a week before it expires, so a running demo never hits the edge. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

/**
 * Loads the CA and server certificate from `dataDir` (so a browser or a pinned SPKI keeps working across
 * restarts) or generates them. ECDSA P-256 keeps start-up fast for tests that start a tenant each.
 * TLS validity uses the machine's real time, not the tenant clock: it is the TLS stack that checks it.
 */
export async function loadTlsMaterial(dataDir: string | undefined, now: Date = new Date()): Promise<TlsMaterial> {
  const stored = dataDir ? await readStored(join(dataDir, FILE_NAME)) : undefined;
  if (stored && isFresh(stored.certPem, now) && isFresh(stored.caPem, now)) return toMaterial(stored);
  const generated = await generateTls(now);
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, FILE_NAME), JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return toMaterial(generated);
}

async function generateTls(now: Date): Promise<StoredTls> {
  const notAfterDate = new Date(now.getTime() + CERT_LIFETIME_DAYS * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'devtenant local CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 3600 * 1000),
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 3600 * 1000),
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { caPem: ca.cert, caKeyPem: ca.private, certPem: server.cert, keyPem: server.private };
}

function toMaterial(stored: StoredTls): TlsMaterial {
  const spki = new X509Certificate(stored.certPem).publicKey.export({ type: 'spki', format: 'der' });
  return {
    caPem: stored.caPem,
    certPem: stored.certPem,
    keyPem: stored.keyPem,
    spkiHash: createHash('sha256').update(spki).digest('base64'),
  };
}

function isFresh(pem: string, now: Date): boolean {
  const cert = new X509Certificate(pem);
  return new Date(cert.validTo).getTime() - RENEW_BEFORE_MS > now.getTime();
}

async function readStored(path: string): Promise<StoredTls | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (isStoredTls(parsed)) return parsed;
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStoredTls(value: unknown): value is StoredTls {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['caPem', 'caKeyPem', 'certPem', 'keyPem'].every((key) => typeof record[key] === 'string');
}
