import type { OutboundMessage, RenderedOutbound, RenderOutbound } from '../ports.ts';
import { renderChangeNotice } from './render-change-notice.ts';
import { renderConnection } from './render-connection.ts';
import type { RenderDeps } from './render-deps.ts';
import { renderCadenceNudge, renderFollowUp } from './render-follow-up.ts';
import { renderGuestAnswer } from './render-guest.ts';
import { renderIncidentAlert } from './render-incident-alert.ts';
import {
  renderInvitation,
  renderOrganizerUpdate,
  renderRescheduleOptions,
  renderTimeProposal,
} from './render-meeting-messages.ts';
import { renderReminder } from './render-reminder.ts';

export { incidentsPageUrl } from '../cards/incident-card.ts';
export type { RenderDeps } from './render-deps.ts';

/**
 * The bot's `RenderOutbound`: one renderer per message kind, each reading the meeting as it is when
 * the message is due, and answering null when the message should no longer be sent.
 */
export function createOutboundRenderer(deps: RenderDeps): RenderOutbound {
  return (message: OutboundMessage): Promise<RenderedOutbound | null> => {
    switch (message.kind) {
      case 'invitation':
        return renderInvitation(message, deps);
      case 'organizer-update':
        return renderOrganizerUpdate(message, deps);
      case 'reschedule-options':
        return renderRescheduleOptions(message, deps);
      case 'reminder':
        return renderReminder(message, deps);
      case 'change-notice':
        return renderChangeNotice(message, deps);
      case 'time-proposal':
        return renderTimeProposal(message, deps);
      case 'reconnect':
      case 'expiry-warning':
        return renderConnection({ ...message, kind: message.kind }, deps);
      case 'incident-alert':
        return renderIncidentAlert(message, deps);
      case 'follow-up':
        return renderFollowUp(message, deps);
      case 'cadence-nudge':
        return renderCadenceNudge(message, deps);
      case 'guest-picked':
      case 'guest-proposed':
        return renderGuestAnswer(message, deps);
    }
  };
}
