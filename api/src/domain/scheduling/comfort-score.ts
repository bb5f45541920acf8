import type { PersonCalendar } from './person-calendar.ts';
import type { WorkingDay } from './working-hours.ts';

/** The first and the last hour of someone's working day are the uncomfortable edges. */
const EDGE_MS = 60 * 60 * 1000;
const FIRST_HOUR_WEIGHT = 1;
const LAST_HOUR_WEIGHT = 1;
/** Mild pull towards the middle of each person's day, so among edge-free times the central one wins. */
const OFF_CENTRE_WEIGHT = 0.5;
/**
 * Fairness: the least comfortable person weighs double the average, so one person's 08:00 is not paid for
 * by everyone else's convenient afternoon.
 */
const WORST_PERSON_WEIGHT = 40;
const AVERAGE_PERSON_WEIGHT = 20;
/** A non-blocking tentative hold under the slot costs this much per person. */
const TENTATIVE_PENALTY = 10;

export interface PersonComfort {
  calendar: PersonCalendar;
  day: WorkingDay;
  /** 0..1: how far into the first hour of their day the meeting starts (1 = at the very start). */
  firstHour: number;
  /** 0..1: how far into the last hour of their day the meeting ends (1 = at the very end). */
  lastHour: number;
  discomfort: number;
}

/** How comfortably `[start, end)` sits in one person's working day (0 = perfectly). */
export function personComfort(calendar: PersonCalendar, day: WorkingDay, start: number, end: number): PersonComfort {
  const firstHour = clamp01((EDGE_MS - (start - day.start)) / EDGE_MS);
  const lastHour = clamp01((EDGE_MS - (day.end - end)) / EDGE_MS);
  const halfDay = (day.end - day.start) / 2;
  const offCentre = halfDay > 0 ? Math.abs((start + end) / 2 - (day.start + day.end) / 2) / halfDay : 0;
  const discomfort = FIRST_HOUR_WEIGHT * firstHour + LAST_HOUR_WEIGHT * lastHour + OFF_CENTRE_WEIGHT * offCentre ** 2;
  return { calendar, day, firstHour, lastHour, discomfort };
}

/**
 * Higher is better, 100 at best; rounded to hundredths so slots equally fair on different days tie and
 * the earlier one wins the tie.
 */
export function scoreCandidate(comforts: readonly PersonComfort[], tentativeOverlaps: number): number {
  let worst = 0;
  let total = 0;
  for (const comfort of comforts) {
    worst = Math.max(worst, comfort.discomfort);
    total += comfort.discomfort;
  }
  const average = comforts.length > 0 ? total / comforts.length : 0;
  const score =
    100 - WORST_PERSON_WEIGHT * worst - AVERAGE_PERSON_WEIGHT * average - TENTATIVE_PENALTY * tentativeOverlaps;
  return Math.round(score * 100) / 100;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
