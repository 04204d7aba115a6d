/**
 * The unit's integrity-education ledger of a year (廉政教育台账): the plan filed with the
 * commission, the sessions held and the newly appointed cadres' pre-appointment trainings, each
 * recorded here, and the whole ledger exported to Excel.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { ExportButton } from '../exportButton.js';
import { StatCards } from '../widgets.js';
import type { Session } from '../session.js';
import type { EducationLedger } from '../interviews.js';
import { educationFormNames, type EducationForm, type Role } from '../terms.js';
import { Outcome, PersonSelect, useAction, usePosts, YearSelect, type Action } from '../formParts.js';
import { dayOf, timeText, todayCst } from '../dates.js';
import { yearInProgress } from '../tree.js';

/** Who keeps the ledger: the unit's own people; the organisation department also records trainings. */
const keepers: readonly Role[] = ['unit_secretary', 'unit_staff'];
const trainers: readonly Role[] = [...keepers, 'organisation_dept'];

/** One line of the exported ledger: the plan, a session or a training. */
interface LedgerLine {
  readonly key: string;
  readonly part: string;
  readonly date: string;
  readonly content: string;
  readonly detail: string;
  readonly people: number | '';
}

const linesOf = (ledger: EducationLedger): LedgerLine[] => [
  ...(ledger.plan ? [{ key: ledger.plan.planId, part: '年度教育计划', date: dayOf(ledger.plan.filedAt), content: ledger.plan.title, detail: `计划开展${ledger.plan.sessionsPlanned}次：${ledger.plan.content}`, people: '' as const }] : []),
  ...ledger.sessions.map((s) => ({ key: s.sessionId, part: '廉政教育活动', date: s.heldOn, content: s.topic, detail: educationFormNames[s.form], people: s.attendance })),
  ...ledger.trainings.map((t) => ({ key: t.trainingId, part: '任前廉政培训', date: t.completedOn, content: t.course, detail: `${t.person.name}（${t.person.title}）`, people: 1 })),
];

/** A form of the ledger: its heading, fields, refusal and button. */
const LedgerForm = ({ id, title, button, action, onSubmit, children }: { id: string; title: string; button: string; action: Action; onSubmit: () => void; children: ComponentChildren }) => (
  <form
    class="card"
    aria-labelledby={id}
    onSubmit={(e) => {
      e.preventDefault();
      onSubmit();
    }}
  >
    <h3 id={id}>{title}</h3>
    {children}
    <Outcome action={action} />
    <button type="submit" class="primary" disabled={action.busy}>
      {button}
    </button>
  </form>
);

