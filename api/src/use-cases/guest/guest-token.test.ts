import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attendeeDigest, createGuestTokenSigner, deriveGuestLinkKey, type GuestTokenClaims } from './guest-token.ts';

const claims: GuestTokenClaims = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  meetingId: '7d3c8e1a-5b2f-4c61-9a0e-1f2d3c4b5a69',
  offerId: 'a1b2c3d4-0000-4000-8000-000000000001',
  occurrenceStart: null,
  attendee: attendeeDigest('Mentor@Fabrikam.example'),
  expiresAt: new Date('2026-12-14T09:00:00.000Z'),
};

describe('guest link tokens', () => {
  const signer = createGuestTokenSigner(deriveGuestLinkKey(randomBytes(32)));

  it('gives back exactly the claims it signed, without the attendee’s address anywhere in the token', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token)).toEqual(claims);
    expect(token).not.toMatch(/fabrikam/i);
    expect(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).not.toMatch(/fabrikam/i);
    expect(attendeeDigest(' mentor@fabrikam.EXAMPLE')).toBe(claims.attendee);
  });

  it('refuses a flipped signature byte, altered claims, another key, other versions and junk', () => {
    const token = signer.sign(claims);
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), m: 'another-meeting' }),
    ).toString('base64url');
    const other = createGuestTokenSigner(deriveGuestLinkKey(randomBytes(32)));
    for (const bad of [
      `${version}.${payload}.${flipped.toString('base64url')}`,
      `${version}.${altered}.${signature}`,
      other.sign(claims),
      `v2.${payload}.${signature}`,
      `${token}x`,
      `${token}.`,
      '',
      'v1..',
      'x'.repeat(5_000),
    ]) {
      expect(signer.verify(bad), bad.slice(0, 40)).toBeNull();
    }
  });

  it('derives the link key from the server secret under its own label: not the secret itself, stable per secret', () => {
    const secret = randomBytes(32);
    expect(deriveGuestLinkKey(secret).equals(secret)).toBe(false);
    expect(deriveGuestLinkKey(secret).equals(deriveGuestLinkKey(Buffer.from(secret)))).toBe(true);
  });
});
