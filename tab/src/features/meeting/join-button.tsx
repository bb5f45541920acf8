import { Button } from '@fluentui/react-components';
import { VideoRegular } from '@fluentui/react-icons';
import type { MouseEvent } from 'react';
import { useTabServices } from '../../app/tab-services.ts';

export interface JoinButtonProps {
  readonly joinUrl: string;
  readonly children: string;
  readonly ariaLabel?: string;
}

/**
 * Inside Teams, a join link opened from the tab's frame would start a browser tab (or be blocked); handing it to
 * the host (`app.openLink`) lets Teams join the meeting itself. In a plain browser it stays a normal link.
 */
export function JoinButton({ joinUrl, children, ariaLabel }: JoinButtonProps) {
  const { session } = useTabServices();
  const onClick =
    session.kind === 'teams'
      ? (event: MouseEvent<HTMLAnchorElement>) => {
          event.preventDefault();
          void openInTeams(joinUrl);
        }
      : undefined;
  return (
    <Button
      as="a"
      href={joinUrl}
      target="_blank"
      rel="noreferrer"
      appearance="primary"
      icon={<VideoRegular />}
      aria-label={ariaLabel}
      onClick={onClick}
      data-testid="join-button"
    >
      {children}
    </Button>
  );
}

async function openInTeams(joinUrl: string): Promise<void> {
  try {
    // teams.ts is already loaded in Teams mode (it started the session), so this import costs nothing.
    const { openTeamsLink } = await import('../../lib/teams.ts');
    await openTeamsLink(joinUrl);
  } catch (error) {
    // A host that refuses openLink (older clients, other Microsoft 365 hosts) still lets the person join.
    console.warn('Teams did not open the join link; opening it in a new window instead', error);
    window.open(joinUrl, '_blank', 'noreferrer');
  }
}
