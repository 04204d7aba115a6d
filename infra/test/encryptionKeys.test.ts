/**
 * Every encryption key a manifest declares becomes one symmetric KMS key, rotated yearly, that
 * outlives the stack; only the functions that name it may encrypt with it, and only those that say
 * so may decrypt.
 */
import { services } from '#services/index.js';
import { encryptionKeyEnvName, qualifiedName } from '#shared/manifest.js';
import { functionIds, resourcesOf, roleStatementsOf, synthesize } from './support/platform.js';

const declared = services.flatMap((service) => Object.keys(service.encryptionKeys ?? {}).map((key) => ({ service, key })));

describe('encryption keys', () => {
  it('are symmetric KMS keys with yearly rotation, retained with what they encrypted', () => {
    // Act
    const template = synthesize();

    // Assess
    const descriptions = declared.map(({ service, key }) => `${service.name}: ${service.encryptionKeys![key]!.description}`);
    const keys = Object.values(resourcesOf(template, 'AWS::KMS::Key')).filter((k) => descriptions.includes(k.Properties.Description as string));
    expect(declared.length).toBeGreaterThan(0);
    expect(keys).toHaveLength(declared.length);
    for (const key of keys) {
      expect(key.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('reach their service’s functions by name; encrypt and decrypt are granted only to the functions that declare them', () => {
    // Act
    const template = synthesize();

    // Assess
    const ids = functionIds(template);
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    for (const { service, key } of declared) {
      for (const [name, spec] of Object.entries(service.functions)) {
        const id = ids.get(qualifiedName(service.name, name))!;
        const variables = functions[id]!.Properties.Environment.Variables as Record<string, unknown>;
        const keyArn = variables[encryptionKeyEnvName(service.name, key)];
        expect(keyArn).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
        // What the role may do with this key (the service's data key, which its tables use, is another).
        const actions = roleStatementsOf(template, id)
          .filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify(keyArn)))
          .flatMap((s) => s.Action);
        expect({ name, encrypts: actions.includes('kms:Encrypt'), decrypts: actions.includes('kms:Decrypt') }).toEqual({
          name,
          encrypts: spec.encryptsWith?.includes(key) ?? false,
          decrypts: spec.decryptsWith?.includes(key) ?? false,
        });
      }
    }
    // No function of another service may use the key at all.
    const keyIds = new Set(declared.map(({ service, key }) => JSON.stringify(resourcesOf(template, 'AWS::Lambda::Function')[ids.get(qualifiedName(service.name, Object.keys(service.functions)[0]!))!]!.Properties.Environment.Variables[encryptionKeyEnvName(service.name, key)])));
    const others = services.filter((s) => !s.encryptionKeys).flatMap((s) => Object.keys(s.functions).map((name) => ids.get(qualifiedName(s.name, name))!));
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) {
      const resources = roleStatementsOf(template, id).map((s) => JSON.stringify(s.Resource));
      for (const keyId of keyIds) expect(resources.filter((r) => r.includes(keyId))).toEqual([]);
    }
  });
});
