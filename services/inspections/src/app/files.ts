/**
 * A cadre's integrity file read as a timeline, and the commission's written opinion on an
 * appointment given from it: the bans in force and the open cases decide, an active ban always
 * rejects. The file follows the person across posts and units; every read is recorded.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { stateOf } from '#shared/dynamo/store.js';
import { cstDate, toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { accessLog, getKnownUnit, personItems, personKey, postsOf, recordAccess, store } from '../adapters/inspectionRepository.js';
import { bars, opinionOn, type Ban } from '../domain/accountability.js';
import type { Case } from '../domain/cases.js';
import type { FileEntry, OpinionBody } from '../schemas.js';
import { inspectionsEvent } from './events.js';
import { personInPath, ref } from './people.js';

type BanItem = Ban & { readonly banId: string };

const bansOfPerson = async (personId: string): Promise<BanItem[]> =>
  (await personItems(personId, 'BAN#')).map((i) => {
    const { banKind, ...ban } = stateOf<Omit<BanItem, 'kind'> & { banKind: BanItem['kind'] }>(i);
    return { ...ban, kind: banKind };
  });

/** The cases naming the person that are not closed: the open clues an opinion waits for. */
const openCasesOf = async (personId: string) => {
  const pointers = await personItems(personId, 'CASE#');
  const cases = await Promise.all(pointers.map(async (p) => store.getItem(`UNIT#${String(p.unitId)}`, String(p.sk))));
  return cases.flatMap((i) => (i ? [stateOf<Case>(i)] : [])).filter((c) => c.status !== 'closed');
};

/** The units the person held posts in, as far as this service has heard: from the file's post entries. */
const postsOfPerson = async (personId: string, fileItems: readonly Record<string, unknown>[]) => {
  const unitIds = [...new Set(fileItems.filter((i) => i.category === 'post').map((i) => String(i.unitId)))];
  const posts = (await Promise.all(unitIds.map(postsOf))).flat().filter((p) => p.personId === personId);
  return Promise.all(posts.map(async (p) => ({ unitId: p.unitId, unitName: (await getKnownUnit(p.unitId))?.name ?? '', title: p.title, startDate: p.startDate, endDate: p.endDate })));
};

/** The integrity file of a person who holds or held a post in the unit; the read is recorded. */
export const integrityFile = async (caller: Caller, unitId: string, personId: string, now: Date) => {
  const person = await personInPath(unitId, personId);
  const today = cstDate(now);
  const items = await personItems(personId, 'FILE#');
  const [posts, bans, open] = await Promise.all([postsOfPerson(personId, items), bansOfPerson(personId), openCasesOf(personId)]);
  await recordAccess(`FILE#${personId}`, caller, toCstIso(now));
  return {
    person: { personId, name: person.name, posts },
    entries: items.map((i) => ({ at: String(i.at), summary: String(i.summary), category: i.category as FileEntry['category'], unitId: String(i.unitId), recordId: String(i.recordId), source: i.source as FileEntry['source'] })).reverse(),
    activeBans: bans.filter((b) => b.from <= today && today < b.until),
    openCases: open.map((c) => ({ caseId: c.caseId, unitId: c.unitId, status: c.status, openedOn: c.openedOn })),
  };
};

/** The commission's written opinion on the person's appointment: reject while a ban bars it, defer while cases are open, else agree. */
export const giveOpinion = async (caller: Caller, unitId: string, personId: string, input: OpinionBody, now: Date, cause: Causation) => {
  const person = await personInPath(unitId, personId);
  const appointment = { personId, kind: input.appointment.kind, on: input.appointment.on };
  const [bans, open] = await Promise.all([bansOfPerson(personId), openCasesOf(personId)]);
  const opinion = opinionOn(appointment, bans, open.length, input.reasons);
  const barring = bans.filter((b) => bars(b, appointment));
  const opinionId = uuidv7();
  const view = {
    opinionId,
    unitId,
    person,
    appointment: input.appointment,
    decision: opinion.decision,
    reasons: [...opinion.reasons],
    banIds: barring.map((b) => b.banId),
    openCases: open.length,
    givenAt: toCstIso(now),
  };
  const event = inspectionsEvent(
    'inspections.OpinionGiven.v1',
    { subject: opinionId, unitId, version: 1 },
    { opinionId, unitId, person: ref(person), appointment: input.appointment, decision: view.decision, banIds: view.banIds, openCases: view.openCases, actor: actorOf(caller) },
    cause,
    now,
  );
  await store.writeWithEvents([{ item: { ...personKey(personId, `OPINION#${opinionId}`), kind: 'opinion', ...view }, expect: 'absent', what: 'The opinion' }], [event], now, 'The opinion was given twice');
  return view;
};

/** Who read the person's integrity file, and when. */
export const fileAccessLog = async (unitId: string, personId: string) => {
  await personInPath(unitId, personId);
  return { recordId: personId, accesses: await accessLog(`FILE#${personId}`) };
};
