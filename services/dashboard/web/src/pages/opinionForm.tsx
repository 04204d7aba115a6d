/**
 * The commission's written integrity opinion (党风廉政意见) on a cadre's appointment: the kind of
 * appointment, the post and the date, with any reasons of its own, given only after the bans in
 * force and the open cases are shown; and the opinion as the service decided it (a ban that bars the
 * appointment rejects it, an open case defers it) with its reasons.
 */
import { useState } from 'preact/hooks';
import { request } from '../api.js';
import type { AppointmentKind, IntegrityFile, OpinionView } from '../cases.js';
import { appointmentNames, decisionNames } from '../caseTerms.js';
import { BansAndOpenCases } from '../caseParts.js';
import { linesOf, Outcome, useAction } from '../formParts.js';
import { timeText, todayCst } from '../dates.js';

const kinds = Object.keys(appointmentNames) as AppointmentKind[];

export const OpinionForm = ({ unitId, file, onGiven }: { unitId: string; file: IntegrityFile; onGiven: (opinion: OpinionView, said: string) => void }) => {
  const [kind, setKind] = useState<AppointmentKind>('equivalent');
  const [post, setPost] = useState('');
  const [on, setOn] = useState(todayCst);
  const [reasons, setReasons] = useState('');
  const action = useAction();
  const invalid = (path: string) => (action.error?.fieldMessage(path) ? true : undefined);
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const path = `/api/units/${encodeURIComponent(unitId)}/people/${encodeURIComponent(file.person.personId)}/opinions`;
      const opinion = await request<OpinionView>('POST', path, { appointment: { kind, post: post.trim(), on }, reasons: linesOf(reasons) });
      const said = `廉政意见已出具：${decisionNames[opinion.decision]}。`;
      onGiven(opinion, said);
      return said;
    });
  };
  return (
    <form class="card" onSubmit={send} aria-labelledby="opinion-title">
      <h3 id="opinion-title">出具党风廉政意见</h3>
      <BansAndOpenCases file={file} heading="出具意见前请核对：任职限制与未办结线索" />
      <div class="field">
        <label for="opinion-kind">拟任职务类型</label>
        <select id="opinion-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as AppointmentKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {appointmentNames[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="opinion-post">拟任职务</label>
        <input id="opinion-post" type="text" required value={post} aria-invalid={invalid('appointment.post')} onInput={(e) => setPost((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="opinion-date">拟任日期</label>
        <input id="opinion-date" type="date" required value={on} aria-invalid={invalid('appointment.on')} onInput={(e) => setOn((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="opinion-reasons">其他意见（每行一条，可不填）</label>
        <textarea id="opinion-reasons" rows={2} value={reasons} onInput={(e) => setReasons((e.target as HTMLTextAreaElement).value)} />
      </div>
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        出具意见
      </button>
    </form>
  );
};

/** The opinion given: the decision, the appointment it is on, and each reason. */
export const OpinionResult = ({ opinion }: { opinion: OpinionView }) => (
  <section class={`card opinion ${opinion.decision}`} aria-labelledby="opinion-result-title">
    <h3 id="opinion-result-title">廉政意见：{decisionNames[opinion.decision]}</h3>
    <p>
      拟任{opinion.appointment.post}（{appointmentNames[opinion.appointment.kind]}，{opinion.appointment.on}）· 出具于{timeText(opinion.givenAt)}
    </p>
    {opinion.reasons.length === 0 ? (
      <p class="muted">无其他意见。</p>
    ) : (
      <ol class="reasons">
        {opinion.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ol>
    )}
  </section>
);
