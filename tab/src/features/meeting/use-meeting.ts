import type { MeetingDto } from '@confer/contracts';
import { useTabServices } from '../../app/tab-services.ts';
import { getMeeting } from '../../lib/meetings-api.ts';
import { type Request, useRequest } from '../../lib/use-request.ts';

export function useMeeting(id: string): Request<MeetingDto> {
  const { api, reportReady } = useTabServices();
  return useRequest(`meeting:${id}`, () => getMeeting(api, id), reportReady);
}
