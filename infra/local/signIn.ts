/**
 * The development sign-in behind the app's sign-in page, local only (docs/adr/0018-web-app.md):
 * it lists the units and the people in their posts, and signs a token for the person and role
 * picked, with the runtime's own key, as `npm run token` does. In AWS the app signs in with OIDC
 * and none of this exists.
 */
import { z } from 'zod';
import { parseLocalBody } from './localBody.js';
import { signToken, type loadOrCreateKeys } from './jwt.js';
import { httpClient } from './support/httpClient.js';

const Role = z.enum(['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin']);

/** `POST /_local/sign-in`: a role, and for every role but admin the unit and, if picked, the person. */
const SignInBody = z
  .strictObject({
    role: Role,
    unitId: z.string().min(1).max(200).optional(),
    personId: z.string().min(1).max(200).optional(),
  })
  .refine((b) => b.role === 'admin' || b.unitId !== undefined, { path: ['unitId'], message: '请选择单位 / pick a unit' });

/** The post a person holds, and the role they sign in with by default. */
const roleOfPost: Record<string, z.infer<typeof Role>> = {
  secretary: 'unit_secretary',
  teamMember: 'unit_staff',
  disciplineChief: 'discipline_inspector',
};

interface Unit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** The endpoints, reading the API of the gateway at `baseUrl` with an admin token. */
export const developmentSignIn = (keys: Awaited<ReturnType<typeof loadOrCreateKeys>>, baseUrl: () => string) => {
  const asAdmin = async <T>(path: string): Promise<T> => {
    const client = httpClient(baseUrl());
    try {
      return await client.expect<T>('GET', path, 200, { token: await signToken(keys, 'admin') });
    } finally {
      client.close();
    }
  };
  return {
    /** The unit tree, parents before children. */
    units: async () => ({ units: (await asAdmin<{ units: Unit[] }>('/api/units')).units.map(({ id, name, parentId }) => ({ id, name, parentId })) }),
    /** The people in the unit's posts, each with the role their post signs in with. */
    people: async (unitId: string) => {
      const { posts } = await asAdmin<{ posts: Array<{ personId: string; name: string; role: string }> }>(`/api/units/${encodeURIComponent(unitId)}/posts`);
      return { people: posts.map((p) => ({ personId: p.personId, name: p.name, post: p.role, role: roleOfPost[p.role] ?? 'unit_staff' })) };
    },
    /** A token for the person (or the role of the unit, when no person is picked). */
    token: async (body: Buffer) => {
      const input = parseLocalBody(SignInBody, body);
      const unitId = input.role === 'admin' ? undefined : input.unitId;
      return { token: await signToken(keys, input.role, unitId, input.personId ?? `demo-${input.role}-${unitId ?? 'all'}`) };
    },
  };
};
