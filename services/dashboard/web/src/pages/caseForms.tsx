/**
 * The commission's case forms: opening a case on a clue about a person of a unit, and each step on a
 * case its state allows — concluding an extra investigation of 一案双查, imposing a measure,
 * escalating, closing, deciding an exemption, looking back and recording a follow-up visit. Each
 * answers the case as the API answered it, and what was done; a refusal is shown in Chinese with
 * each field's message.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, request } from '../api.js';
import type { CaseSourceKind, CaseView, InquiryKind, MeasureKind, Situation } from '../cases.js';
import { caseSourceNames, inquiryNames, measureGroups, measureNames } from '../caseTerms.js';
import { closeOutcome, stepConflicts, type CaseStep } from '../caseRules.js';
import { DateField, inputValue, invalid, StepForm, TextField } from '../stepForms.js';
import { Outcome, PersonSelect, useAction, usePosts } from '../formParts.js';
import { todayCst } from '../dates.js';

/** A configured list of situations (`/api/double-inquiry-situations`, `/api/exemption-situations`), loaded once. */
export const useSituations = (path: string, wanted = true): readonly Situation[] => {
  const [situations, setSituations] = useState<readonly Situation[]>([]);
  useEffect(() => {
    if (!wanted || situations.length > 0) return;
    const controller = new AbortController();
    get<{ situations: readonly Situation[] }>(path, controller.signal)
      .then((answer) => setSituations(answer.situations))
      .catch(() => undefined);
    return () => controller.abort();
  }, [path, wanted]);
  return situations;
};

/**
 * Sends a step. A refusal for the case's state (409) says in Chinese what the step needs, since the
 * service's own detail is for developers; every other refusal keeps the API's words.
 */
const send = async (step: CaseStep | 'open', method: string, path: string, body: unknown): Promise<CaseView> => {
  try {
    return await request<CaseView>(method, path, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) throw new ApiError(409, `状态冲突：${stepConflicts[step]}；也可能本案已由上级纪委办理或已被他人办理，请刷新后核对。`, error.fields);
    throw error;
  }
};

const casePath = (c: Pick<CaseView, 'caseId'>) => `/api/cases/${encodeURIComponent(c.caseId)}`;



type Done = (c: CaseView, said: string) => void;

const caseSources = Object.keys(caseSourceNames) as CaseSourceKind[];

/** The record a source names, in words, for the hint under its field. */
const recordHint = (kind: CaseSourceKind): string =>
  kind === 'manual' ? '手工录入的线索可不填编号，但须填写线索内容。' : kind === 'failureToPursue' ? '须填写未被追究问责的案件编号。' : `须填写所依据的${caseSourceNames[kind]}记录编号。`;

