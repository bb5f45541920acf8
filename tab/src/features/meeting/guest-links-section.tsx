import type { GuestOfferDto, GuestOfferState, GuestSlot, MeetingDto } from '@confer/contracts';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { createGuestLink, listGuestOffers, revokeGuestLink, suggestGuestTimes } from '../../lib/guest-links-api.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  detail: { color: tokens.colorNeutralForeground2 },
  times: { display: 'flex', flexDirection: 'column' },
});

const STATE_KEYS: Record<GuestOfferState, string> = {
  offered: 'guest.state.offered',
  picked: 'guest.state.picked',
  proposed: 'guest.state.proposed',
  expired: 'guest.state.expired',
  revoked: 'guest.state.revoked',
};
const STATE_COLORS: Record<GuestOfferState, 'brand' | 'success' | 'warning' | 'subtle' | 'informative'> = {
  offered: 'brand',
  picked: 'success',
  proposed: 'warning',
  expired: 'subtle',
  revoked: 'subtle',
};

/** Whether the viewer can offer times here: they organize a meeting that still stands, with someone outside. */
export function offersGuestLinks(meeting: MeetingDto): boolean {
  return meeting.isOrganizer && meeting.status === 'scheduled' && meeting.attendees.some((a) => a.userId === null);
}

export interface GuestLinksSectionProps {
  readonly meeting: MeetingDto;
  /** For a series, the occurrence the times are offered for (its original start). */
  readonly occurrenceStart: string | null;
  readonly formatters: MeetingFormatters;
}

/**
 * The organizer's guest links (docs/guest-links.md): for each attendee outside the organisation, whose calendar
 * Confer cannot read, offer times through a signed link the organizer copies and sends; see each link's state
 * and withdraw one still open. Rendered only when `offersGuestLinks` says so.
 */
export function GuestLinksSection({ meeting, occurrenceStart, formatters }: GuestLinksSectionProps) {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const guests = meeting.attendees.filter((a) => a.userId === null);
  const offers = useRequest(`guest-links:${meeting.id}:${meeting.version}`, () => listGuestOffers(api, meeting.id));
  const [offering, setOffering] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; offer: GuestOfferDto } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = async (offer: GuestOfferDto) => {
    setProblem(null);
    try {
      const revoked = await revokeGuestLink(api, meeting.id, offer.id);
      offers.set((offers.data ?? []).map((o) => (o.id === revoked.id ? revoked : o)));
    } catch (error) {
      setProblem(t('common.notSaved', { reason: errorMessage(toAppError(error), i18n) }));
    }
  };
  return (
    <CardFrame id="guest-links" title={t('guest.title')} description={t('guest.description')} testId="guest-links">
      <ul className={styles.list}>
        {guests.map((guest) => (
          <li key={guest.email} className={styles.row}>
            <Text weight="semibold">{guest.displayName}</Text>
            <Badge appearance="outline">{t('guest.outside')}</Badge>
            <Button onClick={() => setOffering(guest.email)} disabled={offering === guest.email}>
              {t('guest.offer', { name: guest.displayName })}
            </Button>
          </li>
        ))}
      </ul>
      {offering && (
        <OfferForm
          meeting={meeting}
          attendee={offering}
          occurrenceStart={occurrenceStart}
          formatters={formatters}
          onCreated={(created) => {
            setLink(created);
            setOffering(null);
            offers.set([created.offer, ...(offers.data ?? [])]);
          }}
          onClose={() => setOffering(null)}
        />
      )}
      {link && <LinkReady url={link.url} expiresAt={formatters.stamp(link.offer.expiresAt)} />}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {(offers.data ?? []).length > 0 && (
        <ul className={styles.list} aria-label={t('guest.links')}>
          {(offers.data ?? []).map((offer) => (
            <li key={offer.id} className={styles.row} data-testid="guest-offer" data-state={offer.state}>
              <Text>{offer.attendee.displayName}</Text>
              <Badge color={STATE_COLORS[offer.state]}>{t(STATE_KEYS[offer.state])}</Badge>
              <Text className={styles.detail}>
                {offer.chosen
                  ? t('guest.chosen', { when: formatters.when(offer.chosen.start, offer.chosen.end) })
                  : t('guest.expires', { when: formatters.stamp(offer.expiresAt) })}
              </Text>
              {offer.message && <Text className={styles.detail}>“{offer.message}”</Text>}
              {offer.state === 'offered' && (
                <Button appearance="subtle" onClick={() => void revoke(offer)}>
                  {t('guest.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </CardFrame>
  );
}

function OfferForm(props: {
  meeting: MeetingDto;
  attendee: string;
  occurrenceStart: string | null;
  formatters: MeetingFormatters;
  onCreated: (link: { url: string; offer: GuestOfferDto }) => void;
  onClose: () => void;
}) {
  const { meeting, attendee, formatters } = props;
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const minutes = Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / 60_000);
  const emails = meeting.attendees.map((a) => a.email);
  const suggestions = useRequest(`guest-times:${meeting.id}:${meeting.version}`, () =>
    suggestGuestTimes(api, emails, minutes),
  );
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const times: GuestSlot[] = (suggestions.data ?? []).filter((s) => s.start !== meeting.start);
  const chosen = times.filter((s) => !unchecked.has(s.start));
  const create = async () => {
    setBusy(true);
    setProblem(null);
    try {
      props.onCreated(
        await createGuestLink(api, meeting.id, {
          attendee,
          slots: chosen,
          ...(props.occurrenceStart ? { occurrenceStart: props.occurrenceStart } : {}),
        }),
      );
    } catch (error) {
      setProblem(t('common.notSaved', { reason: errorMessage(toAppError(error), i18n) }));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (start: string, on: boolean) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (on) next.delete(start);
      else next.add(start);
      return next;
    });
  return (
    <CardFrame id="guest-offer" kind="task" title={t('guest.chooseTitle')} description={t('guest.chooseDescription')}>
      {suggestions.state.status === 'error' && <Text>{t('guest.noSuggestions')}</Text>}
      <fieldset className={styles.times}>
        <legend>{t('guest.timesLegend')}</legend>
        {times.map((slot) => (
          <Checkbox
            key={slot.start}
            label={formatters.when(slot.start, slot.end)}
            checked={!unchecked.has(slot.start)}
            onChange={(_, data) => toggle(slot.start, data.checked === true)}
          />
        ))}
      </fieldset>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <CardActions>
        <Button appearance="primary" disabled={busy || chosen.length === 0} onClick={() => void create()}>
          {t('guest.createLink')}
        </Button>
        <Button onClick={props.onClose}>{t('guest.cancel')}</Button>
      </CardActions>
    </CardFrame>
  );
}

function LinkReady({ url, expiresAt }: { url: string; expiresAt: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <MessageBar intent="success" data-testid="guest-link-ready">
      <MessageBarBody>
        <Field label={t('guest.linkLabel')} hint={t('guest.linkHint', { when: expiresAt })}>
          <Input readOnly value={url} onFocus={(event) => event.target.select()} />
        </Field>
        <Button onClick={() => void copy()}>{copied ? t('guest.copied') : t('guest.copy')}</Button>
      </MessageBarBody>
    </MessageBar>
  );
}