const PlanForm = ({ base, year, onFiled }: { base: string; year: number; onFiled: (ledger: EducationLedger) => void }) => {
  const [title, setTitle] = useState(`${year}年度廉政教育计划`);
  const [content, setContent] = useState('');
  const [planned, setPlanned] = useState('4');
  const action = useAction();
  return (
    <LedgerForm
      id="plan-form-title"
      title="报备年度廉政教育计划"
      button="报备教育计划"
      action={action}
      onSubmit={() =>
        void action.run(async () => {
          onFiled(await request<EducationLedger>('POST', `${base}/education-plans`, { year, title, content, sessionsPlanned: Number(planned) }));
          return '教育计划已报备纪委。';
        })
      }
    >
      <div class="field">
        <label for="plan-title">计划名称</label>
        <input id="plan-title" type="text" required value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="plan-content">计划内容</label>
        <textarea id="plan-content" rows={4} required value={content} onInput={(e) => setContent((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="plan-sessions">计划开展次数</label>
        <input id="plan-sessions" type="number" min={0} max={500} required value={planned} onInput={(e) => setPlanned((e.target as HTMLInputElement).value)} />
      </div>
    </LedgerForm>
  );
};

const SessionForm = ({ base, onRecorded }: { base: string; onRecorded: (ledger: EducationLedger) => void }) => {
  const [heldOn, setHeldOn] = useState(todayCst);
  const [form, setForm] = useState<EducationForm>('warningEducation');
  const [topic, setTopic] = useState('');
  const [attendance, setAttendance] = useState('');
  const action = useAction();
  return (
    <LedgerForm
      id="session-form-title"
      title="登记廉政教育活动"
      button="登记教育活动"
      action={action}
      onSubmit={() =>
        void action.run(async () => {
          onRecorded(await request<EducationLedger>('POST', `${base}/education-sessions`, { heldOn, form, topic, attendance: Number(attendance) }));
          setTopic('');
          setAttendance('');
          return '教育活动已登记。';
        })
      }
    >
      <div class="field">
        <label for="session-date">活动日期</label>
        <input id="session-date" type="date" required value={heldOn} onInput={(e) => setHeldOn((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="session-form">教育形式</label>
        <select id="session-form" value={form} onChange={(e) => setForm((e.target as HTMLSelectElement).value as EducationForm)}>
          {(Object.keys(educationFormNames) as EducationForm[]).map((f) => (
            <option key={f} value={f}>
              {educationFormNames[f]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="session-topic">活动主题</label>
        <input id="session-topic" type="text" required value={topic} onInput={(e) => setTopic((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="session-attendance">参加人数</label>
        <input id="session-attendance" type="number" min={1} max={100000} required value={attendance} onInput={(e) => setAttendance((e.target as HTMLInputElement).value)} />
      </div>
    </LedgerForm>
  );
};

const TrainingForm = ({ base, unitId, onRecorded }: { base: string; unitId: string; onRecorded: (ledger: EducationLedger) => void }) => {
  const { posts, error } = usePosts(unitId);
  const [personId, setPersonId] = useState('');
  const [course, setCourse] = useState('新任职干部任前廉政培训');
  const [completedOn, setCompletedOn] = useState(todayCst);
  const action = useAction();
  return (
    <LedgerForm
      id="training-form-title"
      title="登记任前廉政培训"
      button="登记任前培训"
      action={action}
      onSubmit={() =>
        void action.run(async () => {
          onRecorded(await request<EducationLedger>('POST', `${base}/trainings`, { personId, course, completedOn }));
          setPersonId('');
          return '任前培训已登记。';
        })
      }
    >
      <PersonSelect id="training-person" label="参训人员" posts={posts} value={personId} onChange={setPersonId} />
      {error && <p class="error">{error.message}</p>}
      <div class="field">
        <label for="training-course">培训课程</label>
        <input id="training-course" type="text" required value={course} onInput={(e) => setCourse((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="training-date">培训完成日期</label>
        <input id="training-date" type="date" required value={completedOn} onInput={(e) => setCompletedOn((e.target as HTMLInputElement).value)} />
      </div>
    </LedgerForm>
  );
};

export const EducationLedgerView = ({ session, unitId }: { session: Session; unitId: string }) => {
  const [year, setYear] = useState(yearInProgress);
  const base = `/api/units/${encodeURIComponent(unitId)}`;
  const live = useLive<EducationLedger>(`${base}/education-ledger?year=${year}`);
  // What a form answered, shown until the ledger loads again after it.
  const [answered, setAnswered] = useState<{ readonly ledger: EducationLedger; readonly at: Date }>();
  const take = (ledger: EducationLedger) => setAnswered({ ledger, at: new Date() });
  const ledger = answered && answered.ledger.year === year && (!live.loadedAt || answered.at > live.loadedAt) ? answered.ledger : live.data;
  const keeps = keepers.includes(session.role);
  const filter = `${year}年度 · 本单位`;
  const attendance = ledger?.sessions.reduce((sum, s) => sum + s.attendance, 0);
  return (
    <>
      <LiveLine live={live} />
      <div class="page-head">
        <h2 class="view-title">{year}年度廉政教育台账</h2>
        <YearSelect id="education-year" value={year} onChange={setYear} current={yearInProgress()} />
        {ledger && (
          <ExportButton
            label="导出廉政教育台账"
            request={() => ({
              title: '廉政教育台账',
              filter,
              fileName: `廉政教育台账-${filter}`,
              columns: [
                { header: '类别', value: (l: LedgerLine) => l.part, width: 14 },
                { header: '日期', value: (l: LedgerLine) => l.date, width: 12 },
                { header: '名称或主题', value: (l: LedgerLine) => l.content, width: 30 },
                { header: '形式、人员或内容', value: (l: LedgerLine) => l.detail, width: 40 },
                { header: '人数', value: (l: LedgerLine) => l.people },
              ],
              rows: linesOf(ledger),
            })}
          />
        )}
      </div>
      <StatCards
        stats={[
          { label: '年度教育计划', value: ledger ? (ledger.plan ? '已报备' : '未报备') : undefined, tone: ledger?.plan ? 'ok' : 'warn', name: 'plan' },
          { label: '计划开展次数', value: ledger?.plan?.sessionsPlanned, name: 'planned' },
          { label: '已开展教育活动', value: ledger?.sessions.length, name: 'sessions' },
          { label: '参加人次', value: attendance, name: 'attendance' },
          { label: '任前廉政培训', value: ledger?.trainings.length, name: 'trainings' },
        ]}
      />
      <section class="card" aria-labelledby="plan-title-heading">
        <h3 id="plan-title-heading">年度廉政教育计划</h3>
        {ledger?.plan ? (
          <>
            <p>
              <strong>{ledger.plan.title}</strong>　计划开展 {ledger.plan.sessionsPlanned} 次　报备时间：{timeText(ledger.plan.filedAt)}
            </p>
            <p class="pre">{ledger.plan.content}</p>
          </>
        ) : (
          <p class="muted">{ledger ? '本年度尚未报备教育计划。' : '正在加载…'}</p>
        )}
      </section>
      {ledger && !ledger.plan && keeps && <PlanForm base={base} year={year} onFiled={take} />}
      <DataTable
        title="廉政教育活动"
        caption="本单位本年度开展的廉政教育活动"
        filter={filter}
        headingLevel={3}
        rows={ledger?.sessions ?? []}
        rowKey={(s) => s.sessionId}
        empty={live.loading && !ledger ? '正在加载…' : '本年度尚未登记教育活动。'}
        columns={[
          { header: '日期', value: (s) => s.heldOn, rowHeader: true },
          { header: '形式', value: (s) => educationFormNames[s.form] },
          { header: '主题', value: (s) => s.topic, width: 30 },
          { header: '参加人数', value: (s) => s.attendance },
        ]}
      />
      {keeps && <SessionForm base={base} onRecorded={take} />}
      <DataTable
        title="任前廉政培训"
        caption="本单位本年度新任职干部的任前廉政培训"
        filter={filter}
        headingLevel={3}
        rows={ledger?.trainings ?? []}
        rowKey={(t) => t.trainingId}
        empty={live.loading && !ledger ? '正在加载…' : '本年度尚未登记任前培训。'}
        columns={[
          { header: '姓名', value: (t) => t.person.name, rowHeader: true },
          { header: '职务', value: (t) => t.person.title },
          { header: '培训课程', value: (t) => t.course, width: 30 },
          { header: '完成日期', value: (t) => t.completedOn },
        ]}
      />
      {trainers.includes(session.role) && <TrainingForm base={base} unitId={unitId} onRecorded={take} />}
    </>
  );
};
