/**
 * The authorization matrix, generated from the manifests: every HTTP route × every role × the
 * caller's own unit, a child, the parent, a sibling and an unknown unit (and the whole tree's admin),
 * through the local gateway on the real broker and DynamoDB Local. The expected answer is derived
 * from the route's declared roles and reach rule, never written case by case, so a route added by a
 * later issue is covered without a test of its own.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { services } from '#services/index.js';
import { Role } from '#shared/auth/roles.js';
import type { ReachRule } from '#shared/auth/reach.js';
import { triggersOf, type HttpTrigger, type ServiceManifest } from '#shared/manifest.js';
import type { Runtime } from '../../runtime.js';
import { api, documentClient, eventually, ownAddress, registerUnit, startTestRuntime, tokenFor } from '../support/harness.js';
import { httpClient } from '../../support/httpClient.js';
import { signingFlow, type Staffed } from '../../support/signingFlow.js';

type Relation = 'own' | 'child' | 'parent' | 'sibling' | 'unknown';
const relations: readonly Relation[] = ['own', 'child', 'parent', 'sibling', 'unknown'];
/** What the rule says a caller gets: refused (403), answered (not 401/403/5xx), or told the unit does not exist. */
type Verdict = 'refused' | 'answered' | 'not-found';

/**
 * The verdict a declared route gives a caller on a unit in `relation` to the caller's unit (for the
 * whole tree's admin, `own` is no unit of theirs). Derived from the rule alone.
 */
export const expectedVerdict = (trigger: HttpTrigger, role: Role, wholeTree: boolean, relation: Relation): Verdict => {
  // A public route is the same for everyone, token or none.
  if (trigger.public) return 'answered';
  if (!trigger.roles.includes(role)) return 'refused';
  const rule: ReachRule = trigger.reach;
  if (rule.kind === 'listing') return 'answered';
  if (wholeTree) {
    if (rule.kind === 'own-unit') return 'refused';
    return relation === 'unknown' ? 'not-found' : 'answered';
  }
  const allowed: Record<Exclude<ReachRule['kind'], 'listing'>, readonly Relation[]> = {
    'own-unit': ['own'],
    subtree: ['own', 'child'],
    'upper-levels': ['child'],
    peers: ['own', 'child', 'sibling'],
  };
  return allowed[rule.kind].includes(relation) ? 'answered' : 'refused';
};

/**
 * What an answer says of the guard. A 404 about a unit (or resource) that exists was the use case's,
 * past the guard (another id in the request, say a post, names nothing): answered. So is any 404 of
 * a `listing` route, which names no unit for the guard to look up (a notice of the caller's, say).
 */
const verdictOf = (status: number, relation: Relation, rule: ReachRule): Verdict | `unexpected ${number}` =>
  status === 403
    ? 'refused'
    : status === 404
      ? relation === 'unknown' && rule.kind !== 'listing'
        ? 'not-found'
        : 'answered'
      : status === 401 || status >= 500
        ? `unexpected ${status}`
        : 'answered';

/** The first example a schema declares (`.meta({ examples })`), for filling a request in. */
const exampleOf = (schema: z.ZodType | undefined): unknown => (schema?.meta() as { examples?: unknown[] } | undefined)?.examples?.[0];
const fieldsOf = (schema: z.ZodType | undefined): Record<string, z.ZodType> => (schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {});

let runtime: Runtime;
const units = {} as Record<Exclude<Relation, 'unknown'>, string> & { sibling: string };
const unknownUnit = '0196a0f2-0000-7000-8000-0000000000ff';
const unitFor = (relation: Relation) => (relation === 'unknown' ? unknownUnit : units[relation]);
/**
 * Resources that routes find their unit through (a reach rule's `of`), one in each related unit.
 * A route whose `of` names a kind missing here fails the matrix: add a maker for it below.
 */
const resources: Record<string, Record<Exclude<Relation, 'unknown'>, string>> = {};
const unknownResource = '0196a0f2-0000-7000-8000-0000000000fe';
/** The person every matrix token is for: the own unit's secretary, so that signing routes meet a holder. */
let subject: string | undefined;

