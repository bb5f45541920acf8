import { ConsentCard } from './consent-card.tsx';
import { IntegrationSettings } from './integration-settings.tsx';
import { MeetingRhythmCard } from './meeting-rhythm-card.tsx';

/** `#/admin`: the integration's settings, the admin-consent link and each meeting type's rhythm. */
export function IntegrationPage() {
  return (
    <>
      <IntegrationSettings />
      <ConsentCard />
      <MeetingRhythmCard />
    </>
  );
}
