/**
 * The OpenAPI 3.1 document of the HTTP API and the AsyncAPI 3.0 document of the topics, generated
 * from the manifests and the zod schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses as it is).
 * `npm run docs` writes both to docs/; a unit test fails when the files there are stale.
 */
import { z } from 'zod';
import { triggersOf, type ServiceManifest } from '#shared/manifest.js';
import { eventsByTopic } from '#events/index.js';
import { dlqTopic, type TopicName } from '#events/topics.js';
import { cloudEventContentType } from '#events/envelope.js';
import { services as allServices } from '#services/index.js';
import { problemContentType } from '#shared/http/problem.js';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const pathParams = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));

const queryParams = (schema: z.ZodType | undefined) => {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
};

/** The OpenAPI 3.1 document. */
export const openApiDocument = (services: readonly ServiceManifest[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const service of services) {
    for (const { functionName, trigger } of triggersOf(service, 'http')) {
      const responses = Object.fromEntries(
        Object.entries({
          ...trigger.responses,
          401: { description: 'No valid token' },
          403: { description: 'Role or unit not allowed' },
          413: { description: 'Body over 256 KB' },
        } as Record<string, { description: string; body?: z.ZodType }>).map(([status, r]) => [
          status,
          {
            description: r.description,
            content: {
              [Number(status) >= 400 ? problemContentType : 'application/json']: {
                schema: r.body ? jsonSchema(r.body, 'output') : {},
              },
            },
          },
        ]),
      );
      (paths[trigger.path] ??= {})[trigger.method.toLowerCase()] = {
        operationId: `${service.name}.${functionName}`,
        summary: trigger.summary,
        tags: [service.name],
        security: [{ jwt: [] }],
        'x-roles': trigger.roles,
        parameters: [...pathParams(trigger.path), ...queryParams(trigger.request?.query)],
        ...(trigger.request?.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(trigger.request.body, 'input') } } } }
          : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '党风廉政建设责任制平台 API / Clean-governance responsibility platform',
      version: '0.1.0',
      description: 'Generated from the service manifests and zod schemas. Errors are RFC 9457 problem+json.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { securitySchemes: { jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
};

/** The AsyncAPI 3.0 document: one channel per topic and its dead-letter topic, one message per event type. */
export const asyncApiDocument = (services: readonly ServiceManifest[]) => {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [topic, union] of Object.entries(eventsByTopic) as Array<[TopicName, z.ZodDiscriminatedUnion]>) {
    const refs: Record<string, { $ref: string }> = {};
    for (const option of union.options as z.ZodObject[]) {
      const type = (option.shape.type as z.ZodLiteral<string>).value;
      messages[type] = {
        name: type,
        contentType: cloudEventContentType,
        payload: jsonSchema(option, 'output'),
        bindings: { kafka: { key: { type: 'string', description: 'The unit id' } } },
      };
      refs[type] = { $ref: `#/components/messages/${type.replace(/\//g, '~1')}` };
    }
    channels[topic] = { address: topic, messages: refs };
    channels[dlqTopic(topic)] = { address: dlqTopic(topic), description: `Records of ${topic} that a consumer could not parse`, messages: refs };
    const producer = services.find((s) => s.produces.includes(topic));
    if (producer) operations[`${producer.name}.publish`] = { action: 'send', channel: { $ref: `#/channels/${topic}` } };
    for (const consumer of services) {
      for (const { functionName } of triggersOf(consumer, 'kafka').filter((k) => k.trigger.topic === topic)) {
        operations[`${consumer.name}.${functionName}`] = { action: 'receive', channel: { $ref: `#/channels/${topic}` } };
      }
    }
  }
  return {
    asyncapi: '3.0.0',
    info: { title: '党风廉政建设责任制平台 events', version: '0.1.0', description: 'CloudEvents 1.0 (structured JSON) on Kafka; key = unit id.' },
    channels,
    operations,
    components: { messages },
  };
};

/** The generated documents, by their path in the repository. */
export const generatedDocs = (services: readonly ServiceManifest[] = allServices): Record<string, string> => ({
  'docs/openapi.json': `${JSON.stringify(openApiDocument(services), null, 2)}\n`,
  'docs/asyncapi.json': `${JSON.stringify(asyncApiDocument(services), null, 2)}\n`,
});
