import { randomBytes } from 'node:crypto';

/** A source of random bytes: crypto at runtime, a seeded PRNG while generating the seed calendars. */
export type RandomBytes = (size: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (size) => randomBytes(size);

function base64Id(bytes: Uint8Array): string {
  // Exchange ids are base64; `_` is kept out so occurrence ids can carry a `_OCC` suffix unambiguously.
  return Buffer.from(bytes).toString('base64url').replaceAll('_', '-');
}

export function newEventId(random: RandomBytes): string {
  return `AAMkAD${base64Id(random(45))}`;
}

const OCCURRENCE_MARK = '_OCC';

/**
 * Occurrence ids are addressable like any event id (GET/PATCH/DELETE/cancel/respond),
 * docs/reference/graph-calendar.md §3.
 */
export function occurrenceId(masterId: string, isoDate: string): string {
  return `${masterId}${OCCURRENCE_MARK}${isoDate.replaceAll('-', '')}`;
}

export function parseOccurrenceId(id: string): { masterId: string; date: string } | undefined {
  const match = /^(.+)_OCC(\d{4})(\d{2})(\d{2})$/.exec(id);
  if (!match) return undefined;
  return { masterId: match[1] as string, date: `${match[2]}-${match[3]}-${match[4]}` };
}

/** Exchange change keys are opaque base64; the etag is `W/"<changeKey>"` (docs/reference/graph-calendar.md §3). */
export function newChangeKey(random: RandomBytes): string {
  return Buffer.concat([Buffer.from([0x0f, 0, 0, 0, 0x16, 0, 0, 0]), Buffer.from(random(16))]).toString('base64');
}

/**
 * iCalUIds follow Outlook's global object id: a fixed class id, the instance date (zero for the series),
 * a creation stamp and a random uid. Each occurrence's iCalUId differs by its date bytes
 * (docs/reference/graph-calendar.md §3).
 */
export function newICalUId(random: RandomBytes, createdMs: number): string {
  const stamp = (BigInt(createdMs) * 10_000n + 116_444_736_000_000_000n).toString(16).padStart(16, '0').toUpperCase();
  const uid = Buffer.from(random(16)).toString('hex').toUpperCase();
  return `040000008200E00074C5B7101A82E00800000000${stamp}000000000000000010000000${uid}`;
}

export function occurrenceICalUId(seriesICalUId: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const dateHex = y.toString(16).padStart(4, '0') + m.toString(16).padStart(2, '0') + d.toString(16).padStart(2, '0');
  return seriesICalUId.slice(0, 32) + dateHex.toUpperCase() + seriesICalUId.slice(40);
}
