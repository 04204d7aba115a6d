/**
 * Integrity-risk posts (Loudi, seed 003): a job in a unit graded by its integrity risk, level 1 the
 * highest, and the leader who answers for it:
 * - level 1: the unit's principal leader (its secretary); if the post is the principal leader's own,
 *   the upper level's leader in charge of the unit;
 * - level 2: the unit's leader in charge of the post's area; if the post is that leader's own, the
 *   principal leader;
 * - level 3: the post's direct supervisor.
 * A grade may come from the post's power items (the power inventory): the highest risk among them.
 * Holders of level 1 and 2 posts sign an integrity pledge; a holder rotates after a set number of
 * years in the post. Pure rules, no I/O.
 */
import type { Portfolio } from '#events/signing/parts.js';
import { RuleError } from '#shared/errors.js';
import type { Post } from './posts.js';

export type RiskLevel = 1 | 2 | 3;

/** The 6 categories of power of the power inventory (Loudi). */
export const powerCategories = ['行政许可', '行政处罚', '行政征收', '行政强制', '行政检查', '其他行政权力'] as const;
export type PowerCategory = (typeof powerCategories)[number];

/** One power item of the inventory, with the risk level its process was assessed at. */
export interface PowerItem {
  readonly powerItemId: string;
  readonly category: PowerCategory;
  readonly name: string;
  readonly level: RiskLevel;
}

/** A person, as a risk post names its holder and supervisor. */
export interface PersonRef {
  readonly personId: string;
  readonly name: string;
}

/** Who answers for a risk post, and by which case of the rule. */
export interface Answerable extends PersonRef {
  readonly postId: string | null;
  readonly unitId: string;
  readonly rule: 'principal' | 'upperLeaderInCharge' | 'leaderInCharge' | 'principalForLeader' | 'supervisor';
}

export interface RiskPost {
  readonly riskPostId: string;
  readonly unitId: string;
  /** The job, as the unit names it (e.g. 财政所所长). */
  readonly name: string;
  /** The portfolio area it belongs to, which names its leader in charge. */
  readonly area: string;
  readonly level: RiskLevel;
  readonly holder: PersonRef;
  /** Since when the holder has held the job (`YYYY-MM-DD`); the rotation is counted from it. */
  readonly servingSince: string;
  /** The direct supervisor, who answers for a level 3 post. */
  readonly supervisor: PersonRef | null;
  readonly powerItemIds: readonly string[];
  readonly answerable: Answerable;
  readonly version: number;
}

/** The grade a post's power items give it: the highest risk among them (1 is the highest). */
export const gradeFromPowerItems = (items: readonly PowerItem[]): RiskLevel | undefined =>
  items.length === 0 ? undefined : (Math.min(...items.map((i) => i.level)) as RiskLevel);

/** The unit's leadership on the day, as the rule reads it. */
export interface Leadership {
  readonly unitId: string;
  /** The unit's posts held that day. */
  readonly posts: readonly Post[];
  /** The upper unit's posts held that day (none for the root). */
  readonly upperPosts: readonly Post[];
}

const answerableOf = (post: Post, rule: Answerable['rule']): Answerable => ({ personId: post.personId, name: post.name, postId: post.postId, unitId: post.unitId, rule });

const inCharge = (portfolio: Portfolio, area: string) => portfolio.areas.includes(area);

/**
 * Who answers for a risk post of `level` in `area`, held by `holder`, by the rule of the module
 * comment. Refused (422) when the unit lacks the leader the rule names.
 */
export const answerableFor = (
  post: { readonly level: RiskLevel; readonly area: string; readonly holder: PersonRef; readonly supervisor: PersonRef | null },
  leadership: Leadership,
): Answerable => {
  const principal = leadership.posts.find((p) => p.role === 'secretary');
  const missing = (who: string) => new RuleError(`The unit has no ${who} to answer for this post`, [{ path: 'level', message: `缺少${who}，无法确定责任领导` }]);
  switch (post.level) {
    case 1: {
      if (!principal) throw missing('主要负责人');
      if (principal.personId !== post.holder.personId) return answerableOf(principal, 'principal');
      // The principal leader's own post: the upper level's leader in charge of this unit.
      const upper =
        leadership.upperPosts.find((p) => p.role !== 'secretary' && p.portfolio.unitIds.includes(leadership.unitId)) ??
        leadership.upperPosts.find((p) => p.role === 'secretary');
      if (!upper) throw missing('上级分管领导');
      return answerableOf(upper, 'upperLeaderInCharge');
    }
    case 2: {
      const leader = leadership.posts.find((p) => p.role !== 'secretary' && inCharge(p.portfolio, post.area));
      if (!leader) throw missing(`分管“${post.area}”的领导`);
      if (leader.personId !== post.holder.personId) return answerableOf(leader, 'leaderInCharge');
      // The leader in charge's own post: the principal leader.
      if (!principal) throw missing('主要负责人');
      return answerableOf(principal, 'principalForLeader');
    }
    case 3: {
      if (!post.supervisor) throw new RuleError('A level 3 post names its direct supervisor', [{ path: 'supervisor', message: '三级风险岗位须指定直接上级' }]);
      return { ...post.supervisor, postId: null, unitId: leadership.unitId, rule: 'supervisor' };
    }
    default: {
      const unknown: never = post.level;
      throw new Error(`Unknown risk level ${String(unknown)}`);
    }
  }
};

/** Whether the post's holder signs an integrity pledge: levels 1 and 2. */
export const needsPledge = (post: Pick<RiskPost, 'level'>): boolean => post.level <= 2;

/** The day the holder is due to rotate: `years` after they took the job (29 February → 28 February). */
export const rotationDueDate = (servingSince: string, years: number): string => {
  const [y, m, d] = servingSince.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(y + years, m - 1, d));
  // A date that does not exist in the due year (29 February) falls back to the month's last day.
  if (due.getUTCMonth() !== m - 1) due.setUTCDate(0);
  return due.toISOString().slice(0, 10);
};
