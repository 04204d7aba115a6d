/**
 * The dashboard's talk forms: proposing a talk with people of a unit (a joint talk naming its
 * trigger situation), and recording a talk held — for a joint talk its four convenors, the host
 * unit's party secretary, deputy secretary, discipline chief and organisation chief.
 */
import { useEffect, useState } from 'preact/hooks';
import { get, request } from '../api.js';
import type { JointSituation, Post, Talk, TalkSummary } from '../interviews.js';
import { linesOf, Outcome, PeopleChecks, PersonSelect, SourceFields, sourceBody, useAction, usePosts, type SourceValue } from '../formParts.js';
import { jointConvenorNames, talkKindNames, type JointConvenorRole, type Role, type TalkKind } from '../terms.js';
import { todayCst } from '../dates.js';

/** The joint talk's situations, loaded once a joint talk is chosen. */
const useSituations = (wanted: boolean): readonly JointSituation[] => {
  const [situations, setSituations] = useState<readonly JointSituation[]>([]);
  useEffect(() => {
    if (!wanted || situations.length > 0) return;
    get<{ situations: readonly JointSituation[] }>('/api/joint-talk-situations')
      .then((answer) => setSituations(answer.situations))
      .catch(() => setSituations([]));
  }, [wanted]);
  return situations;
};

/** The kinds the viewer may propose: a joint talk only by the commission. */
const kindsFor = (role: Role): TalkKind[] => (Object.keys(talkKindNames) as TalkKind[]).filter((k) => k !== 'joint' || role === 'discipline_inspector');

