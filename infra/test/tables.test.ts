/** Every manifest table becomes exactly one DynamoDB table, and its service's functions learn its name. */
import { services } from '#services/index.js';
import { qualifiedName, tableEnvName } from '#shared/manifest.js';
import { ttlAttribute } from '#shared/dynamo/client.js';
import { TABLE_TAG } from '../lib/tags.js';
import { functionIds, resourcesOf, roleStatementsOf, synthesize, tableIds, tagOf } from './support/platform.js';

const manifestTables = services.flatMap((service) =>
  Object.entries(service.tables).map(([key, spec]) => ({ service, key, tag: `${service.name}.${key}`, spec })),
);

describe('manifest tables', () => {
  it('are exactly the DynamoDB tables of the template', () => {
    // Prepare
    const expected = manifestTables.map((table) => table.tag).sort();

    // Act
    const template = synthesize();

    // Assess
    const tables = Object.values(resourcesOf(template, 'AWS::DynamoDB::Table'));
    expect(tables.map((table) => tagOf(table, TABLE_TAG)).sort()).toEqual(expected);
  });

  it('have pk/sk string keys, on-demand billing, TTL and a stream as declared, and are retained', () => {
    // Prepare
    const expectations = manifestTables;

    // Act
    const template = synthesize();

    // Assess
    const ids = tableIds(template);
    for (const { tag, spec } of expectations) {
      const table = resourcesOf(template, 'AWS::DynamoDB::Table')[ids.get(tag) ?? 'missing'];
      expect(table).toBeDefined();
      expect(table?.Properties).toMatchObject({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
      });
      expect(table?.Properties.StreamSpecification).toEqual(spec.stream ? { StreamViewType: 'NEW_IMAGE' } : undefined);
      expect(table?.Properties.TableName).toBeUndefined();
      expect(table?.DeletionPolicy).toBe('Retain');
      expect(table?.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('are named to each function of their service through tableEnvName, with read/write access', () => {
    // Prepare
    const expectations = manifestTables.flatMap(({ service, key, tag }) =>
      Object.keys(service.functions).map((functionName) => ({
        fn: qualifiedName(service.name, functionName),
        variable: tableEnvName(service.name, key),
        tag,
      })),
    );

    // Act
    const template = synthesize();

    // Assess
    const functions = functionIds(template);
    const tables = tableIds(template);
    for (const { fn, variable, tag } of expectations) {
      const resource = resourcesOf(template, 'AWS::Lambda::Function')[functions.get(fn) ?? 'missing'];
      expect(resource?.Properties.Environment.Variables[variable]).toEqual({ Ref: tables.get(tag) });
      expect(roleStatementsOf(template, functions.get(fn) ?? 'missing')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Allow',
            Action: expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
            Resource: expect.arrayContaining([{ 'Fn::GetAtt': [tables.get(tag), 'Arn'] }]),
          }),
        ]),
      );
    }
  });
});
