import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { toHttpStatus } from '../../domain/app-error.ts';
import { toAppErrorFromGraph } from './graph-errors.ts';

function graphError(statusCode: number, code: string): GraphError {
  const error = new GraphError(statusCode, `Graph said ${code}`);
  error.code = code;
  return error;
}

describe('toAppErrorFromGraph', () => {
  it.each([
    // Moving an occurrence onto or past a neighbour's day is the caller's request, not an outage.
    [400, 'ErrorOccurrenceCrossingBoundary', 'validation_failed', 400],
    [412, 'ErrorIrresolvableConflict', 'conflict', 409],
    [404, 'ErrorItemNotFound', 'not_found', 404],
    // An unknown subscription (renew, remove).
    [404, 'ResourceNotFound', 'not_found', 404],
    // An expired delta token: the next round starts from scratch.
    [410, 'syncStateNotFound', 'sync_state_lost', 410],
    [400, 'resyncRequired', 'sync_state_lost', 410],
    [429, 'TooManyRequests', 'graph_throttled', 503],
    [400, 'ErrorSomethingNew', 'graph_error', 502],
  ])('%i %s is %s (%i)', (statusCode, code, appCode, status) => {
    const mapped = toAppErrorFromGraph(graphError(statusCode, code));
    expect(mapped.code).toBe(appCode);
    expect(toHttpStatus(mapped.code)).toBe(status);
    expect(mapped.cause).toBeInstanceOf(GraphError);
  });
});
