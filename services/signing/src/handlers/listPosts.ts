import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { listPosts } from '../app/posts.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/posts` */
export const handler = httpHandler(signing, 'listPosts', routeDependencies, async ({ path, query }) =>
  ok({ posts: await listPosts(path.unitId, query.includeEnded === 'true') }),
);
