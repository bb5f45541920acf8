import { deltaStateStoreContract } from '../../ports/delta-state-store.contract.ts';
import { notificationInboxContract } from '../../ports/notification-inbox.contract.ts';
import { subscriptionStoreContract } from '../../ports/subscription-store.contract.ts';
import { createMemoryDeltaStateStore } from './memory-delta-state-store.ts';
import { createMemoryNotificationInbox } from './memory-notification-inbox.ts';
import { createMemorySubscriptionStore } from './memory-subscription-store.ts';

subscriptionStoreContract('memory', createMemorySubscriptionStore);
notificationInboxContract('memory', createMemoryNotificationInbox);
deltaStateStoreContract('memory', createMemoryDeltaStateStore);
