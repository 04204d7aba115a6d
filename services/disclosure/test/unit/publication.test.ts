/**
 * Publication without the service: what each event proposes is only what its kind's allow-list
 * takes, names masked; a text that still holds a personal value is refused; what is published adds
 * unit names (masked below the configured level) and a task's title; the review steps; who may read
 * an item published within a scope. Built from the events' fixtures.
 */
import { loadFixture, type FixtureName } from '#events/fixtures/index.js';
import { eventSchemas, type InspectionsEvent, type ReportsEvent } from '#events/index.js';
import { ConflictError, RuleError } from '#shared/errors.js';
import { maskNameIn } from '#shared/names.js';
import { approve, candidateOf, publicationOf, reject, visibleTo, withdraw, type PublicationItem } from '../../src/domain/publication.js';

const event = (name: FixtureName, data: Record<string, unknown> = {}) => {
  const fixture = loadFixture(name);
  return eventSchemas[name].parse({ ...fixture, data: { ...fixture.data, ...data } }) as ReportsEvent | InspectionsEvent;
};

const names = { unit: (id: string) => ({ county: '东湖县', town: '某镇' })[id] ?? '某单位', taskTitle: '村级小微权力清单全覆盖' };

const item = (over: Partial<PublicationItem> = {}): PublicationItem => {
  const { refused: _r, ...c } = candidateOf(event('inspections.AssessmentRanked.v1', { unitId: 'county', ranking: [{ unitId: 'town', rank: 1, overall: 90, grade: '优秀', vetoed: false }] }))!;
  return { ...c, itemId: 'i1', status: 'proposed', source: { type: 't', id: 'e' }, proposedOn: '2027-02-20', reviewer: null, reviewedOn: null, reason: null, published: null, withdrawnOn: null, version: 1, ...over };
};

describe('what an event proposes for publication', () => {
  it('keeps of a key task only its allow-listed fields: not the person responsible, nor the actor', () => {
    // Act
    const c = candidateOf(event('reports.KeyTaskAdded.v1'))!;

    // Assess
    expect(c).toMatchObject({ kind: 'keyTask', scope: 'public', refused: false, taskId: null });
    expect(Object.keys(c.draft).sort()).toEqual(['goal', 'leadOffice', 'measures', 'milestones', 'title', 'year']);
    expect(c.draft.milestones).toBe('2027-03-31 完成清单编制；2027-09-30 全部公开运行');
    expect(JSON.stringify(c)).not.toContain('李华');
  });

  it('keeps of a typical case its public text and the measures’ names, nothing of the case', () => {
    // Act
    const c = candidateOf(event('inspections.TypicalCaseMarked.v1', { summary: '欧阳某在工程招投标中违规干预，受到免职处理。' }))!;

    // Assess
    expect(c.draft).toEqual({ year: 2027, quarter: 3, measures: '免职', summary: '欧阳某在工程招投标中违规干预，受到免职处理。' });
    expect(c.reviewUnitId).toBe('019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c02');
  });

  it('masks every writing of a person’s full name by the rule, a compound surname whole', () => {
    expect(maskNameIn('欧阳建国在工程招投标中违规干预，欧阳建国受到免职处理。', '欧阳建国')).toBe('欧阳某在工程招投标中违规干预，欧阳某受到免职处理。');
    expect(maskNameIn('张伟同志', '张伟')).toBe('张某同志');
    expect(maskNameIn('无名', undefined)).toBe('无名');
  });

  it('refuses a text that still holds a mobile or identity-card number, keeping nothing of it', () => {
    // Act
    const phone = candidateOf(event('reports.KeyTaskProgressed.v1', { note: '联系人电话13912345678' }))!;
    const idCard = candidateOf(event('inspections.ClarificationIssued.v1', { text: '身份证11010519491231002X的同志' }))!;

    // Assess
    expect(phone).toMatchObject({ refused: true, draft: {} });
    expect(idCard).toMatchObject({ refused: true, draft: {} });
  });

  it('takes a ranking’s scope from the assessment, and proposes nothing for an event that is not published', () => {
    expect(candidateOf(event('inspections.AssessmentRanked.v1', { disclosureScope: 'subtree' }))!.scope).toBe('subtree');
    expect(candidateOf(event('reports.AnnualReportSubmitted.v1'))).toBeUndefined();
    expect(candidateOf(event('inspections.CaseOpened.v1'))).toBeUndefined();
  });
});

