import { z } from 'zod';
import type { ColumnCodec } from '../store-rows/column-codec.ts';
import { storeError } from './store-errors.ts';

/** Dates are stored as ISO UTC strings of fixed width, so text order is time order in indexes and ranges. */
export function toIso(date: Date): string;
export function toIso(date: Date | null): string | null;
export function toIso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export const isoDate = z.iso.datetime().transform((text) => new Date(text));
export const nullableIsoDate = isoDate.nullable();
export const sqliteBoolean = z.union([z.literal(0), z.literal(1)]).transform((flag) => flag === 1);

/** A JSON column: parsed, then checked against its schema, so a corrupted value is caught where it is read. */
export function jsonColumn<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** Reads a row through its schema; a row that does not fit is reported with its table, key and the issues. */
export function parseRow<T extends z.ZodType>(
  schema: T,
  row: unknown,
  context: { table: string; key: Record<string, unknown> },
): z.output<T> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw storeError(
    { reason: 'corrupt_row', table: context.table, key: context.key, issues },
    `Stored ${context.table} row ${JSON.stringify(context.key)} is not readable: ${issues
      .map((i) => `${i.path} ${i.message}`)
      .join('; ')}`,
    result.error,
  );
}

/** Turns SQLite's constraint errors into the store's own failure reasons; anything else is rethrown. */
export function translateConstraint(error: unknown, table: string, key: Record<string, unknown>): never {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw error;
  const reason =
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
      ? 'duplicate'
      : code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
        ? 'missing_parent'
        : 'constraint';
  throw storeError(
    { reason, table, key, sqliteCode: code },
    `Could not write ${table} ${JSON.stringify(key)}: ${(error as Error).message}`,
    error,
  );
}

/** SQLite's forms of the values row schemas share: ISO text instants, 0/1 flags, JSON text documents. */
export const sqliteColumns: ColumnCodec = { instant: isoDate, flag: sqliteBoolean, json: jsonColumn };
