/**
 * The signature suites against the published test vectors of their standards, and round trips with
 * fresh keys. Sources:
 * - SM3: GB/T 32905-2016 Annex A, examples 1 and 2 (also in OpenSSL's test/recipes/30-test_evp_data/evpmd_sm3.txt).
 * - SM2: GB/T 32918.5-2017 (GM/T 0003.5-2012) Annex A, signature on the recommended curve (also in
 *   OpenSSL's test/sm2_internal_test.c, sm2_sig_test).
 * - ECDSA P-256 with SHA-256: RFC 6979 Appendix A.2.5, message "sample".
 * - JSON canonicalisation: RFC 8785 §3.2.2 (input) and §3.2.3 (output).
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import {
  canonicalDigest,
  canonicalJson,
  digestOf,
  signWithSoftwareKey,
  sm2PointOf,
  sm2SpkiOf,
  verifySignature,
  type SignatureSuite,
} from '../../src/domain/suites.js';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const base64url = (s: string) => hex(s).toString('base64url');

/** An ECDSA (r, s) pair as DER, the encoding KMS and the suites use. */
const derOf = (r: Buffer, s: Buffer): Buffer => {
  const integer = (v: Buffer) => {
    let bytes = v;
    while (bytes.length > 1 && bytes[0] === 0 && bytes[1]! < 0x80) bytes = bytes.subarray(1);
    if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};

describe('SM3', () => {
  it('gives the digests of GB/T 32905-2016 Annex A', () => {
    // Act / Assess
    expect(digestOf('sm3-sm2', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digestOf('sm3-sm2', 'abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM2 signatures', () => {
  // GB/T 32918.5-2017 Annex A: private key d, message "message digest", ID 1234567812345678, k, (r, s).
  const d = '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8';
  const k = '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21';
  const r = hex('F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3');
  const s = hex('B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA');
  const message = Buffer.from('message digest');
  const publicPoint = sm2.getPublicKeyFromPrivateKey(d.toLowerCase());
  const spki = sm2SpkiOf(publicPoint);

  it('verifies the signature of the standard’s example', () => {
    // Act / Assess
    expect(verifySignature('sm3-sm2', message, derOf(r, s), spki)).toBe(true);
  });

  it('makes the standard’s signature when given the example’s k', () => {
    // Prepare: the library takes a precomputed (k, x1 of k·G) pair in place of a random one.
    const kG = sm2.getPublicKeyFromPrivateKey(k.toLowerCase());
    const point = { k: BigInt(`0x${k}`), x1: BigInt(`0x${kG.slice(2, 66)}`) };

    // Act
    const signature = sm2.doSignature(message, d.toLowerCase(), { hash: true, userId: '1234567812345678', pointPool: [point] });

    // Assess
    expect(signature).toBe(Buffer.concat([r, s]).toString('hex'));
  });

  it('refuses the example’s signature on another message, by another key, or altered', () => {
    // Prepare
    const other = sm2.generateKeyPairHex();
    const altered = Buffer.from(s);
    altered[31] = altered[31]! ^ 1;

    // Act / Assess
    expect(verifySignature('sm3-sm2', Buffer.from('message digesT'), derOf(r, s), spki)).toBe(false);
    expect(verifySignature('sm3-sm2', message, derOf(r, s), sm2SpkiOf(other.publicKey))).toBe(false);
    expect(verifySignature('sm3-sm2', message, derOf(r, altered), spki)).toBe(false);
  });

  it('reads the point back from the key form KMS gives, and refuses a key of another curve', () => {
    // Prepare
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' });

    // Act / Assess
    expect(sm2PointOf(spki)).toBe(publicPoint);
    expect(() => sm2PointOf(p256)).toThrow('Not an SM2 public key');
    expect(verifySignature('sm3-sm2', message, derOf(r, s), p256)).toBe(false);
  });
});

describe('ECDSA P-256 with SHA-256', () => {
  it('verifies the signature of RFC 6979 A.2.5 and refuses it on another message', () => {
    // Prepare
    const spki = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: base64url('60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6'),
        y: base64url('7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299'),
      },
    }).export({ format: 'der', type: 'spki' });
    const signature = derOf(
      hex('EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716'),
      hex('F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8'),
    );

    // Act / Assess
    expect(verifySignature('sha256-ecdsa-p256', Buffer.from('sample'), signature, spki)).toBe(true);
    expect(verifySignature('sha256-ecdsa-p256', Buffer.from('test'), signature, spki)).toBe(false);
    expect(verifySignature('sha256-ecdsa-p256', Buffer.from('sample'), Buffer.from('not DER'), spki)).toBe(false);
  });
});

describe('software keys', () => {
  const keysOf = (suite: SignatureSuite): { privateKey: Buffer; spki: Buffer } => {
    if (suite === 'sm3-sm2') {
      const pair = sm2.generateKeyPairHex();
      return { privateKey: Buffer.from(pair.privateKey, 'hex'), spki: sm2SpkiOf(pair.publicKey) };
    }
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return { privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), spki: pair.publicKey.export({ format: 'der', type: 'spki' }) };
  };

  it.each(['sha256-ecdsa-p256', 'sm3-sm2'] as const)('%s: a signature verifies with its own key only, and only on its message', (suite) => {
    // Prepare
    const mine = keysOf(suite);
    const theirs = keysOf(suite);
    const message = Buffer.from(digestOf(suite, 'a link of the chain'), 'hex');

    // Act
    const signature = signWithSoftwareKey(suite, message, mine.privateKey);

    // Assess
    expect(verifySignature(suite, message, signature, mine.spki)).toBe(true);
    expect(verifySignature(suite, message, signature, theirs.spki)).toBe(false);
    expect(verifySignature(suite, Buffer.from(digestOf(suite, 'another link'), 'hex'), signature, mine.spki)).toBe(false);
  });
});

describe('canonical JSON (RFC 8785)', () => {
  it('gives the output of §3.2.3 for the input of §3.2.2', () => {
    // Prepare: the input as text, since its numbers must go through JSON.parse as the RFC's do.
    const input =
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}';

    // Act
    const output = canonicalJson(JSON.parse(input));

    // Assess
    expect(output).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('gives one digest whatever the order of members, and another when a value changes', () => {
    // Act / Assess
    expect(canonicalDigest('sha256-ecdsa-p256', { a: 1, b: ['x'] })).toBe(canonicalDigest('sha256-ecdsa-p256', { b: ['x'], a: 1 }));
    expect(canonicalDigest('sha256-ecdsa-p256', { a: 1, b: ['x'] })).not.toBe(canonicalDigest('sha256-ecdsa-p256', { a: 1, b: ['y'] }));
    expect(canonicalDigest('sm3-sm2', { a: 1 })).not.toBe(canonicalDigest('sha256-ecdsa-p256', { a: 1 }));
  });

  it('refuses what has no JSON form', () => {
    // Act / Assess
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow('The value has no JSON form');
  });
});
