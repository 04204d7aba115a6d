/**
 * Reading an HTML form's body (`application/x-www-form-urlencoded`, UTF-8), for the pages that
 * work without JavaScript: every field a string, an empty field absent (a form sends every input,
 * filled or not), a field named twice a 400, as a JSON key named twice is.
 * https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import { maxBodyBytes } from './body.js';

export const formMediaType = 'application/x-www-form-urlencoded';
const formContentType = /^application\/x-www-form-urlencoded\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The form's fields; none when there is no body (a form sent with every field empty, or none). */
export const readFormBody = (event: APIGatewayProxyEventV2, limit: number = maxBodyBytes()): Record<string, string> => {
  if (event.body === undefined || event.body === null || event.body === '') return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  const contentType = event.headers?.['content-type'] ?? '';
  if (!formContentType.test(contentType.trim())) {
    throw new UnsupportedMediaTypeError(`The body must be ${formMediaType}, not ${contentType ? JSON.stringify(contentType.slice(0, 100)) : 'unnamed'}`);
  }
  if (raw.byteLength > limit) throw new PayloadTooLargeError(`The body has ${raw.byteLength} bytes; at most ${limit} are accepted`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (cause) {
    throw new ValidationError('The form is not UTF-8', [], { cause });
  }
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) throw new ValidationError(`The form names ${name.slice(0, 100)} twice`, [{ path: `body.${name.slice(0, 100)}`, message: '重复的字段 / duplicate field' }]);
    fields.set(name, value);
  }
  return Object.fromEntries([...fields].filter(([, value]) => value !== ''));
};