/** A request to the route that acts on `unitId`, everything else filled from the schemas' examples. */
const requestFor = (trigger: HttpTrigger, relation: Relation) => {
  const target = trigger.reach.kind === 'listing' ? undefined : trigger.reach.unit;
  const unitId = target?.of === undefined ? unitFor(relation) : relation === 'unknown' ? unknownResource : resources[target.of]?.[relation];
  if (unitId === undefined) throw new Error(`${trigger.method} ${trigger.path} finds its unit through a ${target?.of}: give the matrix one in each unit`);
  const pathValues = Object.fromEntries(Object.entries(fieldsOf(trigger.request?.path)).map(([name, s]) => [name, String(exampleOf(s))]));
  if (target?.in === 'path') pathValues[target.name] = unitId;
  const path = trigger.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  const query = new URLSearchParams(
    Object.entries(fieldsOf(trigger.request?.query)).flatMap(([name, s]): Array<[string, string]> => (exampleOf(s) === undefined ? [] : [[name, String(exampleOf(s))]])),
  );
  if (target?.in === 'query') query.set(target.name, unitId);
  const example = exampleOf(trigger.request?.body) as Record<string, unknown> | undefined;
  const body = trigger.request?.body ? { ...example, ...(target?.in === 'body' ? { [target.name]: unitId } : {}) } : undefined;
  return { path: query.size > 0 ? `${path}?${query}` : path, body };
};

interface Mismatch {
  readonly route: string;
  readonly caller: string;
  readonly relation: Relation;
  readonly expected: Verdict;
  readonly got: string;
  readonly leaked?: string;
}