describe('what is published', () => {
  it('names each unit as the level rule says, in place of its id, with a title', () => {
    // Act
    const p = publicationOf(item(), names);

    // Assess
    expect(p.title).toBe(`东湖县${String(p.payload.year)}年度党风廉政建设责任制考核排名（${String(p.payload.category)}）`);
    expect(p.payload.unitName).toBe('东湖县');
    expect(p.payload.ranking).toEqual([{ rank: 1, overall: 90, grade: '优秀', vetoed: false, unitName: '某镇' }]);
  });

  it('adds a key task’s title to its light', () => {
    const c = candidateOf(event('reports.KeyTaskRated.v1', { unitId: 'town' }))!;
    const p = publicationOf(c, names);
    expect(p.payload).toMatchObject({ unitName: '某镇', taskTitle: '村级小微权力清单全覆盖', light: expect.stringMatching(/^(红|黄|绿)灯$/) });
    expect(p.title).toMatch(/^某镇\d{4}年第\d季度重点任务亮灯：村级小微权力清单全覆盖（.灯）$/);
    expect(Object.keys(p.payload)).not.toContain('reason');
  });
});

describe('the review', () => {
  const review = { subject: 'p1', role: 'discipline_inspector', on: '2027-02-21' };

  it('publishes an approved item within the scope chosen, by a named reviewer, and withdraws it', () => {
    // Act
    const published = approve(item({ scope: 'public' }), review, { title: 't', payload: {} }, 'public');
    const withdrawn = withdraw(published, '2027-03-01', '数据有误');

    // Assess
    expect(published).toMatchObject({ status: 'published', scope: 'public', reviewer: { subject: 'p1' }, published: { scope: 'public', scopeUnitId: 'county', publishedOn: '2027-02-21' }, version: 2 });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnOn: '2027-03-01', reason: '数据有误', version: 3 });
  });

  it('lets a reviewer narrow the scope proposed, never widen it', () => {
    const subtree = item({ scope: 'subtree' });
    expect(approve(item({ scope: 'public' }), review, { title: 't', payload: {} }, 'system').published!.scope).toBe('system');
    expect(() => approve(subtree, review, { title: 't', payload: {} }, 'public')).toThrow(RuleError);
    expect(() => approve(subtree, review, { title: 't', payload: {} }, 'system')).toThrow(RuleError);
  });

  it('refuses a step the item’s state does not allow', () => {
    const rejected = reject(item(), review, '涉密');
    expect(rejected.status).toBe('rejected');
    expect(() => approve(rejected, review, { title: 't', payload: {} })).toThrow(ConflictError);
    expect(() => withdraw(item(), '2027-03-01', 'x')).toThrow(ConflictError);
    expect(() => reject(approve(item(), review, { title: 't', payload: {} }), review, 'x')).toThrow(ConflictError);
  });
});

describe('who may read a published item', () => {
  it('lets anyone signed in read public and system items, and a subtree item only within the subtree', () => {
    expect(visibleTo({ scope: 'system', scopeUnitId: 'county' }, ['city', 'other'])).toBe(true);
    expect(visibleTo({ scope: 'subtree', scopeUnitId: 'county' }, ['city', 'county', 'town'])).toBe(true);
    expect(visibleTo({ scope: 'subtree', scopeUnitId: 'county' }, ['city'])).toBe(false);
    expect(visibleTo({ scope: 'subtree', scopeUnitId: 'county' }, ['city', 'other'])).toBe(false);
    expect(visibleTo({ scope: 'subtree', scopeUnitId: 'county' }, null)).toBe(true);
  });
});
