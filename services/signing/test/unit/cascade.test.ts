/**
 * The rules of posts, lists and letters, without I/O: who may hold which post, how lists are made
 * and versioned, which letters a unit's year gets, who may sign, and how a letter is corrected.
 */
import { ConflictError, ForbiddenError, RuleError } from '#shared/errors.js';
import { listTemplates, templateFor } from '../../src/config.js';
import { decideCreateList, decideEditList, decidePublishList, type ResponsibilityList } from '../../src/domain/lists.js';
import { contentHashOf, decideCorrect, decideSign, planLetters, withSignature, type IssueContext, type Letter } from '../../src/domain/letters.js';
import { decideAssign, decideLeave, heldOn, heldPosts, type Post } from '../../src/domain/posts.js';

let counter = 0;
const newId = () => `id-${++counter}`;

const post = (postId: string, role: Post['role'], personId: string, extra: Partial<Post> = {}): Post => ({
  postId,
  unitId: 'town',
  personId,
  name: personId,
  role,
  title: role,
  portfolio: { areas: [], unitIds: [] },
  startDate: '2026-01-05',
  endDate: null,
  version: 1,
  ...extra,
});

describe('posts', () => {
  const secretary = post('p-sec', 'secretary', 'wang');

  it('keep one secretary at a time, and one post per person', () => {
    // Act / Assess
    expect(() => decideAssign({ ...post('p2', 'secretary', 'li'), startDate: '2026-06-01' }, [secretary], true)).toThrow(ConflictError);
    expect(() => decideAssign(post('p3', 'teamMember', 'wang'), [secretary], true)).toThrow(ConflictError);
    expect(decideAssign({ ...post('p4', 'secretary', 'li'), startDate: '2026-06-01' }, [{ ...secretary, endDate: '2026-05-31' }], true)).toMatchObject({ version: 1, endDate: null });
  });

  it('take nobody into a deactivated unit', () => {
    // Act / Assess
    expect(() => decideAssign(post('p5', 'teamMember', 'zhao'), [], false)).toThrow('deactivated');
  });

  it('end on a day no earlier than their start, once', () => {
    // Act
    const left = decideLeave(secretary, '2026-12-31');

    // Assess
    expect(left).toMatchObject({ endDate: '2026-12-31', version: 2 });
    expect(heldOn(left, '2026-12-31')).toBe(true);
    expect(heldOn(left, '2027-01-01')).toBe(false);
    expect(() => decideLeave(left, '2027-01-02')).toThrow(ConflictError);
    expect(() => decideLeave(secretary, '2025-12-31')).toThrow(RuleError);
  });

  it('list the secretary first among those held on a day', () => {
    // Act
    const held = heldPosts([post('m', 'teamMember', 'zhao'), secretary, post('c', 'disciplineChief', 'sun'), post('old', 'teamMember', 'qian', { endDate: '2026-02-01' })], '2026-03-01');

    // Assess
    expect(held.map((p) => p.postId)).toEqual(['p-sec', 'c', 'm']);
  });
});

