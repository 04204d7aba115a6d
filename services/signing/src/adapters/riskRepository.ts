/**
 * Power items, risk posts, pledges and the rotation calendar in the signing table:
 * - `UNIT#<unitId>` / `POWER#<powerItemId>`, `RISKPOST#<riskPostId>`, `PLEDGE#<year>#<pledgeId>`;
 * - `PLEDGE#<pledgeId>` / `PLEDGE`: where a pledge is;
 * - `ROTATIONS` / `<dueDate>#<riskPostId>`: the day each holder is due to rotate, so a daily run
 *   reads the due ones with one Query on the key, never a scan.
 */
import { queryAll } from '#shared/dynamo/client.js';
import type { Pledge } from '../domain/pledges.js';
import type { PowerItem, RiskPost } from '../domain/riskPosts.js';
import { getItem, queryItems, table, withoutKeys, type ItemDelete, type ItemPut } from './store.js';

export const unitPowerItems = async (unitId: string): Promise<PowerItem[]> => (await queryItems(`UNIT#${unitId}`, 'POWER#')).map((i) => withoutKeys<PowerItem>(i));

export const powerItemPut = (unitId: string, item: PowerItem): ItemPut => ({ item: { pk: `UNIT#${unitId}`, sk: `POWER#${item.powerItemId}`, kind: 'powerItem', ...item }, expect: 'absent', what: 'The power item' });

export const unitRiskPosts = async (unitId: string): Promise<RiskPost[]> =>
  (await queryItems(`UNIT#${unitId}`, 'RISKPOST#')).map((i) => withoutKeys<RiskPost>(i));

export const riskPostPut = (post: RiskPost): ItemPut => ({
  item: { pk: `UNIT#${post.unitId}`, sk: `RISKPOST#${post.riskPostId}`, kind: 'riskPost', ...post, revision: post.version },
  expect: post.version === 1 ? 'absent' : { revision: post.version - 1 },
  what: 'The risk post',
});

/** A holder's place in the rotation calendar. */
export interface RotationEntry {
  readonly riskPostId: string;
  readonly unitId: string;
  readonly postName: string;
  readonly holder: { readonly personId: string; readonly name: string };
  readonly servingSince: string;
  readonly years: number;
  readonly dueDate: string;
  readonly notified: boolean;
}

const rotationKey = (dueDate: string, riskPostId: string) => ({ pk: 'ROTATIONS', sk: `${dueDate}#${riskPostId}` });

export const rotationPut = (entry: RotationEntry): ItemPut => ({ item: { ...rotationKey(entry.dueDate, entry.riskPostId), kind: 'rotation', ...entry }, expect: 'any', what: 'The rotation' });

/** Takes a holder out of the calendar (a new holder, a new start), if the entry is still that post's. */
export const rotationDelete = (dueDate: string, riskPostId: string): ItemDelete => ({ key: rotationKey(dueDate, riskPostId), attribute: 'riskPostId', value: riskPostId });

/** The entries due on or before `date` not yet announced, oldest first. */
export const dueRotations = async (date: string): Promise<RotationEntry[]> =>
  (
    await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk <= :upTo',
      FilterExpression: 'notified = :no',
      ExpressionAttributeValues: { ':pk': 'ROTATIONS', ':upTo': `${date}#\uffff`, ':no': false },
      ConsistentRead: true,
    })
  ).map((i) => withoutKeys<RotationEntry>(i));

/** Marks an entry announced, if it was not yet: the condition makes a second run (or a concurrent one) a no-op. */
export const rotationNotifiedPut = (entry: RotationEntry): ItemPut => ({
  item: { ...rotationKey(entry.dueDate, entry.riskPostId), kind: 'rotation', ...entry, notified: true, revision: 1 },
  expect: 'unannounced',
  what: 'The rotation',
});

const pledgeSk = (p: Pick<Pledge, 'year' | 'pledgeId'>) => `PLEDGE#${p.year}#${p.pledgeId}`;

export const unitPledges = async (unitId: string, year: number): Promise<Pledge[]> =>
  (await queryItems(`UNIT#${unitId}`, `PLEDGE#${year}#`)).map((i) => withoutKeys<Pledge>(i));

export const getPledge = async (pledgeId: string): Promise<Pledge | undefined> => {
  const ref = await getItem(`PLEDGE#${pledgeId}`, 'PLEDGE');
  if (!ref) return undefined;
  const item = await getItem(`UNIT#${ref.unitId as string}`, pledgeSk({ year: ref.year as number, pledgeId }));
  return item ? withoutKeys<Pledge>(item) : undefined;
};

/** The unit a pledge belongs to, for the reach guard. */
export const pledgeOwner = async (pledgeId: string): Promise<string | undefined> => (await getItem(`PLEDGE#${pledgeId}`, 'PLEDGE'))?.unitId as string | undefined;

/** The puts of a pledge: new (with where it is), or signed (replacing the unsigned one). */
export const pledgePuts = (pledge: Pledge): ItemPut[] => [
  {
    item: { pk: `UNIT#${pledge.unitId}`, sk: pledgeSk(pledge), kind: 'pledge', ...pledge, revision: pledge.status === 'signed' ? 2 : 1 },
    expect: pledge.status === 'signed' ? { revision: 1 } : 'absent',
    what: 'The pledge',
  },
  ...(pledge.status === 'signed'
    ? []
    : [{ item: { pk: `PLEDGE#${pledge.pledgeId}`, sk: 'PLEDGE', kind: 'pledgeRef', unitId: pledge.unitId, year: pledge.year }, expect: 'absent' as const, what: 'The pledge’s reference' }]),
];
