/**
 * The dashboard's unit tree does not depend on the order its events are applied in, on the real
 * broker and DynamoDB Local. A unit's own events share its key, but a move of a unit above it is on
 * another partition, so live consumers and a replay may apply them in any order.
 *
 * A small tree is built twice from fixture `signing.events`, with the same names and times: once in
 * the order the signing service made the events (all on one partition, so applied in that order),
 * once keyed by unit as the relay keys them and in an order that partitions can give: a rename
 * before its unit's registration, a move before the registration of a unit below it, and an older
 * move after a newer one. Both trees end item for item the same, and the gateway shows the moved
 * tree; the reports and interviews services, whose consumers keep the units the same way, end with
 * the same tree. Then every order of one unit's events, written through the projection's effects to
 * a table of the test's own, gives the same item.
 */
import { isDeepStrictEqual } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { withFreshIds } from '#events/fixtures/index.js';
import { cstDate, cloudEventContentType, toCstIso } from '#events/envelope.js';
import { SigningEvent, type UnitMovedV1, type UnitRegisteredV1, type UnitRenamedV1 } from '#events/index.js';
import { topics } from '#events/topics.js';
import type { TransactItem } from '#shared/kafka/consumer.js';
import { knownUnitOf } from '#shared/dynamo/knownUnits.js';
import { kafkaProducer, type ProducerPort } from '#shared/kafka/producer.js';
import { createKeyedTable, localDynamoClient } from '#infra/local/dynamodb.js';
import type { Runtime } from '#infra/local/runtime.js';
import { api, documentClient, eventually, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { readState } from '#infra/local/test/support/state.js';
import type { AnnualReportOverview } from '../../src/schemas.js';
import { ancestorsSlot, projectedUnitOf, table, unitMoved, unitRegistered, unitRenamed } from '../../src/adapters/projection.js';

let runtime: Runtime;
let producer: ProducerPort;
const suffix = Date.now().toString(36);
const year = Number(cstDate(new Date()).slice(0, 4));
/** The first event's time: a minute ago, the others a second apart. */
const startedAt = Date.now() - 60_000;
const at = (second: number) => toCstIso(new Date(startedAt + second * 1000));

type Item = Record<string, unknown>;
type UnitEvent = UnitRegisteredV1 | UnitRenamedV1 | UnitMovedV1;

/** The units of the tree: a city with a district and two counties below it, a town in county A and a community in the town. */
const roles = ['city', 'district', 'countyA', 'countyB', 'town', 'community'] as const;
type Role = (typeof roles)[number];
type Tree = Readonly<Record<Role, string>>;
const names: Readonly<Record<Role, string>> = { city: '序市', district: '序新区', countyA: '序甲县', countyB: '序乙县', town: '序镇', community: '序社区' };
const nameOf = (role: Role) => `${names[role]}-${suffix}`;
const renamedCommunity = `序街道-${suffix}`;
const freshTree = (): Tree => Object.fromEntries(roles.map((role) => [role, uuidv7()])) as Record<Role, string>;

/** The fixture event `type` of `unitId` at its aggregate `version`, at `time`, with `data` laid over the fixture's; checked against its schema. */
const unitEvent = <T extends UnitEvent['type']>(type: T, unitId: string, version: number, time: string, data: Record<string, unknown>) =>
  SigningEvent.parse({ ...withFreshIds(type, unitId, data), subject: unitId, aggregateversion: version, time }) as Extract<UnitEvent, { type: T }>;

const registration = (tree: Tree, role: Role, parent: Role | null, ancestors: readonly Role[], second: number) =>
  unitEvent('signing.UnitRegistered.v1', tree[role], 1, at(second), {
    name: nameOf(role),
    parentId: parent === null ? null : tree[parent],
    ancestorIds: ancestors.map((r) => tree[r]),
    category: parent === null ? '市委' : '县（市、区）委',
  });

/** The move of `role` from `from` to `to`, stating its ancestors and those of the units below it after the move. */
const move = (tree: Tree, role: Role, version: number, second: number, from: readonly Role[], to: readonly Role[], below: ReadonlyArray<readonly [Role, readonly Role[]]>) =>
  unitEvent('signing.UnitMoved.v1', tree[role], version, at(second), {
    parentId: tree[to.at(-1)!],
    previousParentId: tree[from.at(-1)!],
    ancestorIds: to.map((r) => tree[r]),
    previousAncestorIds: from.map((r) => tree[r]),
    descendants: below.map(([unit, ancestors]) => ({ unitId: tree[unit], ancestorIds: ancestors.map((r) => tree[r]) })),
  });

/**
 * The tree's events in the order the signing service made them: every unit registered, the
 * community renamed, the town moved from county A to county B, then county B moved under the district.
 */
const treeEvents = (tree: Tree) => ({
  city: registration(tree, 'city', null, [], 0),
  district: registration(tree, 'district', 'city', ['city'], 1),
  countyA: registration(tree, 'countyA', 'city', ['city'], 2),
  countyB: registration(tree, 'countyB', 'city', ['city'], 3),
  town: registration(tree, 'town', 'countyA', ['city', 'countyA'], 4),
  community: registration(tree, 'community', 'town', ['city', 'countyA', 'town'], 5),
  communityRenamed: unitEvent('signing.UnitRenamed.v1', tree.community, 2, at(6), { name: renamedCommunity, previousName: nameOf('community') }),
  townMoved: move(tree, 'town', 2, 7, ['city', 'countyA'], ['city', 'countyB'], [['community', ['city', 'countyB', 'town']]]),
  countyBMoved: move(tree, 'countyB', 2, 8, ['city'], ['city', 'district'], [
    ['town', ['city', 'district', 'countyB']],
    ['community', ['city', 'district', 'countyB', 'town']],
  ]),
});

/** Publishes events in the order given, each keyed by `key` or, as the relay keys them, by its unit. */
const publish = (events: readonly UnitEvent[], key?: string) =>
  producer.send(
    topics.signing,
    events.map((event) => ({ key: key ?? event.unitid, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } })),
  );

