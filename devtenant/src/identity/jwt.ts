import { sign, verify } from 'node:crypto';
import type { SigningKey } from './signing-keys.ts';

export type JwtClaims = Record<string, unknown>;

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: JwtClaims;
}

/** RS256 compact JWS, signed synchronously so Graph's authorize step can stay synchronous. */
export function signJwt(key: SigningKey, claims: JwtClaims): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: key.kid };
  const signingInput = `${encodeSegment(header)}.${encodeSegment(claims)}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

export type JwtFailure = 'malformed' | 'bad_signature';

/** Verifies structure, algorithm (RS256 only: `alg: none` and HMAC confusion fail) and signature. */
export function verifyJwt(key: SigningKey, token: string): DecodedJwt | JwtFailure {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  const header = decodeSegment(headerPart);
  const claims = decodeSegment(claimsPart);
  if (!header || !claims) return 'malformed';
  if (header.alg !== 'RS256' || header.kid !== key.kid) return 'bad_signature';
  const ok = verify(
    'RSA-SHA256',
    Buffer.from(`${headerPart}.${claimsPart}`),
    key.publicKey,
    Buffer.from(signaturePart, 'base64url'),
  );
  return ok ? { header, claims } : 'bad_signature';
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
