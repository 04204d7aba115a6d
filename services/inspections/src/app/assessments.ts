/**
 * The year-end assessment through the service: a commission starts one for the units of a category
 * below its unit, in Haining's or Chengdu's configuration; the inspection team enters the on-site
 * (and economic) points with notes; a unit may be vetoed; the sheet is computed from the facts the
 * consumers keep of the events, each point with its basis, until it is published: then each unit's
 * result and the ranking are announced, the lowest-ranked heads proposed for an admonishment talk,
 * and feedback sheets issued whose demands become rectification items of the reports service.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict, stateOf, type ItemPut } from '#shared/dynamo/store.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { assessmentKey, assessmentOwnerKey, factsOf, feedbackKey, postsOf, store, unitItems, unitsUnder } from '../adapters/inspectionRepository.js';
import { chengduModel, hainingModel } from '../assessmentModels.js';
import { assess, gradeOf, mainResponsibilityShare, type AssessmentModel, type Measured, type UnitInputs } from '../domain/assessment.js';
import { measuredFrom, type Fact } from '../domain/assessmentInputs.js';
import type { EntryBody, FeedbackBody, StartAssessmentBody, VetoBody } from '../schemas.js';
import { inspectionsEvent } from './events.js';

interface Entry {
  readonly points: number;
  readonly note: string;
  readonly entryId: string;
  readonly by: string;
  readonly at: string;
}

interface Assessment {
  readonly assessmentId: string;
  /** The organising unit, whose commission runs it. */
  readonly unitId: string;
  readonly year: number;
  readonly configuration: 'haining' | 'chengdu';
  readonly category: string;
  readonly disclosureScope: 'public' | 'system' | 'subtree';
  readonly model: AssessmentModel;
  /** The entered points, by assessed unit and indicator. */
  readonly entries: Readonly<Record<string, Readonly<Record<string, Entry>>>>;
  readonly vetoes: Readonly<Record<string, { readonly reason: string; readonly caseIds: readonly string[]; readonly by: string; readonly at: string }>>;
  readonly status: 'open' | 'published';
  readonly publishedAt: string | null;
  /** The sheets as published; computed afresh while open. */
  readonly published: readonly Sheet[] | null;
  readonly feedbackSheets: Readonly<Record<string, string>>;
  readonly revision: number;
}

type Sheet = ReturnType<typeof sheetsOf> extends Promise<infer S> ? (S extends ReadonlyArray<infer T> ? T : never) : never;

const changed = 'The assessment was changed by someone else; reload and try again';
const models = { haining: hainingModel, chengdu: chengduModel };

const getAssessment = async (assessmentId: string): Promise<Assessment> => {
  const { pk, sk } = assessmentOwnerKey(assessmentId);
  const owner = await store.getItem(pk, sk);
  const key = owner ? assessmentKey(String(owner.unitId), Number(owner.year), assessmentId) : undefined;
  const item = key ? await store.getItem(key.pk, key.sk) : undefined;
  if (!item) throw new NotFoundError(`No assessment ${assessmentId}`);
  return stateOf<Assessment>(item);
};

const save = (a: Assessment, before: Assessment | undefined, events: readonly CloudEvent[], now: Date, extra: readonly ItemPut[] = []) =>
  store.writeWithEvents(
    [
      { item: { ...assessmentKey(a.unitId, a.year, a.assessmentId), kind: 'assessment', ...a }, expect: before ? { revision: before.revision } : 'absent', what: 'The assessment' },
      ...(before ? [] : [{ item: { ...assessmentOwnerKey(a.assessmentId), kind: 'owner', unitId: a.unitId, year: a.year }, expect: 'absent' as const, what: 'The assessment’s owner' }]),
      ...extra,
    ],
    events,
    now,
    changed,
  );

/** The units assessed: those of the category below the organising unit. */
const assessedUnits = async (a: Pick<Assessment, 'unitId' | 'category'>) => (await unitsUnder(a.unitId)).filter((u) => u.id !== a.unitId && u.category === a.category).sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.id.localeCompare(y.id));

