/** Finding the people a request names among the people in posts that `signing.events` announced. */
import { RuleError } from '#shared/errors.js';
import { cstDate } from '#events/envelope.js';
import type { PersonInUnit } from '#events/interviews/parts.js';
import { currentPosts } from '../adapters/interviewRepository.js';
import type { Person } from '../domain/talks.js';

/** The people of `unitIds` in post on the day of `now`, each person once (a person may hold two posts). */
export const peopleOf = async (unitIds: readonly string[], now: Date): Promise<Person[]> => {
  const today = cstDate(now);
  const all = (await Promise.all([...new Set(unitIds)].map((u) => currentPosts(u, today)))).flat();
  return [...new Map(all.map((p) => [p.personId, p])).values()];
};

/** Each id found among `people`, or a 422 naming the field of each one not in post there. */
export const pick = (ids: readonly string[], people: readonly Person[], path: string, where: string): Person[] => {
  const missing: Array<{ path: string; message: string }> = [];
  const found = ids.map((id, i) => {
    const person = people.find((p) => p.personId === id);
    if (!person) missing.push({ path: `${path}.${i}`, message: `该人员不是${where}的在任人员` });
    return person;
  });
  if (missing.length > 0) throw new RuleError(`A person named is not in post in ${where}`, missing);
  return [...new Map((found as Person[]).map((p) => [p.personId, p])).values()];
};

/** A person as the events name them: id and unit, never the name. */
export const ref = (p: Person): PersonInUnit => ({ personId: p.personId, unitId: p.unitId });
