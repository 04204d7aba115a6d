import type { Post } from '../domain/posts.js';
import { getItem, queryItems, withoutKeys, type ItemPut } from './store.js';

/** The posts of a unit, ended ones included. */
export const unitPosts = async (unitId: string): Promise<Post[]> =>
  (await queryItems(`UNIT#${unitId}`, 'POST#')).map((item) => withoutKeys<Post>(item));

/** One post of a unit, read by its key. */
export const getPost = async (unitId: string, postId: string): Promise<Post | undefined> => {
  const item = await getItem(`UNIT#${unitId}`, `POST#${postId}`);
  return item ? withoutKeys<Post>(item) : undefined;
};

/** The put of a post: new at version 1, or replacing the version it was read at. */
export const postPut = (post: Post): ItemPut => ({
  item: { pk: `UNIT#${post.unitId}`, sk: `POST#${post.postId}`, kind: 'post', ...post, revision: post.version },
  expect: post.version === 1 ? 'absent' : { revision: post.version - 1 },
  what: 'The post',
});

/** The unit's post counter as read now (0 before the first post). */
export const postsRevision = async (unitId: string): Promise<number> => ((await getItem(`UNIT#${unitId}`, 'POSTS'))?.revision as number | undefined) ?? 0;

/**
 * The put that moves the unit's post counter on, so that two assignments decided on the same
 * reading of the unit's posts cannot both be written (one secretary at a time).
 */
export const postsRevisionPut = (unitId: string, read: number): ItemPut => ({
  item: { pk: `UNIT#${unitId}`, sk: 'POSTS', kind: 'postsRevision', revision: read + 1 },
  expect: read === 0 ? 'absent' : { revision: read },
  what: 'The posts’ revision',
});
