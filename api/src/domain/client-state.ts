import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A fresh clientState for a new subscription: 32 random bytes, base64url (43 characters, within Graph's 128,
 * docs/reference/graph-calendar.md §4).
 */
export function newClientState(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a clientState: its SHA-256 digest, hex. */
export function clientStateDigest(clientState: string): string {
  return createHash('sha256').update(clientState, 'utf8').digest('hex');
}

/**
 * Whether a presented clientState is the one whose digest is stored. Both sides are digests of the same
 * length, so the comparison takes the same time however many characters match.
 */
export function clientStateMatches(storedDigest: string, presented: string): boolean {
  const expected = Buffer.from(storedDigest, 'hex');
  const actual = createHash('sha256').update(presented, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
