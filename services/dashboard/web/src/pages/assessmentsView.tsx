/**
 * The year-end assessments (年度考核) a unit of the viewer's tree ran in a year: the list in a table
 * that exports, and an assessment opened (also by its own address, `?assessment=`) with its ranking
 * and every unit's sheet. The commission starts an assessment here and, on one it runs, enters the
 * team's points, vetoes, publishes and issues feedback sheets; the organisation department reads.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { navigate } from '../router.js';
import type { Session } from '../session.js';
import { assessmentActor, summaryOf, type AssessmentSummary, type AssessmentView } from '../assessments.js';
import { assessmentStatusNames, assessmentTitle, configurationNames } from '../assessmentTerms.js';
import { FormToggle, Said } from '../formParts.js';
import { timeText } from '../dates.js';
import { ScopeBar, scopeText, useScope } from './interviewScope.js';
import { StartAssessmentForm } from './assessmentForms.js';
import { AssessmentPanel } from './assessmentSheet.js';

const assessmentsPath = '/oversight/assessments';

/** The assessment's page: the assessments view with it opened. */
export const assessmentPagePath = (assessmentId: string): string => `${assessmentsPath}?assessment=${encodeURIComponent(assessmentId)}`;

/** The assessment the address names (`?assessment=`), opened when the view is. */
const askedAssessment = (): string | undefined => new URLSearchParams(location.search).get('assessment') ?? undefined;

export const AssessmentsView = ({ session }: { session: Session }) => {
  const scope = useScope(session);
  const unitId = scope.unitId;
  const path = unitId ? `/api/units/${encodeURIComponent(unitId)}/assessments?year=${scope.year}` : undefined;
  const live = useLive<{ assessments: readonly AssessmentSummary[] }>(path);
  const [openId, setOpenId] = useState<string | undefined>(askedAssessment);
  const [answered, setAnswered] = useState<AssessmentView>();
  // What the steps answered, by assessment, until the list has caught up (the list carries no revision).
  const [changed, setChanged] = useState<{ readonly path: string | undefined; readonly summaries: ReadonlyMap<string, AssessmentSummary> }>({ path, summaries: new Map() });
  const [starting, setStarting] = useState(false);
  const [said, setSaid] = useState<string>();
  const commission = session.role === assessmentActor;
  const assessments = useMemo(() => {
    const listed = live.data?.assessments ?? [];
    const mine = changed.path === path ? changed.summaries : new Map<string, AssessmentSummary>();
    const ids = new Set(listed.map((a) => a.assessmentId));
    return [...[...mine.values()].filter((a) => !ids.has(a.assessmentId)), ...listed.map((a) => mine.get(a.assessmentId) ?? a)];
  }, [live.data, changed, path]);
  const open = (assessmentId: string | undefined) => {
    setOpenId(assessmentId);
    setAnswered(undefined);
    navigate(assessmentId === undefined ? assessmentsPath : assessmentPagePath(assessmentId), true);
  };
  const update = (a: AssessmentView) => {
    // Only an assessment of the unit and year shown belongs in this list.
    if (a.unitId === unitId && a.year === scope.year) setChanged((before) => ({ path, summaries: new Map([...(before.path === path ? before.summaries : []), [a.assessmentId, summaryOf(a)]]) }));
  };
  // Another unit or year: its own assessments, none of the last one's open or said (the assessment of the address stays open).
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
      <ScopeBar title="年度考核" scope={scope} />
      {commission && unitId && <FormToggle open={starting} show="启动年度考核" hide="收起启动表" controls="start-assessment-form" onToggle={() => setStarting(!starting)} />}
      <Said text={said} />
      {commission && unitId && starting && (
        <div id="start-assessment-form">
          <StartAssessmentForm
            unitId={unitId}
            year={scope.year}
            onStarted={(a, text) => {
              update(a);
              setSaid(text);
              setStarting(false);
              open(a.assessmentId);
              setAnswered(a);
            }}
          />
        </div>
      )}
      {openId && (
        <AssessmentPanel
          key={openId}
          assessmentId={openId}
          answered={answered?.assessmentId === openId ? answered : undefined}
          acts={commission}
          onChanged={update}
          onClose={() => open(undefined)}
        />
      )}
      <DataTable
        title="年度考核"
        caption="本单位本年度组织的考核，点击考核名称查看评分表和排名"
        filter={scopeText(scope)}
        headingLevel={3}
        rows={assessments}
        rowKey={(a) => a.assessmentId}
        empty={live.loading && !live.data ? '正在加载…' : '本年度暂无考核。'}
        columns={[
          {
            header: '考核',
            value: (a) => assessmentTitle(a),
            rowHeader: true,
            width: 32,
            cell: (a) => (
              <button type="button" class="link" aria-label={`查看年度考核：${assessmentTitle(a)}（${configurationNames[a.configuration]}）`} onClick={() => open(a.assessmentId)}>
                {assessmentTitle(a)}
              </button>
            ),
          },
          { header: '考核方案', value: (a) => configurationNames[a.configuration], width: 20 },
          { header: '评分模型', value: (a) => a.modelName, width: 40 },
          { header: '状态', value: (a) => assessmentStatusNames[a.status], cell: (a) => <span class={`badge ${a.status === 'published' ? 'accepted' : 'draft'}`}>{assessmentStatusNames[a.status]}</span> },
          { header: '发布时间', value: (a) => (a.publishedAt ? timeText(a.publishedAt) : '—'), width: 22 },
        ]}
      />
    </>
  );
};
