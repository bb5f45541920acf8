import { createRoot } from 'react-dom/client';
import { HostPage } from './host-page.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('teams-host.html has no #root element');

// `?user=<id|upn|name>&theme=dark&locale=en-gb&subEntityId=…` preselect the host, for demos and tests.
const params = new URLSearchParams(window.location.search);
const initial = {
  user: params.get('user') ?? '',
  theme: params.get('theme') ?? 'default',
  locale: params.get('locale') ?? 'en-us',
  subEntityId: params.get('subEntityId') ?? '',
};
const deps = { fetch: window.fetch.bind(window), baseUrl: window.location.origin };

createRoot(root).render(<HostPage deps={deps} initial={initial} />);
