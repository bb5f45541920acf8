import { type AccessTestRequest, ADMIN_LIMITS } from '@confer/contracts';
import type { ProbeFailure, ProbePerson } from '../../ports/access-probe.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import { type Candidate, matchRef, mergeCandidates, samplePeople } from './access-sample.ts';
import type { AccessTestDeps } from './access-test.ts';

/** One directory page tops the sample up when Confer knows fewer people than asked for. */
const DIRECTORY_PAGE = ADMIN_LIMITS.maxAccessTestPeople;

export interface Unresolved {
  typed: string;
  /** Null: the directory does not know them; else why they could not be looked up. */
  failure: ProbeFailure | null;
}

/** Named people (Confer's list first, then the directory), then the random sample; each once, 100 at most. */
export async function choosePeople(
  deps: Pick<AccessTestDeps, 'tenants' | 'probe' | 'logger' | 'random'>,
  tenantId: string,
  actor: GraphActor,
  request: AccessTestRequest,
): Promise<{ candidates: Candidate[]; unresolved: Unresolved[] }> {
  const known: ProbePerson[] = (await deps.tenants.listUsers(tenantId)).map((u) => ({
    userId: u.userId,
    email: u.email,
    displayName: u.displayName,
  }));
  const refs = [...new Map(request.people.map((ref) => [ref.trim().toLowerCase(), ref.trim()])).values()];
  const lookUp = refs.filter((ref) => !matchRef(ref, known));
  const found = lookUp.length > 0 ? await deps.probe.resolvePeople(actor, lookUp) : new Map();
  const named: Candidate[] = [];
  const unresolved: Unresolved[] = [];
  for (const ref of refs) {
    const person = matchRef(ref, known) ?? found.get(ref.toLowerCase()) ?? null;
    if (person && !('reason' in person)) named.push({ person, typed: ref, named: true });
    else unresolved.push({ typed: ref, failure: person });
  }
  let directory: ProbePerson[] = [];
  if (known.length < request.sampleSize) {
    const page = await deps.probe.listDirectory(actor, DIRECTORY_PAGE);
    if ('reason' in page) deps.logger.warn('access test: the directory could not top the sample up', { ...page });
    else directory = page;
  }
  const sample = samplePeople(known, directory, request.sampleSize, deps.random);
  const room = ADMIN_LIMITS.maxAccessTestPeople - unresolved.length;
  return { candidates: mergeCandidates(named, sample, room), unresolved };
}
