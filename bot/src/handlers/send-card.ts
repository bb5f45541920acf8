import type { Attachment } from '@microsoft/agents-activity';
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { type AdaptiveCard, toAttachment } from '../cards/adaptive-card.ts';

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  const attachment: Attachment = toAttachment(card);
  await context.sendActivity(MessageFactory.attachment(attachment));
}
