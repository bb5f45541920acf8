import type { Translator } from '@confer/contracts/i18n';
import { isTaken, type PersonState } from './availability-model.ts';

/** Everything said about one slot, in words (the accessible name of a grid cell and the slot details). */
export type SlotVerdict = 'free' | 'outside-hours' | 'busy' | 'unknown';

export interface SlotSummary {
  readonly verdict: SlotVerdict;
  readonly text: string;
}

const statusWords: Record<string, string> = {
  busy: 'schedule.cell.busy',
  tentative: 'schedule.cell.tentative',
  oof: 'schedule.cell.oof',
  unknown: 'schedule.cell.unknown',
};

/** "free for everyone", or what stands in the way: "busy: Adele Vance; you have Team sync; calendar unknown: Nora". */
export function summarize(i18n: Translator, states: readonly PersonState[]): SlotSummary {
  const { t } = i18n;
  const groups = new Map<string, string[]>();
  const add = (label: string, name: string) => groups.set(label, [...(groups.get(label) ?? []), name]);
  const own: string[] = [];
  let outside = false;
  const you = t('schedule.cell.you');
  for (const state of states) {
    if (state.person.isOrganizer && state.subjects.length && isTaken(state)) {
      own.push(...state.subjects);
      continue;
    }
    if (isTaken(state)) {
      add(statusWords[state.status] ?? 'schedule.cell.busy', state.person.isOrganizer ? you : state.person.name);
    } else if (state.insideWorkingHours === false) {
      outside = true;
      add('schedule.cell.outsideHours', state.person.isOrganizer ? you : state.person.name);
    }
  }
  const parts = [...groups].map(([label, names]) =>
    t('schedule.cell.group', { label: t(label), names: names.join(', ') }),
  );
  if (own.length) parts.unshift(t('schedule.cell.youHave', { subjects: own.join(', ') }));
  if (!parts.length) return { verdict: 'free', text: t('schedule.cell.free') };
  const busy = states.some((s) => isTaken(s) && s.status !== 'unknown');
  const unknown = states.some((s) => s.status === 'unknown');
  const verdict: SlotVerdict = busy ? 'busy' : unknown ? 'unknown' : outside ? 'outside-hours' : 'free';
  return { verdict, text: parts.join('; ') };
}