/** Every unit's inputs: the measured values of the events' facts, the entered points, the veto. */
const inputsOf = async (a: Assessment, unitId: string): Promise<UnitInputs> => {
  const measured = measuredFrom((await factsOf(unitId)).map((i) => stateOf<Fact>(i)), a.year);
  const entries = a.entries[unitId] ?? {};
  const values: Record<string, Measured> = {};
  for (const x of a.model.indicators) {
    const entry = entries[x.indicatorId];
    const value = x.rule.kind === 'entered' ? (entry ? { value: entry.points, basis: [{ kind: 'entry' as const, id: entry.entryId }] } : undefined) : measured[x.source];
    if (value) values[x.indicatorId] = value;
  }
  const veto = a.vetoes[unitId];
  return { unitId, values, veto: veto ? { reason: veto.reason, basis: veto.caseIds.map((id) => ({ kind: 'entry' as const, id })) } : null };
};

/** The sheets of every unit assessed, computed now from the facts and entries. */
const sheetsOf = async (a: Assessment) => {
  const units = await assessedUnits(a);
  const scored = assess(a.model, await Promise.all(units.map((u) => inputsOf(a, u.id))));
  return scored
    .map((s) => ({
      unitId: s.unitId,
      unitName: units.find((u) => u.id === s.unitId)!.name,
      indicators: s.indicators.map((x) => {
        const indicator = a.model.indicators.find((i) => i.indicatorId === x.indicatorId)!;
        return { ...x, name: indicator.name, partId: indicator.partId, rule: indicator.rule.kind, note: a.entries[s.unitId]?.[x.indicatorId]?.note ?? null };
      }),
      parts: s.parts.map((p) => ({ ...p, name: a.model.parts.find((m) => m.partId === p.partId)!.name })),
      overall: s.overall,
      vetoed: s.vetoed,
      veto: a.vetoes[s.unitId] ? { reason: a.vetoes[s.unitId]!.reason, caseIds: [...a.vetoes[s.unitId]!.caseIds] } : null,
      grade: gradeOf(s),
      rank: s.rank,
      admonish: s.admonish,
    }))
    .sort((x, y) => x.rank - y.rank || x.unitName.localeCompare(y.unitName, 'zh-CN'));
};

const viewOf = async (a: Assessment) => ({
  assessmentId: a.assessmentId,
  unitId: a.unitId,
  year: a.year,
  configuration: a.configuration,
  modelName: a.model.name,
  category: a.category,
  disclosureScope: a.disclosureScope,
  mainResponsibilityShare: mainResponsibilityShare(a.model),
  status: a.status,
  publishedAt: a.publishedAt,
  sheets: (a.published ?? (await sheetsOf(a))).map((s) => ({ ...s, feedbackSheetId: a.feedbackSheets[s.unitId] ?? null })),
  revision: a.revision,
});

/** A commission starts the year's assessment of a category of units below its unit. */
export const startAssessment = async (caller: Caller, unitId: string, input: StartAssessmentBody, now: Date) => {
  const a: Assessment = {
    assessmentId: uuidv7(),
    unitId,
    year: input.year,
    configuration: input.configuration,
    category: input.category,
    disclosureScope: input.disclosureScope,
    model: { ...models[input.configuration](input.year, input.category), admonishLowest: input.admonishLowest },
    entries: {},
    vetoes: {},
    status: 'open',
    publishedAt: null,
    published: null,
    feedbackSheets: {},
    revision: 1,
  };
  if ((await assessedUnits(a)).length === 0) throw new RuleError('No unit of the category below', [{ path: 'category', message: '本单位下级没有该类别的单位' }]);
  await save(a, undefined, [], now);
  return viewOf(a);
};

export const viewAssessment = async (assessmentId: string) => viewOf(await getAssessment(assessmentId));

export const listAssessments = async (unitId: string, year: number) => ({
  unitId,
  assessments: (await unitItems(unitId, `ASSESSMENT#${year}#`)).map((i) => {
    const a = stateOf<Assessment>(i);
    return { assessmentId: a.assessmentId, unitId: a.unitId, year: a.year, configuration: a.configuration, modelName: a.model.name, category: a.category, status: a.status, publishedAt: a.publishedAt };
  }),
});