export const ProposeTalkForm = ({ unitId, role, onProposed }: { unitId: string; role: Role; onProposed: (talk: Talk, said: string) => void }) => {
  const { posts, error: postsError } = usePosts(unitId);
  const [kind, setKind] = useState<TalkKind>('integrity');
  const [subject, setSubject] = useState('');
  const [source, setSource] = useState<SourceValue>({ kind: 'supervision', id: '', note: '' });
  const [trigger, setTrigger] = useState('');
  const [scheduledOn, setScheduledOn] = useState('');
  const [interviewees, setInterviewees] = useState<string[]>([]);
  const situations = useSituations(kind === 'joint');
  const action = useAction();
  // Another unit's people are not this unit's interviewees.
  useEffect(() => setInterviewees([]), [unitId]);
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const body = { kind, source: sourceBody(source), subject, interviewees, ...(kind === 'joint' ? { trigger } : {}), ...(scheduledOn ? { scheduledOn } : {}) };
      const said = kind === 'joint' ? '联合谈话建议已提出，待主持单位党委书记批准。' : '谈话已提出。';
      onProposed(await request<Talk>('POST', `/api/units/${encodeURIComponent(unitId)}/talks`, body), said);
      setSubject('');
      setInterviewees([]);
      return said;
    });
  };
  return (
    <form class="card" onSubmit={send} aria-labelledby="propose-title">
      <h3 id="propose-title">提出谈话</h3>
      <div class="field">
        <label for="propose-kind">谈话类型</label>
        <select id="propose-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as TalkKind)}>
          {kindsFor(role).map((k) => (
            <option key={k} value={k}>
              {talkKindNames[k]}
            </option>
          ))}
        </select>
      </div>
      {kind === 'joint' && (
        <div class="field">
          <label for="propose-trigger">联合谈话情形</label>
          <select id="propose-trigger" required value={trigger} onChange={(e) => setTrigger((e.target as HTMLSelectElement).value)}>
            <option value="">请选择</option>
            {situations.map((s) => (
              <option key={s.code} value={s.code}>
                {s.text}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="propose-subject">谈话事由</label>
        <input id="propose-subject" type="text" required value={subject} onInput={(e) => setSubject((e.target as HTMLInputElement).value)} />
      </div>
      <SourceFields id="propose-source" value={source} onChange={setSource} />
      <div class="field">
        <label for="propose-date">计划谈话日期（可不填）</label>
        <input id="propose-date" type="date" value={scheduledOn} onInput={(e) => setScheduledOn((e.target as HTMLInputElement).value)} />
      </div>
      <PeopleChecks id="propose-interviewee" legend="被谈话人" posts={posts} value={interviewees} onChange={setInterviewees} />
      {postsError && <p class="error">{postsError.message}</p>}
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        提出谈话
      </button>
    </form>
  );
};

const convenorRoles = Object.keys(jointConvenorNames) as JointConvenorRole[];

/** The post each convenor of a joint talk holds, where one post says so (the organisation chief is one of the team members). */
const convenorPost: Partial<Record<JointConvenorRole, Post['role']>> = { partySecretary: 'secretary', deputySecretary: 'deputySecretary', disciplineChief: 'disciplineChief' };

/** The four convenors, each preset to the host unit's holder of the post when there is exactly one. */
const presetConvenors = (posts: readonly Post[]): Record<JointConvenorRole, string> =>
  Object.fromEntries(
    convenorRoles.map((as) => {
      const holders = posts.filter((p) => p.role === convenorPost[as]);
      return [as, holders.length === 1 ? holders[0]!.personId : ''];
    }),
  ) as Record<JointConvenorRole, string>;

export const RecordTalkForm = ({ talk, onRecorded }: { talk: Pick<TalkSummary, 'talkId' | 'kind' | 'unitId' | 'hostUnitId'>; onRecorded: (talk: Talk, said: string) => void }) => {
  const host = usePosts(talk.hostUnitId);
  const unit = usePosts(talk.unitId === talk.hostUnitId ? undefined : talk.unitId);
  const joint = talk.kind === 'joint';
  const [heldOn, setHeldOn] = useState(todayCst);
  const [joints, setJoints] = useState<Record<JointConvenorRole, string>>(presetConvenors([]));
  const [convenors, setConvenors] = useState<string[]>([]);
  const [attendees, setAttendees] = useState<string[]>([]);
  const [problems, setProblems] = useState('');
  const [demands, setDemands] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [belowDivision, setBelowDivision] = useState(false);
  const action = useAction();
  useEffect(() => setJoints(presetConvenors(host.posts)), [host.posts]);
  const id = `record-${talk.talkId}`;
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const body = {
        heldOn,
        convenors: joint ? joints : convenors,
        attendees,
        problems: linesOf(problems),
        demands: linesOf(demands),
        followUp: followUp.trim(),
        belowDivisionLevel: talk.kind === 'warning' && belowDivision,
      };
      const said = '谈话记录已保存，等待被谈话人表态。';
      onRecorded(await request<Talk>('POST', `/api/talks/${encodeURIComponent(talk.talkId)}/record`, body), said);
      return said;
    });
  };
  return (
    <form class="inline-form" onSubmit={send} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>记录谈话</h3>
      <div class="field">
        <label for={`${id}-date`}>谈话日期</label>
        <input id={`${id}-date`} type="date" required value={heldOn} onInput={(e) => setHeldOn((e.target as HTMLInputElement).value)} />
      </div>
      {joint ? (
        <fieldset>
          <legend>联合谈话主持人（主持单位领导）</legend>
          {convenorRoles.map((as) => (
            <PersonSelect key={as} id={`${id}-${as}`} label={jointConvenorNames[as]} posts={host.posts} value={joints[as]} onChange={(personId) => setJoints({ ...joints, [as]: personId })} />
          ))}
        </fieldset>
      ) : (
        <PeopleChecks id={`${id}-convenor`} legend="谈话人" posts={host.posts} value={convenors} onChange={setConvenors} />
      )}
      <PeopleChecks id={`${id}-attendee`} legend="列席人员" posts={[...host.posts, ...unit.posts]} value={attendees} onChange={setAttendees} />
      {(host.error ?? unit.error) && <p class="error">{(host.error ?? unit.error)!.message}</p>}
      <div class="field">
        <label for={`${id}-problems`}>指出的问题（每行一条）</label>
        <textarea id={`${id}-problems`} rows={3} required value={problems} onInput={(e) => setProblems((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for={`${id}-demands`}>提出的要求（每行一条）</label>
        <textarea id={`${id}-demands`} rows={3} required value={demands} onInput={(e) => setDemands((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for={`${id}-follow-up`}>后续跟踪安排（可不填）</label>
        <textarea id={`${id}-follow-up`} rows={2} value={followUp} onInput={(e) => setFollowUp((e.target as HTMLTextAreaElement).value)} />
      </div>
      {talk.kind === 'warning' && (
        <div class="field inline">
          <input id={`${id}-below`} type="checkbox" checked={belowDivision} onChange={(e) => setBelowDivision((e.target as HTMLInputElement).checked)} />
          <label for={`${id}-below`}>被谈话人为处级以下干部（谈话记录报办公室备案）</label>
        </div>
      )}
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        保存谈话记录
      </button>
    </form>
  );
};
