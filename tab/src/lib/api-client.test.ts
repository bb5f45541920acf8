import { ErrorCodes, runtimeConfigSchema } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { type ApiDeps, requestJson } from './api-client.ts';
import { AppError } from './app-error.ts';

function answering(status: number, body: string, contentType = 'application/json'): ApiDeps {
  return {
    baseUrl: 'https://confer.example',
    fetch: async () => new Response(body, { status, headers: { 'content-type': contentType } }),
  };
}

async function failureOf(deps: ApiDeps): Promise<AppError> {
  const error = await requestJson(deps, '/api/config', runtimeConfigSchema, {}).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('reading an error answer', () => {
  it('keeps an API code, message and details', async () => {
    const body = { error: { code: 'version_conflict', message: 'Changed.', details: { version: 4 } } };
    const error = await failureOf(answering(409, JSON.stringify(body)));
    expect(error.code).toBe(ErrorCodes.version_conflict);
    expect(error).toMatchObject({ message: 'Changed.', status: 409, details: { version: 4 } });
  });

  it("names a newer server's unknown code by its status, keeping the server's message and details", async () => {
    const body = { error: { code: 'meeting_locked', message: 'Someone is editing this meeting.', details: [1] } };
    const error = await failureOf(answering(423, JSON.stringify(body)));
    expect(error.code).toBe('http_423');
    expect(error).toMatchObject({ message: 'Someone is editing this meeting.', status: 423, details: [1] });
    expect(error.cause).toMatchObject({ code: 'meeting_locked' });
    expect(error.shownCode).toBe('meeting_locked');
  });

  it('names an answer that is not an error body by its status', async () => {
    const error = await failureOf(answering(502, '<html>Bad gateway</html>', 'text/html'));
    expect(error).toMatchObject({ code: 'http_502', message: 'Confer answered with HTTP 502.', status: 502 });
  });

  it('names a body whose code is not even text by its status', async () => {
    const error = await failureOf(answering(500, JSON.stringify({ error: { code: 7, message: 'x' } })));
    expect(error).toMatchObject({ code: 'http_500', message: 'Confer answered with HTTP 500.' });
  });
});