const unitItem = async (unitId: string): Promise<Item | undefined> =>
  (await documentClient().send(new GetCommand({ TableName: table(), Key: { pk: 'UNITS', sk: `UNIT#${unitId}` }, ConsistentRead: true }))).Item;

/** Whether the dashboard has applied the event: the name of a rename, the ancestors of a registration or a move on each unit it names. */
const applied = async (event: UnitEvent): Promise<boolean> => {
  if (event.type === 'signing.UnitRenamed.v1') return (await unitItem(event.data.unitId))?.name === event.data.name;
  const units = event.type === 'signing.UnitMoved.v1' ? [event.data.unitId, ...event.data.descendants.map((d) => d.unitId)] : [event.data.unitId];
  const items = await Promise.all(units.map(unitItem));
  return items.every((item) => item?.[ancestorsSlot(event)] !== undefined);
};

const whenApplied = (event: UnitEvent) => eventually(async () => ((await applied(event)) ? true : undefined), 30_000, `${event.type} of ${event.data.unitId} on the dashboard`, 100);

/** Publishes one event keyed by its unit and waits until the dashboard has applied it. */
const applyNow = async (event: UnitEvent) => {
  await publish([event]);
  await whenApplied(event);
};

/** The tree's unit items with the units named by role and the event ids left out of the ancestors' attribute names. */
const itemsByRole = async (tree: Tree) => {
  const items = await Promise.all(roles.map(async (role) => [role, await unitItem(tree[role])] as const));
  let text = JSON.stringify(Object.fromEntries(items));
  for (const role of roles) text = text.replaceAll(tree[role], role);
  return JSON.parse(text.replace(/(ancestors#[^#"]+)#[0-9a-f-]{36}/g, '$1')) as Record<Role, Item>;
};

/** The tree as the gateway shows it to an admin of its city: each unit's role, name and parent's role, parents first. */
const shownTree = async (tree: Tree) => {
  const answer = await api<AnnualReportOverview>(runtime, 'GET', `/api/dashboard/annual-reports?year=${year}`, { token: await tokenFor(runtime, 'admin', tree.city) });
  if (answer.status !== 200) throw new Error(`GET /api/dashboard/annual-reports: ${answer.status} ${JSON.stringify(answer.body)}`);
  const roleOf = new Map(roles.map((role) => [tree[role], role]));
  return answer.body.units.map((u) => ({ unit: roleOf.get(u.unitId) ?? u.unitId, name: u.name, parent: u.parentId === null ? null : (roleOf.get(u.parentId) ?? u.parentId) }));
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  producer = kafkaProducer('dashboard-unit-order-test');
});

afterAll(async () => {
  await producer?.disconnect();
  await runtime?.stop();
});

describe('the unit tree rebuilt from events applied out of order', () => {
  const natural = freshTree();
  const scrambled = freshTree();

  beforeAll(async () => {
    // The natural order: all on one partition (keyed by the city), so applied as they were made.
    const made = Object.values(treeEvents(natural));
    await publish(made, natural.city);
    await whenApplied(made.at(-1)!);

    // An order that partitions can give, each step applied before the next is published.
    const e = treeEvents(scrambled);
    for (const root of [e.city, e.district, e.countyA, e.countyB]) await applyNow(root);
    await applyNow(e.communityRenamed); // the rename before the registration
    await applyNow(e.countyBMoved); // a move before the registration of the units below it
    await applyNow(e.town);
    await applyNow(e.townMoved); // an older move after a newer one above the community
    await applyNow(e.community);
  }, 120_000);

  it('ends with the same unit items as in the order the events were made', async () => {
    // Act
    const [expected, actual] = await Promise.all([itemsByRole(natural), itemsByRole(scrambled)]);

    // Assess
    expect(actual).toEqual(expected);
    expect(actual.community).toMatchObject({ kind: 'unit', unitId: 'community', name: renamedCommunity });
    expect(projectedUnitOf(actual.community)).toEqual({ id: 'community', name: renamedCommunity, ancestorIds: ['city', 'district', 'countyB', 'town'] });
  });

  it('shows through the gateway the tree after both moves, with the community’s new name', async () => {
    // Act
    const [expected, actual] = await Promise.all([shownTree(natural), shownTree(scrambled)]);

    // Assess
    expect(actual).toEqual(expected);
    expect([...actual].sort((a, b) => roles.indexOf(a.unit as Role) - roles.indexOf(b.unit as Role))).toEqual([
      { unit: 'city', name: nameOf('city'), parent: null },
      { unit: 'district', name: nameOf('district'), parent: 'city' },
      { unit: 'countyA', name: nameOf('countyA'), parent: 'city' },
      { unit: 'countyB', name: nameOf('countyB'), parent: 'district' },
      { unit: 'town', name: nameOf('town'), parent: 'countyB' },
      { unit: 'community', name: renamedCommunity, parent: 'town' },
    ]);
    expect(actual.map((u) => u.unit).slice(-3)).toEqual(['countyB', 'town', 'community']);
  });

  it('leaves the reports and interviews services the same tree, which they judge reach by', async () => {
    // Prepare: each unit's ancestors after both moves, by role.
    const expected = { city: [], district: ['city'], countyA: ['city'], countyB: ['city', 'district'], town: ['city', 'district', 'countyB'], community: ['city', 'district', 'countyB', 'town'] };
    const roleOf = (id: string) => roles.find((role) => scrambled[role] === id) ?? id;

    for (const service of ['reports', 'interviews']) {
      // Act: their consumers apply the same events at their own pace.
      const known = await eventually(
        async () => {
          const items = await Promise.all(roles.map(async (role) => (await documentClient().send(new GetCommand({ TableName: service, Key: { pk: 'UNITS', sk: `UNIT#${scrambled[role]}` }, ConsistentRead: true }))).Item));
          if (items.some((item) => item === undefined)) return undefined;
          const units = items.map((item) => knownUnitOf(item!));
          const byRole = Object.fromEntries(roles.map((role, i) => [role, units[i]!.ancestorIds.map(roleOf)]));
          return isDeepStrictEqual(byRole, expected) && units[5]!.name === renamedCommunity ? { byRole, community: units[5]!.name } : undefined;
        },
        30_000,
        `${service} to hold the tree after both moves`,
      );

      // Assess
      expect(known).toEqual({ byRole: expected, community: renamedCommunity });
    }
  });
});

describe('the item of a unit', () => {
  const scratch = `dashboard-unit-order-${suffix}`;

  beforeAll(async () => {
    await createKeyedTable(localDynamoClient(readState().endpoint), scratch);
  });

  afterAll(async () => {
    await localDynamoClient(readState().endpoint).send(new DeleteTableCommand({ TableName: scratch }));
  });

  /** Every order of the items of `list`. */
  const orders = <T>(list: readonly T[]): T[][] => (list.length <= 1 ? [[...list]] : list.flatMap((first, i) => orders([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest])));

  /** An action of an effect, on the test's table. */
  const retarget = (action: TransactItem): TransactItem => (action.Put ? { Put: { ...action.Put, TableName: scratch } } : { Update: { ...action.Update!, TableName: scratch } });

  /** Writes the effects of each event, in the order given, each in a transaction of its own as the consumer does, to the test's table. */
  const writeInOrder = async (effects: ReadonlyArray<readonly TransactItem[]>) => {
    for (const actions of effects) await documentClient().send(new TransactWriteCommand({ TransactItems: actions.map(retarget) }));
  };

  it('comes out the same from its registration, a rename, its own move and two moves above it, in every order', async () => {
    // Prepare: the unit registered under b, renamed, moved under c, then moved with b's move, and with c's.
    const [a, b, c, d, x] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const eventsOf = (unitId: string) => {
      const registered = unitEvent('signing.UnitRegistered.v1', unitId, 1, at(0), { name: `序单位-${suffix}`, parentId: b, ancestorIds: [a, b] });
      const renamed = unitEvent('signing.UnitRenamed.v1', unitId, 2, at(1), { name: renamedCommunity, previousName: `序单位-${suffix}` });
      const bMoved = unitEvent('signing.UnitMoved.v1', b, 2, at(2), { parentId: x, previousParentId: a, ancestorIds: [x], previousAncestorIds: [a], descendants: [{ unitId, ancestorIds: [x, b] }] });
      const ownMove = unitEvent('signing.UnitMoved.v1', unitId, 3, at(3), { parentId: c, previousParentId: b, ancestorIds: [a, c], previousAncestorIds: [x, b], descendants: [] });
      const cMoved = unitEvent('signing.UnitMoved.v1', c, 2, at(4), { parentId: d, previousParentId: a, ancestorIds: [d], previousAncestorIds: [a], descendants: [{ unitId, ancestorIds: [d, c] }] });
      return [unitRegistered(registered), unitRenamed(renamed), unitMoved(bMoved), unitMoved(ownMove), unitMoved(cMoved)];
    };
    const runs = orders([0, 1, 2, 3, 4]).map((order) => ({ order, unitId: uuidv7() }));

    // Act
    for (let i = 0; i < runs.length; i += 20) {
      await Promise.all(
        runs.slice(i, i + 20).map(({ order, unitId }) => {
          const effects = eventsOf(unitId);
          return writeInOrder(order.map((n) => effects[n]!));
        }),
      );
    }
    const items = await Promise.all(
      runs.map(async ({ unitId }) => (await documentClient().send(new GetCommand({ TableName: scratch, Key: { pk: 'UNITS', sk: `UNIT#${unitId}` }, ConsistentRead: true }))).Item!),
    );

    // Assess: the event ids differ from run to run; with them and the unit left out, every item is the first's.
    const shape = (item: Item) => Object.fromEntries(Object.entries(item).flatMap(([name, value]) => (name === 'sk' || name === 'unitId' ? [] : [[name.replace(/#[0-9a-f-]{36}$/, ''), value]])));
    expect(runs).toHaveLength(120);
    for (const item of items) expect(shape(item)).toEqual(shape(items[0]!));
    items.forEach((item, i) => expect(projectedUnitOf(item)).toEqual({ id: runs[i]!.unitId, name: renamedCommunity, ancestorIds: [d, c] }));
  });
});
