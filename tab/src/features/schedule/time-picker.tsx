import { LIMITS } from '@confer/contracts';
import { dateKeyIn } from '@confer/contracts/time';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { consentScopesOf } from '../../lib/app-error.ts';
import { ErrorPanel } from '../shell/error-panel.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { AvailabilityBanner } from './availability-banner.tsx';
import { toPeopleViews, unreadablePeople } from './availability-model.ts';
import { ClashNotice } from './clash-notice.tsx';
import { type Cell, cellInterval, type GridSpec, type Interval, visibleHours } from './grid-geometry.ts';
import { GridLegend } from './grid-legend.tsx';
import { GridSkeleton } from './grid-skeleton.tsx';
import { occurrenceCount, suggestionViews, toInterval, toValue } from './picker-values.ts';
import type { Recurrence } from './schedule-api.ts';
import { createScheduleFormat, timeSpanWords } from './schedule-format.ts';
import { SlotDetails } from './slot-details.tsx';
import { SuggestionList } from './suggestion-list.tsx';
import { useClashCheck } from './use-clash-check.ts';
import { useGridMode, useNow, useVisibleDays } from './use-picker-view.ts';
import { useScheduleData } from './use-schedule-data.ts';
import { WeekGrid } from './week-grid.tsx';
import { canGoBack, canGoForward, firstDayOfWeek, stepFocus } from './week-nav.ts';
import { WeekToolbar } from './week-toolbar.tsx';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export interface TimePickerProps {
  attendees: string[];
  durationMinutes: number;
  recurrence: Recurrence | null;
  /** When rescheduling: its own busy time is ignored in clash checks. */
  meetingId?: string;
  value: { start: string; end: string } | null;
  onChange(value: { start: string; end: string } | null): void;
}

const WORKDAY = { startMinute: 8 * 60, endMinute: 18 * 60 };

/** The week grid with everyone's calendars, the suggestions and the clash check for the chosen time. */
export function TimePicker(props: TimePickerProps) {
  const { durationMinutes, recurrence, meetingId, onChange } = props;
  const services = useTabServices();
  const { api, locale, timeZone, session } = services;
  const i18n = useT();
  const styles = useStyles();
  const rootRef = useRef<HTMLDivElement>(null);
  const mode = useGridMode(rootRef);
  const now = useNow();
  const own = session.account?.userPrincipalName.toLowerCase() ?? null;
  const attendees = useMemo(
    () => props.attendees.filter((email) => email.toLowerCase() !== own),
    [props.attendees, own],
  );
  const value = useMemo(() => toInterval(props.value), [props.value]);
  const todayKey = dateKeyIn(now, timeZone);
  const [focusKey, setFocusKey] = useState(() => (value ? dateKeyIn(value.start, timeZone) : todayKey));
  const firstDay = useMemo(() => firstDayOfWeek(locale), [locale]);
  const days = useVisibleDays(focusKey, mode, firstDay);
  const format = useMemo(() => createScheduleFormat(locale, timeZone, timeSpanWords(i18n)), [locale, timeZone, i18n]);
  const nowRef = useRef(now);
  nowRef.current = now;
  const getNow = useCallback(() => nowRef.current, []);
  const data = useScheduleData({ api, attendees, durationMinutes, recurrence, days, timeZone, now: getNow });
  const availability = data.availability.data;
  const people = useMemo(() => (availability ? toPeopleViews(availability, days) : null), [availability, days]);
  const suggestions = useMemo(() => suggestionViews(data.suggestions.data), [data.suggestions.data]);
  // A chosen time off screen (a suggestion in another week, a value given by the caller) brings its day in.
  const valueKey = value ? dateKeyIn(value.start, timeZone) : null;
  const daysRef = useRef(days);
  daysRef.current = days;
  useEffect(() => {
    if (valueKey && !daysRef.current.includes(valueKey)) setFocusKey(valueKey);
  }, [valueKey]);
  const spec = useMemo((): GridSpec => {
    const spans: Interval[] = [...(people ?? []).flatMap((p) => p.working ?? []), ...suggestions];
    if (value) spans.push(value);
    return { days, timeZone, slotMinutes: 30, ...visibleHours(days, timeZone, spans, WORKDAY) };
  }, [days, timeZone, people, suggestions, value]);
  const [inspected, setInspected] = useState<Cell | null>(null);
  const clash = useClashCheck({
    api,
    attendees,
    value: props.value,
    recurrence,
    timeZone,
    ...(meetingId ? { meetingId } : {}),
  });
  const choose = useCallback((interval: Interval) => onChange(toValue(interval)), [onChange]);
  const limits = { todayKey, horizonDays: LIMITS.maxWindowDays };
  const organizerEmail = people?.find((p) => p.isOrganizer)?.email ?? own;
  const unreadable = people ? unreadablePeople(people) : [];
  const error = data.availability.state.status === 'error' ? data.availability.state.error : null;

  return (
    <div ref={rootRef} className={styles.picker} data-testid="time-picker">
      {error ? (
        <ErrorPanel
          error={error}
          onRetry={data.availability.reload}
          onConsent={async () => {
            await session.requestConsent(consentScopesOf(error));
            data.availability.reload();
            data.suggestions.reload();
          }}
          onSignIn={() => session.signInAgain()}
        />
      ) : (
        <AvailabilityBanner people={unreadable} />
      )}
      <SuggestionList
        suggestions={data.suggestions.state.status === 'loading' ? null : suggestions}
        value={value}
        format={format}
        unaccounted={data.suggestions.data?.unreadable.map((u) => u.person.displayName) ?? []}
        error={data.suggestions.state.status === 'error' ? errorMessage(data.suggestions.state.error, i18n) : null}
        onPick={(s) => choose(s)}
      />
      <WeekToolbar
        mode={mode}
        rangeText={format.daysRange(days[0] ?? todayKey, days.at(-1) ?? todayKey)}
        zoneText={i18n.t('schedule.toolbar.zone', { zone: format.zoneName(timeZone), id: timeZone })}
        canBack={canGoBack(days, limits)}
        canForward={canGoForward(days, limits)}
        onStep={(direction) => setFocusKey((key) => stepFocus(key, mode, direction))}
        onToday={() => setFocusKey(todayKey)}
      />
      {people ? (
        <WeekGrid
          spec={spec}
          people={people}
          suggestions={suggestions}
          value={value}
          durationMinutes={durationMinutes}
          format={format}
          todayKey={todayKey}
          now={now}
          onChoose={choose}
          onInspect={setInspected}
        />
      ) : (
        <GridSkeleton />
      )}
      {people && <GridLegend people={people} />}
      {people && (
        <SlotDetails slot={inspected ? cellInterval(spec, inspected) : value} people={people} format={format} />
      )}
      <ClashNotice
        state={clash}
        format={format}
        organizerEmail={organizerEmail}
        occurrences={occurrenceCount(recurrence)}
      />
    </div>
  );
}
