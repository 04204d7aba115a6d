import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Parses input with a zod schema; a violation becomes a `ValidationError` (400) naming each field,
 * e.g. `body.sections.0.title`.
 */
export const parseWith = <S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(`Invalid ${where}: ${errors.map((e) => e.path).join(', ')}`, errors, {
    cause: result.error,
  });
};
