import type { CadenceResponse, ConnectionDto, MeetingDto } from '@confer/contracts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { getCadence } from '../../lib/cadence-api.ts';
import { connectCalendar, getConnection, listMeetingTypes, type MeetingTypeDto } from '../../lib/me-api.ts';
import { listMeetings, type MeetingScope } from '../../lib/meetings-api.ts';

/**
 * Home's reads, started by the shell as soon as the person is signed in: Home itself renders only once the
 * viewer's time zone is known (two more API calls), and its lists need no zone to be fetched, only to be shown.
 * Each early answer is handed to the first reader only; any later read (a reload, a return to Home) asks again.
 */
interface EarlyReads {
  meetings?: { readonly scope: MeetingScope; readonly answer: Promise<MeetingDto[]> };
  types?: Promise<MeetingTypeDto[]>;
  connection?: Promise<ConnectionDto>;
  cadence?: Promise<CadenceResponse>;
}

const early = new WeakMap<AuthedApi, EarlyReads>();

export function startHomeReads(api: AuthedApi, scope: MeetingScope): void {
  const reads: EarlyReads = {
    meetings: { scope, answer: quiet(listMeetings(api, scope)) },
    types: quiet(listMeetingTypes(api)),
    connection: quiet(freshConnection(api)),
    cadence: quiet(getCadence(api)),
  };
  early.set(api, reads);
}

export function readMeetings(api: AuthedApi, scope: MeetingScope): Promise<MeetingDto[]> {
  const reads = early.get(api);
  const started = reads?.meetings;
  if (reads && started?.scope === scope) {
    delete reads.meetings;
    return started.answer;
  }
  return listMeetings(api, scope);
}

export function readMeetingTypes(api: AuthedApi): Promise<MeetingTypeDto[]> {
  return take(api, 'types') ?? listMeetingTypes(api);
}

export function readConnection(api: AuthedApi): Promise<ConnectionDto> {
  return take(api, 'connection') ?? freshConnection(api);
}

/** The people the viewer meets and how regularly: Home's "Due to meet". */
export function readCadence(api: AuthedApi): Promise<CadenceResponse> {
  return take(api, 'cadence') ?? getCadence(api);
}

function take<K extends 'types' | 'connection' | 'cadence'>(api: AuthedApi, key: K): EarlyReads[K] | undefined {
  const reads = early.get(api);
  const started = reads?.[key];
  if (reads) delete reads[key];
  return started;
}

/**
 * The stored status, checked again when it says consent is missing or expired: the person may have granted
 * consent since (a browser consent redirect comes back to a fresh page), and asking twice would be wrong.
 */
function freshConnection(api: AuthedApi): Promise<ConnectionDto> {
  return getConnection(api).then((stored) =>
    stored.status === 'consent_required' || stored.status === 'expired' ? connectCalendar(api) : stored,
  );
}

/** An early read nobody takes (the person left Home first) must not be reported as an unhandled rejection. */
function quiet<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}
