import type { ShowAs } from '../events/event-model.ts';

/**
 * Digits of getSchedule's availabilityView (docs/reference/graph-calendar.md §1):
 * 0 free, 1 tentative, 2 busy, 3 oof, 4 workingElsewhere.
 */
const DIGIT: Partial<Record<ShowAs, string>> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
};

/**
 * When items overlap in one slot the strongest status wins: out of office, then busy, then tentative, then
 * working elsewhere. `unknown` items do not change a slot (the digit for unknown is undocumented,
 * docs/reference/graph-calendar.md §1).
 */
const STRENGTH: Record<ShowAs, number> = { oof: 5, busy: 4, tentative: 3, workingElsewhere: 2, free: 1, unknown: 0 };

export interface BusyInterval {
  startMs: number;
  endMs: number;
  status: ShowAs;
}

export function strongestStatus(statuses: readonly ShowAs[]): ShowAs {
  let strongest: ShowAs = 'free';
  for (const status of statuses) if (STRENGTH[status] > STRENGTH[strongest]) strongest = status;
  return strongest;
}

/** One digit per interval-sized slot covering [fromMs, toMs); a last partial slot still gets a digit. */
export function computeAvailabilityView(
  items: readonly BusyInterval[],
  fromMs: number,
  toMs: number,
  intervalMinutes: number,
): string {
  const step = intervalMinutes * 60_000;
  let view = '';
  for (let slotStart = fromMs; slotStart < toMs; slotStart += step) {
    const slotEnd = Math.min(slotStart + step, toMs);
    const overlapping = items
      .filter((item) => item.startMs < slotEnd && item.endMs > slotStart)
      .map((item) => item.status);
    view += DIGIT[strongestStatus(overlapping)] ?? '0';
  }
  return view;
}
