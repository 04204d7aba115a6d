/** Every manifest function becomes exactly one Lambda function, configured from its manifest. */
import { services } from '#services/index.js';
import { defineService, qualifiedName } from '#shared/manifest.js';
import { FUNCTION_TAG } from '../lib/tags.js';
import { functionIds, onlyResource, resourcesOf, roleStatementsOf, synthesize, tagOf } from './support/platform.js';

const nodeMajor = (runtime: unknown): number => Number(/^nodejs(\d+)\.x$/.exec(String(runtime))?.[1] ?? 0);

const manifestFunctions = services.flatMap((service) =>
  Object.entries(service.functions).map(([functionName, spec]) => ({
    service: service.name,
    name: qualifiedName(service.name, functionName),
    spec,
  })),
);

describe('manifest functions', () => {
  it('are exactly the arm64 Node.js 22+ Lambda functions of the template, one per manifest function', () => {
    // Prepare
    const expected = manifestFunctions.map((fn) => fn.name).sort();

    // Act
    const template = synthesize();

    // Assess
    const platformFunctions = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter(
      (resource) =>
        nodeMajor(resource.Properties.Runtime) >= 22 &&
        (resource.Properties.Architectures as string[] | undefined)?.includes('arm64') === true,
    );
    expect(platformFunctions).toHaveLength(expected.length);
    expect(platformFunctions.map((resource) => tagOf(resource, FUNCTION_TAG)).sort()).toEqual(expected);
  });

  it('get memory, timeout, handler and the platform environment; the Kafka brokers and the VPC only if they use Kafka', () => {
    // Prepare
    const expectations = manifestFunctions;

    // Act
    const template = synthesize();

    // Assess
    const ids = functionIds(template);
    const [brokersId] = onlyResource(template, 'Custom::AWS');
    let kafkaUsers = 0;
    for (const fn of expectations) {
      const resource = resourcesOf(template, 'AWS::Lambda::Function')[ids.get(fn.name) ?? 'missing'];
      const usesKafka = fn.spec.triggers.some((t) => t.type === 'kafka' || (t.type === 'stream' && t.kindFilter === 'outbox'));
      kafkaUsers += usesKafka ? 1 : 0;
      expect(resource?.Properties).toMatchObject({
        Handler: 'index.handler',
        MemorySize: fn.spec.memoryMb,
        Timeout: fn.spec.timeoutSeconds,
        Description: fn.spec.description,
        Environment: { Variables: { POWERTOOLS_SERVICE_NAME: fn.service, NODE_OPTIONS: '--enable-source-maps' } },
      });
      const variables = resource?.Properties.Environment.Variables as Record<string, unknown>;
      expect({ name: fn.name, brokers: variables.KAFKA_BROKERS, auth: variables.KAFKA_AUTH, subnets: resource?.Properties.VpcConfig?.SubnetIds?.length }).toEqual(
        usesKafka
          ? { name: fn.name, brokers: { 'Fn::GetAtt': [brokersId, 'BootstrapBrokerStringSaslIam'] }, auth: 'iam', subnets: 2 }
          : { name: fn.name, brokers: undefined, auth: undefined, subnets: undefined },
      );
      expect(resource?.Properties.FunctionName).toBeUndefined();
    }
    expect(kafkaUsers).toBeGreaterThan(5);
    expect(kafkaUsers).toBeLessThan(expectations.length);
  });

  it('fail synthesis with a clear message when a handler module does not exist', () => {
    // Prepare
    const ghost = defineService({
      name: 'ghost',
      produces: [],
      tables: {},
      functions: {
        haunt: { entry: 'src/handlers/haunt.ts', description: 'Missing', memoryMb: 128, timeoutSeconds: 3, triggers: [] },
      },
    });

    // Act
    const act = (): unknown => synthesize({ services: [ghost] });

    // Assess
    expect(act).toThrow("Handler of ghost-haunt not found: services/ghost/src/handlers/haunt.ts (declared as entry 'src/handlers/haunt.ts' in services/ghost/service.ts).");
  });
});

describe('functions that send notifications', () => {
  const sending = manifestFunctions.filter((fn) => fn.spec.sendsNotifications === true).map((fn) => fn.name);

  it('are the reminder sender alone, which may send SES email and SNS SMS and is told its providers; no other function may', () => {
    // Act
    const template = synthesize({ context: { notifyFrom: 'jiwei@example.gov.cn' } });

    // Assess
    expect(sending).toEqual(['reports-dispatchReminders']);
    const ids = functionIds(template);
    for (const { name } of manifestFunctions) {
      const actions = roleStatementsOf(template, ids.get(name)!).flatMap((s) => s.Action);
      const variables = resourcesOf(template, 'AWS::Lambda::Function')[ids.get(name)!]!.Properties.Environment.Variables as Record<string, unknown>;
      if (sending.includes(name)) {
        expect(actions).toEqual(expect.arrayContaining(['ses:SendEmail', 'sns:Publish']));
        expect(variables).toEqual(expect.objectContaining({ EMAIL_PROVIDER: 'ses', SES_FROM_ADDRESS: 'jiwei@example.gov.cn', SMS_PROVIDER: 'sns' }));
        // The links in reminders lead to the web app's distribution, not to a local address.
        expect(JSON.stringify(variables.PUBLIC_BASE_URL)).toMatch(/"https:\/\/".*WebDistribution.*"DomainName"/);
      } else {
        expect(actions.filter((a) => a.startsWith('ses:') || a.startsWith('sns:'))).toEqual([]);
        expect(variables.EMAIL_PROVIDER).toBeUndefined();
      }
    }
  });

  it('send SMS through a domestic provider when the deployment names one (the China regions), with no SNS grant', () => {
    // Act
    const template = synthesize({ context: { smsProvider: 'aliyun' } });

    // Assess
    const id = functionIds(template).get('reports-dispatchReminders')!;
    expect((resourcesOf(template, 'AWS::Lambda::Function')[id]!.Properties.Environment.Variables as Record<string, unknown>).SMS_PROVIDER).toBe('aliyun');
    expect(roleStatementsOf(template, id).flatMap((s) => s.Action)).not.toContain('sns:Publish');
  });
});
