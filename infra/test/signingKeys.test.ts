/**
 * Every signing key a manifest declares becomes one asymmetric KMS key that outlives the stack,
 * on the curve of the configured suite, which only that service's functions may sign with.
 */
import { services } from '#services/index.js';
import { qualifiedName, signingKeyEnvName } from '#shared/manifest.js';
import { functionIds, resourcesOf, roleStatementsOf, synthesize } from './support/platform.js';

const declared = services.flatMap((service) => Object.keys(service.signingKeys ?? {}).map((key) => ({ service, key })));

describe('signing keys', () => {
  it.each([
    ['sha256-ecdsa-p256', 'ECC_NIST_P256'],
    ['sm3-sm2', 'SM2'],
  ])('are SIGN_VERIFY KMS keys on the curve of suite %s, retained with the data they sign', (suite, keySpec) => {
    // Act
    const template = synthesize({ context: { signatureSuite: suite } });

    // Assess
    // The encryption keys (ENCRYPT_DECRYPT, the default) are encryptionKeys.test.ts's.
    const keys = Object.values(resourcesOf(template, 'AWS::KMS::Key')).filter((k) => k.Properties.KeyUsage === 'SIGN_VERIFY');
    expect(declared.length).toBeGreaterThan(0);
    expect(keys).toHaveLength(declared.length);
    for (const key of keys) {
      expect(key.Properties).toMatchObject({ KeySpec: keySpec, KeyUsage: 'SIGN_VERIFY' });
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('reach the functions of their service: all read the public key, those that sign may sign, no other function either', () => {
    // Act
    const template = synthesize();

    // Assess
    const ids = functionIds(template);
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    for (const { service, key } of declared) {
      for (const name of Object.keys(service.functions)) {
        const id = ids.get(qualifiedName(service.name, name))!;
        const variables = functions[id]!.Properties.Environment.Variables as Record<string, unknown>;
        expect(variables[signingKeyEnvName(service.name, key)]).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
        expect(variables.SIGNATURE_SUITE).toBe('sha256-ecdsa-p256');
        const actions = roleStatementsOf(template, id).flatMap((s) => s.Action);
        expect(actions).toContain('kms:GetPublicKey');
        expect({ name, signs: actions.includes('kms:Sign') }).toEqual({ name, signs: service.functions[name]!.signsWith?.includes(key) ?? false });
      }
    }
    const others = services.filter((s) => !s.signingKeys).flatMap((s) => Object.keys(s.functions).map((name) => ids.get(qualifiedName(s.name, name))!));
    for (const id of others) expect(roleStatementsOf(template, id).flatMap((s) => s.Action)).not.toContain('kms:Sign');
  });

  it('refuses a suite it does not know', () => {
    // Act / Assess
    expect(() => synthesize({ context: { signatureSuite: 'md5-rsa' } })).toThrow('Context "signatureSuite" must be one of');
  });
});
