import { ConsentCard } from './consent-card.tsx';
import { IntegrationSettings } from './integration-settings.tsx';

/** `#/admin`: the integration's settings and the admin-consent link. */
export function IntegrationPage() {
  return (
    <>
      <IntegrationSettings />
      <ConsentCard />
    </>
  );
}
