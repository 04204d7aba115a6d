import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { Causation } from '#events/envelope.js';
import { NotFoundError } from '#shared/errors.js';
import { actorOf } from '../domain/actor.js';
import { decideAssign, decideLeave, type Post } from '../domain/posts.js';
import { postPut, postsRevision, postsRevisionPut, unitPosts } from '../adapters/postRepository.js';
import { againOnConflict, writeWithEvents } from '../adapters/store.js';
import { getUnit } from '../adapters/unitRepository.js';
import type { AssignPersonBody, LeavePostBody } from '../schemas.js';
import { signingEvent } from './events.js';

/** Puts a person in a post of the unit (a new person unless the body names one), with `PersonAssigned`. */
export const assignPerson = (caller: Caller, unitId: string, body: AssignPersonBody, now: Date, cause: Causation): Promise<Post> =>
  // Assignments in one unit are decided on one reading of its posts: one made meanwhile makes this
  // one decide again on the new reading (and a real clash, such as a second secretary, a 409).
  againOnConflict(() => assignOnce(caller, unitId, body, now, cause), assignAttempts);

/** Times an assignment is decided again when another one in the unit was written meanwhile. */
const assignAttempts = 5;

const assignOnce = async (caller: Caller, unitId: string, body: AssignPersonBody, now: Date, cause: Causation): Promise<Post> => {
  const [unit, posts, revision] = await Promise.all([getUnit(unitId), unitPosts(unitId), postsRevision(unitId)]);
  const post = decideAssign(
    {
      postId: uuidv7(),
      unitId,
      personId: body.personId ?? uuidv7(),
      name: body.name,
      role: body.role,
      title: body.title,
      portfolio: { areas: body.portfolio?.areas ?? [], unitIds: body.portfolio?.unitIds ?? [] },
      startDate: body.startDate,
    },
    posts,
    unit?.active !== false,
  );
  const { version: _version, endDate: _endDate, ...assigned } = post;
  const event = signingEvent('signing.PersonAssigned.v1', { subject: post.postId, unitId, version: post.version }, { ...assigned, actor: actorOf(caller) }, cause, now);
  await writeWithEvents([postPut(post), postsRevisionPut(unitId, revision)], [event], now, 'The unit’s posts changed meanwhile; read them again');
  return post;
};

/** Ends a post on the given day (its holder leaves), with `PersonLeftPost`. */
export const leavePost = async (caller: Caller, unitId: string, postId: string, body: LeavePostBody, now: Date, cause: Causation): Promise<Post> => {
  const post = (await unitPosts(unitId)).find((p) => p.postId === postId);
  if (!post) throw new NotFoundError(`The unit has no post ${postId}`);
  const ended = decideLeave(post, body.endDate);
  const event = signingEvent(
    'signing.PersonLeftPost.v1',
    { subject: postId, unitId, version: ended.version },
    { personId: ended.personId, unitId, postId, role: ended.role, endDate: body.endDate, actor: actorOf(caller) },
    cause,
    now,
  );
  await writeWithEvents([postPut(ended)], [event], now, 'The post changed meanwhile; read it again');
  return ended;
};

/** The unit's posts, those held today first; ended ones too when asked. */
export const listPosts = async (unitId: string, includeEnded: boolean): Promise<Post[]> => {
  const posts = await unitPosts(unitId);
  return posts.filter((p) => includeEnded || p.endDate === null).sort((a, b) => Number(a.endDate !== null) - Number(b.endDate !== null) || a.startDate.localeCompare(b.startDate));
};