export const OpenCaseForm = ({ unitId, situations, onOpened }: { unitId: string; situations: readonly Situation[]; onOpened: Done }) => {
  const { posts, error: postsError } = usePosts(unitId);
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<CaseSourceKind>('manual');
  const [recordId, setRecordId] = useState('');
  const [note, setNote] = useState('');
  const [facts, setFacts] = useState('');
  const [situation, setSituation] = useState('');
  const [openedOn, setOpenedOn] = useState(todayCst);
  const action = useAction();
  // Another unit's people are not this unit's.
  useEffect(() => setPersonId(''), [unitId]);
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const source = { kind, ...(recordId.trim() ? { id: recordId.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
      const body = { personId, source, facts, ...(situation ? { situation } : {}), openedOn };
      const said = situation ? '已立案，并启动“一案双查”。' : '已立案。';
      onOpened(await send('open', 'POST', `/api/units/${encodeURIComponent(unitId)}/cases`, body), said);
      setFacts('');
      setNote('');
      setRecordId('');
      return said;
    });
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="open-case-title">
      <h3 id="open-case-title">问责立案</h3>
      <PersonSelect id="open-case-person" label="被问责人" posts={posts} value={personId} onChange={setPersonId} />
      {postsError && <p class="error">{postsError.message}</p>}
      <fieldset>
        <legend>线索来源</legend>
        <div class="field">
          <label for="open-case-source">来源类型</label>
          <select id="open-case-source" value={kind} onChange={(e) => setKind(inputValue(e) as CaseSourceKind)}>
            {caseSources.map((k) => (
              <option key={k} value={k}>
                {caseSourceNames[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="open-case-record">来源记录编号</label>
          <input id="open-case-record" type="text" required={kind !== 'manual'} value={recordId} aria-describedby="open-case-record-hint" aria-invalid={invalid(action, 'source.id')} onInput={(e) => setRecordId(inputValue(e))} />
          <small id="open-case-record-hint" class="muted">
            {recordHint(kind)}
          </small>
        </div>
        <div class="field">
          <label for="open-case-note">线索内容</label>
          <textarea id="open-case-note" rows={2} required={kind === 'manual'} value={note} aria-invalid={invalid(action, 'source.note')} onInput={(e) => setNote(inputValue(e))} />
        </div>
      </fieldset>
      <div class="field">
        <label for="open-case-facts">问题事实</label>
        <textarea id="open-case-facts" rows={4} required value={facts} aria-invalid={invalid(action, 'facts')} onInput={(e) => setFacts(inputValue(e))} />
      </div>
      <div class="field">
        <label for="open-case-situation">“一案双查”情形</label>
        <select id="open-case-situation" value={situation} aria-describedby="open-case-situation-hint" aria-invalid={invalid(action, 'situation')} onChange={(e) => setSituation(inputValue(e))}>
          <option value="">不属于所列情形</option>
          {situations.map((s) => (
            <option key={s.code} value={s.code}>
              {s.text}
            </option>
          ))}
        </select>
        <small id="open-case-situation-hint" class="muted">
          属于所列情形的，同时调查党委（党组）主体责任和纪委（纪检组）监督责任。
        </small>
      </div>
      <div class="field">
        <label for="open-case-date">立案日期</label>
        <input id="open-case-date" type="date" required max={todayCst()} value={openedOn} aria-invalid={invalid(action, 'openedOn')} onInput={(e) => setOpenedOn(inputValue(e))} />
      </div>
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        立案
      </button>
    </form>
  );
};


/** Two answers to a yes-or-no question, as radio buttons. */
const YesNo = ({ id, legend, yes, no, value: chosen, onChange }: { id: string; legend: string; yes: string; no: string; value: boolean; onChange: (value: boolean) => void }) => (
  <fieldset>
    <legend>{legend}</legend>
    <div class="field inline">
      <input id={`${id}-yes`} type="radio" name={id} checked={chosen} onChange={() => onChange(true)} />
      <label for={`${id}-yes`}>{yes}</label>
    </div>
    <div class="field inline">
      <input id={`${id}-no`} type="radio" name={id} checked={!chosen} onChange={() => onChange(false)} />
      <label for={`${id}-no`}>{no}</label>
    </div>
  </fieldset>
);



export const ConcludeInquiryForm = ({ c, inquiry, onDone }: { c: CaseView; inquiry: InquiryKind; onDone: Done }) => {
  const [accountable, setAccountable] = useState(true);
  const [finding, setFinding] = useState('');
  const action = useAction();
  const id = `inquiry-${inquiry}-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title={`${inquiryNames[inquiry]}调查结论`}
      action={action}
      button="作出调查结论"
      onSubmit={() =>
        void action.run(async () => {
          const said = `${inquiryNames[inquiry]}调查已作出结论。`;
          onDone(await send('conclude', 'POST', `${casePath(c)}/inquiries`, { inquiry, accountable, finding }), said);
          return said;
        })
      }
    >
      <YesNo id={`${id}-accountable`} legend="是否追责" yes="应予追责" no="不予追责" value={accountable} onChange={setAccountable} />
      <TextField id={`${id}-finding`} label="调查结论" value={finding} onChange={setFinding} action={action} path="finding" rows={3} />
    </StepForm>
  );
};

export const MeasureForm = ({ c, onDone }: { c: CaseView; onDone: Done }) => {
  const [measure, setMeasure] = useState<MeasureKind | ''>('');
  const [decidedOn, setDecidedOn] = useState(todayCst);
  const [basis, setBasis] = useState('');
  const action = useAction();
  const id = `measure-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title="作出问责处理"
      action={action}
      button="作出处理"
      onSubmit={() =>
        void action.run(async () => {
          const next = await send('measure', 'POST', `${casePath(c)}/measures`, { measure, decidedOn, basis });
          const bans = next.measures.at(-1)?.bans.length ?? 0;
          const said = `已作出${measureNames[measure as MeasureKind]}处理${bans > 0 ? '，同时产生任职限制' : ''}。`;
          onDone(next, said);
          setMeasure('');
          setBasis('');
          return said;
        })
      }
    >
      <div class="field">
        <label for={`${id}-kind`}>问责方式</label>
        <select id={`${id}-kind`} required value={measure} aria-describedby={`${id}-hint`} aria-invalid={invalid(action, 'measure')} onChange={(e) => setMeasure(inputValue(e) as MeasureKind)}>
          <option value="">请选择</option>
          {measureGroups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.kinds.map((k) => (
                <option key={k} value={k}>
                  {measureNames[k]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <small id={`${id}-hint`} class="muted">
          免职、责令辞职产生“不得担任与原任职务相当的领导职务”的任职限制，降职产生“不得提升职务”的任职限制。
        </small>
      </div>
      <DateField id={`${id}-date`} label="决定日期" value={decidedOn} min={c.openedOn} onChange={setDecidedOn} action={action} path="decidedOn" />
      <TextField id={`${id}-basis`} label="处理依据" value={basis} onChange={setBasis} action={action} path="basis" />
    </StepForm>
  );
};

export const EscalateForm = ({ c, onDone }: { c: CaseView; onDone: Done }) => {
  const [reason, setReason] = useState('');
  const action = useAction();
  const id = `escalate-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title="提级办理"
      action={action}
      button="报上一级纪委办理"
      onSubmit={() =>
        void action.run(async () => {
          const said = '已提级，由上一级纪委办理。';
          onDone(await send('escalate', 'POST', `${casePath(c)}/escalate`, { reason }), said);
          setReason('');
          return said;
        })
      }
    >
      <TextField id={`${id}-reason`} label="提级理由" value={reason} onChange={setReason} action={action} path="reason" />
    </StepForm>
  );
};

export const CloseForm = ({ c, onDone }: { c: CaseView; onDone: Done }) => {
  const outcome = closeOutcome(c);
  const [closedOn, setClosedOn] = useState(todayCst);
  const [clarification, setClarification] = useState('');
  const action = useAction();
  const id = `close-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title="办结案件"
      action={action}
      button={outcome === 'accountable' ? '办结（问责）' : '澄清了结'}
      onSubmit={() =>
        void action.run(async () => {
          const said = outcome === 'accountable' ? '案件已办结：问责。' : '案件已澄清了结，澄清正名通报已发出。';
          onDone(await send('close', 'POST', `${casePath(c)}/close`, { outcome, closedOn, ...(outcome === 'cleared' ? { clarification } : {}) }), said);
          return said;
        })
      }
    >
      <p class="muted">{outcome === 'accountable' ? '已作出问责处理，办结结果为“问责”。' : '未作出问责处理，经核查线索不实的，以“澄清了结”办结，并发出澄清正名通报。'}</p>
      <DateField id={`${id}-date`} label="办结日期" value={closedOn} min={c.openedOn} onChange={setClosedOn} action={action} path="closedOn" />
      {outcome === 'cleared' && <TextField id={`${id}-clarification`} label="澄清正名通报内容" value={clarification} onChange={setClarification} action={action} path="clarification" rows={3} />}
    </StepForm>
  );
};

export const ExemptionDecisionForm = ({ c, onDone }: { c: CaseView; onDone: Done }) => {
  const [grant, setGrant] = useState(true);
  const [decidedOn, setDecidedOn] = useState(todayCst);
  const [clarification, setClarification] = useState('');
  const action = useAction();
  const id = `exemption-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title="容错免责决定"
      action={action}
      button="作出决定"
      onSubmit={() =>
        void action.run(async () => {
          const said = grant ? '已予容错免责，案件办结，澄清正名通报已发出。' : '不予免责，案件继续办理。';
          onDone(await send('decideExemption', 'POST', `${casePath(c)}/exemption-decision`, { grant, decidedOn, ...(grant ? { clarification } : {}) }), said);
          return said;
        })
      }
    >
      <YesNo id={`${id}-grant`} legend="决定" yes="予以免责" no="不予免责" value={grant} onChange={setGrant} />
      <DateField id={`${id}-date`} label="决定日期" value={decidedOn} onChange={setDecidedOn} action={action} path="decidedOn" />
      {grant && <TextField id={`${id}-clarification`} label="澄清正名通报内容" value={clarification} onChange={setClarification} action={action} path="clarification" rows={3} />}
    </StepForm>
  );
};

export const LookBackForm = ({ c, onDone }: { c: CaseView; onDone: Done }) => {
  const [shortfall, setShortfall] = useState(false);
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(todayCst);
  const action = useAction();
  const id = `look-back-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title="“回头看”"
      action={action}
      button="记录“回头看”结果"
      onSubmit={() =>
        void action.run(async () => {
          const said = shortfall ? '问责不到位，已重新启动问责。' : '“回头看”结果已记录：问责到位。';
          onDone(await send('lookBack', 'POST', `${casePath(c)}/look-back`, { shortfall, on, ...(reason.trim() ? { reason: reason.trim() } : {}) }), said);
          setReason('');
          return said;
        })
      }
    >
      <YesNo id={`${id}-shortfall`} legend="“回头看”结果" yes="问责不到位，重新启动问责" no="问责到位" value={shortfall} onChange={setShortfall} />
      {shortfall && <TextField id={`${id}-reason`} label="问责不到位之处" value={reason} onChange={setReason} action={action} path="reason" />}
      <DateField id={`${id}-date`} label="“回头看”日期" value={on} onChange={setOn} action={action} path="on" />
    </StepForm>
  );
};

export const FollowUpForm = ({ c, onDone }: { c: CaseView; onDone: Done }) => {
  const [visitedOn, setVisitedOn] = useState(todayCst);
  const [notes, setNotes] = useState('');
  const action = useAction();
  const id = `follow-up-${c.caseId}`;
  return (
    <StepForm
      id={id}
      title="回访"
      action={action}
      button="记录回访"
      onSubmit={() =>
        void action.run(async () => {
          const said = '回访已记录。';
          onDone(await send('followUp', 'POST', `${casePath(c)}/follow-up-visits`, { visitedOn, notes }), said);
          setNotes('');
          return said;
        })
      }
    >
      <DateField id={`${id}-date`} label="回访日期" value={visitedOn} onChange={setVisitedOn} action={action} path="visitedOn" />
      <TextField id={`${id}-notes`} label="回访情况" value={notes} onChange={setNotes} action={action} path="notes" />
    </StepForm>
  );
};
