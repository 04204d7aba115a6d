/**
 * The signing cascade driven through the API as its users drive it: an admin staffs a unit's posts,
 * the unit's secretary starts and publishes its lists and issues its letters, and each party signs
 * with a token of their own (its subject is their person id). The demo, the tests and the
 * benchmark share it.
 */
import type { Role } from '#shared/auth/roles.js';
import { signToken, type KeyPair } from '../jwt.js';
import type { HttpClient } from './httpClient.js';

/** A person in a post, as the API answered the assignment. */
export interface Holder {
  readonly personId: string;
  readonly postId: string;
  readonly unitId: string;
  readonly name: string;
  readonly role: 'secretary' | 'deputySecretary' | 'teamMember' | 'disciplineChief';
}

/** A unit's leadership. */
export interface Staffed {
  readonly unitId: string;
  readonly secretary: Holder;
  readonly members: readonly Holder[];
  readonly disciplineChief: Holder | undefined;
}

/** Who to put in a unit's posts. */
export interface Staffing {
  readonly secretary: string;
  /** A full-time deputy secretary, counted among the members (who each get a list and a letter). */
  readonly deputySecretary?: string;
  readonly members: ReadonlyArray<{ readonly name: string; readonly areas: readonly string[] }>;
  readonly disciplineChief?: string;
}

export interface LetterAnswer {
  readonly letterId: string;
  readonly version: number;
  readonly unitId: string;
  readonly kind: 'committee' | 'member';
  readonly status: 'issued' | 'completed' | 'voided';
  readonly issuer: { readonly personId: string; readonly postId: string; readonly unitId: string };
  readonly recipient: { readonly personId: string; readonly postId: string; readonly unitId: string };
  readonly items: ReadonlyArray<{ readonly itemId: string; readonly text: string; readonly area: string | null }>;
}

interface ListAnswer {
  readonly listId: string;
  readonly items: ReadonlyArray<{ readonly itemId: string; readonly text: string; readonly area: string | null }>;
}

/** The cascade's steps on a runtime's gateway (`api`) with its token key. */
export const signingFlow = (api: HttpClient, keys: KeyPair) => {
  const admin = () => signToken(keys, 'admin');
  /** The token a holder signs in with: the secretary as `unit_secretary`, everyone else as `unit_staff`. */
  const tokenOf = (holder: Holder, role: Role = holder.role === 'secretary' ? 'unit_secretary' : 'unit_staff') =>
    signToken(keys, role, holder.unitId, holder.personId);

  const assign = async (unitId: string, name: string, role: Holder['role'], title: string, areas: readonly string[], startDate: string): Promise<Holder> =>
    api.expect<Holder>('POST', `/api/units/${unitId}/posts`, 201, {
      token: await admin(),
      body: { name, role, title, startDate, ...(areas.length > 0 ? { portfolio: { areas } } : {}) },
    });

  /** Starts a list of the unit's year from the template and publishes it, as the unit's secretary. */
  const publishList = async (staffed: Pick<Staffed, 'unitId' | 'secretary'>, year: number, subject: string, postId?: string): Promise<ListAnswer> => {
    const token = await tokenOf(staffed.secretary);
    const list = await api.expect<ListAnswer>('POST', `/api/units/${staffed.unitId}/responsibility-lists`, 201, { token, body: { year, subject, ...(postId ? { postId } : {}) } });
    return api.expect<ListAnswer>('POST', `/api/units/${staffed.unitId}/responsibility-lists/${list.listId}/publish`, 200, { token });
  };

  return {
    tokenOf,
    /** Puts one person in a post, as an admin. */
    assign,
    publishList,
    /** Puts people in the unit's posts, as an admin. */
    staff: async (unitId: string, staffing: Staffing, startDate = '2025-01-06'): Promise<Staffed> => {
      const secretary = await assign(unitId, staffing.secretary, 'secretary', '党委书记', [], startDate);
      const members: Holder[] = staffing.deputySecretary ? [await assign(unitId, staffing.deputySecretary, 'deputySecretary', '专职副书记', [], startDate)] : [];
      for (const member of staffing.members) members.push(await assign(unitId, member.name, 'teamMember', '党委委员', member.areas, startDate));
      const disciplineChief = staffing.disciplineChief ? await assign(unitId, staffing.disciplineChief, 'disciplineChief', '纪委书记', [], startDate) : undefined;
      return { unitId, secretary, members, disciplineChief };
    },
    /**
     * Starts every list of the unit's year from the template and publishes it, as its secretary:
     * the committee's (unless `committee` is false), the secretary's, each member's and the
     * commission's (when there is a discipline chief). Gives the published lists by post id
     * (`unit` for the committee, `commission` for the commission).
     */
    publishLists: async (staffed: Staffed, year: number, committee = true): Promise<Map<string, ListAnswer>> => {
      const lists = new Map<string, ListAnswer>();
      const make = async (key: string, subject: string, postId?: string) => lists.set(key, await publishList(staffed, year, subject, postId));
      if (committee) await make('unit', 'committee');
      await make(staffed.secretary.postId, 'firstResponsiblePerson', staffed.secretary.postId);
      for (const member of staffed.members) await make(member.postId, 'teamMember', member.postId);
      if (staffed.disciplineChief) await make('commission', 'disciplineCommission');
      return lists;
    },
    /**
     * Issues the unit's letters of the year with `token` (its secretary's, or an upper level's);
     * with `subordinates`, also the committee letter of every unit directly below.
     */
    issue: async (unitId: string, year: number, token: string, subordinates = false) =>
      api.expect<{ issued: LetterAnswer[]; notIssued: Array<{ who: string; reason: string; kind: string | null }> }>('POST', `/api/units/${unitId}/letters`, 200, {
        token,
        body: { year, ...(subordinates ? { subordinates } : {}) },
      }),
    /** Signs the letter version as the holder; gives the answer whatever its status. */
    sign: async (letter: Pick<LetterAnswer, 'letterId' | 'version'>, holder: Holder, role?: Role) =>
      api.request<{ letter: LetterAnswer; signature: { sequence: number; hash: string; suite: string } }>('POST', `/api/letters/${letter.letterId}/sign`, {
        token: await tokenOf(holder, role),
        body: { version: letter.version },
      }),
  };
};
