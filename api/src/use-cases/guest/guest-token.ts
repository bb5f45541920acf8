import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The guest link's token: `v1.<claims>.<signature>`, both base64url. The claims bind the tenant, meeting,
 * occurrence, offer, attendee (a digest of their address: the link itself never carries it) and expiry; the
 * signature is HMAC-SHA256 over `v1.<claims>` with a key only the server holds (docs/guest-links.md). The token
 * is the guest's only credential, so verifying it says nothing about why it failed.
 */
export interface GuestTokenClaims {
  tenantId: string;
  meetingId: string;
  offerId: string;
  /** ISO original start of the occurrence, or null for a single meeting. */
  occurrenceStart: string | null;
  /** `attendeeDigest(email)`. */
  attendee: string;
  expiresAt: Date;
}

export interface GuestTokenSigner {
  sign(claims: GuestTokenClaims): string;
  /** The claims of a token this server signed, or null for anything else (malformed, altered, another key). */
  verify(token: string): GuestTokenClaims | null;
}

const VERSION = 'v1';
/** Far above a real token (~250 characters); anything longer is refused before any work. */
export const MAX_TOKEN_LENGTH = 600;
const TOKEN_SHAPE = /^v1\.[A-Za-z0-9_-]{16,500}\.[A-Za-z0-9_-]{43}$/;

const claimsSchema = z
  .object({
    t: z.string().min(1).max(64),
    m: z.string().min(1).max(64),
    o: z.string().min(1).max(64),
    c: z.string().max(40).nullable(),
    a: z.string().regex(/^[0-9a-f]{32}$/),
    e: z.number().int().positive(),
  })
  .strict();

/**
 * The link key, derived from the token cache key (`CONFER_TOKEN_CACHE_KEY`, already a 32-byte secret every replica
 * shares) with HKDF under its own label, so the two uses never share a key and no new secret needs managing.
 */
export function deriveGuestLinkKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'confer', 'confer guest link signing v1', 32));
}

/** A stable, non-reversible stand-in for the attendee's address inside the token. */
export function attendeeDigest(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}

export function createGuestTokenSigner(key: Buffer): GuestTokenSigner {
  if (key.length < 32) throw new Error('The guest link key must be at least 32 bytes.');
  const mac = (text: string) => createHmac('sha256', key).update(text).digest();
  return {
    sign(claims) {
      const payload = Buffer.from(
        JSON.stringify({
          t: claims.tenantId,
          m: claims.meetingId,
          o: claims.offerId,
          c: claims.occurrenceStart,
          a: claims.attendee,
          e: Math.floor(claims.expiresAt.getTime() / 1000),
        }),
      ).toString('base64url');
      const signed = `${VERSION}.${payload}`;
      return `${signed}.${mac(signed).toString('base64url')}`;
    },
    verify(token) {
      if (token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return null;
      const cut = token.lastIndexOf('.');
      const given = Buffer.from(token.slice(cut + 1), 'base64url');
      const expected = mac(token.slice(0, cut));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const parsed = claimsSchema.safeParse(parseJson(token.slice(token.indexOf('.') + 1, cut)));
      if (!parsed.success) return null;
      const c = parsed.data;
      return {
        tenantId: c.t,
        meetingId: c.m,
        offerId: c.o,
        occurrenceStart: c.c,
        attendee: c.a,
        expiresAt: new Date(c.e * 1000),
      };
    },
  };
}

function parseJson(base64url: string): unknown {
  try {
    return JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
