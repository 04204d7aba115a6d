/**
 * One year-end assessment as the commission and the organisation department read it: the model, the
 * main-responsibility share and where the ranking is disclosed; the ranking (rank, unit, parts,
 * overall, grade, 一票否决, 末位约谈) in a table that exports; and a unit's sheet opened from it, each
 * indicator with the value measured, its points out of what it has, the team's note and the events
 * or entry it came from, and the parts' scores. While the assessment is open the commission enters
 * the team's points, vetoes a unit and publishes; once published, it issues each unit's feedback
 * sheet. The sheets of an open assessment are computed afresh from the events at every read.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, get } from '../api.js';
import { useLive } from '../live.js';
import { DataTable, type Column } from '../dataTable.js';
import { StatCards } from '../widgets.js';
import { Opening, Said } from '../formParts.js';
import { timeText } from '../dates.js';
import type { AssessmentSheet, AssessmentView, FeedbackSheet, IndicatorScore } from '../assessments.js';
import { assessmentStatusNames, assessmentTitle, basisText, configurationNames, disclosureNames, gradeTones, measuredText, pointsText, shareText } from '../assessmentTerms.js';
import { EntryForm, FeedbackForm, PublishForm, VetoForm } from './assessmentForms.js';
import '../assessments.css';

interface Read {
  readonly view: AssessmentView;
  readonly at: number;
}

/**
 * The assessment: read live, and replaced by what a step answered or a read asked for, whichever is
 * the newer (by revision, then by when it came: an open assessment's sheets change with the events
 * while its revision stays).
 */
const useAssessment = (assessmentId: string, answered: AssessmentView | undefined) => {
  const live = useLive<AssessmentView>(`/api/assessments/${encodeURIComponent(assessmentId)}`);
  const [mine, setMine] = useState<Read | undefined>(answered ? { view: answered, at: Date.now() } : undefined);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const fromLive = live.data && live.loadedAt ? { view: live.data, at: live.loadedAt.getTime() } : undefined;
  const newest = [fromLive, mine].filter((r): r is Read => r !== undefined).sort((x, y) => y.view.revision - x.view.revision || y.at - x.at)[0];
  const set = (view: AssessmentView) => setMine({ view, at: Date.now() });
  const readAgain = async () => {
    setReading(true);
    setError(undefined);
    try {
      set(await get<AssessmentView>(`/api/assessments/${encodeURIComponent(assessmentId)}`));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '加载失败，请稍后重试。'));
    } finally {
      setReading(false);
    }
  };
  return {
    view: newest?.view,
    loadedAt: newest ? new Date(newest.at) : undefined,
    error: newest ? error : (live.error ?? error),
    loading: newest === undefined && live.error === undefined,
    reading,
    set,
    readAgain: () => void readAgain(),
  };
};

const clock = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

const GradeBadge = ({ grade }: { grade: AssessmentSheet['grade'] }) => (
  <span class={`badge ${gradeTones[grade]}`} data-field="grade">
    {grade}
  </span>
);

/** The events and entries an indicator's points came from, listed on request. */
const BasisIds = ({ indicator }: { indicator: IndicatorScore }) =>
  indicator.basis.length === 0 ? null : (
    <details class="basis-ids">
      <summary>依据记录编号</summary>
      <ul class="plain">
        {indicator.basis.map((b) => (
          <li key={`${b.kind}-${b.id}`}>
            {b.kind === 'event' ? '事件' : '录入记录'} {b.id}
          </li>
        ))}
      </ul>
    </details>
  );

