import { isTaken, type PersonState } from './availability-model.ts';

/** Everything said about one slot, in words (the accessible name of a grid cell and the slot details). */
export type SlotVerdict = 'free' | 'outside-hours' | 'busy' | 'unknown';

export interface SlotSummary {
  readonly verdict: SlotVerdict;
  readonly text: string;
}

const statusWords: Record<string, string> = {
  busy: 'busy',
  tentative: 'tentative',
  oof: 'out of office',
  unknown: 'calendar unknown',
};

/** "free for everyone", or what stands in the way: "busy: Adele Vance; you have Team sync; calendar unknown: Nora". */
export function summarize(states: readonly PersonState[]): SlotSummary {
  const groups = new Map<string, string[]>();
  const add = (label: string, name: string) => groups.set(label, [...(groups.get(label) ?? []), name]);
  const own: string[] = [];
  let outside = false;
  for (const state of states) {
    if (state.person.isOrganizer && state.subjects.length && isTaken(state)) {
      own.push(...state.subjects);
      continue;
    }
    if (isTaken(state)) {
      add(statusWords[state.status] ?? 'busy', state.person.isOrganizer ? 'you' : state.person.name);
    } else if (state.insideWorkingHours === false) {
      outside = true;
      add('outside working hours', state.person.isOrganizer ? 'you' : state.person.name);
    }
  }
  const parts = [...groups].map(([label, names]) => `${label}: ${names.join(', ')}`);
  if (own.length) parts.unshift(`you have ${own.join(', ')}`);
  if (!parts.length) return { verdict: 'free', text: 'free for everyone' };
  const busy = states.some((s) => isTaken(s) && s.status !== 'unknown');
  const unknown = states.some((s) => s.status === 'unknown');
  const verdict: SlotVerdict = busy ? 'busy' : unknown ? 'unknown' : outside ? 'outside-hours' : 'free';
  return { verdict, text: parts.join('; ') };
}
