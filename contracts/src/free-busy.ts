import type { z } from 'zod';
import type { freeBusyStatusSchema } from './scheduling.ts';

/** How a block of time shows on a calendar (Graph `showAs`, getSchedule's `status`). */
export type FreeBusyStatus = z.infer<typeof freeBusyStatusSchema>;

/**
 * Which statuses keep someone from a meeting: the one rule behind the API's suggestions and clash checks and the
 * tab's picker. Busy and out-of-office always do; tentative does unless the organizer says otherwise;
 * working-elsewhere means "working, just not at the desk" and free is free. `unknown` (getSchedule's answer for an
 * item it cannot classify) blocks: Confer never guesses free.
 */
export function isBlocking(status: FreeBusyStatus, tentativeIsBusy: boolean): boolean {
  switch (status) {
    case 'busy':
    case 'oof':
    case 'unknown':
      return true;
    case 'tentative':
      return tentativeIsBusy;
    case 'free':
    case 'workingElsewhere':
      return false;
  }
}