const change = (assessmentId: string, apply: (a: Assessment) => Promise<{ next: Assessment; events?: CloudEvent[]; extra?: ItemPut[] }>, now: Date) =>
  againOnConflict(async () => {
    const a = await getAssessment(assessmentId);
    const { next, events, extra } = await apply(a);
    await save(next, a, events ?? [], now, extra);
    return next;
  }, 3);

const mustBeOpen = (a: Assessment) => {
  if (a.status !== 'open') throw new ConflictError('The assessment is published: its sheets no longer change');
};

const mustBeAssessed = async (a: Assessment, unitId: string) => {
  if (!(await assessedUnits(a)).some((u) => u.id === unitId)) throw new RuleError('Not a unit of this assessment', [{ path: 'assessedUnitId', message: '该单位不在本次考核范围内' }]);
};

/** A change of an open assessment about one of its units: the entries or vetoes it makes. */
const amendFor = (assessmentId: string, unitId: string, now: Date, amend: (a: Assessment) => Partial<Assessment>) =>
  change(
    assessmentId,
    async (a) => {
      mustBeOpen(a);
      await mustBeAssessed(a, unitId);
      return { next: { ...a, ...amend(a), revision: a.revision + 1 } };
    },
    now,
  ).then(viewOf);

/** The inspection team enters an indicator's points (on-site, economic) with its note. */
export const enterPoints = (caller: Caller, assessmentId: string, unitId: string, indicatorId: string, input: EntryBody, now: Date) =>
  amendFor(assessmentId, unitId, now, (a) => {
    const indicator = a.model.indicators.find((x) => x.indicatorId === indicatorId);
    if (!indicator || indicator.rule.kind !== 'entered') throw new RuleError('Not an indicator entered by the team', [{ path: 'indicatorId', message: '该指标不是由检查组录入的指标' }]);
    if (input.points > indicator.points) throw new RuleError('More points than the indicator has', [{ path: 'points', message: `「${indicator.name}」最高${indicator.points}分` }]);
    const entry: Entry = { points: input.points, note: input.note, entryId: uuidv7(), by: caller.subject, at: toCstIso(now) };
    return { entries: { ...a.entries, [unitId]: { ...a.entries[unitId], [indicatorId]: entry } } };
  });

/** Vetoes a unit on clean governance: it keeps its score, is ranked last and fails. */
export const veto = (caller: Caller, assessmentId: string, unitId: string, input: VetoBody, now: Date) =>
  amendFor(assessmentId, unitId, now, (a) => ({ vetoes: { ...a.vetoes, [unitId]: { reason: input.reason, caseIds: input.caseIds, by: caller.subject, at: toCstIso(now) } } }));

/** The unit's party secretary in post today, whom an admonishment talk is held with. */
const headOf = async (unitId: string, now: Date) => {
  const today = cstDate(now);
  const secretary = (await postsOf(unitId)).find((p) => p.role === 'secretary' && (p.endDate === null || p.endDate > today));
  return secretary ? { personId: secretary.personId, name: secretary.name } : null;
};

/** The most units one assessment publishes: each unit's result is an event of the one transaction. */
const publishable = 90;

