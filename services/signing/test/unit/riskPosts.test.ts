/**
 * Who answers for an integrity-risk post (Loudi, seed 003), every case of the rule with both
 * exceptions; grades from power items; the day a holder rotates.
 */
import { RuleError } from '#shared/errors.js';
import { answerableFor, gradeFromPowerItems, needsPledge, rotationDueDate, type Leadership } from '../../src/domain/riskPosts.js';
import type { Post } from '../../src/domain/posts.js';

const post = (postId: string, role: Post['role'], personId: string, unitId: string, portfolio: Partial<Post['portfolio']> = {}): Post => ({
  postId,
  unitId,
  personId,
  name: personId,
  role,
  title: role,
  portfolio: { areas: [], unitIds: [], ...portfolio },
  startDate: '2025-01-01',
  endDate: null,
  version: 1,
});

const leadership: Leadership = {
  unitId: 'bureau',
  posts: [post('p-sec', 'secretary', 'wang', 'bureau'), post('p-fin', 'teamMember', 'li', 'bureau', { areas: ['财政'] }), post('p-edu', 'teamMember', 'zhao', 'bureau', { areas: ['教育'] })],
  upperPosts: [post('u-sec', 'secretary', 'chen', 'city'), post('u-mem', 'teamMember', 'zhou', 'city', { unitIds: ['bureau'] }), post('u-other', 'teamMember', 'wu', 'city', { unitIds: ['other'] })],
};
const someone = { personId: 'qian', name: '钱进' };

describe('who answers for a risk post', () => {
  it('level 1: the principal leader', () => {
    // Act
    const answerable = answerableFor({ level: 1, area: '财政', holder: someone, supervisor: null }, leadership);

    // Assess
    expect(answerable).toMatchObject({ personId: 'wang', postId: 'p-sec', rule: 'principal' });
  });

  it('level 1, the principal leader’s own post: the upper level’s leader in charge of the unit', () => {
    // Act
    const answerable = answerableFor({ level: 1, area: '财政', holder: { personId: 'wang', name: '王' }, supervisor: null }, leadership);

    // Assess
    expect(answerable).toMatchObject({ personId: 'zhou', unitId: 'city', rule: 'upperLeaderInCharge' });
  });

  it('level 2: the leader in charge of the post’s area', () => {
    // Act / Assess
    expect(answerableFor({ level: 2, area: '财政', holder: someone, supervisor: null }, leadership)).toMatchObject({ personId: 'li', rule: 'leaderInCharge' });
    expect(answerableFor({ level: 2, area: '教育', holder: someone, supervisor: null }, leadership)).toMatchObject({ personId: 'zhao', rule: 'leaderInCharge' });
  });

  it('level 2, the leader in charge’s own post: the principal leader', () => {
    // Act
    const answerable = answerableFor({ level: 2, area: '财政', holder: { personId: 'li', name: '李' }, supervisor: null }, leadership);

    // Assess
    expect(answerable).toMatchObject({ personId: 'wang', postId: 'p-sec', rule: 'principalForLeader' });
  });

  it('level 3: the direct supervisor, whom the post must name', () => {
    // Act / Assess
    expect(answerableFor({ level: 3, area: '财政', holder: someone, supervisor: { personId: 'sun', name: '孙科长' } }, leadership)).toMatchObject({
      personId: 'sun',
      postId: null,
      rule: 'supervisor',
    });
    expect(() => answerableFor({ level: 3, area: '财政', holder: someone, supervisor: null }, leadership)).toThrow(RuleError);
  });

  it('is refused when the unit lacks the leader the rule names', () => {
    // Act / Assess
    expect(() => answerableFor({ level: 2, area: '交通', holder: someone, supervisor: null }, leadership)).toThrow('分管“交通”的领导');
    expect(() => answerableFor({ level: 1, area: '财政', holder: someone, supervisor: null }, { ...leadership, posts: leadership.posts.slice(1) })).toThrow(RuleError);
  });

  it('falls back to the upper secretary when nobody above is in charge of the unit', () => {
    // Act
    const answerable = answerableFor({ level: 1, area: '财政', holder: { personId: 'wang', name: '王' }, supervisor: null }, { ...leadership, upperPosts: leadership.upperPosts.filter((p) => p.postId !== 'u-mem') });

    // Assess
    expect(answerable).toMatchObject({ personId: 'chen', rule: 'upperLeaderInCharge' });
  });
});

describe('grades and rotation', () => {
  it('grade a post by the highest risk among its power items, and ask a pledge of levels 1 and 2', () => {
    // Act / Assess
    expect(gradeFromPowerItems([])).toBeUndefined();
    expect(gradeFromPowerItems([{ powerItemId: 'a', category: '行政检查', name: '检查', level: 3 }, { powerItemId: 'b', category: '行政许可', name: '许可', level: 2 }])).toBe(2);
    expect([1, 2, 3].map((level) => needsPledge({ level: level as 1 | 2 | 3 }))).toEqual([true, true, false]);
  });

  it('fall due the configured number of years after the holder took the post', () => {
    // Act / Assess
    expect(rotationDueDate('2021-03-01', 5)).toBe('2026-03-01');
    expect(rotationDueDate('2020-02-29', 5)).toBe('2025-02-28');
    expect(rotationDueDate('2020-02-29', 4)).toBe('2024-02-29');
  });
});
