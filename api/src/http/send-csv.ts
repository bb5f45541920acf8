import { once } from 'node:events';
import type { Response } from 'express';

/** Records are sent in chunks of about this many characters, not one write per record. */
const CHUNK = 64 * 1024;

/**
 * Streams CSV records as a download, honouring back-pressure. The first record is read before any header is
 * sent, so a failure there (a bad query, the store) still gets its own error status; a failure later can only
 * cut the response short, which the client sees as an incomplete download, never as a complete file.
 */
export async function sendCsv(res: Response, filename: string, records: AsyncIterable<string>): Promise<void> {
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  let buffer = first.done ? '' : first.value;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      buffer += next.value;
      if (buffer.length < CHUNK) continue;
      const flowing = res.write(buffer);
      buffer = '';
      // A client that goes away never drains: stop reading then.
      if (!flowing) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (res.destroyed) return;
    }
    res.end(buffer);
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
