import { accessTestPersonSchema, accessTestSchema } from '@confer/contracts';
import { z } from 'zod';
import type { ColumnCodec } from './column-codec.ts';

export function accessTestRowSchemas(c: ColumnCodec) {
  const summary = z.object({
    id: z.string(),
    tenant_id: z.string(),
    at: c.instant,
    by_user: z.string(),
    trigger: z.enum(['manual', 'after_consent']),
    mode: z.enum(['user', 'tenant']),
    tested: z.number().int(),
    succeeded: z.number().int(),
    failures_json: c.json(accessTestSchema.shape.failures),
  });
  return { summary, full: summary.extend({ people_json: c.json(z.array(accessTestPersonSchema)) }) };
}

export function accessTestSummaryFromRow(row: z.output<ReturnType<typeof accessTestRowSchemas>['summary']>) {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    at: row.at,
    by: row.by_user,
    trigger: row.trigger,
    mode: row.mode,
    tested: row.tested,
    succeeded: row.succeeded,
    failures: row.failures_json,
  };
}
