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
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { type Reply, respondToMeeting } from '../../lib/meetings-api.ts';
import { errorMessage } from '../shell/error-text.ts';

export const HOME_TOASTER_ID = 'home-toasts';

const replyWords: Record<Reply, string> = {
  accept: 'home.actions.accepted',
  tentative: 'home.actions.tentativelyAccepted',
  decline: 'home.actions.declined',
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
  const i18n = useT();
  const { t } = i18n;
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
          <ToastTitle>{t('home.actions.replied', { reply: t(replyWords[response]), title: meeting.title })}</ToastTitle>
        </Toast>,
        { intent: 'success' },
      );
    } catch (error) {
      dispatchToast(
        <Toast>
          <ToastTitle>{t('home.actions.notSent', { reason: errorMessage(toAppError(error), i18n) })}</ToastTitle>
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
          aria-label={t('home.actions.label', { title: meeting.title })}
          disabled={busy}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {live && meeting.isOrganizer && (
            <MenuItem onClick={() => open('reschedule')}>{t('home.actions.reschedule')}</MenuItem>
          )}
          {live && meeting.isOrganizer && (
            <MenuItem onClick={() => open('cancel')}>{t('home.actions.cancel')}</MenuItem>
          )}
          {live && !meeting.isOrganizer && (
            <MenuItem onClick={() => reply('accept')}>{t('home.actions.accept')}</MenuItem>
          )}
          {live && !meeting.isOrganizer && (
            <MenuItem onClick={() => reply('tentative')}>{t('home.actions.tentative')}</MenuItem>
          )}
          {live && !meeting.isOrganizer && (
            <MenuItem onClick={() => reply('decline')}>{t('home.actions.decline')}</MenuItem>
          )}
          {live && !meeting.isOrganizer && (
            <MenuItem onClick={() => open('respond')}>{t('home.actions.propose')}</MenuItem>
          )}
          {live && <MenuDivider />}
          <MenuItem onClick={() => open('notes')}>{t('home.actions.notes')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
