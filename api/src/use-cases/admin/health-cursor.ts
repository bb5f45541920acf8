import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { HealthKey } from '../../ports/connection-health-store.ts';

/** The key as it travels: display name and user id, each bounded as the users table holds them. */
const cursorSchema = z.tuple([z.string().max(256), z.string().min(1).max(128)]);

/** An opaque cursor: base64url of the last listed person's key, which the next page starts after. */
export function encodeHealthCursor(key: HealthKey): string {
  return Buffer.from(JSON.stringify([key.displayName, key.userId]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back. Anything that is not one of ours (not base64url, not JSON, not a key) is a 400: a client
 * that edits a cursor gets told, rather than a page from an arbitrary place.
 */
export function decodeHealthCursor(cursor: string): HealthKey {
  const invalid = () =>
    new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', {
      details: [{ path: 'cursor', message: 'not a cursor this list gave out' }],
    });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const bytes = Buffer.from(cursor, 'base64url');
  // A re-encoding that differs means characters were dropped or changed (base64url decoding is lenient).
  if (bytes.toString('base64url') !== cursor) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid();
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw invalid();
  const [displayName, userId] = parsed.data;
  return { displayName, userId };
}
