import { createHash } from 'node:crypto';
import pg from 'pg';
import { AppError } from '../../domain/app-error.ts';
import { storeError } from '../sqlite/store-errors.ts';
import { migratePostgres } from './pg-migrations.ts';

/** What a statement runs on: the pool (one statement, any connection) or one transaction's connection. */
export interface PgQueryable {
  /** Rows of a statement, numbered parameters `$1…`. Failures arrive as store errors (see `pgFailure`). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Rows changed (or returned) by an INSERT, UPDATE or DELETE. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface PgDatabase extends PgQueryable {
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws
   * (the error passes through). Nothing of a failed transaction is visible afterwards.
   */
  transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T>;
  /** The schema every statement runs in (`public` unless a test chose its own). */
  readonly schema: string;
  close(): Promise<void>;
}

export interface PgOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections kept by this process. */
  poolSize?: number;
  /** A schema of its own (tests): created when missing, and set as every connection's search_path. */
  schema?: string;
  /** Called for a connection the server dropped while idle (logged by the caller; the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

// Column types read as JS numbers rather than strings: bigint (epoch milliseconds, counters) and numeric counts
// stay far below 2^53 in every table Confer has.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** SQLSTATE classes and codes that mean "the database went away", not "the statement was wrong". */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** True when a failure means the database could not be reached or dropped the connection (retryable). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'store_unavailable';
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  // pg's own words when the socket closes under it, or a pool that cannot get a connection in time.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Connection ended/i.test(
    error.message,
  );
}

/**
 * A database failure as Confer's error model: the database being away is a retryable `store_unavailable` (503,
 * Retry-After 1); a constraint the statement broke is a store error with the same reasons the SQLite and
 * memory stores give (`duplicate`, `missing_parent`, `constraint`), so use cases and contract suites see one
 * behaviour. Anything else passes through unchanged.
 */
export function pgFailure(error: unknown, table = 'unknown'): unknown {
  if (error instanceof AppError) return error;
  if (isUnavailable(error)) {
    return new AppError('store_unavailable', 'Confer’s database is not answering. Try again in a moment.', {
      retryAfterSeconds: 1,
      cause: error,
    });
  }
  const {
    code,
    constraint,
    table: failedTable,
  } = (error ?? {}) as { code?: string; constraint?: string; table?: string };
  const where = failedTable ?? table;
  if (code === '23505')
    return storeError({ reason: 'duplicate', table: where, constraint }, `Duplicate row in ${where}`, error);
  if (code === '23503') {
    return storeError({ reason: 'missing_parent', table: where, constraint }, `Missing parent row for ${where}`, error);
  }
  // Broken checks and NOT NULLs, and values the column type refuses (bad text, dates, a NUL in jsonb or text).
  if (['23514', '23502', '22P02', '22007', '22008', '22P05', '22021'].includes(code ?? '')) {
    return storeError({ reason: 'constraint', table: where, constraint }, `Row refused by ${where}`, error);
  }
  return error;
}

/**
 * A statement with parameters is sent as a named prepared statement: each connection parses and plans it once and
 * then only binds values, which is most of the server's work for Confer's small indexed queries. Statements
 * without parameters (migrations, several commands in one text) go as plain queries.
 */
function statementOf(sql: string, params?: readonly unknown[]): pg.QueryConfig {
  if (!params || params.length === 0) return { text: sql };
  let name = statementNames.get(sql);
  if (!name) {
    name = `confer_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params as unknown[] };
}
const statementNames = new Map<string, string>();

function queryableOver(run: (statement: pg.QueryConfig) => Promise<pg.QueryResult>): PgQueryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      try {
        return (await run(statementOf(sql, params))).rows as Row[];
      } catch (error) {
        throw pgFailure(error);
      }
    },
    async execute(sql, params) {
      try {
        return (await run(statementOf(sql, params))).rowCount ?? 0;
      } catch (error) {
        throw pgFailure(error);
      }
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens Confer's PostgreSQL store: a pool, its schema made ready, and every pending migration applied (once,
 * however many replicas start together: see pg-migrations.ts).
 */
export async function openPostgres(options: PgOptions): Promise<PgDatabase> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // A request waits at most this long for a connection before answering 503 (never hangs on a dead server).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement (or lock wait) that outlives this is cancelled by the server: no request hangs on a stuck lock.
    statement_timeout: 15_000,
    application_name: 'confer',
    ...(schema === 'public' ? {} : { options: `-c search_path=${schema}` }),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const db: PgDatabase = {
    schema,
    ...queryableOver((statement) => pool.query(statement)),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw pgFailure(error);
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(queryableOver((statement) => client.query(statement)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isUnavailable(error);
        if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
        throw pgFailure(error);
      } finally {
        // A connection that failed mid-transaction is not given back to be reused.
        client.release(broken ? true : undefined);
      }
    },
    close: () => pool.end(),
  };
  try {
    await migratePostgres(db);
  } catch (error) {
    await pool.end();
    throw pgFailure(error);
  }
  return db;
}
