import { incidentStoreContract } from '../../ports/incident-store.contract.ts';
import { createMemoryIncidentStore } from './memory-incident-store.ts';

incidentStoreContract('memory', createMemoryIncidentStore);
