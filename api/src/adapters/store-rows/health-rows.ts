import { healthStatusSchema } from '@confer/contracts';
import { z } from 'zod';
import type { HealthRow } from '../../ports/connection-health-store.ts';
import type { ColumnCodec } from './column-codec.ts';

export function healthRowSchema(c: ColumnCodec) {
  return z.object({
    user_id: z.string(),
    display_name: z.string(),
    email: z.string(),
    health_status: healthStatusSchema,
    connection_checked_at: c.instant.nullable(),
    last_graph_success_at: c.instant.nullable(),
    sync_error_code: z.string().nullable(),
    sync_error_message: z.string().nullable(),
    sync_error_at: c.instant.nullable(),
    subscription: z.enum(['active', 'failed', 'removed']).nullable(),
  });
}

export function healthFromRow(r: z.output<ReturnType<typeof healthRowSchema>>): HealthRow {
  return {
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    status: r.health_status,
    checkedAt: r.connection_checked_at,
    lastGraphSuccessAt: r.last_graph_success_at,
    lastSyncError:
      r.sync_error_code !== null && r.sync_error_message !== null && r.sync_error_at !== null
        ? { code: r.sync_error_code, message: r.sync_error_message, at: r.sync_error_at }
        : null,
    subscription: r.subscription ?? 'none',
  };
}
