import { DateTime } from 'luxon';
import { GraphHttpError } from '../../graph/context.ts';
import type { EventInstance } from '../events/event-model.ts';

export interface ODataQuery {
  select: string[] | undefined;
  top: number | undefined;
  skip: number;
  orderBy:
    | { field: 'start' | 'end' | 'subject' | 'lastModifiedDateTime' | 'createdDateTime'; descending: boolean }
    | undefined;
  filter: ((instance: EventInstance) => boolean) | undefined;
}

function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

function parseNonNegative(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new GraphHttpError(400, 'BadRequest', `Invalid value '${value}' for query option '${name}'.`);
  }
  return parsed;
}

const ORDERABLE: Record<string, NonNullable<ODataQuery['orderBy']>['field']> = {
  'start/datetime': 'start',
  'end/datetime': 'end',
  subject: 'subject',
  lastmodifieddatetime: 'lastModifiedDateTime',
  createddatetime: 'createdDateTime',
};

function parseOrderBy(value: string | undefined): ODataQuery['orderBy'] {
  if (value === undefined) return undefined;
  const [field, direction] = value.trim().split(/\s+/);
  const known = ORDERABLE[(field ?? '').toLowerCase()];
  if (!known) throw new GraphHttpError(400, 'BadRequest', `Could not order by '${value}'.`);
  return { field: known, descending: direction?.toLowerCase() === 'desc' };
}

type Getter = (i: EventInstance) => string | number | boolean;
const FILTER_FIELDS: Record<string, Getter> = {
  subject: (i) => i.content.subject,
  'start/datetime': (i) => i.content.startMs,
  'end/datetime': (i) => i.content.endMs,
  showas: (i) => i.content.showAs,
  sensitivity: (i) => i.content.sensitivity,
  type: (i) => i.type,
  iscancelled: (i) => i.content.isCancelled,
  isorganizer: (i) => i.record.isOrganizer,
  isallday: (i) => i.content.isAllDay,
  isonlinemeeting: (i) => i.content.isOnlineMeeting,
  icaluid: (i) => i.record.iCalUId,
  transactionid: (i) => i.record.transactionId ?? '',
  importance: (i) => i.content.importance,
};

function literal(raw: string, field: string): string | number | boolean {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const text = raw.replace(/^'(.*)'$/, '$1').replaceAll("''", "'");
  if (field.endsWith('/datetime')) {
    const at = DateTime.fromISO(text, { zone: 'UTC' });
    if (!at.isValid) throw new GraphHttpError(400, 'BadRequest', `Invalid date '${text}' in $filter.`);
    return at.toMillis();
  }
  return text;
}

function compare(op: string, left: string | number | boolean, right: string | number | boolean): boolean {
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
    case 'lt':
      return left < right;
    default:
      return left <= right;
  }
}

/** One clause: `field op literal`, `startswith(field,'x')` or `contains(field,'x')`. */
function parseClause(clause: string): (i: EventInstance) => boolean {
  const fn = /^(startswith|contains)\(\s*([\w/]+)\s*,\s*('(?:[^']|'')*')\s*\)$/i.exec(clause);
  if (fn) {
    const getter = FILTER_FIELDS[(fn[2] as string).toLowerCase()];
    if (!getter) throw unsupported(clause);
    const needle = String(literal(fn[3] as string, '')).toLowerCase();
    const starts = (fn[1] as string).toLowerCase() === 'startswith';
    return (i) => {
      const value = String(getter(i)).toLowerCase();
      return starts ? value.startsWith(needle) : value.includes(needle);
    };
  }
  const cmp = /^([\w/]+)\s+(eq|ne|gt|ge|lt|le)\s+('(?:[^']|'')*'|true|false|[\w:.+-]+)$/i.exec(clause);
  if (!cmp) throw unsupported(clause);
  const field = (cmp[1] as string).toLowerCase();
  const getter = FILTER_FIELDS[field];
  if (!getter) throw unsupported(clause);
  const value = literal(cmp[3] as string, field);
  const op = (cmp[2] as string).toLowerCase();
  return (i) => compare(op, getter(i), value);
}

function unsupported(clause: string): GraphHttpError {
  return new GraphHttpError(400, 'ErrorInvalidUrlQueryFilter', `The query filter '${clause}' is not supported.`);
}

/** `$filter` basics: clauses joined by `and` (the subset calendar clients use). */
function parseFilter(value: string | undefined): ODataQuery['filter'] {
  if (value === undefined || value.trim() === '') return undefined;
  const clauses = value.split(/\s+and\s+/i).map((c) => parseClause(c.trim()));
  return (instance) => clauses.every((clause) => clause(instance));
}

export function parseODataQuery(query: Record<string, unknown>): ODataQuery {
  const select = queryString(query, '$select');
  return {
    select: select
      ? select
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    top: parseNonNegative(queryString(query, '$top'), '$top'),
    skip: parseNonNegative(queryString(query, '$skip'), '$skip') ?? 0,
    orderBy: parseOrderBy(queryString(query, '$orderby')),
    filter: parseFilter(queryString(query, '$filter')),
  };
}

function sortKey(i: EventInstance, field: NonNullable<ODataQuery['orderBy']>['field']): string | number {
  switch (field) {
    case 'start':
      return i.content.startMs;
    case 'end':
      return i.content.endMs;
    case 'subject':
      return i.content.subject.toLowerCase();
    case 'lastModifiedDateTime':
      return i.lastModifiedMs;
    case 'createdDateTime':
      return i.record.createdMs;
  }
}

export function applyFilterAndOrder(instances: EventInstance[], query: ODataQuery): EventInstance[] {
  const filtered = query.filter ? instances.filter(query.filter) : [...instances];
  const order = query.orderBy;
  if (!order) return filtered;
  return filtered.sort((a, b) => {
    const x = sortKey(a, order.field);
    const y = sortKey(b, order.field);
    const result = x < y ? -1 : x > y ? 1 : a.id.localeCompare(b.id);
    return order.descending ? -result : result;
  });
}
