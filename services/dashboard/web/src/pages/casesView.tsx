/**
 * The accountability cases (问责案件) of a unit of the viewer's tree opened in a year: the counts and
 * every case in a table that exports, all from the list's summaries. A case opened (also by its own
 * address, `?case=`) is read with its facts, findings and measures — a read the service records —
 * and links to the person's integrity file. The commission opens cases here and takes, on a case it
 * handles, the steps its state allows; the organisation department reads and takes none.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLive, useNewest, useRecord } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { StatCards } from '../widgets.js';
import { navigate } from '../router.js';
import type { Session } from '../session.js';
import { commissionRole, type CaseSummary, type CaseView, type Situation } from '../cases.js';
import { caseOutcomeNames } from '../caseTerms.js';
import { caseRow, casePagePath, closeBlocked, integrityFilePath, mayHandle, stepsOn, type CaseRow } from '../caseRules.js';
import { CaseBadge, CaseRecord, caseSourceText, caseStatusText, FollowUpDue, situationText } from '../caseParts.js';
import { FormToggle, Opening, Said } from '../formParts.js';
import { todayCst } from '../dates.js';
import { ScopeBar, scopeText, useScope, type Scope } from './interviewScope.js';
import { CloseForm, ConcludeInquiryForm, EscalateForm, ExemptionDecisionForm, FollowUpForm, LookBackForm, MeasureForm, OpenCaseForm, useSituations } from './caseForms.js';
import '../cases.css';

const casesPath = '/oversight/cases';

/** The case the address names (`?case=`), opened when the view is. */
const askedCase = (): string | undefined => new URLSearchParams(location.search).get('case') ?? undefined;

const people = (c: Pick<CaseSummary, 'person'>) => `${c.person.name}（${c.person.title}）`;

/**
 * One case, read from `GET /api/cases/{caseId}` when opened — unless a step just answered it
 * (`answered`), so that opening a case does not read it again — with the steps the viewer may take.
 */
