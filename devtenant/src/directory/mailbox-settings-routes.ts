import express, { type Router } from 'express';
import type { GraphAuthorization } from '../core/graph-authorization.ts';
import type { Clock, DirectoryUser } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { preferredLanguageOf } from './directory-store.ts';

export interface MailboxSettingsDeps {
  origin: string;
  clock: Clock;
  auth: GraphAuthorization;
}

const PERMISSIONS = {
  delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
};

/** Regional formats Outlook derives from the mailbox language, as mailboxSettings reports them. */
const FORMATS: Readonly<Record<string, { displayName: string; dateFormat: string; timeFormat: string }>> = {
  'en-US': { displayName: 'English (United States)', dateFormat: 'M/d/yyyy', timeFormat: 'h:mm tt' },
  'en-GB': { displayName: 'English (United Kingdom)', dateFormat: 'dd/MM/yyyy', timeFormat: 'HH:mm' },
  'en-IN': { displayName: 'English (India)', dateFormat: 'dd-MM-yyyy', timeFormat: 'h:mm tt' },
  'en-AU': { displayName: 'English (Australia)', dateFormat: 'd/MM/yyyy', timeFormat: 'h:mm tt' },
  'de-DE': { displayName: 'Deutsch (Deutschland)', dateFormat: 'dd.MM.yyyy', timeFormat: 'HH:mm' },
};

const LOCALE_BY_ZONE: Readonly<Record<string, string>> = {
  'GMT Standard Time': 'en-GB',
  'W. Europe Standard Time': 'en-GB',
  'India Standard Time': 'en-IN',
  'AUS Eastern Standard Time': 'en-AU',
};

/**
 * `GET /me/mailboxSettings`, `/users/{id}/mailboxSettings` and the `timeZone` / `workingHours` properties:
 * Windows time-zone names (docs/reference/graph-calendar.md §9), workingHours.timeZone as `{ name }`.
 */
export function createMailboxSettingsRoutes(deps: MailboxSettingsDeps): Router {
  const router = express.Router();
  const resolve = (req: express.Request, who: string) => {
    const caller = deps.auth.authorize(req, PERMISSIONS);
    return deps.auth.resolveMailbox(req, caller, who, 'own');
  };
  router.get(['/me/mailboxSettings', '/users/:who/mailboxSettings'], (req, res) => {
    const who = typeof req.params.who === 'string' ? req.params.who : 'me';
    const user = resolve(req, who);
    res.json({
      '@odata.context': `${deps.origin}/v1.0/$metadata#users('${user.id}')/mailboxSettings`,
      ...settingsOf(user, deps.clock),
    });
  });
  router.get(['/me/mailboxSettings/:property', '/users/:who/mailboxSettings/:property'], (req, res) => {
    const who = typeof req.params.who === 'string' ? req.params.who : 'me';
    const user = resolve(req, who);
    const settings = settingsOf(user, deps.clock);
    const property = String(req.params.property);
    const key = Object.keys(settings).find((k) => k.toLowerCase() === property.toLowerCase()) as
      | keyof typeof settings
      | undefined;
    if (!key) throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${property}'.`);
    const value = settings[key];
    const context = `${deps.origin}/v1.0/$metadata#users('${user.id}')/mailboxSettings/${key}`;
    res.json(
      typeof value === 'object' ? { '@odata.context': context, ...value } : { '@odata.context': context, value },
    );
  });
  return router;
}

function settingsOf(user: DirectoryUser, clock: Clock) {
  const locale =
    preferredLanguageOf(user.id) !== 'en-US'
      ? preferredLanguageOf(user.id)
      : (LOCALE_BY_ZONE[user.timeZone] ?? 'en-US');
  const format = FORMATS[locale] ?? FORMATS['en-US'];
  const today = clock.now().toISOString().slice(0, 10);
  return {
    archiveFolder: `AAMkAD${Buffer.from(user.id).toString('base64url').slice(0, 40)}AAA=`,
    timeZone: user.timeZone,
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: `${today}T00:00:00.0000000`, timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: `${today}T00:00:00.0000000`, timeZone: 'UTC' },
    },
    language: { locale, displayName: format?.displayName ?? locale },
    dateFormat: format?.dateFormat ?? 'M/d/yyyy',
    timeFormat: format?.timeFormat ?? 'h:mm tt',
    userPurpose: 'user',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    workingHours: {
      daysOfWeek: [...user.workingHours.daysOfWeek],
      startTime: user.workingHours.startTime,
      endTime: user.workingHours.endTime,
      timeZone: { name: user.workingHours.timeZone },
    },
  };
}
