import { attendanceStoreContract } from '../../ports/attendance-store.contract.ts';
import { auditLogFilterContract } from '../../ports/audit-log-filter.contract.ts';
import { cadenceStoreContract } from '../../ports/cadence-store.contract.ts';
import { meetingHistoryStoreContract } from '../../ports/meeting-history-store.contract.ts';
import { meetingStoreContract } from '../../ports/meeting-store.contract.ts';
import { meetingStoreListingContract } from '../../ports/meeting-store-listing.contract.ts';
import { meetingTypeStoreContract } from '../../ports/meeting-type-store.contract.ts';
import { notesStoreContract } from '../../ports/notes-store.contract.ts';
import { auditLogContract, tenantStoreContract, tokenCacheStoreContract } from '../../ports/tenant-store.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPostgresStores } from './pg-stores.ts';

const postgres = usePostgresSchemas();

/** Each test on a schema of its own. */
const create = async () => createPostgresStores(await postgres.open());

meetingStoreContract('PostgreSQL', create);
meetingStoreListingContract('PostgreSQL', create);
meetingHistoryStoreContract('PostgreSQL', create);
notesStoreContract('PostgreSQL', create);
tenantStoreContract('PostgreSQL', create);
meetingTypeStoreContract('PostgreSQL', create);
tokenCacheStoreContract('PostgreSQL', create);
auditLogContract('PostgreSQL', create);
auditLogFilterContract('PostgreSQL', create);
attendanceStoreContract('PostgreSQL', create);
cadenceStoreContract('PostgreSQL', create);
