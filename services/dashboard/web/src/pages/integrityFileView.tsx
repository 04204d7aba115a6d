/**
 * The integrity file (廉政档案) of a cadre: a unit of the viewer's tree and a person of its posts
 * chosen, or named by the address (`?unit=&person=`, as a case links to it). The bans in force and
 * the open cases come first, then the person's posts, then every entry of the file as a timeline,
 * newest first, each with the topic and the event it was filed from. The file is read (a read the
 * service records) when chosen and when asked again: its entries are filed from the topics after
 * the events, so a step just taken shows once it is read again. The commission gives its opinion on
 * an appointment here; the organisation department reads.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api.js';
import { navigate } from '../router.js';
import type { Session } from '../session.js';
import type { Post } from '../interviews.js';
import { commissionRole, type FileEntry, type IntegrityFile, type OpinionView } from '../cases.js';
import { fileCategoryNames } from '../caseTerms.js';
import { casePagePath, integrityFilePath } from '../caseRules.js';
import { BansAndOpenCases } from '../caseParts.js';
import { FormToggle, Opening, Said, usePosts } from '../formParts.js';
import { timeText } from '../dates.js';
import { UnitOptions, useScope } from './interviewScope.js';
import { OpinionForm, OpinionResult } from './opinionForm.js';
import '../cases.css';

const filesPath = '/oversight/integrity-files';

/** The unit and the person the address names. */
const asked = (): { unitId: string | undefined; personId: string } => {
  const params = new URLSearchParams(location.search);
  return { unitId: params.get('unit') ?? undefined, personId: params.get('person') ?? '' };
};

interface FileRead {
  readonly file: IntegrityFile | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** Whether a read is under way (the first, or one asked again). */
  readonly reading: boolean;
  readonly readAt: Date | undefined;
  readonly readAgain: () => void;
}

/** The person's file, read when the person is chosen and again on `readAgain`. */
const useFile = (unitId: string | undefined, personId: string): FileRead => {
  const path = unitId && personId ? `/api/units/${encodeURIComponent(unitId)}/people/${encodeURIComponent(personId)}/integrity-file` : undefined;
  const [reads, setReads] = useState(0);
  const [state, setState] = useState<{ path?: string; file?: IntegrityFile; error?: ApiError; readAt?: Date; reading?: boolean }>({});
  useEffect(() => {
    if (path === undefined) return;
    const controller = new AbortController();
    setState((s) => (s.path === path ? { ...s, error: undefined, reading: true } : { path, reading: true }));
    get<IntegrityFile>(path, controller.signal)
      .then((file) => setState({ path, file, readAt: new Date() }))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setState((s) => ({ path, file: s.path === path ? s.file : undefined, error: e instanceof ApiError ? e : new ApiError(0, '档案读取失败，请稍后重试。') }));
      });
    return () => controller.abort();
  }, [path, reads]);
  const mine = state.path === path ? state : {};
  return {
    file: mine.file,
    error: mine.error,
    loading: path !== undefined && mine.file === undefined && mine.error === undefined,
    reading: path !== undefined && (mine.reading ?? false),
    readAt: mine.readAt,
    readAgain: () => setReads((n) => n + 1),
  };
};

const clock = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

/** The file's entries, newest first: when, what kind, what happened, and the event it came from. */
const Timeline = ({ entries }: { entries: readonly FileEntry[] }) =>
  entries.length === 0 ? (
    <p class="muted">档案中暂无记录。</p>
  ) : (
    <ol class="timeline">
      {entries.map((e) => (
        <li key={e.source.eventId} class={`entry ${e.category}`} data-category={e.category}>
          <time dateTime={e.at}>{timeText(e.at)}</time>
          <span class="badge">{fileCategoryNames[e.category]}</span>
          <span class="summary">{e.summary}</span>
          <small class="origin">
            来源：{e.source.topic} · {e.source.type} · 记录编号 {e.recordId}
          </small>
        </li>
      ))}
    </ol>
  );

const Posts = ({ posts }: { posts: IntegrityFile['person']['posts'] }) =>
  posts.length === 0 ? (
    <p class="muted">无任职记录。</p>
  ) : (
    <ul class="plain">
      {posts.map((p, i) => (
        <li key={i}>
          {p.unitName} {p.title}（{p.startDate ?? '—'}至{p.endDate ?? '今'}）{p.endDate === null && <span class="badge accepted">在任</span>}
        </li>
      ))}
    </ul>
  );