/** Publishes the sheets: each unit's result, the ranking within its scope, the admonishment talks proposed. */
export const publish = async (caller: Caller, assessmentId: string, now: Date, cause: Causation) =>
  viewOf(
    await change(
      assessmentId,
      async (a) => {
        mustBeOpen(a);
        const sheets = await sheetsOf(a);
        if (sheets.length > publishable) throw new RuleError('Too many units for one publication', [{ path: 'category', message: `一次考核最多发布${publishable}个单位` }]);
        const next: Assessment = { ...a, status: 'published', publishedAt: toCstIso(now), published: sheets, revision: a.revision + 1 };
        const base = { assessmentId, year: a.year, modelId: a.model.modelId, category: a.category, actor: actorOf(caller) };
        const about = (unitId: string) => ({ subject: assessmentId, unitId, version: next.revision });
        const events = [
          ...sheets.map((s) =>
            inspectionsEvent('inspections.AssessmentScored.v1', about(s.unitId), { ...base, unitId: s.unitId, overall: s.overall, parts: s.parts.map(({ partId, score, outOf }) => ({ partId, score, outOf })), vetoed: s.vetoed, grade: s.grade, rank: s.rank }, cause, now),
          ),
          inspectionsEvent(
            'inspections.AssessmentRanked.v1',
            about(a.unitId),
            { ...base, unitId: a.unitId, ranking: sheets.map((s) => ({ unitId: s.unitId, rank: s.rank, overall: s.overall, grade: s.grade, vetoed: s.vetoed })), disclosureScope: a.disclosureScope },
            cause,
            now,
          ),
          ...(await Promise.all(
            sheets
              .filter((s) => s.admonish)
              .map(async (s) => inspectionsEvent('inspections.AdmonishmentProposed.v1', about(s.unitId), { assessmentId, unitId: s.unitId, year: a.year, rank: s.rank, head: await headOf(s.unitId, now), actor: actorOf(caller) }, cause, now)),
          )),
        ];
        return { next, events };
      },
      now,
    ),
  );

interface FeedbackSheet {
  readonly sheetId: string;
  readonly assessmentId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly overall: number;
  readonly grade: string;
  readonly rank: number;
  readonly summary: string;
  readonly demands: ReadonlyArray<{ readonly requestId: string; readonly action: string; readonly dueDate: string }>;
  readonly issuedAt: string;
}

/** Issues a published unit's feedback sheet; each demand is asked of the reports service as a rectification item. */
export const issueFeedback = async (caller: Caller, assessmentId: string, unitId: string, input: FeedbackBody, now: Date, cause: Causation) => {
  let sheet: FeedbackSheet | undefined;
  await change(
    assessmentId,
    async (a) => {
      if (a.status !== 'published') throw new ConflictError('The assessment is not published yet');
      const scored = a.published!.find((s) => s.unitId === unitId);
      if (!scored) throw new RuleError('Not a unit of this assessment', [{ path: 'assessedUnitId', message: '该单位不在本次考核范围内' }]);
      if (a.feedbackSheets[unitId]) throw new ConflictError('The unit’s feedback sheet is issued already');
      input.demands.forEach((d, i) => {
        if (d.dueDate <= cstDate(now)) throw new RuleError('A demand is due in the future', [{ path: `demands.${i}.dueDate`, message: '整改期限须晚于今天' }]);
      });
      const sheetId = uuidv7();
      sheet = {
        sheetId,
        assessmentId,
        unitId,
        unitName: scored.unitName,
        year: a.year,
        overall: scored.overall,
        grade: scored.grade,
        rank: scored.rank,
        summary: input.summary,
        demands: input.demands.map((d) => ({ requestId: uuidv7(), action: d.action, dueDate: d.dueDate })),
        issuedAt: toCstIso(now),
      };
      const about = { subject: sheetId, unitId, version: 1 };
      const events = [
        inspectionsEvent('inspections.FeedbackSheetIssued.v1', about, { sheetId, assessmentId, unitId, year: a.year, demandCount: sheet.demands.length, actor: actorOf(caller) }, cause, now),
        ...sheet.demands.map((d) =>
          inspectionsEvent('inspections.RectificationRequested.v1', about, { requestId: d.requestId, unitId, source: { kind: 'feedbackSheet', id: sheetId }, action: d.action, dueDate: d.dueDate, actor: actorOf(caller) }, cause, now),
        ),
      ];
      return {
        next: { ...a, feedbackSheets: { ...a.feedbackSheets, [unitId]: sheetId }, revision: a.revision + 1 },
        events,
        extra: [{ item: { ...feedbackKey(unitId, a.year, sheetId), kind: 'feedbackSheet', ...sheet }, expect: 'absent', what: 'The feedback sheet' }],
      };
    },
    now,
  );
  return sheet!;
};

/** A unit's feedback sheets of a year. */
export const feedbackSheets = async (unitId: string, year: number) => ({ unitId, sheets: (await unitItems(unitId, `FEEDBACK#${year}#`)).map((i) => stateOf<FeedbackSheet>(i)) });
