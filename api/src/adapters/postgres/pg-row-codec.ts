import { z } from 'zod';
import type { ColumnCodec } from '../store-rows/column-codec.ts';

/** PostgreSQL's driver already returns Date for timestamptz, boolean and parsed jsonb; zod only checks them. */
export const pgColumns: ColumnCodec = { instant: z.date(), flag: z.boolean(), json: (schema) => schema };