export const IntegrityFileView = ({ session }: { session: Session }) => {
  const scope = useScope(session);
  const [unitId, setUnitId] = useState<string | undefined>(() => asked().unitId ?? session.unitId ?? undefined);
  const [personId, setPersonId] = useState(() => asked().personId);
  const chosenUnit = unitId ?? scope.unitId;
  const { posts, error: postsError } = usePosts(chosenUnit);
  const read = useFile(chosenUnit, personId);
  const [opinion, setOpinion] = useState<OpinionView>();
  const [giving, setGiving] = useState(false);
  const [said, setSaid] = useState<string>();
  const file = read.file;
  const commission = session.role === commissionRole;
  // The file of the person chosen is the address's, so that a reload or a link shows it again.
  const choose = (nextUnit: string | undefined, nextPerson: string) => {
    setUnitId(nextUnit);
    setPersonId(nextPerson);
    setOpinion(undefined);
    setGiving(false);
    setSaid(undefined);
    navigate(nextUnit && nextPerson ? integrityFilePath(nextUnit, nextPerson) : filesPath, true);
  };
  // A person who left every post of the unit is still a choice when the address names them.
  const choices: readonly Pick<Post, 'personId' | 'name' | 'title'>[] =
    file && personId && !posts.some((p) => p.personId === personId) ? [...posts, { personId, name: file.person.name, title: '已离任' }] : posts;
  const units = chosenUnit && !scope.units.some((u) => u.unitId === chosenUnit) ? [{ unitId: chosenUnit, name: file?.person.posts.find((p) => p.unitId === chosenUnit)?.unitName ?? '所选单位', depth: 0 }, ...scope.units] : scope.units;
  return (
    <>
      <div class="page-head">
        <h2 class="view-title">廉政档案</h2>
        <div class="field inline">
          <label for="file-unit">单位</label>
          <select id="file-unit" value={chosenUnit ?? ''} onChange={(e) => choose((e.target as HTMLSelectElement).value, '')}>
            <UnitOptions units={units} />
          </select>
        </div>
        <div class="field inline">
          <label for="file-person">人员</label>
          <select id="file-person" value={personId} onChange={(e) => choose(chosenUnit, (e.target as HTMLSelectElement).value)}>
            <option value="">请选择</option>
            {[...new Map(choices.map((p) => [p.personId, p])).values()].map((p) => (
              <option key={p.personId} value={p.personId}>
                {p.name}（{p.title}）
              </option>
            ))}
          </select>
        </div>
      </div>
      {postsError && (
        <p role="alert" class="error">
          {postsError.message}
        </p>
      )}
      {!personId ? (
        <p class="card muted">请选择单位和人员，查看其廉政档案。档案为个人档案，每次查阅均留痕。</p>
      ) : (
        <section class="card" aria-labelledby="file-title">
          <div class="card-head">
            <h3 id="file-title">{file ? `${file.person.name}的廉政档案` : '廉政档案'}</h3>
            <span class="export">
              {read.readAt && <span class="live">读取于 {clock(read.readAt)}</span>}
              <button type="button" class="secondary" disabled={read.reading} onClick={read.readAgain}>
                {read.reading ? '正在读取…' : '重新读取档案'}
              </button>
            </span>
          </div>
          <Opening opened={read} />
          {file && (
            <>
              <BansAndOpenCases file={file} heading="任职限制与未办结案件" openCase={(caseId) => navigate(casePagePath(caseId))} />
              {commission && chosenUnit && <FormToggle open={giving} show="出具党风廉政意见" hide="收起意见表" controls="opinion-form" onToggle={() => setGiving(!giving)} />}
              <Said text={said} />
              {opinion && <OpinionResult opinion={opinion} />}
              {commission && chosenUnit && giving && (
                <div id="opinion-form">
                  <OpinionForm
                    unitId={chosenUnit}
                    file={file}
                    onGiven={(given, text) => {
                      setOpinion(given);
                      setSaid(text);
                      setGiving(false);
                    }}
                  />
                </div>
              )}
              <h4>任职经历</h4>
              <Posts posts={file.person.posts} />
              <h4>档案记录（{file.entries.length}条，新的在前）</h4>
              <Timeline entries={file.entries} />
            </>
          )}
        </section>
      )}
    </>
  );
};
