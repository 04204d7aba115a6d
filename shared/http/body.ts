/**
 * Reading a JSON request body strictly: only `application/json`, at most {@link maxBodyBytes}, valid
 * JSON in UTF-8, and no object that names a key twice (`JSON.parse` would keep the last silently).
 */
import { parse as parseJsonTree, type AnyNode } from '@humanwhocodes/momoa';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';

/** Largest JSON body a handler accepts; configuration, 256 KB by default. */
export const maxBodyBytes = (): number => Number(process.env.MAX_BODY_BYTES ?? 256 * 1024);

/** `application/json`, with no parameter but an optional UTF-8 charset. */
const jsonMediaType = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The first key an object of the document names twice, with its JSON path. */
export const duplicateKey = (text: string): string | undefined => {
  const visit = (node: AnyNode, where: string): string | undefined => {
    if (node.type === 'Document') return visit(node.body, where);
    if (node.type === 'Array') {
      for (const [index, element] of node.elements.entries()) {
        const found = visit(element.value, `${where}.${index}`);
        if (found) return found;
      }
    }
    if (node.type === 'Object') {
      const seen = new Set<string>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        if (seen.has(name)) return `${where}.${name}`;
        seen.add(name);
        const found = visit(member.value, `${where}.${name}`);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(parseJsonTree(text, { mode: 'json' }), 'body');
};

/**
 * The body of an HTTP API v2 event as JSON, or `undefined` when there is none. API Gateway hands on
 * a body it considers binary base64-encoded, with `isBase64Encoded` set
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
 */
export const readJsonBody = (event: APIGatewayProxyEventV2, limit: number = maxBodyBytes()): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength === 0) return undefined;
  const contentType = event.headers?.['content-type'] ?? '';
  if (!jsonMediaType.test(contentType.trim())) {
    throw new UnsupportedMediaTypeError(`The body must be application/json, not ${contentType ? JSON.stringify(contentType.slice(0, 100)) : 'unnamed'}`);
  }
  if (raw.byteLength > limit) {
    throw new PayloadTooLargeError(`The body has ${raw.byteLength} bytes; at most ${limit} are accepted`);
  }
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    value = JSON.parse(text);
  } catch (cause) {
    throw new ValidationError('The body is not valid JSON in UTF-8', [], { cause });
  }
  const duplicate = duplicateKey(text);
  if (duplicate) throw new ValidationError(`The body names ${duplicate} twice`, [{ path: duplicate, message: '重复的字段 / duplicate key' }]);
  return value;
};
