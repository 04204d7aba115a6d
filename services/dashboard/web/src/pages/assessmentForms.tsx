/**
 * The commission's assessment forms: starting the year's assessment of a category of units below
 * the unit; while it is open, entering an indicator's points with the team's note and vetoing a unit;
 * publishing, once confirmed; and, once published, issuing a unit's feedback sheet with its demands.
 * Each answers what the API answered and what was done; a refusal is shown in Chinese with each
 * field's message.
 */
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import type { AssessmentSheet, AssessmentView, Configuration, DisclosureScope, FeedbackSheet, IndicatorScore } from '../assessments.js';
import { assessmentConflicts, commonCategories, configurationHints, configurationNames, disclosureNames, pointsText, type AssessmentStep } from '../assessmentTerms.js';
import { inputValue, invalid, StepForm, TextField } from '../stepForms.js';
import { Outcome, useAction } from '../formParts.js';
import { addDays, todayCst } from '../dates.js';

/**
 * Sends a step. A refusal for the assessment's state (409) says in Chinese what happened, since the
 * service's own detail is for developers; every other refusal keeps the API's words.
 */
const send = async <T,>(step: AssessmentStep | 'start', method: string, path: string, body?: unknown): Promise<T> => {
  try {
    return await request<T>(method, path, body);
  } catch (error) {
    if (step !== 'start' && error instanceof ApiError && error.status === 409) throw new ApiError(409, `状态冲突：${assessmentConflicts[step]}；也可能已被他人办理，请刷新后核对。`, error.fields);
    throw error;
  }
};

const assessmentPath = (a: Pick<AssessmentView, 'assessmentId'>) => `/api/assessments/${encodeURIComponent(a.assessmentId)}`;
const unitPath = (a: Pick<AssessmentView, 'assessmentId'>, sheet: Pick<AssessmentSheet, 'unitId'>) => `${assessmentPath(a)}/units/${encodeURIComponent(sheet.unitId)}`;





/** The start form's answer: the assessment, its sheets computed from the events so far. */
type Started = (a: AssessmentView, said: string) => void;

