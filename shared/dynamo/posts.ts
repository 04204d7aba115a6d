/**
 * The people in a unit's posts, as `signing.events` announces them, kept by a service that names
 * people (talks, notices, cases): `UNIT#<unitId>` / `POST#<postId>`, with the end date once the
 * person leaves. Effects are updates without conditions, so they come out the same in any order.
 */
import type { PersonAssignedV1, PersonLeftPostV1 } from '#events/index.js';

export const postKey = (unitId: string, postId: string) => ({ pk: `UNIT#${unitId}`, sk: `POST#${postId}` });

/** An update that sets the attributes named, whatever the item held. */
const setOn = (table: string, key: { pk: string; sk: string }, values: Record<string, unknown>, kind: string) => ({
  Update: {
    TableName: table,
    Key: key,
    UpdateExpression: `SET #kind = :kind, ${Object.keys(values)
      .map((n) => `#${n} = :${n}`)
      .join(', ')}`,
    ExpressionAttributeNames: { '#kind': 'kind', ...Object.fromEntries(Object.keys(values).map((n) => [`#${n}`, n])) },
    ExpressionAttributeValues: { ':kind': kind, ...Object.fromEntries(Object.entries(values).map(([n, v]) => [`:${n}`, v])) },
  },
});

/** The effects of a person's assignment and leaving on the posts kept in `table`. */
export const postEffects = (table: () => string) => ({
  assigned: ({ data }: PersonAssignedV1) =>
    setOn(table(), postKey(data.unitId, data.postId), { postId: data.postId, personId: data.personId, name: data.name, role: data.role, title: data.title, startDate: data.startDate, endDate: null }, 'post'),
  left: ({ data }: PersonLeftPostV1) => setOn(table(), postKey(data.unitId, data.postId), { endDate: data.endDate }, 'post'),
});