/** Runs the whole matrix for the given manifests; gives every case whose answer differs from the rule. */
const runMatrix = async (manifests: readonly ServiceManifest[]): Promise<{ cases: number; mismatches: Mismatch[] }> => {
  const mismatches: Mismatch[] = [];
  let cases = 0;
  const callers = [...Role.options.map((role) => ({ role, wholeTree: false })), { role: 'admin' as const, wholeTree: true }];
  for (const manifest of manifests) {
    for (const { trigger } of triggersOf(manifest, 'http')) {
      for (const { role, wholeTree } of callers) {
        const token = await tokenFor(runtime, role, wholeTree ? undefined : units.own, wholeTree ? undefined : subject);
        for (const relation of relations) {
          const { path, body } = requestFor(trigger, relation);
          const answer = await api(runtime, trigger.method, path, { token, ...(body ? { body } : {}) });
          const expected = expectedVerdict(trigger, role, wholeTree, relation);
          const got = verdictOf(answer.status, relation, trigger.reach);
          cases++;
          // A listing answers within the caller's subtree: never a word of a sibling (the parent's id
          // may stand as the own unit's parentId).
          const leaked =
            trigger.reach.kind === 'listing' && !trigger.public && !wholeTree && got === 'answered' && JSON.stringify(answer.body).includes(units.sibling) ? units.sibling : undefined;
          if (got !== expected || leaked) {
            mismatches.push({ route: `${trigger.method} ${trigger.path}`, caller: wholeTree ? 'admin (whole tree)' : role, relation, expected, got: `${got} (${answer.status})`, ...(leaked ? { leaked } : {}) });
          }
        }
      }
    }
  }
  return { cases, mismatches };
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  const suffix = Date.now().toString(36);
  units.parent = await registerUnit(runtime, `授权市-${suffix}`, undefined, '市委');
  units.own = await registerUnit(runtime, `授权县-${suffix}`, units.parent);
  units.sibling = await registerUnit(runtime, `授权邻县-${suffix}`, units.parent);
  units.child = await registerUnit(runtime, `授权镇-${suffix}`, units.own, '乡镇（街道）党委');
  // A letter in each unit: the own unit's secretary issues the own unit's member letters and the
  // child's committee letter, so the signing and correcting routes meet the holder of a post there.
  const client = httpClient(runtime.url);
  const flow = signingFlow(client, runtime.keys);
  const staffed = new Map<string, Staffed>();
  for (const [relation, unitId] of [['parent', units.parent], ['own', units.own], ['sibling', units.sibling], ['child', units.child]] as const) {
    const unit = await flow.staff(unitId, { secretary: `${relation}书记`, members: [{ name: `${relation}委员`, areas: ['财政'] }] });
    staffed.set(relation, unit);
    await flow.publishLists(unit, 2027, relation !== 'parent');
  }
  const admin = await tokenFor(runtime, 'admin');
  const letters = Object.fromEntries(
    await Promise.all(
      (['parent', 'own', 'sibling', 'child'] as const).map(async (relation) => {
        const { issued } = await flow.issue(units[relation], 2027, admin);
        // The own unit's member letter (its secretary issues it); elsewhere the committee letter,
        // whose issuer, for the child, is the own unit's secretary.
        const chosen = relation === 'own' ? issued.find((l) => l.kind === 'member') : issued.find((l) => l.kind === 'committee');
        return [relation, (chosen ?? issued[0]!).letterId] as const;
      }),
    ),
  ) as Record<Exclude<Relation, 'unknown'>, string>;
  resources.letter = letters;
  subject = staffed.get('own')!.secretary.personId;
  // A pledge in each unit; the own unit's is its secretary's, so that the holder signs it.
  const pledges: Partial<Record<Exclude<Relation, 'unknown'>, string>> = {};
  for (const relation of ['parent', 'own', 'sibling', 'child'] as const) {
    const holder = relation === 'own' ? { personId: subject, name: 'own书记' } : { name: `${relation}出纳` };
    const graded = await client.expect<{ pledge: { pledgeId: string } }>('POST', `/api/units/${units[relation]}/risk-posts`, 201, {
      token: admin,
      body: { name: '财务负责人', area: '财政', level: relation === 'own' || relation === 'parent' ? 1 : 2, holder, servingSince: '2024-01-02' },
    });
    pledges[relation] = graded.pledge.pledgeId;
  }
  resources.pledge = pledges as Record<Exclude<Relation, 'unknown'>, string>;
  // A talk and a warning notice in each unit. The own unit's secretary (every matrix token's
  // subject) proposed the talks of the own unit and the child, hosted by the own unit, so that the
  // use case reads them to them and lets them record; the own unit's commission issued the own and
  // the child notices, so that it reviews them; the own notice warns the own secretary.
  const member = (relation: Exclude<Relation, 'unknown'>) => staffed.get(relation)!.members[0]!.personId;
  const parentInspector = await tokenFor(runtime, 'discipline_inspector', units.parent, 'matrix-parent-inspector');
  const ownInspector = await tokenFor(runtime, 'discipline_inspector', units.own, subject);
  const whenKnown = <T>(path: string, token: string, body: unknown) =>
    eventually(async () => {
      const answer = await client.request<T>('POST', path, { token, body });
      if (answer.status === 201) return answer.body;
      // Until the interviews service knows the unit (403) and its people (422).
      if (answer.status !== 403 && answer.status !== 422) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return undefined;
    }, 30_000, `POST ${path}`);
  const talk = (relation: Exclude<Relation, 'unknown'>, token: string, interviewee: string) =>
    whenKnown<{ talkId: string }>(`/api/units/${units[relation]}/talks`, token, { kind: 'integrity', source: { kind: 'manual', note: '年度廉政谈话' }, interviewees: [interviewee], subject: '廉政谈话' }).then((t) => t.talkId);
  resources.talk = {
    parent: await talk('parent', parentInspector, member('parent')),
    own: await talk('own', ownInspector, member('own')),
    sibling: await talk('sibling', parentInspector, member('sibling')),
    child: await talk('child', ownInspector, member('child')),
  };
  const notice = (relation: Exclude<Relation, 'unknown'>, token: string, personId: string, leaderInChargeId?: string) =>
    whenKnown<{ noticeId: string }>(`/api/units/${units[relation]}/warning-notices`, token, {
      personId,
      ...(leaderInChargeId ? { leaderInChargeId } : {}),
      source: { kind: 'supervision', note: '日常监督' },
      tendency: '苗头性问题',
      demands: '书面说明',
      replyDueDate: '2099-12-31',
    }).then((n) => n.noticeId);
  resources.warningNotice = {
    parent: await notice('parent', parentInspector, member('parent')),
    own: await notice('own', ownInspector, subject),
    sibling: await notice('sibling', parentInspector, member('sibling')),
    child: await notice('child', ownInspector, member('child'), subject),
  };
  // An accountability case in each unit, opened by the commission above it (the own unit's for the
  // own unit and the child), so that the own unit's commission handles the ones within its reach.
  const accountabilityCase = (relation: Exclude<Relation, 'unknown'>, token: string) =>
    whenKnown<{ caseId: string }>(`/api/units/${units[relation]}/cases`, token, { personId: member(relation), source: { kind: 'manual', note: '信访举报' }, facts: '违规收受礼金', openedOn: '2026-01-05' }).then((c) => c.caseId);
  resources.case = {
    parent: await accountabilityCase('parent', parentInspector),
    own: await accountabilityCase('own', ownInspector),
    sibling: await accountabilityCase('sibling', parentInspector),
    child: await accountabilityCase('child', ownInspector),
  };
  // An assessment run by each unit's commission, of the units of a category below it (the sibling
  // and the child each get a unit below them for it).
  const below = { parent: '县（市、区）委', own: '乡镇（街道）党委', sibling: '乡镇（街道）党委', child: '村（社区）党支部' } as const;
  const belowSibling = await registerUnit(runtime, `授权邻镇-${suffix}`, units.sibling, below.sibling);
  const belowChild = await registerUnit(runtime, `授权村-${suffix}`, units.child, below.child);
  const assessment = (relation: Exclude<Relation, 'unknown'>, token: string) =>
    whenKnown<{ assessmentId: string }>(`/api/units/${units[relation]}/assessments`, token, { year: 2026, configuration: 'haining', category: below[relation] }).then((a) => a.assessmentId);
  resources.assessment = {
    parent: await assessment('parent', parentInspector),
    own: await assessment('own', ownInspector),
    sibling: await assessment('sibling', parentInspector),
    child: await assessment('child', ownInspector),
  };
  // An integrity situation report issued by each unit's commission on its own unit's funds (a
  // payment made twice), so that the own unit's secretary endorses the own unit's.
  const situation = (relation: Exclude<Relation, 'unknown'>, token: string) =>
    whenKnown<{ reportId: string }>(`/api/units/${units[relation]}/situation-reports`, token, {
      title: '惠民资金发放廉情抄告',
      concernedUnitId: units[relation],
      format: 'csv',
      content: '人员编号,项目,期间,金额,账户\nP001,高龄补贴,2026-07,100,6222000011112222\nP001,高龄补贴,2026-07,100,6222000011112222\n',
      rules: {},
    }).then((r) => r.reportId);
  resources.situationReport = {
    parent: await situation('parent', parentInspector),
    own: await situation('own', ownInspector),
    sibling: await situation('sibling', parentInspector),
    child: await situation('child', ownInspector),
  };
  // A patrol sent by each unit's commission to a unit below it, with a finding.
  const patrol = async (relation: Exclude<Relation, 'unknown'>, token: string, covered: string) => {
    const started = await whenKnown<{ patrolId: string }>(`/api/units/${units[relation]}/patrols`, token, { kind: 'routine', subject: '常规巡察', team: [{ name: '组长', role: 'leader' }], coveredUnitIds: [covered], from: '2026-09-01', to: '2026-10-31' });
    await client.expect('POST', `/api/patrols/${started.patrolId}/findings`, 200, { token, body: { unitId: covered, text: '发现问题', rectification: { action: '整改', dueDate: '2099-12-31' } } });
    return started.patrolId;
  };
  resources.patrol = {
    parent: await patrol('parent', parentInspector, units.own),
    own: await patrol('own', ownInspector, units.child),
    sibling: await patrol('sibling', parentInspector, belowSibling),
    child: await patrol('child', ownInspector, belowChild),
  };
  // A public complaint about each unit, handled by its own discipline body, found through its list.
  const complainFrom = ownAddress();
  const complaint = async (relation: Exclude<Relation, 'unknown'>) => {
    await eventually(async () => {
      const answer = await client.request('POST', '/api/public/complaints', { localAddress: complainFrom, body: { unitId: units[relation], facts: `矩阵测试投诉：${relation}单位公车私用` } });
      if (answer.status === 201) return true;
      // Until the disclosure service knows the unit (422).
      if (answer.status !== 422) throw new Error(`POST /api/public/complaints: ${answer.status} ${JSON.stringify(answer.body)}`);
      return undefined;
    }, 30_000, `a complaint about ${relation}`);
    const handler = await tokenFor(runtime, 'discipline_inspector', units[relation], `matrix-${relation}-inspector`);
    return (await client.expect<{ complaints: Array<{ complaintId: string }> }>('GET', `/api/units/${units[relation]}/complaints`, 200, { token: handler })).complaints[0]!.complaintId;
  };
  resources.complaint = { parent: await complaint('parent'), own: await complaint('own'), sibling: await complaint('sibling'), child: await complaint('child') };
  // A publication item about each unit: its key task, which the disclosure service proposes for its
  // own discipline body to review.
  const publicationItem = async (relation: Exclude<Relation, 'unknown'>) => {
    const { secretary } = staffed.get(relation)!;
    const token = await tokenFor(runtime, 'unit_secretary', units[relation], secretary.personId);
    const task = await whenKnown<{ taskId: string }>(`/api/units/${units[relation]}/key-tasks`, token, { year: 2027, title: '矩阵测试重点任务', responsiblePersonId: secretary.personId, leadOffice: '党政办', goal: '全覆盖', measures: '逐项落实', milestones: [] });
    const reviewer = await tokenFor(runtime, 'discipline_inspector', units[relation], `matrix-${relation}-inspector`);
    return eventually(
      async () =>
        (await client.expect<{ items: Array<{ itemId: string; source: { type: string } }> }>('GET', `/api/units/${units[relation]}/publication-items`, 200, { token: reviewer })).items.find((i) => i.source.type === 'reports.KeyTaskAdded.v1')?.itemId,
      30_000,
      `a publication item about ${relation} (task ${task.taskId})`,
    );
  };
  resources.publicationItem = { parent: await publicationItem('parent'), own: await publicationItem('own'), sibling: await publicationItem('sibling'), child: await publicationItem('child') };
  client.close();
  // Every service that checks reach must know the units first (they arrive on signing.events).
  for (const id of Object.values(units)) {
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: 'UNITS', sk: `UNIT#${id}` } }))).Item, 30_000, `reports to know ${id}`);
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'dashboard', Key: { pk: 'UNITS', sk: `UNIT#${id}` } }))).Item, 30_000, `dashboard to know ${id}`);
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'interviews', Key: { pk: 'UNITS', sk: `UNIT#${id}` } }))).Item, 30_000, `interviews to know ${id}`);
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'inspections', Key: { pk: 'UNITS', sk: `UNIT#${id}` } }))).Item, 30_000, `inspections to know ${id}`);
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: 'UNITS', sk: `UNIT#${id}` } }))).Item, 30_000, `disclosure to know ${id}`);
  }
});

