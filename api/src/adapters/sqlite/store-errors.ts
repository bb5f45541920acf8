import { AppError } from '../../domain/app-error.ts';

/**
 * Why a store refused a write or could not read a row. Every store implementation (memory, SQLite, later
 * PostgreSQL) reports the same reasons, so use cases and the contract suites can rely on them.
 */
export type StoreFailure = 'duplicate' | 'missing_parent' | 'constraint' | 'corrupt_row' | 'invalid_argument';

export interface StoreErrorDetails {
  reason: StoreFailure;
  table: string;
  [key: string]: unknown;
}

/** Store failures are the caller's or the data's fault, never the user's: they surface as `internal_error`. */
export function storeError(details: StoreErrorDetails, message: string, cause?: unknown): AppError {
  return new AppError('internal_error', message, { details, ...(cause === undefined ? {} : { cause }) });
}

/** A list limit below 1 would mean "everything" to SQLite (`LIMIT -1`): refuse it rather than guess. */
export function assertLimit(limit: number, table: string): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw storeError(
      { reason: 'invalid_argument', table, limit },
      `List limit must be a positive integer, got ${limit}`,
    );
  }
}
