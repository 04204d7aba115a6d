/**
 * The OpenAPI 3.1 document of the HTTP API and the AsyncAPI 3.0 document of the topics, generated
 * from the manifests and the zod schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses as it is).
 * `npm run docs` writes both to docs/; a unit test fails when the files there are stale.
 */
import { formMediaType } from '#shared/http/form.js';
import { z } from 'zod';
import { triggersOf, type ServiceManifest } from '#shared/manifest.js';
import { eventsByTopic } from '#events/index.js';
import { dlqTopic, type TopicName } from '#events/topics.js';
import { cloudEventContentType } from '#events/envelope.js';
import { services as allServices } from '#services/index.js';
import { Problem, problemContentType } from '#shared/http/problem.js';
import { wireSchemas } from '#shared/http/inputs.js';
import { maxBodyBytes } from '#shared/http/body.js';

/**
 * JSON Schema of a zod schema. Inputs whose wire form differs from their zod type (a year in a path
 * is a string that must spell an integer) take the schema registered in `wireSchemas`.
 */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      const wire = io === 'input' ? wireSchemas.get(ctx.zodSchema) : undefined;
      if (!wire) return;
      const target = ctx.jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(target)) delete target[key];
      Object.assign(target, wire.jsonSchema);
    },
  });

/** The parameters of one place (`path`, `query`) from the route's object schema. */
const parameters = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, examples, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required?.includes(name) ?? false),
      ...(description ? { description } : {}),
      schema: rest,
      ...(Array.isArray(examples) && examples.length > 0 ? { example: examples[0] } : {}),
    };
  });
};

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { [problemContentType]: { schema: problemRef } } });

/** Answers every route can give, shared as components. */
const commonResponses = {
  BadRequest: problemResponse('Malformed path, query, header or body: `errors` names each field'),
  Unauthorized: problemResponse('No valid token'),
  Forbidden: problemResponse('The role may not call the route, or the unit is out of the caller’s reach (whether or not it exists)'),
  PayloadTooLarge: problemResponse(`A body over ${maxBodyBytes()} bytes, or more than DynamoDB stores in one item`),
  UnsupportedMediaType: problemResponse('A body that is not application/json'),
  Conflict: problemResponse('A request with this Idempotency-Key is still being processed'),
  Unprocessable: problemResponse('This Idempotency-Key was used with another body'),
};
const responseRef = (name: keyof typeof commonResponses) => ({ $ref: `#/components/responses/${name}` });

/** The OpenAPI 3.1 document. */
export const openApiDocument = (services: readonly ServiceManifest[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const service of services) {
    for (const { functionName, trigger } of triggersOf(service, 'http')) {
      const body = trigger.request?.body;
      const declared = Object.fromEntries(
        Object.entries(trigger.responses as Record<string, { description: string; body?: z.ZodType; contentType?: string }>).map(([status, r]) => [
          status,
          Number(status) >= 400 && r.contentType === undefined
            ? problemResponse(r.description)
            : { description: r.description, content: { [r.contentType ?? 'application/json']: { schema: r.body ? jsonSchema(r.body, 'output') : {} } } },
        ]),
      );
      (paths[trigger.path] ??= {})[trigger.method.toLowerCase()] = {
        operationId: `${service.name}.${functionName}`,
        summary: trigger.summary,
        tags: [service.name],
        // A public route takes no token: the public site and complaint intake.
        security: trigger.public ? [] : [{ jwt: [] }],
        'x-roles': trigger.roles,
        'x-reach': trigger.reach,
        parameters: [
          ...parameters('path', trigger.request?.path),
          ...parameters('query', trigger.request?.query),
          ...(trigger.idempotent
            ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeat a creation safely: the same key gives the first answer', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' } }]
            : []),
        ],
        ...(body
          ? {
              requestBody: {
                required: true,
                description: trigger.form
                  ? `An HTML form in UTF-8, at most ${trigger.maxBodyBytes ?? maxBodyBytes()} bytes, no field twice; an empty field is absent`
                  : `JSON in UTF-8, at most ${trigger.maxBodyBytes ?? maxBodyBytes()} bytes, no key twice in one object`,
                content: { [trigger.form ? formMediaType : 'application/json']: { schema: jsonSchema(body, 'input') } },
                'x-max-body-bytes': trigger.maxBodyBytes ?? maxBodyBytes(),
              },
            }
          : {}),
        responses: {
          ...declared,
          400: responseRef('BadRequest'),
          ...(trigger.public ? {} : { 401: responseRef('Unauthorized'), 403: responseRef('Forbidden') }),
          ...(body ? { 413: responseRef('PayloadTooLarge'), 415: responseRef('UnsupportedMediaType') } : {}),
          ...(trigger.idempotent ? { 409: declared[409] ?? responseRef('Conflict'), 422: responseRef('Unprocessable') } : {}),
        },
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
    components: {
      securitySchemes: { jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(Problem, 'output') },
      responses: commonResponses,
    },
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
