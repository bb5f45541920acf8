import { outboundQueueContract } from '../../ports/outbound-queue.contract.ts';
import { createMemoryOutboundStore } from './memory-outbound-store.ts';

outboundQueueContract('memory', createMemoryOutboundStore);
