import { z } from 'zod';
import { Role } from './roles.js';
import { UnauthorizedError } from '../errors.js';

/**
 * The JWT claims the system reads. API Gateway's JWT authorizer (and the local gateway) put them at
 * `requestContext.authorizer.jwt.claims`, every value as a string. Cognito prefixes custom
 * attributes with `custom:`; the local token uses the same names.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
export const Claims = z.object({
  sub: z.string().min(1),
  'custom:role': Role,
  'custom:unit': z.string().min(1).optional(),
});
export type Claims = z.infer<typeof Claims>;

/** Who is calling: a role and, except for a system-wide admin, the unit whose subtree they reach. */
export interface Caller {
  readonly subject: string;
  readonly role: Role;
  readonly unitId: string | undefined;
}

/** Reads the caller from an HTTP API v2 event; no or malformed claims are a 401. */
export const callerFromEvent = (event: { requestContext: object }): Caller => {
  const { authorizer } = event.requestContext as { authorizer?: { jwt?: { claims?: unknown } } };
  const parsed = Claims.safeParse(authorizer?.jwt?.claims);
  if (!parsed.success) throw new UnauthorizedError('The request carries no valid token');
  return { subject: parsed.data.sub, role: parsed.data['custom:role'], unitId: parsed.data['custom:unit'] };
};
