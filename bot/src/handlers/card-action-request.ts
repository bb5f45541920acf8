import { LIMITS } from '@confer/contracts';
import type { Activity } from '@microsoft/agents-activity';
import { readTenantId } from '../conversation-record.ts';
import type { ActionErrorCode, BotUser } from '../ports.ts';

export const cardActionVerbs = [
  'accept',
  'tentative',
  'decline',
  'propose',
  'reschedule',
  'accept-proposal',
  'schedule',
  'mark-held',
  'add-note',
  'add-action',
  'book-next',
  'book-pair',
  'nudges-off',
  'refresh',
] as const;
export type CardActionVerb = (typeof cardActionVerbs)[number];

/** A card click, read from an `adaptiveCard/action` invoke or from an `Action.Submit` message. */
export interface CardActionRequest {
  verb: CardActionVerb;
  /** The button's data merged with the card's inputs; values as sent, checked by each verb. */
  data: Record<string, unknown>;
  /** Who clicked: from the activity, never from the data. */
  user: BotUser;
  /** Their Teams user id, to refresh the returned card for them. */
  teamsUserId: string;
  automatic: boolean;
}

export type Refusal = { code: ActionErrorCode; status: number };
export type ParsedAction = { ok: true; request: CardActionRequest } | ({ ok: false } & Refusal);

const maxDataKeys = 32;
const maxValueLength = 2_000;
/**
 * Inputs that may run longer than any other value: a note's text. Up to twice the core's limit is read, so a note
 * just over it is refused as too long (validation) rather than as unreadable.
 */
const longInputs: Partial<Record<CardActionVerb, Record<string, number>>> = {
  'add-note': { note: 2 * LIMITS.maxNote },
};

/** `value` of an invoke: `{ action: { type: 'Action.Execute', verb, data }, trigger }` (docs/teams-bot-platform.md). */
export function readInvokeAction(activity: Activity): ParsedAction {
  const value: unknown = activity.value;
  if (!isRecord(value) || !isRecord(value.action)) return invalid();
  const { action } = value;
  if (action.type !== 'Action.Execute' || typeof action.verb !== 'string') return invalid();
  const data = action.data === undefined ? {} : action.data;
  return readAction(activity, action.verb, data, value.trigger === 'automatic');
}

/** `value` of an Action.Submit message: the data itself, carrying the verb (our cards always put it there). */
export function readSubmitAction(activity: Activity): ParsedAction {
  const value: unknown = activity.value;
  if (!isRecord(value) || typeof value.verb !== 'string') return invalid();
  return readAction(activity, value.verb, value, false);
}

export function isCardSubmit(activity: Activity): boolean {
  const text = (activity.text ?? '').trim();
  return text === '' && isRecord(activity.value);
}

function readAction(activity: Activity, verb: string, data: unknown, automatic: boolean): ParsedAction {
  const known = cardActionVerbs.find((candidate) => candidate === verb);
  if (!known || !isRecord(data) || !isSmall(known, data)) return invalid();
  const tenantId = readTenantId(activity);
  const userId = activity.from?.aadObjectId;
  const teamsUserId = activity.from?.id;
  if (!tenantId || !userId || !teamsUserId) return invalid();
  // The tenant on the card must be the tenant of the person clicking: a card copied into another
  // organisation's chat (or forged data) names a tenant the activity does not come from.
  if (data.tenantId !== undefined && data.tenantId !== tenantId)
    return { ok: false, code: 'wrong_tenant', status: 403 };
  return {
    ok: true,
    request: {
      verb: known,
      data,
      user: { tenantId, userId, name: activity.from?.name ?? null },
      teamsUserId,
      automatic,
    },
  };
}

function isSmall(verb: CardActionVerb, data: Record<string, unknown>): boolean {
  const entries = Object.entries(data);
  if (entries.length > maxDataKeys) return false;
  const long = longInputs[verb] ?? {};
  const limitOf = (key: string) => (Object.hasOwn(long, key) ? (long[key] ?? maxValueLength) : maxValueLength);
  return entries.every(([key, value]) => typeof value !== 'string' || value.length <= limitOf(key));
}

function invalid(): { ok: false } & Refusal {
  return { ok: false, code: 'invalid_action', status: 400 };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of the data, or undefined when missing or of another type. */
export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An instant field (ISO 8601), or undefined. */
export function instantField(data: Record<string, unknown>, key: string): Date | undefined {
  const text = stringField(data, key);
  if (!text || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** A positive integer field; Teams may send numbers back as strings from older clients. */
export function versionField(data: Record<string, unknown>, key: string): number | undefined {
  const value = data[key];
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 ? number : undefined;
}
