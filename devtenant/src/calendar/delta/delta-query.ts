import type { CalendarDeps } from '../calendar-deps.ts';
import type { DeltaPageState, DeltaSyncState } from '../calendar-store.ts';
import type { EventInstance } from '../events/event-model.ts';
import { instancesInWindow } from '../events/instance-expander.ts';

/**
 * What a client following calendarView/delta sees: the window's instances minus cancelled ones, which are
 * reported as removed (devtenant's choice, docs/calendar.md).
 */
export function currentView(
  deps: CalendarDeps,
  sync: Pick<DeltaSyncState, 'mailboxId' | 'fromMs' | 'toMs'>,
): Map<string, EventInstance> {
  const view = new Map<string, EventInstance>();
  for (const instance of instancesInWindow(deps.store.records(sync.mailboxId), sync.fromMs, sync.toMs)) {
    if (!instance.content.isCancelled) view.set(instance.id, instance);
  }
  return view;
}

/** A new round: everything for an initial sync, else what changed or disappeared since `known`. */
export function startRound(deps: CalendarDeps, sync: DeltaSyncState, initial: boolean): DeltaPageState {
  const view = currentView(deps, sync);
  const pending: DeltaPageState['pending'] = [];
  for (const [id, instance] of view) {
    if (initial || sync.known[id] !== instance.changeKey) pending.push({ id, removed: false });
  }
  if (!initial) {
    for (const id of Object.keys(sync.known)) if (!view.has(id)) pending.push({ id, removed: true });
  }
  return { mailboxId: sync.mailboxId, sync: { ...sync, known: { ...sync.known } }, pending };
}
