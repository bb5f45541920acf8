import type { Request } from 'express';
import type { Preferences } from './prefer-header.ts';

/** Outlook's default page size for event collections (observed, docs issue #4636) and its `$top` ceiling. */
export const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;

export interface Page<T> {
  items: T[];
  nextLink: string | undefined;
  pageSizeFromPrefer: boolean;
}

/**
 * Absolute https URL of this request on the devtenant origin (PageIterator follows it verbatim,
 * docs/reference/graph-calendar.md §10).
 */
export function absoluteUrl(baseUrl: string, req: Request, params: URLSearchParams): string {
  const path = `${req.baseUrl}${req.path}`;
  const query = params.toString().replaceAll('%24', '$');
  return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

/**
 * Pages with `$top`/`$skip` the way Outlook does: `$top` (else `Prefer: odata.maxpagesize`, else 10) is the page
 * size and the nextLink carries the next `$skip`.
 */
export function pageItems<T>(
  items: T[],
  req: Request,
  baseUrl: string,
  prefs: Preferences,
  top: number | undefined,
  skip: number,
): Page<T> {
  const size = Math.min(top ?? prefs.maxPageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const slice = items.slice(skip, skip + size);
  let nextLink: string | undefined;
  if (skip + size < items.length && size > 0) {
    const params = new URL(req.originalUrl, 'https://devtenant.invalid').searchParams;
    params.set('$skip', String(skip + size));
    nextLink = absoluteUrl(baseUrl, req, params);
  }
  return { items: slice, nextLink, pageSizeFromPrefer: top === undefined && prefs.maxPageSize !== undefined };
}
