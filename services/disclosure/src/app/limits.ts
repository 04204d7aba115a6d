/**
 * Rate limits of the public routes: a fixed window per client address, and per receipt code, each
 * counted in the table so that every function instance sees the same count. Over the limit is a 429
 * with `Retry-After`, the seconds left in the window.
 */
import { TooManyRequestsError } from '#shared/errors.js';
import { countRequest } from '../adapters/disclosureRepository.js';

export const limit = async (scope: string, key: string, windowSeconds: number, allowed: number, at: Date): Promise<void> => {
  const nowSeconds = Math.floor(at.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  const count = await countRequest(scope, key, windowStart, windowSeconds);
  if (count > allowed) {
    throw new TooManyRequestsError(`More than ${allowed} requests in ${windowSeconds} s: try again later`, Math.max(1, windowStart + windowSeconds - nowSeconds));
  }
};
