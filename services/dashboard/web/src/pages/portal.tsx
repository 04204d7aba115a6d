/**
 * The unit portal: the unit's letters, its annual report, key tasks, rectification items, the
 * assessment's feedback sheets, monthly ledger and notices, the person's talks and warning notices,
 * and the unit's education ledger, one at a time, chosen in its own navigation. Everything is of the
 * unit of the person signed in. The talks, notices, feedback sheets and education ledger are chunks
 * of their own, loaded when opened.
 */
import { Tabs } from '../widgets.js';
import { portalViews } from '../paths.js';
import type { Session } from '../session.js';
import { pageYear, yearInProgress } from '../tree.js';
import { Letters } from '../portal/letters.js';
import { AnnualReport } from '../portal/report.js';
import { KeyTasks } from '../portal/tasks.js';
import { Rectifications } from '../portal/rectifications.js';
import { Ledger } from '../portal/ledger.js';
import { Notices } from '../portal/notices.js';
import { Lazy } from '../lazy.js';

const loadTalks = async () => (await import('../portal/talks.js')).MyTalks;
const loadWarningNotices = async () => (await import('../portal/warningNotices.js')).MyWarningNotices;
const loadEducation = async () => (await import('../portal/education.js')).EducationLedgerView;
const loadFeedbackSheets = async () => (await import('../portal/feedbackSheets.js')).FeedbackSheets;

const views = portalViews;

const unitPeople = ['unit_secretary', 'unit_staff'];

export const Portal = ({ session, path }: { session: Session; path: string }) => {
  const view = views.find((v) => v.path === path) ?? views[0];
  const unitId = session.unitId;
  return (
    <div class="page">
      <h1>本单位</h1>
      <Tabs label="本单位事项" views={views} current={view.path} />
      {view.path === '/portal/notices' ? (
        <Notices />
      ) : unitId === null ? (
        <p>系统管理员不属于某个单位，请在监督看板中查看各单位情况。</p>
      ) : view.path === '/portal/letters' ? (
        <Letters session={session} unitId={unitId} year={yearInProgress()} />
      ) : view.path === '/portal/tasks' ? (
        <KeyTasks unitId={unitId} year={yearInProgress()} canReport={unitPeople.includes(session.role)} />
      ) : view.path === '/portal/rectifications' ? (
        <Rectifications unitId={unitId} canSubmit={unitPeople.includes(session.role)} />
      ) : view.path === '/portal/ledger' ? (
        <Ledger unitId={unitId} />
      ) : view.path === '/portal/talks' ? (
        <Lazy load={loadTalks} props={{ session }} />
      ) : view.path === '/portal/warning-notices' ? (
        <Lazy load={loadWarningNotices} props={{ session }} />
      ) : view.path === '/portal/feedback-sheets' ? (
        <Lazy load={loadFeedbackSheets} props={{ unitId }} />
      ) : view.path === '/portal/education' ? (
        <Lazy load={loadEducation} props={{ session, unitId }} />
      ) : (
        <AnnualReport session={session} unitId={unitId} year={pageYear()} />
      )}
    </div>
  );
};
