import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { Causation } from '#events/envelope.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { templateFor } from '../config.js';
import { actorOf } from '../domain/actor.js';
import { decideCreateList, decideEditList, decidePublishList, type ResponsibilityList } from '../domain/lists.js';
import { heldOn } from '../domain/posts.js';
import { findUnitList, listPut, unitLists } from '../adapters/listRepository.js';
import { unitPosts } from '../adapters/postRepository.js';
import { writeWithEvents } from '../adapters/store.js';
import { getUnit } from '../adapters/unitRepository.js';
import type { CreateListBody, EditListBody } from '../schemas.js';
import { cstDate, signingEvent } from './events.js';

const changedMeanwhile = 'The list changed meanwhile; read it again';

/** Starts a list of the unit's year from its category's template, as a draft. */
export const createList = async (unitId: string, body: CreateListBody, now: Date): Promise<ResponsibilityList> => {
  const [unit, posts, existing] = await Promise.all([getUnit(unitId), unitPosts(unitId), unitLists(unitId, body.year)]);
  if (!unit) throw new NotFoundError(`Unit ${unitId} does not exist`);
  const post = body.postId === undefined ? undefined : posts.find((p) => p.postId === body.postId);
  if (body.postId !== undefined && (!post || !heldOn(post, cstDate(now)))) {
    throw new RuleError('The post is not a post held in this unit today', [{ path: 'postId', message: '本单位没有该在任岗位' }]);
  }
  const list = decideCreateList({ listId: uuidv7(), unitId, year: body.year, subject: body.subject, post }, templateFor(unit.category), existing, uuidv7);
  await writeWithEvents([listPut(list)], [], now, 'The unit already has this list');
  return list;
};

const findList = async (unitId: string, listId: string): Promise<ResponsibilityList> => {
  const list = await findUnitList(unitId, listId);
  if (!list) throw new NotFoundError(`The unit has no list ${listId}`);
  return list;
};

/** Replaces the list's items; after publication this starts the next version as a draft. */
export const editList = async (unitId: string, listId: string, body: EditListBody, now: Date): Promise<ResponsibilityList> => {
  const list = await findList(unitId, listId);
  const edited = decideEditList(list, body.items, uuidv7);
  await writeWithEvents([listPut(edited)], [], now, changedMeanwhile);
  return edited;
};

/** Publishes the draft, frozen as its version, with `ResponsibilityListPublished`. */
export const publishList = async (caller: Caller, unitId: string, listId: string, now: Date, cause: Causation): Promise<ResponsibilityList> => {
  const list = decidePublishList(await findList(unitId, listId));
  const event = signingEvent(
    'signing.ResponsibilityListPublished.v1',
    { subject: list.listId, unitId, version: list.version },
    { listId: list.listId, unitId, year: list.year, subject: list.subject, postId: list.postId, personId: list.personId, version: list.version, items: [...list.items], actor: actorOf(caller) },
    cause,
    now,
  );
  await writeWithEvents([listPut(list)], [event], now, changedMeanwhile);
  return list;
};

/** The unit's lists of a year. */
export const listLists = (unitId: string, year: number): Promise<ResponsibilityList[]> => unitLists(unitId, year);