afterAll(async () => {
  await runtime?.stop();
});

describe('the authorization matrix of every route in the manifests', () => {
  it('answers every route × role × unit as the route’s declared roles and reach rule say', async () => {
    // Act
    const { cases, mismatches } = await runMatrix(services);

    // Assess
    const routes = services.flatMap((s) => triggersOf(s, 'http')).length;
    expect(cases).toBe(routes * (Role.options.length + 1) * relations.length);
    expect(mismatches).toEqual([]);
  });

  it('fails when a route declares a rule its service does not keep', async () => {
    // Prepare: the manifest says a unit's annual report may be written by the levels above it too,
    // while the reports service (its use case) keeps it to the unit itself.
    const wrong = services.map((s) =>
      s.name !== 'reports'
        ? s
        : {
            ...s,
            functions: Object.fromEntries(
              Object.entries(s.functions).map(([name, fn]) => [
                name,
                name !== 'saveDraft' ? fn : { ...fn, triggers: fn.triggers.map((t) => (t.type === 'http' ? { ...t, reach: { kind: 'subtree', unit: { in: 'path', name: 'unitId' } } } : t)) },
              ]),
            ),
          },
    ) as ServiceManifest[];

    // Act
    const { mismatches } = await runMatrix(wrong.filter((s) => s.name === 'reports'));

    // Assess
    expect(mismatches).toContainEqual(
      expect.objectContaining({ route: 'PUT /api/units/{unitId}/annual-reports/{year}', caller: 'unit_staff', relation: 'child', expected: 'answered', got: 'refused (403)' }),
    );
  });
});
