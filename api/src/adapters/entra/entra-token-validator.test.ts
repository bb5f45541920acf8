import { LOCAL_TENANT_ID } from '@confer/contracts';
import type { JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { TEST_API_CONFIG } from '../../test-support/api-test-app.ts';
import { createTokenFactory } from '../../test-support/token-factory.ts';
import { createEntraTokenValidator } from './entra-token-validator.ts';

const config = TEST_API_CONFIG;
let tokens: Awaited<ReturnType<typeof createTokenFactory>>;
beforeAll(async () => {
  tokens = await createTokenFactory({ issuer: config.issuer, tenantId: LOCAL_TENANT_ID, audience: config.clientId });
});

/** The validator over the factory's keys, on a clock the test moves, counting how often a signature is checked. */
function validatorAt(start: Date) {
  let now = start;
  let keyLookups = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    keyLookups++;
    return tokens.keys(header, token);
  };
  const validator = createEntraTokenValidator({
    keys,
    issuer: config.issuer,
    tenantId: config.tenantId,
    clientId: config.clientId,
    applicationIdUri: config.applicationIdUri,
    requiredScope: 'access_as_user',
    clock: { now: () => now },
  });
  return {
    validator,
    keyLookups: () => keyLookups,
    moveTo(at: Date) {
      now = at;
    },
  };
}

const code = (error: unknown) => (error instanceof AppError ? error.code : String(error));
const refusal = (work: Promise<unknown>) => work.then(() => 'accepted', code);

describe('a token checked once', () => {
  it('is trusted again without checking its signature, each time as a fresh copy', async () => {
    const start = new Date();
    const { validator, keyLookups } = validatorAt(start);
    const token = await tokens.sign({ roles: ['Confer.Admin'] });
    const first = await validator.validate(token);
    expect(first.roles).toEqual(['Confer.Admin']);
    first.name = 'Changed by a caller';
    const second = await validator.validate(token);
    expect(second).toEqual({ ...first, name: 'Megan Bowen' });
    expect(keyLookups()).toBe(1);
  });

  it('is refused as expired once its exp (with two minutes of tolerance) has passed', async () => {
    const start = new Date();
    const clock = validatorAt(start);
    const exp = Math.floor(start.getTime() / 1000) + 600;
    const token = await tokens.sign({ exp });
    await clock.validator.validate(token);
    clock.moveTo(new Date((exp + 119) * 1000));
    expect(await refusal(clock.validator.validate(token))).toBe('accepted');
    clock.moveTo(new Date((exp + 120) * 1000));
    expect(await refusal(clock.validator.validate(token))).toBe('token_expired');
  });

  it('is checked in full again after ten minutes, and when the clock goes back before its nbf', async () => {
    const start = new Date();
    const clock = validatorAt(start);
    const nbf = Math.floor(start.getTime() / 1000) - 60;
    const token = await tokens.sign({ nbf });
    await clock.validator.validate(token);
    clock.moveTo(new Date(start.getTime() + 10 * 60_000));
    await clock.validator.validate(token);
    expect(clock.keyLookups()).toBe(2);
    clock.moveTo(new Date((nbf - 121) * 1000));
    expect(await refusal(clock.validator.validate(token))).toBe('token_not_yet_valid');
    expect(clock.keyLookups()).toBe(3);
  });

  it('vouches for no other token: a refused token is refused every time, a changed one is checked in full', async () => {
    const { validator, keyLookups } = validatorAt(new Date());
    const wrong = await tokens.signWithWrongKey();
    expect(await refusal(validator.validate(wrong))).toBe('token_invalid_signature');
    expect(await refusal(validator.validate(wrong))).toBe('token_invalid_signature');
    const token = await tokens.sign();
    await validator.validate(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect(await refusal(validator.validate(forged))).toBe('token_invalid_signature');
    expect(keyLookups()).toBe(4);
  });
});