describe('responsibility lists', () => {
  const member = post('p-li', 'teamMember', 'li', { portfolio: { areas: ['财政', '教育'], unitIds: [] } });
  const create = (subject: ResponsibilityList['subject'], p?: Post, existing: ResponsibilityList[] = []) =>
    decideCreateList({ listId: newId(), unitId: 'town', year: 2027, subject, post: p }, templateFor('乡镇（街道）党委'), existing, newId);

  it('start from the category’s template, a member’s portfolio items once per area', () => {
    // Act
    const committee = create('committee');
    const mine = create('teamMember', member);

    // Assess: Haining's "4+1" has 5 items per subject; two of a member's are per area.
    expect(committee.items).toHaveLength(5);
    expect(committee).toMatchObject({ status: 'draft', version: 1, published: null, postId: null });
    expect(mine.items).toHaveLength(7);
    expect(mine.items.filter((i) => i.area === '教育').map((i) => i.text)).toEqual([
      '对分管的教育工作履行“一岗双责”，把党风廉政建设与业务工作同部署、同落实、同检查、同考核',
      '督促分管的教育领域排查廉政风险点，健全防控措施',
    ]);
    expect(new Set([...committee.items, ...mine.items].map((i) => i.itemId)).size).toBe(12);
  });

  it('take the category’s own template, and Haining’s for a subject it lacks', () => {
    // Act
    const branch = templateFor('村（社区）党支部');

    // Assess
    expect(branch.items.firstResponsiblePerson).toEqual(listTemplates.xupuBranch.items.firstResponsiblePerson);
    expect(branch.items.firstResponsiblePerson).toHaveLength(6);
    expect(branch.items.committee).toEqual(listTemplates.haining.items.committee);
    expect(listTemplates.xupuCounty.items.firstResponsiblePerson).toHaveLength(10);
    expect(listTemplates.chengdu.items.committee).toHaveLength(8);
    expect(listTemplates.chengdu.items.teamMember).toHaveLength(4);
  });

  it('refuse a post that does not fit the subject, and a second list for one slot', () => {
    // Act / Assess
    expect(() => create('committee', member)).toThrow(RuleError);
    expect(() => create('firstResponsiblePerson', member)).toThrow(RuleError);
    expect(() => create('teamMember')).toThrow(RuleError);
    expect(() => create('teamMember', member, [create('teamMember', member)])).toThrow(ConflictError);
  });

  it('freeze a published version: an edit starts the next one, and letters keep the published items', () => {
    // Prepare
    const published = decidePublishList(create('committee'));
    const [first, ...rest] = published.items;

    // Act
    const edited = decideEditList(published, [{ itemId: first!.itemId, text: '（修改）' }, ...rest, { text: '新增事项' }], newId);

    // Assess
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(edited).toMatchObject({ status: 'draft', version: 2, published: { version: 1, items: published.items } });
    expect(edited.items[0]).toEqual({ ...first, text: '（修改）' });
    expect(edited.items.at(-1)!.itemId).not.toBe(first!.itemId);
    expect(() => decidePublishList(published)).toThrow(ConflictError);
    expect(() => decideEditList(published, [{ itemId: 'not-an-item', text: 'x' }], newId)).toThrow(RuleError);
  });
});

