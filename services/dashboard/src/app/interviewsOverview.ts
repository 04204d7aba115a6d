import type { Caller } from '#shared/auth/claims.js';
import { interviewsOverview as countInterviews } from '../domain/interviews.js';
import { subtreeOf } from '../domain/tree.js';
import type { InterviewsOverview, InterviewsQuery } from '../schemas.js';
import { loadUnits } from '../adapters/projection.js';
import { loadInterviewFacts, loadNotices } from '../adapters/interviews.js';

/**
 * The year's talks, warning notices and integrity education of every unit of a subtree in the
 * caller's reach (the caller's own by default), one row per unit and their totals; see
 * `domain/interviews.ts`.
 */
export const interviewsOverview = async (caller: Caller, query: InterviewsQuery): Promise<InterviewsOverview> => {
  const [units, facts, notices] = await Promise.all([loadUnits(), loadInterviewFacts(query.year), loadNotices(query.year)]);
  return countInterviews(query.year, subtreeOf(caller, units, query.unitId, 'GET /api/dashboard/interviews'), facts, notices);
};
