import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as published in the JWKS (`kty`, `n`, `e`, `kid`, `use`, `alg`). */
  jwk: PublicJwk;
}

export interface PublicJwk {
  kty: 'RSA';
  use: 'sig';
  alg: 'RS256';
  kid: string;
  n: string;
  e: string;
  /** Entra publishes the issuer with each key so multi-tenant validators can check it. */
  issuer: string;
}

const FILE_NAME = 'signing-key.pem';

/**
 * The tenant's RS256 signing key. Kept in dataDir when given, so tokens issued before a restart of
 * `npm start` still verify (Entra rotates keys rarely and publishes the old ones for a while).
 */
export async function loadSigningKey(dataDir: string | undefined, issuer: string): Promise<SigningKey> {
  const pem = dataDir ? await readPem(join(dataDir, FILE_NAME)) : undefined;
  const privateKey = pem ? createPrivateKey(pem) : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  if (dataDir && !pem) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, FILE_NAME), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return toSigningKey(privateKey, issuer);
}

function toSigningKey(privateKey: KeyObject, issuer: string): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('The signing key is not an RSA key.');
  // Entra's kid is a base64url thumbprint-like string; derive it from the modulus so it is stable per key.
  const kid = createHash('sha256').update(n).digest('base64url').slice(0, 27);
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n, e, issuer } };
}

async function readPem(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
