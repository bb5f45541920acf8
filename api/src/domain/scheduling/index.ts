export { isBlocking } from '@confer/contracts';
export { type BusyMergeOptions, mergeBusyBlocks } from './busy-merge.ts';
export { type ConflictOptions, findConflicts } from './conflict-detector.ts';
export type * from './model.ts';
export { expandSeries } from './series-occurrences.ts';
export { MAX_CANDIDATES } from './slot-candidates.ts';
export { findSlots } from './slot-finder.ts';
export {
  ALLOWED_STEPS,
  MAX_DURATION_MINUTES,
  MAX_PEOPLE,
  MAX_WINDOW_DAYS,
  validateSlotRequest,
} from './slot-request-validation.ts';
export { DEFAULT_WORKING_HOURS, workingHoursOf, workingIntervals } from './working-hours.ts';
