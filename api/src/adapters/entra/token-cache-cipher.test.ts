import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCacheCipher } from './token-cache-cipher.ts';

describe('token cache cipher (AES-256-GCM)', () => {
  const cipher = createTokenCacheCipher(randomBytes(32));

  it('round-trips, never shows the plaintext, and uses a fresh IV every time', () => {
    const plain = JSON.stringify({ RefreshToken: { a: { secret: 'rt-value-123' } } });
    const one = cipher.seal(plain, 't/u');
    expect(one.toString('latin1')).not.toContain('rt-value-123');
    expect(cipher.seal(plain, 't/u').equals(one)).toBe(false);
    expect(cipher.open(one, 't/u')).toBe(plain);
  });

  it('refuses another partition, another key and a flipped bit', () => {
    const sealed = cipher.seal('cache', 't/u');
    expect(() => cipher.open(sealed, 't/other')).toThrow();
    expect(() => createTokenCacheCipher(randomBytes(32)).open(sealed, 't/u')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => cipher.open(tampered, 't/u')).toThrow();
    expect(() => cipher.open(Buffer.from('short'), 't/u')).toThrow(/Not a Confer token cache blob/);
  });

  it('wants a 32-byte key', () => {
    expect(() => createTokenCacheCipher(randomBytes(16))).toThrow(RangeError);
  });
});
