import { z } from 'zod';
import { GraphHttpError } from '../graph/context.ts';
import { CHANGE_TYPES, type ChangeType } from './subscription-model.ts';

/** What POST /subscriptions carries once checked (docs/reference/graph-calendar.md §4). */
export interface CreateSubscriptionInput {
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  resource: string;
  expirationDateTime: string;
  clientState: string | null;
  latestSupportedTlsVersion: string;
}

export interface RenewSubscriptionInput {
  expirationDateTime: string;
  notificationUrl?: string;
}

const optionalNull = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const createSchema = z.strictObject({
  changeType: z.string(),
  notificationUrl: z.string(),
  resource: z.string(),
  expirationDateTime: z.string(),
  lifecycleNotificationUrl: optionalNull(z.string()),
  clientState: optionalNull(z.string()),
  latestSupportedTlsVersion: optionalNull(z.enum(['v1_0', 'v1_1', 'v1_2', 'v1_3'])),
  includeResourceData: optionalNull(z.boolean()),
  encryptionCertificate: optionalNull(z.string()),
  encryptionCertificateId: optionalNull(z.string()),
  notificationContentType: optionalNull(z.string()),
  notificationQueryOptions: optionalNull(z.string()),
  notificationUrlAppId: optionalNull(z.string()),
});

const renewSchema = z.strictObject({
  expirationDateTime: z.string(),
  notificationUrl: z.string().optional(),
});

export function parseCreateRequest(body: unknown, maxClientStateLength: number): CreateSubscriptionInput {
  const input = createSchema.safeParse(withoutODataAnnotations(body));
  if (!input.success) throw payloadError(input.error, 'creation');
  const data = input.data;
  if (data.includeResourceData) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      'Subscriptions with resource data (includeResourceData) need an encryption certificate; devtenant supports basic notifications only.',
    );
  }
  if (data.clientState && data.clientState.length > maxClientStateLength) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      `clientState is longer than the maximum of ${maxClientStateLength} characters.`,
    );
  }
  return {
    changeTypes: parseChangeTypes(data.changeType),
    notificationUrl: checkEndpointUrl(data.notificationUrl, 'notificationUrl'),
    lifecycleNotificationUrl: data.lifecycleNotificationUrl
      ? checkEndpointUrl(data.lifecycleNotificationUrl, 'lifecycleNotificationUrl')
      : null,
    resource: data.resource,
    expirationDateTime: data.expirationDateTime,
    clientState: data.clientState ?? null,
    latestSupportedTlsVersion: data.latestSupportedTlsVersion ?? 'v1_2',
  };
}

export function parseRenewRequest(body: unknown): RenewSubscriptionInput {
  const record = withoutODataAnnotations(body);
  if (record && typeof record === 'object' && 'lifecycleNotificationUrl' in record) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      'lifecycleNotificationUrl can only be set when the subscription is created; create a new subscription instead.',
    );
  }
  const input = renewSchema.safeParse(record);
  if (!input.success) throw payloadError(input.error, 'update');
  const notificationUrl = input.data.notificationUrl;
  return notificationUrl === undefined
    ? { expirationDateTime: input.data.expirationDateTime }
    : {
        expirationDateTime: input.data.expirationDateTime,
        notificationUrl: checkEndpointUrl(notificationUrl, 'notificationUrl'),
      };
}

function parseChangeTypes(value: string): ChangeType[] {
  const parts = value.split(',').map((part) => part.trim().toLowerCase());
  const unknown = parts.filter((part) => !(CHANGE_TYPES as readonly string[]).includes(part));
  if (parts.length === 0 || unknown.length > 0) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      `changeType '${value}' is not valid; use a comma-separated list of created, updated, deleted.`,
    );
  }
  return CHANGE_TYPES.filter((type) => parts.includes(type));
}

/**
 * Graph only calls https endpoints. devtenant also allows plain http on a loopback host, because
 * the app runs on http://localhost in development; any other http URL is refused as Graph would.
 */
function checkEndpointUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GraphHttpError(400, 'InvalidRequest', `${field} '${value}' is not an absolute URL.`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return value;
  throw new GraphHttpError(400, 'InvalidRequest', `${field} must use https; '${value}' does not.`);
}

function withoutODataAnnotations(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith('@odata.')));
}

function payloadError(error: z.ZodError, operation: 'creation' | 'update'): GraphHttpError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  if (issue?.code === 'invalid_type' && issue.input === undefined && field) {
    return new GraphHttpError(400, 'InvalidRequest', `${field} is a required property for subscription ${operation}.`);
  }
  if (issue?.code === 'unrecognized_keys') {
    return new GraphHttpError(
      400,
      'InvalidRequest',
      `Could not process subscription ${operation} payload: unknown properties ${issue.keys.join(', ')}. Are all property names spelled and camelCased properly?`,
    );
  }
  return new GraphHttpError(
    400,
    'InvalidRequest',
    `Invalid subscription ${operation} payload: ${field || 'body'} ${issue?.message ?? ''}`.trim(),
  );
}