/** A unit's sheet: the result, the veto, the parts, every indicator with its basis; and the steps the commission may take on it. */
const UnitSheet = ({
  a,
  sheet,
  acts,
  said,
  onDone,
  onIssued,
  onClose,
}: {
  a: AssessmentView;
  sheet: AssessmentSheet;
  acts: boolean;
  /** What the last step on this unit did. */
  said: string | undefined;
  onDone: (a: AssessmentView, said: string) => void;
  onIssued: (issued: FeedbackSheet, said: string) => void;
  onClose: () => void;
}) => {
  const heading = useRef<HTMLHeadingElement>(null);
  // The person who opened it is taken to it.
  useEffect(() => heading.current?.focus(), [sheet.unitId]);
  const headingId = `sheet-${sheet.unitId}-title`;
  const open = a.status === 'open';
  const entered = sheet.indicators.filter((i) => i.rule === 'entered');
  return (
    <section class="card record-panel" aria-labelledby={headingId}>
      <div class="card-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {sheet.unitName}评分明细
        </h3>
        <button type="button" class="secondary" onClick={onClose}>
          收起评分明细
        </button>
      </div>
      <p data-field="result">
        第{sheet.rank}名 · 总分{pointsText(sheet.overall)}分 <GradeBadge grade={sheet.grade} />
        {sheet.vetoed && <span class="badge missing">一票否决</span>}
        {sheet.admonish && <span class="badge returned">末位约谈</span>}
      </p>
      {sheet.veto && (
        <div class="veto-box" role="note" aria-label="一票否决">
          <h4>党风廉政建设一票否决</h4>
          <p class="pre">{sheet.veto.reason}</p>
          {sheet.veto.caseIds.length > 0 && <p class="muted">所涉案件：{sheet.veto.caseIds.join('、')}</p>}
        </div>
      )}
      <h4>各部分得分</h4>
      <ul class="plain" data-field="parts">
        {sheet.parts.map((p) => (
          <li key={p.partId}>
            {p.name}：{pointsText(p.score)} / {pointsText(p.outOf)}分
          </li>
        ))}
      </ul>
      <div class="scroll">
        <table>
          <caption>各项指标得分及依据（{sheet.indicators.length}项）</caption>
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">测算值</th>
              <th scope="col">得分 / 满分</th>
              <th scope="col">检查组说明</th>
              <th scope="col">依据</th>
            </tr>
          </thead>
          <tbody>
            {sheet.indicators.map((i) => (
              <tr key={i.indicatorId} data-indicator={i.indicatorId}>
                <th scope="row">{i.name}</th>
                <td>{measuredText(i)}</td>
                <td data-field="points">
                  {pointsText(i.points)} / {pointsText(i.outOf)}
                </td>
                <td class="pre">{i.note ?? '—'}</td>
                <td>
                  <span data-field="basis">{basisText(i)}</span>
                  <BasisIds indicator={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Said text={said} />
      {acts && open && (
        <>
          {entered.map((i) => (
            <EntryForm key={`${i.indicatorId}-${i.basis[0]?.id ?? ''}`} a={a} sheet={sheet} indicator={i} onDone={onDone} />
          ))}
          {!sheet.vetoed && <VetoForm a={a} sheet={sheet} onDone={onDone} />}
        </>
      )}
      {a.status === 'published' &&
        (sheet.feedbackSheetId ? (
          <p class="ok-text" data-field="feedback">
            考核反馈单已下发（编号 {sheet.feedbackSheetId}），整改要求已转为该单位的整改事项。
          </p>
        ) : acts ? (
          <FeedbackForm a={a} sheet={sheet} onIssued={onIssued} />
        ) : (
          <p class="muted">尚未下发考核反馈单。</p>
        ))}
    </section>
  );
};

/** The assessment opened: its heading and facts, the ranking, the unit's sheet opened, and the steps. */
export const AssessmentPanel = ({
  assessmentId,
  answered,
  acts,
  onChanged,
  onClose,
}: {
  assessmentId: string;
  answered: AssessmentView | undefined;
  /** Whether the viewer is the commission, who takes the steps. */
  acts: boolean;
  onChanged: (a: AssessmentView) => void;
  onClose: () => void;
}) => {
  const read = useAssessment(assessmentId, answered);
  const a = read.view;
  const [unitId, setUnitId] = useState<string>();
  // What the last step did, said next to where it was taken: a unit's sheet, or the panel.
  const [said, setSaid] = useState<{ readonly text: string; readonly unitId: string | undefined }>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const done = (next: AssessmentView, text: string, about?: string) => {
    read.set(next);
    onChanged(next);
    setSaid({ text, unitId: about });
  };
  // A feedback sheet answers itself, not the assessment: the sheet's unit is marked as having one.
  const issued = (sheet: FeedbackSheet, text: string) => {
    if (a) done({ ...a, sheets: a.sheets.map((s) => (s.unitId === sheet.unitId ? { ...s, feedbackSheetId: sheet.sheetId } : s)), revision: a.revision + 1 }, text, sheet.unitId);
  };
  const parts = a?.sheets[0]?.parts ?? [];
  const columns = useMemo((): Column<AssessmentSheet>[] => {
    const published = a?.status === 'published';
    return [
      { header: '排名', value: (s) => s.rank },
      {
        header: '单位',
        value: (s) => s.unitName,
        rowHeader: true,
        width: 28,
        cell: (s) => (
          <button type="button" class="link" aria-label={`查看评分明细：${s.unitName}`} aria-expanded={unitId === s.unitId} onClick={() => setUnitId(unitId === s.unitId ? undefined : s.unitId)}>
            {s.unitName}
          </button>
        ),
      },
      ...(parts.length > 1 ? parts.map((p, i): Column<AssessmentSheet> => ({ header: p.name, value: (s) => s.parts[i]?.score ?? 0 })) : []),
      { header: '总分', value: (s) => s.overall },
      { header: '等次', value: (s) => s.grade, cell: (s) => <GradeBadge grade={s.grade} /> },
      { header: '一票否决', value: (s) => (s.vetoed ? '是' : '否'), cell: (s) => (s.vetoed ? <span class="badge missing">一票否决</span> : '—') },
      { header: '末位约谈', value: (s) => (s.admonish ? '是' : '否'), cell: (s) => (s.admonish ? <span class="badge returned">末位约谈</span> : '—') },
      ...(published ? [{ header: '考核反馈单', value: (s: AssessmentSheet) => (s.feedbackSheetId ? '已下发' : '未下发') }] : []),
    ];
  }, [a, unitId]);
  const opened = a?.sheets.find((s) => s.unitId === unitId);
  const count = (test: (s: AssessmentSheet) => boolean) => a?.sheets.filter(test).length;
  return (
    <section class="card record-panel" aria-labelledby="assessment-title">
      <div class="card-head">
        <h3 id="assessment-title" ref={heading} tabIndex={-1}>
          年度考核{a ? `：${assessmentTitle(a)}` : ''}
        </h3>
        {a && (
          <span class={`badge ${a.status === 'published' ? 'accepted' : 'draft'}`} data-field="assessment-status">
            {assessmentStatusNames[a.status]}
          </span>
        )}
        <span class="export">
          {read.loadedAt && <span class="live">计算于 {clock(read.loadedAt)}</span>}
          {a?.status === 'open' && (
            <button type="button" class="secondary" disabled={read.reading} onClick={read.readAgain}>
              {read.reading ? '正在计算…' : '按最新数据重新计算'}
            </button>
          )}
          <button type="button" class="secondary" onClick={onClose}>
            关闭考核
          </button>
        </span>
      </div>
      <Opening opened={read} />
      {a && (
        <>
          <dl class="record">
            <div>
              <dt>考核方案</dt>
              <dd>
                {configurationNames[a.configuration]} · {a.modelName}
              </dd>
            </div>
            <div>
              <dt>主体责任占比</dt>
              <dd data-field="main-share">{shareText(a.mainResponsibilityShare)}</dd>
            </div>
            <div>
              <dt>参评单位类别</dt>
              <dd>{a.category}</dd>
            </div>
            <div>
              <dt>排名公开范围</dt>
              <dd>{disclosureNames[a.disclosureScope]}</dd>
            </div>
            <div>
              <dt>状态</dt>
              <dd data-field="published">{a.status === 'published' && a.publishedAt ? `已发布（${timeText(a.publishedAt)}）` : '考核中：评分表随各单位记录实时计算，发布后固定'}</dd>
            </div>
          </dl>
          <StatCards
            stats={[
              { label: '参评单位', value: count(() => true), name: 'units' },
              { label: '优秀、良好', value: count((s) => s.grade === '优秀' || s.grade === '良好'), tone: 'ok', name: 'good' },
              { label: '不合格', value: count((s) => s.grade === '不合格'), tone: 'bad', name: 'failed' },
              { label: '一票否决', value: count((s) => s.vetoed), tone: 'bad', name: 'vetoed' },
              { label: '末位约谈', value: count((s) => s.admonish), tone: 'warn', name: 'admonished' },
            ]}
          />
          <Said text={said?.unitId === undefined ? said?.text : undefined} />
          <DataTable
            title="考核排名"
            caption="参评单位的排名、总分和等次，点击单位名称查看评分明细"
            filter={`${assessmentTitle(a)} · ${configurationNames[a.configuration]} · ${assessmentStatusNames[a.status]}`}
            headingLevel={3}
            rows={a.sheets}
            rowKey={(s) => s.unitId}
            empty="本单位下级暂无该类别的单位。"
            columns={columns}
          />
          {opened && (
            <UnitSheet
              a={a}
              sheet={opened}
              acts={acts}
              said={said?.unitId === opened.unitId ? said.text : undefined}
              onDone={(next, text) => done(next, text, opened.unitId)}
              onIssued={issued}
              onClose={() => setUnitId(undefined)}
            />
          )}
          {acts && a.status === 'open' && <PublishForm a={a} onDone={done} />}
        </>
      )}
    </section>
  );
};