describe('letters', () => {
  const secretary = post('p-sec', 'secretary', 'wang');
  const li = post('p-li', 'teamMember', 'li');
  const zhao = post('p-zhao', 'teamMember', 'zhao');
  const upper = post('p-up', 'secretary', 'chen', { unitId: 'county' });
  const publishedList = (subject: ResponsibilityList['subject'], postId: string | null, text: string): ResponsibilityList => ({
    listId: newId(),
    unitId: 'town',
    year: 2027,
    subject,
    postId,
    personId: null,
    status: 'published',
    version: 1,
    items: [{ itemId: newId(), text, area: null }],
    published: null,
    revision: 2,
  });
  const withPublished = (list: ResponsibilityList): ResponsibilityList => ({ ...list, published: { version: 1, items: list.items } });
  const context = (overrides: Partial<IssueContext> = {}): IssueContext => ({
    unitId: 'town',
    year: 2027,
    hasParent: true,
    posts: [secretary, li, zhao],
    parentSecretary: upper,
    lists: [
      withPublished(publishedList('committee', null, '主体责任')),
      withPublished(publishedList('firstResponsiblePerson', 'p-sec', '第一责任人责任')),
      withPublished(publishedList('teamMember', 'p-li', '李的责任')),
      withPublished(publishedList('teamMember', 'p-zhao', '赵的责任')),
    ],
    existing: [],
    suite: 'sha256-ecdsa-p256',
    issuedAt: '2027-02-01T09:00:00.000+08:00',
    ...overrides,
  });

  it('are planned one per pair: the upper secretary with the unit’s, the secretary with each member, each with its own items', () => {
    // Act
    const { letters, notIssued } = planLetters(context(), newId);

    // Assess
    expect(notIssued).toEqual([]);
    expect(letters.map((l) => [l.kind, l.issuer.personId, l.recipient.personId, l.items.map((i) => i.text)])).toEqual([
      ['committee', 'chen', 'wang', ['主体责任', '第一责任人责任']],
      ['member', 'wang', 'li', ['李的责任']],
      ['member', 'wang', 'zhao', ['赵的责任']],
    ]);
    for (const letter of letters) expect(letter.contentHash).toBe(contentHashOf(letter, 'sha256-ecdsa-p256'));
  });

  it('skip pairs that have a letter in force and name those that cannot have one yet', () => {
    // Prepare
    const [committee] = planLetters(context(), newId).letters;

    // Act
    const { letters, notIssued } = planLetters(context({ existing: [committee!], lists: context().lists.filter((l) => l.postId !== 'p-zhao') }), newId);

    // Assess
    expect(letters.map((l) => l.recipient.personId)).toEqual(['li']);
    expect(notIssued).toEqual([{ who: 'zhao（teamMember）', reason: '本人责任清单尚未发布', kind: 'member' }]);
    expect(planLetters(context({ posts: [li] }), newId)).toEqual({ letters: [], notIssued: [{ who: '本单位书记', reason: '本单位当前没有在任书记，无法签订责任书', kind: null }] });
    const withoutFirstResponsible = planLetters(context({ lists: context().lists.filter((l) => l.subject !== 'firstResponsiblePerson') }), newId);
    expect(withoutFirstResponsible.letters.map((l) => l.kind)).toEqual(['member', 'member']);
    expect(withoutFirstResponsible.notIssued).toEqual([{ who: 'wang（secretary）', reason: '第一责任人责任清单尚未发布', kind: 'committee' }]);
  });

  describe('signing', () => {
    const letterOf = (): Letter => planLetters(context(), newId).letters[1]!;
    const posts = new Map([secretary, li, zhao].map((p) => [p.postId, p]));

    it('is for the party whose post the signer holds today; the second signature completes the letter', () => {
      // Prepare
      const letter = letterOf();

      // Act
      const party = decideSign(letter, 1, 'li', posts, '2027-02-02');
      const once = withSignature(letter, { party, personId: 'li', sequence: 1, hash: 'h1', signedAt: '2027-02-02T10:00:00+08:00' });
      const twice = withSignature(once, { party: decideSign(once, 1, 'wang', posts, '2027-02-02'), personId: 'wang', sequence: 2, hash: 'h2', signedAt: '2027-02-02T11:00:00+08:00' });

      // Assess
      expect(party).toBe('recipient');
      expect(once.status).toBe('issued');
      expect(twice.status).toBe('completed');
      expect(() => decideSign(twice, 1, 'li', posts, '2027-02-02')).toThrow(ConflictError);
    });

    it('refuses anyone who does not hold a party’s post that day, and a version other than the current one', () => {
      // Prepare
      const letter = letterOf();
      const left = new Map(posts).set('p-li', { ...li, endDate: '2027-01-31' });

      // Act / Assess
      expect(() => decideSign(letter, 1, 'zhao', posts, '2027-02-02')).toThrow(ForbiddenError);
      expect(() => decideSign(letter, 1, 'li', left, '2027-02-02')).toThrow(ForbiddenError);
      expect(() => decideSign(letter, 2, 'li', posts, '2027-02-02')).toThrow(ConflictError);
      expect(() => decideSign({ ...letter, status: 'voided' }, 1, 'li', posts, '2027-02-02')).toThrow(ConflictError);
    });
  });

  describe('correcting', () => {
    const letterOf = (): Letter => planLetters(context(), newId).letters[1]!;

    it('makes the next version with a new content hash and voids the old, items keeping their ids', () => {
      // Prepare
      const letter = letterOf();

      // Act
      const { voided, next } = decideCorrect(letter, { items: [{ itemId: letter.items[0]!.itemId, text: '更正后的事项' }] }, newId, '2027-02-03T09:00:00.000+08:00');

      // Assess
      expect(voided).toMatchObject({ version: 1, status: 'voided' });
      expect(next).toMatchObject({ version: 2, status: 'issued', replacesVersion: 1, items: [{ itemId: letter.items[0]!.itemId, text: '更正后的事项' }] });
      expect(next.contentHash).not.toBe(letter.contentHash);
      expect(next.contentHash).toBe(contentHashOf(next, next.suite));
    });

    it('is refused once anyone has signed, and for nothing to correct or an item not in the letter', () => {
      // Prepare
      const letter = letterOf();
      const signed = withSignature(letter, { party: 'issuer', personId: 'wang', sequence: 1, hash: 'h', signedAt: '2027-02-02T10:00:00+08:00' });

      // Act / Assess
      expect(() => decideCorrect(signed, { title: '新标题' }, newId, 'now')).toThrow(ConflictError);
      expect(() => decideCorrect(letter, {}, newId, 'now')).toThrow(RuleError);
      expect(() => decideCorrect(letter, { items: [{ itemId: 'nope', text: 'x' }] }, newId, 'now')).toThrow(RuleError);
    });
  });
});