export const StartAssessmentForm = ({ unitId, year, onStarted }: { unitId: string; year: number; onStarted: Started }) => {
  const [configuration, setConfiguration] = useState<Configuration>('haining');
  const [category, setCategory] = useState('');
  const [disclosureScope, setDisclosureScope] = useState<DisclosureScope>('subtree');
  const [admonishLowest, setAdmonishLowest] = useState('1');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const body = { year, configuration, category: category.trim(), disclosureScope, admonishLowest: Number(admonishLowest) };
      const started = await send<AssessmentView>('start', 'POST', `/api/units/${encodeURIComponent(unitId)}/assessments`, body);
      const said = `年度考核已启动，${started.sheets.length}个单位参评。`;
      onStarted(started, said);
      return said;
    });
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="start-assessment-title">
      <h3 id="start-assessment-title">启动年度考核</h3>
      <p class="muted">考核年度：{year}年度（可在上方切换）。评分表由各单位本年度的报告、亮灯、整改、责任书、谈话预警、问责和巡察记录自动计算，每项得分均可追溯到所依据的记录。</p>
      <div class="field">
        <label for="start-assessment-configuration">考核方案</label>
        <select id="start-assessment-configuration" value={configuration} aria-describedby="start-assessment-configuration-hint" onChange={(e) => setConfiguration(inputValue(e) as Configuration)}>
          {(Object.keys(configurationNames) as Configuration[]).map((c) => (
            <option key={c} value={c}>
              {configurationNames[c]}
            </option>
          ))}
        </select>
        <small id="start-assessment-configuration-hint" class="muted">
          {configurationHints[configuration]}
        </small>
      </div>
      <div class="field">
        <label for="start-assessment-category">参评单位类别</label>
        <input
          id="start-assessment-category"
          type="text"
          required
          list="start-assessment-categories"
          value={category}
          aria-describedby="start-assessment-category-hint"
          aria-invalid={invalid(action, 'category')}
          onInput={(e) => setCategory(inputValue(e))}
        />
        <datalist id="start-assessment-categories">
          {commonCategories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <small id="start-assessment-category-hint" class="muted">
          按单位登记的类别填写，如{commonCategories.slice(0, 3).join('、')}；本单位下级中该类别的单位参评，并在类别内排名。
        </small>
      </div>
      <div class="field">
        <label for="start-assessment-scope">排名公开范围</label>
        <select id="start-assessment-scope" value={disclosureScope} onChange={(e) => setDisclosureScope(inputValue(e) as DisclosureScope)}>
          {(Object.keys(disclosureNames) as DisclosureScope[]).map((s) => (
            <option key={s} value={s}>
              {disclosureNames[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="start-assessment-admonish">末位约谈单位数</label>
        <input
          id="start-assessment-admonish"
          type="number"
          required
          min={0}
          max={20}
          step={1}
          value={admonishLowest}
          aria-describedby="start-assessment-admonish-hint"
          aria-invalid={invalid(action, 'admonishLowest')}
          onInput={(e) => setAdmonishLowest(inputValue(e))}
        />
        <small id="start-assessment-admonish-hint" class="muted">
          发布结果时，排名最后的该数量单位的主要负责人列入诫勉约谈建议。
        </small>
      </div>
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        启动考核
      </button>
    </form>
  );
};

/** An open assessment after a step: the view answered, and what was done. */
type Done = (a: AssessmentView, said: string) => void;

/** The team's points of an indicator it enters, with its note; the indicator's maximum shown. */
export const EntryForm = ({ a, sheet, indicator, onDone }: { a: AssessmentView; sheet: AssessmentSheet; indicator: IndicatorScore; onDone: Done }) => {
  const entered = indicator.basis.length > 0;
  const [points, setPoints] = useState(entered ? pointsText(indicator.value) : '');
  const [note, setNote] = useState(indicator.note ?? '');
  const action = useAction();
  const id = `entry-${sheet.unitId}-${indicator.indicatorId}`;
  return (
    <StepForm
      id={id}
      title={`录入${indicator.name}得分`}
      action={action}
      button={entered ? '修改得分' : '保存得分'}
      onSubmit={() =>
        void action.run(async () => {
          const said = `${sheet.unitName}「${indicator.name}」得分已录入：${pointsText(Number(points))}分。`;
          onDone(await send<AssessmentView>('enter', 'PUT', `${unitPath(a, sheet)}/entries/${encodeURIComponent(indicator.indicatorId)}`, { points: Number(points), note }), said);
          return said;
        })
      }
    >
      <div class="field">
        <label for={`${id}-points`}>得分（满分{pointsText(indicator.outOf)}分）</label>
        <input id={`${id}-points`} type="number" required min={0} max={indicator.outOf} step={0.5} value={points} aria-invalid={invalid(action, 'points')} onInput={(e) => setPoints(inputValue(e))} />
      </div>
      <TextField id={`${id}-note`} label="检查组说明" value={note} onChange={setNote} action={action} path="note" />
    </StepForm>
  );
};

/** A clean-governance veto: the unit keeps its score, is ranked last and fails. */
export const VetoForm = ({ a, sheet, onDone }: { a: AssessmentView; sheet: AssessmentSheet; onDone: Done }) => {
  const [reason, setReason] = useState('');
  const action = useAction();
  const id = `veto-${sheet.unitId}`;
  return (
    <StepForm
      id={id}
      title="党风廉政建设一票否决"
      action={action}
      button="一票否决"
      onSubmit={() =>
        void action.run(async () => {
          const said = `已对${sheet.unitName}实行一票否决：排名末位，等次为不合格。`;
          onDone(await send<AssessmentView>('veto', 'POST', `${unitPath(a, sheet)}/veto`, { reason }), said);
          setReason('');
          return said;
        })
      }
    >
      <p class="muted">一票否决后该单位保留得分，但排名列于末位，考核等次为不合格。发布前不可撤销。</p>
      <TextField id={`${id}-reason`} label="否决理由" value={reason} onChange={setReason} action={action} path="reason" />
    </StepForm>
  );
};

/** Publishing, asked first and confirmed: the sheets no longer change after it. */
export const PublishForm = ({ a, onDone }: { a: AssessmentView; onDone: Done }) => {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const admonished = a.sheets.filter((s) => s.admonish).map((s) => s.unitName);
  const publish = () =>
    void action.run(async () => {
      const said = '考核结果已发布，排名已通报。';
      onDone(await send<AssessmentView>('publish', 'POST', `${assessmentPath(a)}/publish`), said);
      setConfirming(false);
      return said;
    });
  return (
    <section class="inline-form" aria-labelledby="publish-title">
      <h4 id="publish-title">发布考核结果</h4>
      {!confirming ? (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setConfirming(true)}>
            发布考核结果
          </button>
        </div>
      ) : (
        <div role="group" aria-labelledby="publish-confirm-text">
          <p id="publish-confirm-text" class="warn-text">
            发布后各单位评分表和排名不再变动，考核结果通报各单位（排名公开范围：{disclosureNames[a.disclosureScope]}）
            {admonished.length > 0 ? `，并对${admonished.join('、')}提出末位约谈建议` : ''}。确认发布？
          </p>
          <div class="actions">
            <button type="button" class="primary" disabled={action.busy} onClick={publish}>
              确认发布
            </button>
            <button type="button" class="secondary" disabled={action.busy} onClick={() => setConfirming(false)}>
              取消
            </button>
          </div>
        </div>
      )}
      <Outcome action={action} done={false} />
    </section>
  );
};

interface Demand {
  readonly key: number;
  readonly action: string;
  readonly dueDate: string;
}

/** A published unit's feedback sheet: the summary and one or more demands, each an action and a due date ahead. */
export const FeedbackForm = ({ a, sheet, onIssued }: { a: AssessmentView; sheet: AssessmentSheet; onIssued: (issued: FeedbackSheet, said: string) => void }) => {
  const tomorrow = addDays(todayCst(), 1);
  const [summary, setSummary] = useState('');
  const [demands, setDemands] = useState<readonly Demand[]>([{ key: 0, action: '', dueDate: '' }]);
  const action = useAction();
  const id = `feedback-${sheet.unitId}`;
  const change = (key: number, next: Partial<Demand>) => setDemands(demands.map((d) => (d.key === key ? { ...d, ...next } : d)));
  return (
    <StepForm
      id={id}
      title="下发考核反馈单"
      action={action}
      button="下发反馈单"
      onSubmit={() =>
        void action.run(async () => {
          const issued = await send<FeedbackSheet>('feedback', 'POST', `${unitPath(a, sheet)}/feedback-sheet`, { summary, demands: demands.map((d) => ({ action: d.action, dueDate: d.dueDate })) });
          const said = `${sheet.unitName}的考核反馈单已下发，${issued.demands.length}项整改要求已转为该单位的整改事项。`;
          onIssued(issued, said);
          return said;
        })
      }
    >
      <p class="muted">
        {sheet.unitName}：第{sheet.rank}名，{pointsText(sheet.overall)}分，{sheet.grade}。每项整改要求下发后转为该单位的整改事项，按期跟踪销号。
      </p>
      <TextField id={`${id}-summary`} label="总体评价" value={summary} onChange={setSummary} action={action} path="summary" rows={3} />
      {demands.map((d, i) => (
        <fieldset key={d.key} class="plan-row">
          <legend>整改要求{i + 1}</legend>
          <div class="field">
            <label for={`${id}-action-${d.key}`}>整改措施</label>
            <textarea id={`${id}-action-${d.key}`} rows={2} required value={d.action} aria-invalid={invalid(action, `demands.${i}.action`)} onInput={(e) => change(d.key, { action: inputValue(e) })} />
          </div>
          <div class="field">
            <label for={`${id}-due-${d.key}`}>整改期限</label>
            <input id={`${id}-due-${d.key}`} type="date" required min={tomorrow} value={d.dueDate} aria-invalid={invalid(action, `demands.${i}.dueDate`)} onInput={(e) => change(d.key, { dueDate: inputValue(e) })} />
          </div>
          {demands.length > 1 && (
            <button type="button" class="secondary" aria-label={`删除整改要求${i + 1}`} onClick={() => setDemands(demands.filter((x) => x.key !== d.key))}>
              删除
            </button>
          )}
        </fieldset>
      ))}
      {demands.length < 20 && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setDemands([...demands, { key: Math.max(...demands.map((x) => x.key)) + 1, action: '', dueDate: '' }])}>
            增加一项整改要求
          </button>
        </div>
      )}
    </StepForm>
  );
};
