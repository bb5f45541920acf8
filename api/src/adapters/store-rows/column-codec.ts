import type { z } from 'zod';

/**
 * How one database hands back the values zod must check: SQLite stores instants as ISO text, flags as 0/1 and
 * documents as JSON text; PostgreSQL returns Date, boolean and parsed jsonb. Row schemas are built once per
 * database from these, so the columns they share are declared once.
 */
export interface ColumnCodec {
  readonly instant: z.ZodType<Date>;
  readonly flag: z.ZodType<boolean>;
  json<T>(schema: z.ZodType<T>): z.ZodType<T>;
}
