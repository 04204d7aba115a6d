/**
 * People and their posts in units: the secretary (first responsible person), deputy secretaries,
 * team members with their portfolios, and the discipline chief. A post has a start date and, once
 * its holder leaves, an end date; ended posts are kept, so who held a post on any day can be told.
 * Pure rules, no I/O. Dates are calendar dates in China Standard Time (`YYYY-MM-DD`).
 */
import type { Portfolio, PostRole } from '#events/signing/parts.js';
import { ConflictError, RuleError } from '#shared/errors.js';

export interface Post {
  readonly postId: string;
  readonly unitId: string;
  readonly personId: string;
  /** The holder's name, as the letters print it. */
  readonly name: string;
  readonly role: PostRole;
  readonly title: string;
  readonly portfolio: Portfolio;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly version: number;
}

/** What an assignment names: the post without its end and version. */
export type AssignPerson = Omit<Post, 'endDate' | 'version'>;

/** Roles a unit has one holder of at a time. */
const singleHolderRoles: readonly PostRole[] = ['secretary', 'disciplineChief'];

/** Post roles in Chinese, for messages and printed letters. */
export const postRoleNames: Readonly<Record<PostRole, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  teamMember: '班子成员',
  disciplineChief: '纪委书记（纪检组长）',
};

/** Whether the post is held on `date`: started on or before it and not ended before it. */
export const heldOn = (post: Pick<Post, 'startDate' | 'endDate'>, date: string): boolean =>
  post.startDate <= date && (post.endDate === null || date <= post.endDate);

/** Whether two posts' terms share a day. */
const overlap = (a: Pick<Post, 'startDate' | 'endDate'>, b: Pick<Post, 'startDate' | 'endDate'>): boolean =>
  a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

/**
 * Decides a new post: `posts` are the unit's posts, ended ones included. A unit has one secretary
 * and one discipline chief at a time, and a person holds one post of a unit at a time.
 */
export const decideAssign = (command: AssignPerson, posts: readonly Post[], unitActive: boolean): Post => {
  if (!unitActive) throw new ConflictError('The unit is deactivated and takes no new posts');
  const post: Post = { ...command, endDate: null, version: 1 };
  const clash = posts.find((p) => overlap(p, post) && ((singleHolderRoles.includes(p.role) && p.role === post.role) || p.personId === post.personId));
  if (clash) {
    throw new ConflictError(
      clash.personId === post.personId
        ? `${clash.name} already holds a post of this unit from ${clash.startDate}`
        : `The unit already has a ${postRoleNames[clash.role]} (${clash.name}) from ${clash.startDate}; end that post first`,
    );
  }
  return post;
};

/** Decides that the holder leaves the post on `endDate` (the last day held). */
export const decideLeave = (post: Post, endDate: string): Post => {
  if (post.endDate !== null) throw new ConflictError(`The post was already left on ${post.endDate}`);
  if (endDate < post.startDate) throw new RuleError('The end date is before the post’s start', [{ path: 'endDate', message: '离任日期早于任职日期' }]);
  return { ...post, endDate, version: post.version + 1 };
};

/** The posts of a unit held on `date`, the secretary first, then by role and start. */
export const heldPosts = (posts: readonly Post[], date: string): Post[] => {
  const order: readonly PostRole[] = ['secretary', 'deputySecretary', 'disciplineChief', 'teamMember'];
  return posts.filter((p) => heldOn(p, date)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.startDate.localeCompare(b.startDate));
};
