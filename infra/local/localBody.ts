/** The JSON body of a development endpoint, parsed with its schema: not JSON, or not the shape, is a 400 problem. */
import type { z } from 'zod';
import { ValidationError } from '#shared/errors.js';
import { parseWith } from '#shared/http/parse.js';

export const parseLocalBody = <S extends z.ZodType>(schema: S, body: Buffer): z.output<S> => {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch (cause) {
    throw new ValidationError('The body is not valid JSON', [], { cause });
  }
  return parseWith(schema, json, 'body');
};
