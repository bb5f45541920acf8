import { describe, expect, it } from 'vitest';
import { OnBehalfOfTokens } from './on-behalf-of-tokens.ts';

const T0 = new Date('2026-12-07T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** An exchange that answers token-1, token-2… valid for an hour from T0, counting its calls. */
function exchange(validMinutes = 60) {
  let calls = 0;
  return {
    calls: () => calls,
    acquire: async () => {
      calls++;
      return { accessToken: `token-${calls}`, expiresOn: minutes(validMinutes) };
    },
  };
}

describe('Graph tokens kept for the same API token', () => {
  it('answers later requests with the same key from memory until five minutes before expiry', async () => {
    const tokens = new OnBehalfOfTokens();
    const authority = exchange();
    expect(await tokens.get('t|u|scopes|api-token', T0, authority.acquire)).toBe('token-1');
    expect(await tokens.get('t|u|scopes|api-token', minutes(54), authority.acquire)).toBe('token-1');
    expect(authority.calls()).toBe(1);
    expect(await tokens.get('t|u|scopes|api-token', minutes(55), authority.acquire)).toBe('token-2');
    expect(authority.calls()).toBe(2);
  });

  it('shares one exchange between requests made at once, and keeps nothing that expires within five minutes', async () => {
    const tokens = new OnBehalfOfTokens();
    const authority = exchange(4);
    const answers = await Promise.all([1, 2, 3].map(() => tokens.get('t|u|s|a', T0, authority.acquire)));
    expect(answers).toEqual(['token-1', 'token-1', 'token-1']);
    expect(await tokens.get('t|u|s|a', T0, authority.acquire)).toBe('token-2');
  });

  it('never answers another key, keeps no failure, and forgets a person on disconnect', async () => {
    const tokens = new OnBehalfOfTokens();
    const authority = exchange();
    await tokens.get('t|alex|s|token-of-alex', T0, authority.acquire);
    await tokens.get('t|megan|s|token-of-megan', T0, authority.acquire);
    expect(await tokens.get('t|alex|s|another-token-of-alex', T0, authority.acquire)).toBe('token-3');
    const failing = async () => {
      throw new Error('consent_required');
    };
    await expect(tokens.get('t|lynne|s|x', T0, failing)).rejects.toThrow('consent_required');
    expect(await tokens.get('t|lynne|s|x', T0, authority.acquire)).toBe('token-4');

    tokens.forget('T', 'ALEX');
    expect(await tokens.get('t|alex|s|token-of-alex', T0, authority.acquire)).toBe('token-5');
    expect(await tokens.get('t|megan|s|token-of-megan', T0, authority.acquire)).toBe('token-2');
  });

  it('keeps nothing from an exchange still on its way when the person disconnects', async () => {
    const tokens = new OnBehalfOfTokens();
    let answer: (value: { accessToken: string; expiresOn: Date }) => void = () => {};
    const slow = () => new Promise<{ accessToken: string; expiresOn: Date }>((resolve) => (answer = resolve));
    const waiting = tokens.get('t|alex|s|token-of-alex', T0, slow);
    tokens.forget('t', 'alex');
    answer({ accessToken: 'before-disconnect', expiresOn: minutes(60) });
    expect(await waiting).toBe('before-disconnect');
    const authority = exchange();
    expect(await tokens.get('t|alex|s|token-of-alex', T0, authority.acquire)).toBe('token-1');
  });
});