const CasePanel = ({
  caseId,
  listed,
  answered,
  session,
  scope,
  situations,
  onChanged,
  onClose,
}: {
  caseId: string;
  listed: CaseRow | undefined;
  answered: CaseView | undefined;
  session: Session;
  scope: Scope;
  situations: readonly Situation[];
  onChanged: (c: CaseView) => void;
  onClose: () => void;
}) => {
  const opened = useRecord<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`, 0, answered === undefined);
  const shown = opened.record ?? answered;
  const exemptionSituations = useSituations('/api/exemption-situations', shown?.exemption != null);
  const [said, setSaid] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // The person who opened it is taken to it.
  useEffect(() => heading.current?.focus(), []);
  const done = (next: CaseView, text: string) => {
    opened.set(next);
    onChanged(next);
    setSaid(text);
  };
  const head = shown ?? listed;
  const inTree = (unitId: string) => scope.units.some((u) => u.unitId === unitId);
  const handles = shown !== undefined && mayHandle(shown, session, inTree);
  const steps = shown ? stepsOn(shown) : [];
  const handlingName = shown ? (inTree(shown.handlingUnitId) ? `${scope.unitName(shown.handlingUnitId) ?? ''}纪委` : '上级纪委（已提级办理）') : '';
  const blocked = shown ? closeBlocked(shown) : undefined;
  return (
    <section class="card record-panel" aria-labelledby="case-record-title">
      <div class="card-head">
        <h3 id="case-record-title" ref={heading} tabIndex={-1}>
          问责案件{head ? `：${people(head)} · ${head.unitName}` : ''}
        </h3>
        {head && <CaseBadge c={head} />}
        <button type="button" class="secondary" onClick={onClose}>
          关闭案件
        </button>
      </div>
      <Opening opened={opened} />
      {shown && (
        <>
          <CaseRecord c={shown} handlingName={handlingName} situations={situations} exemptionSituations={exemptionSituations} />
          <div class="actions">
            <button type="button" class="link" onClick={() => navigate(integrityFilePath(shown.unitId, shown.person.personId))}>
              查看{shown.person.name}的廉政档案
            </button>
          </div>
          <Said text={said} />
          {session.role === commissionRole && !handles && <p class="muted">本案由上级纪委办理，本级仅可查阅。</p>}
          {handles && (
            <>
              {steps.includes('conclude') && shown.inquiries.filter((i) => i.status === 'open').map((i) => <ConcludeInquiryForm key={i.kind} c={shown} inquiry={i.kind} onDone={done} />)}
              {steps.includes('measure') && <MeasureForm c={shown} onDone={done} />}
              {steps.includes('decideExemption') && <ExemptionDecisionForm c={shown} onDone={done} />}
              {steps.includes('close') ? <CloseForm c={shown} onDone={done} /> : blocked && <p class="warn-text">{blocked}</p>}
              {steps.includes('followUp') && <FollowUpForm c={shown} onDone={done} />}
              {steps.includes('lookBack') && <LookBackForm c={shown} onDone={done} />}
              {steps.includes('escalate') && <EscalateForm c={shown} onDone={done} />}
            </>
          )}
        </>
      )}
    </section>
  );
};

export const CasesView = ({ session }: { session: Session }) => {
  const scope = useScope(session);
  const unitId = scope.unitId;
  const path = unitId ? `/api/units/${encodeURIComponent(unitId)}/cases?year=${scope.year}` : undefined;
  const live = useLive<{ cases: readonly CaseSummary[] }>(path);
  const listed = useMemo(() => live.data?.cases ?? [], [live.data]);
  const { records: cases, update } = useNewest(listed, (c) => c.caseId, path);
  const situations = useSituations('/api/double-inquiry-situations');
  const [openId, setOpenId] = useState<string | undefined>(askedCase);
  const [answered, setAnswered] = useState<CaseView>();
  const [opening, setOpening] = useState(false);
  const [said, setSaid] = useState<string>();
  const commission = session.role === commissionRole;
  const today = todayCst();
  const count = (test: (c: CaseRow) => boolean) => (live.data ? cases.filter(test).length : undefined);
  const open = (caseId: string | undefined) => {
    setOpenId(caseId);
    setAnswered(undefined);
    navigate(caseId === undefined ? casesPath : casePagePath(caseId), true);
  };
  const changed = (c: CaseView) => {
    update(caseRow(c));
    setAnswered(c);
  };
  // Another unit or year: its own cases, none of the last one's open or said (the case of the address stays open).
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    open(undefined);
    setSaid(undefined);
  }, [path]);
  return (
    <>
      <LiveLine live={live} />
      <ScopeBar title="问责案件台账" scope={scope} />
      <StatCards
        stats={[
          { label: '案件总数', value: count(() => true), name: 'cases' },
          { label: '办理中', value: count((c) => c.status !== 'closed'), tone: 'warn', name: 'active' },
          { label: '已办结', value: count((c) => c.status === 'closed'), tone: 'ok', name: 'closed' },
          { label: '一案双查', value: count((c) => c.situation !== null), name: 'double' },
          { label: '回访到期', value: count((c) => c.followUpDueOn !== null && c.followUpDueOn <= today), tone: 'bad', name: 'follow-up' },
        ]}
      />
      {commission && unitId && <FormToggle open={opening} show="新立问责案件" hide="收起立案表" controls="open-case-form" onToggle={() => setOpening(!opening)} />}
      <Said text={said} />
      {commission && unitId && opening && (
        <div id="open-case-form">
          <OpenCaseForm
            unitId={unitId}
            situations={situations}
            onOpened={(c, text) => {
              update(caseRow(c));
              setSaid(text);
              setOpening(false);
              open(c.caseId);
              setAnswered(c);
            }}
          />
        </div>
      )}
      {openId && (
        <CasePanel
          key={openId}
          caseId={openId}
          listed={cases.find((c) => c.caseId === openId)}
          answered={answered?.caseId === openId ? answered : undefined}
          session={session}
          scope={scope}
          situations={situations}
          onChanged={changed}
          onClose={() => open(undefined)}
        />
      )}
      <DataTable
        title="问责案件台账"
        caption="本年度立案的问责案件，点击被问责人查看案件"
        filter={scopeText(scope)}
        headingLevel={3}
        rows={cases}
        rowKey={(c) => c.caseId}
        empty={live.loading && !live.data ? '正在加载…' : '本年度暂无问责案件。'}
        columns={[
          {
            header: '被问责人',
            value: (c) => c.person.name,
            rowHeader: true,
            cell: (c) => (
              <button type="button" class="link" aria-label={`查看问责案件：${c.person.name}（${c.openedOn}立案）`} onClick={() => open(c.caseId)}>
                {c.person.name}
              </button>
            ),
          },
          { header: '职务', value: (c) => c.person.title },
          { header: '单位', value: (c) => c.unitName },
          { header: '线索来源', value: (c) => caseSourceText(c.source), width: 40 },
          { header: '立案日期', value: (c) => c.openedOn },
          { header: '状态', value: (c) => caseStatusText(c), cell: (c) => <CaseBadge c={c} /> },
          { header: '问责结果', value: (c) => (c.outcome ? caseOutcomeNames[c.outcome] : '—') },
          { header: '问责方式', value: (c) => c.measures.map((m) => m.name).join('、') || '—', width: 24 },
          { header: '一案双查', value: (c) => situationText(c.situation, situations), width: 40 },
          { header: '下次回访', value: (c) => c.followUpDueOn ?? '—', cell: (c) => <FollowUpDue c={c} /> },
        ]}
      />
    </>
  );
};
