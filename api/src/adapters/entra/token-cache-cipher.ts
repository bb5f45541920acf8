import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Version byte first, so the format can change without misreading old blobs. */
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TokenCacheCipher {
  /** Encrypts a serialized MSAL cache, bound to its partition (`tenantId/userId`). */
  seal(plain: string, partition: string): Buffer;
  /** Decrypts; throws when the blob was altered, belongs to another partition or another key. */
  open(sealed: Buffer, partition: string): string;
}

/**
 * AES-256-GCM for the per-user token cache: refresh tokens are long-lived credentials, so they are never
 * stored in the clear. The partition is authenticated data, so one user's blob cannot be swapped into
 * another user's row.
 */
export function createTokenCacheCipher(key: Buffer): TokenCacheCipher {
  if (key.length !== 32) throw new RangeError('The token cache key must be 32 bytes (AES-256).');
  return {
    seal(plain, partition) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(partition, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, partition) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) {
        throw new Error('Not a Confer token cache blob.');
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(partition, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
