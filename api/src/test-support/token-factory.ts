import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** Signs Entra-shaped v2 access tokens with a local key, for tests of the API's token validation. */
export async function createTokenFactory(options: { issuer: string; tenantId: string; audience: string }) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  const claims = (overrides: JWTPayload = {}): JWTPayload => ({
    iss: options.issuer,
    aud: options.audience,
    tid: options.tenantId,
    oid: '00000000-0000-0000-0000-0000000000021',
    sub: 'subject-megan',
    name: 'Megan Bowen',
    preferred_username: 'meganb@contoso.onmicrosoft.com',
    scp: 'access_as_user',
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ver: '2.0',
    iat: nowSeconds() - 60,
    nbf: nowSeconds() - 60,
    exp: nowSeconds() + 3600,
    ...overrides,
  });

  return {
    keys,
    claims,
    /** A token signed with the published key. */
    sign: (overrides: JWTPayload = {}) =>
      new SignJWT(claims(overrides)).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(privateKey),
    /** Same kid, another key: the signature cannot verify. */
    signWithWrongKey: (overrides: JWTPayload = {}) =>
      new SignJWT(claims(overrides)).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(other.privateKey),
    /** An unsecured JWT (`alg: none`). */
    unsigned: (overrides: JWTPayload = {}) => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims(overrides))}.`;
    },
  };
}
