import type { WeekResponse } from '@confer/contracts';
import { useTabServices } from '../../app/tab-services.ts';
import { fetchWeek } from '../../lib/api-client.ts';
import { type Request, useRequest } from '../../lib/use-request.ts';

/** The signed-in person's next 7 days from Outlook (`GET /api/me/week`), with the time it was read. */
export function useWeek(): Request<{ week: WeekResponse; loadedAt: Date }> {
  const { api, reportReady } = useTabServices();
  return useRequest(
    'week',
    async () => ({ week: await fetchWeek(api, () => api.getToken()), loadedAt: new Date() }),
    reportReady,
  );
}
