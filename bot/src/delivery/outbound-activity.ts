import { Activity } from '@microsoft/agents-activity';
import type { DeliveryTarget, OutgoingMessage } from './delivery-sender.ts';

/**
 * The message activity for a proactive card. Its `id` is the delivery id: a connector that keeps the id a
 * bot proposes can later be asked (by updating that id) whether the message arrived. `summary` is what
 * Teams shows in the notification and activity feed; `notification.alert` puts it in the feed, as a
 * reminder should be.
 */
export function toOutboundActivity(target: DeliveryTarget, message: OutgoingMessage): Activity {
  return Activity.fromObject({
    type: 'message',
    id: message.deliveryId,
    channelId: typeof target.reference.channelId === 'string' ? target.reference.channelId : 'msteams',
    serviceUrl: target.serviceUrl,
    conversation: { id: target.conversationId },
    summary: message.summary,
    ...(message.locale ? { locale: message.locale } : {}),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }],
    channelData: { notification: { alert: true } },
  });
}
