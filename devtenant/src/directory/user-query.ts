import type { Request } from 'express';
import type { DirectoryUser } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { parseUserFilter } from './user-filter.ts';
import { parseUserSearch } from './user-search.ts';
import { parseSelect, userPropertyValue } from './user-view.ts';

export interface UserListQuery {
  select: string[] | undefined;
  top: number;
  skip: number;
  count: boolean;
  matches: (user: DirectoryUser) => boolean;
  order: ((a: DirectoryUser, b: DirectoryUser) => number) | undefined;
}

/** Graph's default and maximum page sizes for directory lists. */
export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

/** Reads the OData query of `GET /users` with Graph's rules for the directory (advanced queries need ConsistencyLevel). */
export function parseUserListQuery(req: Request): UserListQuery {
  const q = (name: string) => {
    const value = req.query[name];
    return typeof value === 'string' ? value : undefined;
  };
  const eventual = (req.get('consistencylevel') ?? '').toLowerCase() === 'eventual';
  const search = q('$search');
  if (search !== undefined && !eventual) {
    throw new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  const count = q('$count')?.toLowerCase() === 'true';
  if (count && !eventual) throw new GraphHttpError(400, 'Request_BadRequest', '$count is not currently supported.');
  const filter = q('$filter');
  const filterPredicate = filter !== undefined ? parseUserFilter(filter) : undefined;
  const searchPredicate = search !== undefined ? parseUserSearch(search) : undefined;
  return {
    select: parseSelect(q('$select')),
    top: parseTop(q('$top')),
    skip: parseSkipToken(q('$skiptoken')),
    count,
    matches: (u) => (filterPredicate?.(u) ?? true) && (searchPredicate?.(u) ?? true),
    order: parseOrderBy(q('$orderby')),
  };
}

function parseTop(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) {
    throw new GraphHttpError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${value}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  }
  return top;
}

/** Skip tokens are opaque to clients; devtenant's carry an offset into the ordered result. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function parseSkipToken(value: string | undefined): number {
  if (value === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const offset = (parsed as { o?: unknown }).o;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the 400 below
  }
  throw new GraphHttpError(400, 'Request_BadRequest', 'The specified page token value has expired or is invalid.');
}

function parseOrderBy(value: string | undefined) {
  if (value === undefined) return undefined;
  const match = /^\s*(displayName|userPrincipalName)(\s+(asc|desc))?\s*$/i.exec(value);
  if (!match?.[1])
    throw new GraphHttpError(400, 'Request_UnsupportedQuery', 'Sorting not supported for current query.');
  const property = match[1];
  const direction = match[3]?.toLowerCase() === 'desc' ? -1 : 1;
  return (a: DirectoryUser, b: DirectoryUser) =>
    direction * String(userPropertyValue(a, property)).localeCompare(String(userPropertyValue(b, property)));
}
