import type { MeetingDto } from '@confer/contracts';
import { useState } from 'react';
import { type AppError, conflictsOf, toAppError } from '../../lib/app-error.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { type Conflict, type CreateRequest, createMeeting } from './schedule-api.ts';

export type CreateState =
  | { readonly status: 'idle' }
  | { readonly status: 'creating' }
  | { readonly status: 'conflicts'; readonly conflicts: readonly Conflict[] }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'created'; readonly meeting: MeetingDto };

/** POST /api/meetings; a 409 `conflicts_found` becomes the list of clashes to confirm with "Create anyway". */
export function useCreateMeeting(api: AuthedApi) {
  const [state, setState] = useState<CreateState>({ status: 'idle' });
  const create = async (request: Omit<CreateRequest, 'acceptConflicts'>, acceptConflicts: boolean) => {
    setState({ status: 'creating' });
    try {
      const meeting = await createMeeting(api, { ...request, acceptConflicts });
      setState({ status: 'created', meeting });
    } catch (cause) {
      const error = toAppError(cause);
      const conflicts = conflictsOf(error);
      setState(conflicts ? { status: 'conflicts', conflicts } : { status: 'error', error });
    }
  };
  return { state, create, reset: () => setState({ status: 'idle' }) };
}
