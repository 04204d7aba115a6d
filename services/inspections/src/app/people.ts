/** The people cases, files, opinions and gifts name: people in the posts `signing.events` announced. */
import { NotFoundError, RuleError } from '#shared/errors.js';
import type { PersonInUnit } from '#events/inspections/parts.js';
import { postsOf, type PostHeld } from '../adapters/inspectionRepository.js';
import type { CasePerson } from '../domain/cases.js';

/** The person's latest post in the unit (current or past), or undefined if they never held one there. */
export const postInUnit = async (unitId: string, personId: string): Promise<PostHeld | undefined> => {
  const held = (await postsOf(unitId)).filter((p) => p.personId === personId);
  return held.sort((a, b) => Number(a.endDate === null) - Number(b.endDate === null) || String(a.startDate).localeCompare(String(b.startDate))).at(-1);
};

/** The person as a case names them, or a 422 on `path` if they never held a post in the unit. */
export const personOfUnit = async (unitId: string, personId: string, path: string): Promise<CasePerson> => {
  const post = await postInUnit(unitId, personId);
  if (!post) throw new RuleError('The person holds no post in the unit', [{ path, message: '该人员不是本单位的任职人员' }]);
  return { personId, unitId, name: post.name, title: post.title };
};

/** The person of a path (integrity file, opinion): a 404 if they never held a post in the unit. */
export const personInPath = async (unitId: string, personId: string): Promise<CasePerson> => {
  const post = await postInUnit(unitId, personId);
  if (!post) throw new NotFoundError(`No person ${personId} in unit ${unitId}`);
  return { personId, unitId, name: post.name, title: post.title };
};

/** A person as the events name them: id and unit, never the name. */
export const ref = (p: PersonInUnit): PersonInUnit => ({ personId: p.personId, unitId: p.unitId });
