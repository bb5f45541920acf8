import type { MeetingDto } from '@confer/contracts';
import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Toast,
  ToastTitle,
  useToastController,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { MeetingIntent } from '../../app/routes.ts';
import { useTabServices } from '../../app/tab-services.ts';
import { toAppError } from '../../lib/app-error.ts';
import { type Reply, respondToMeeting } from '../../lib/meetings-api.ts';

export const HOME_TOASTER_ID = 'home-toasts';

const replyWords: Record<Reply, string> = {
  accept: 'Accepted',
  tentative: 'Tentatively accepted',
  decline: 'Declined',
};

/** Reschedule, cancel, respond, open notes: one menu per meeting, labelled with its title for screen readers. */
export function QuickActions({
  meeting,
  past,
  onChanged,
}: {
  meeting: MeetingDto;
  past: boolean;
  onChanged: (meeting: MeetingDto) => void;
}) {
  const { api, navigate } = useTabServices();
  const { dispatchToast } = useToastController(HOME_TOASTER_ID);
  const [busy, setBusy] = useState(false);
  const open = (intent: MeetingIntent) => navigate({ page: 'meeting', id: meeting.id, intent });
  const live = meeting.status === 'scheduled' && !past;
  const reply = async (response: Reply) => {
    setBusy(true);
    try {
      onChanged(await respondToMeeting(api, meeting.id, { response, comment: '', proposed: null }));
      dispatchToast(
        <Toast>
          <ToastTitle>{`${replyWords[response]}: ${meeting.title}`}</ToastTitle>
        </Toast>,
        { intent: 'success' },
      );
    } catch (error) {
      dispatchToast(
        <Toast>
          <ToastTitle>{`Your answer was not sent: ${toAppError(error).message}`}</ToastTitle>
        </Toast>,
        { intent: 'error' },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={`Actions for ${meeting.title}`}
          disabled={busy}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {live && meeting.isOrganizer && <MenuItem onClick={() => open('reschedule')}>Reschedule</MenuItem>}
          {live && meeting.isOrganizer && <MenuItem onClick={() => open('cancel')}>Cancel meeting</MenuItem>}
          {live && !meeting.isOrganizer && <MenuItem onClick={() => reply('accept')}>Accept</MenuItem>}
          {live && !meeting.isOrganizer && <MenuItem onClick={() => reply('tentative')}>Tentative</MenuItem>}
          {live && !meeting.isOrganizer && <MenuItem onClick={() => reply('decline')}>Decline</MenuItem>}
          {live && !meeting.isOrganizer && <MenuItem onClick={() => open('respond')}>Propose a new time</MenuItem>}
          {live && <MenuDivider />}
          <MenuItem onClick={() => open('notes')}>Open notes and actions</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
