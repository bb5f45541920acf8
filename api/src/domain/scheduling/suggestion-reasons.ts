import type { PersonComfort } from './comfort-score.ts';
import type { PersonAvailability, SuggestionReason } from './model.ts';
import type { PersonCalendar } from './person-calendar.ts';

export interface ReasonFacts {
  comforts: readonly PersonComfort[];
  unknownPeople: readonly PersonAvailability[];
  tentativeHolders: readonly PersonCalendar[];
  soonest: boolean;
  /** For a series: occurrences checked inside the window, of how many. */
  series: { checked: number; total: number } | null;
}

/** Plain-language reasons, shown as they are in the tab and the bot. */
export function describeSuggestion(facts: ReasonFacts): SuggestionReason[] {
  const partial = facts.unknownPeople.length > 0;
  const reasons: SuggestionReason[] = [
    {
      code: 'within_working_hours',
      text: partial ? 'Inside the working hours of everyone Confer can see' : "Inside everyone's working hours",
    },
    { code: 'everyone_free', text: partial ? 'Everyone Confer can see is free' : 'Everyone is free' },
    ...edgeReasons(facts.comforts),
  ];
  for (const holder of facts.tentativeHolders) {
    reasons.push({ code: 'tentative_overlap', text: `Over a tentative hold for ${label(holder)}` });
  }
  if (facts.series) reasons.push({ code: 'all_occurrences_free', text: seriesText(facts.series) });
  if (facts.soonest) reasons.push({ code: 'soonest', text: 'The soonest time that works' });
  for (const person of facts.unknownPeople) {
    reasons.push({
      code: 'calendar_unknown',
      text: `${person.person.displayName}'s calendar could not be read, so they may be busy`,
    });
  }
  return reasons;
}

/**
 * The people whose day starts last bound how early the meeting can be, and those whose day ends first how
 * late: saying the slot spares them is what makes a cross-zone time feel fair.
 */
function edgeReasons(comforts: readonly PersonComfort[]): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const everyone = comforts.length;
  const latestStart = Math.max(...comforts.map((c) => c.day.start));
  const earliestEnd = Math.min(...comforts.map((c) => c.day.end));
  const starters = comforts.filter((c) => c.day.start === latestStart);
  const finishers = comforts.filter((c) => c.day.end === earliestEnd);
  if (starters.every((c) => c.firstHour === 0)) {
    reasons.push({ code: 'not_first_thing', text: `Not first thing for ${names(starters, everyone)}` });
  }
  if (finishers.every((c) => c.lastHour === 0)) {
    reasons.push({ code: 'not_end_of_day', text: `Not at the end of the day for ${names(finishers, everyone)}` });
  }
  for (const c of comforts) {
    if (c.firstHour > 0) reasons.push({ code: 'early_for', text: `Early in the day for ${label(c.calendar)}` });
    if (c.lastHour > 0) reasons.push({ code: 'late_for', text: `Late in the day for ${label(c.calendar)}` });
  }
  return reasons;
}

function names(comforts: readonly PersonComfort[], everyone: number): string {
  if (comforts.length === everyone && everyone > 1) return 'anyone';
  return comforts.map((c) => label(c.calendar)).join(' and ');
}

function seriesText(series: { checked: number; total: number }): string {
  if (series.checked >= series.total) return 'Every occurrence is free';
  const later = series.total - series.checked;
  const first = series.checked === 1 ? 'The first occurrence is' : `The first ${series.checked} occurrences are`;
  return `${first} free; the other ${later} ${later === 1 ? 'is' : 'are'} after the window`;
}

/** "Priya Sharma (Kolkata)": the zone's city says where the person is without a UTC offset to decode. */
export function label(calendar: PersonCalendar): string {
  return `${calendar.availability.person.displayName} (${placeOf(calendar.hours.timeZone)})`;
}

export function placeOf(timeZone: string): string {
  const city = timeZone.split('/').pop() ?? timeZone;
  return city.replaceAll('_', ' ');
}
