import { lazy, Suspense } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useRequest } from '../../lib/use-request.ts';
import { readCadence } from './home-reads.ts';

/** The card's code (its formatting, badges and styles) is loaded only when someone is due, after Home's first paint. */
const DueToMeet = lazy(() => import('./due-to-meet.tsx').then((module) => ({ default: module.DueToMeet })));

/**
 * Home's "Due to meet": the cadence read (started with Home's other early reads) and, once it says someone is due
 * or overdue, the card. Hidden while it loads, when it cannot be read, and when nobody is due. Its own component,
 * so the answer renders this slot alone, not the rest of Home.
 */
export function DueToMeetSlot() {
  const { api } = useTabServices();
  const request = useRequest('cadence', () => readCadence(api));
  const pairs = request.data?.pairs;
  if (!pairs?.some((pair) => pair.status !== 'on_track')) return null;
  return (
    <Suspense fallback={null}>
      <DueToMeet pairs={pairs} />
    </Suspense>
  );
}
