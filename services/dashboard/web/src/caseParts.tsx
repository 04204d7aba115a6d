/**
 * A case as the dashboard shows it: from its summary, its status and outcome; from its record, once
 * read, where it came from, the facts, the extra investigations, the measures with the bans they
 * brought, the exemption, the clarification notice, escalations, look-backs and follow-up visits.
 * And the bans in force and the open cases of a person, which the integrity file and the opinion
 * form put first.
 */
import type { ComponentChildren } from 'preact';
import type { Ban, CaseSummary, CaseView, IntegrityFile, Situation } from './cases.js';
import { banNames, caseOutcomeNames, caseSourceNames, caseStatusNames, exemptionDecisionNames, inquiryNames, measureNames } from './caseTerms.js';
import { followUpOverdue } from './caseRules.js';
import { todayCst } from './dates.js';

/** The case's status in words, with its outcome once closed. */
export const caseStatusText = (c: Pick<CaseSummary, 'status' | 'outcome'>): string => `${caseStatusNames[c.status]}${c.outcome ? `（${caseOutcomeNames[c.outcome]}）` : ''}`;

export const CaseBadge = ({ c }: { c: Pick<CaseSummary, 'status' | 'outcome'> }) => (
  <span class={`badge ${c.status === 'closed' ? 'accepted' : c.status === 'reopened' ? 'returned' : c.status === 'decided' ? 'submitted' : 'draft'}`} data-field="case-status">
    {caseStatusText(c)}
  </span>
);

/** Where the case came from: the kind, what the clue says, and the record behind it. */
export const caseSourceText = (source: CaseSummary['source']): string =>
  `${caseSourceNames[source.kind]}${source.note ? `：${source.note}` : ''}${source.kind === 'manual' ? '' : `（记录编号 ${source.id}）`}`;

/** A ban in words: what it bars, and from when to when. */
export const banText = (ban: Pick<Ban, 'kind' | 'from' | 'until'>): string => `${ban.from}至${ban.until}${banNames[ban.kind]}`;

/** The situation's text, by its code, once the configured list is in. */
export const situationText = (code: string | null, situations: readonly Situation[]): string => (code === null ? '否' : (situations.find((s) => s.code === code)?.text ?? code));

const Item = ({ term, children }: { term: string; children: ComponentChildren }) => (
  <div>
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

/** The next follow-up visit, flagged once overdue. */
export const FollowUpDue = ({ c }: { c: Pick<CaseSummary, 'followUpDueOn'> }) =>
  c.followUpDueOn === null ? (
    <>—</>
  ) : (
    <>
      <strong>{c.followUpDueOn}</strong>
      {followUpOverdue(c, todayCst()) && <span class="badge missing">已到期</span>}
    </>
  );

/** The measures, each with the bans it brought. */
const Measures = ({ c }: { c: Pick<CaseView, 'measures'> }) =>
  c.measures.length === 0 ? (
    <p class="muted">尚未作出问责处理。</p>
  ) : (
    <div class="scroll">
      <table>
        <caption>问责处理（{c.measures.length}项）</caption>
        <thead>
          <tr>
            <th scope="col">问责方式</th>
            <th scope="col">决定日期</th>
            <th scope="col">依据</th>
            <th scope="col">任职限制</th>
            <th scope="col">回访期限</th>
          </tr>
        </thead>
        <tbody>
          {c.measures.map((m) => (
            <tr key={m.measureId}>
              <th scope="row">{measureNames[m.kind]}</th>
              <td>{m.decidedOn}</td>
              <td class="pre">{m.basis}</td>
              <td>
                {m.bans.length === 0 ? (
                  '无'
                ) : (
                  <ul class="plain">
                    {m.bans.map((b) => (
                      <li key={b.banId} class="ban-text" data-field="ban">
                        {banText(b)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{m.followUpDueOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

/**
 * The case's record. `handlingName` names the commission handling it; `situations` and
 * `exemptionSituations` give the texts of the codes the case names.
 */
export const CaseRecord = ({ c, handlingName, situations, exemptionSituations }: { c: CaseView; handlingName: string; situations: readonly Situation[]; exemptionSituations: readonly Situation[] }) => (
  <>
    <dl class="record">
      <Item term="被问责人">
        {c.person.name}（{c.person.title}）
      </Item>
      <Item term="所在单位">{c.unitName}</Item>
      <Item term="办理机关">{handlingName}</Item>
      <Item term="线索来源">{caseSourceText(c.source)}</Item>
      <Item term="立案日期">{c.openedOn}</Item>
      <Item term="问题事实">
        <span class="pre">{c.facts}</span>
      </Item>
      <Item term="一案双查情形">{situationText(c.situation, situations)}</Item>
      <Item term="状态">
        <CaseBadge c={c} />
      </Item>
      {c.closedOn ? <Item term="办结日期">{c.closedOn}</Item> : null}
      <Item term="下次回访">
        <FollowUpDue c={c} />
      </Item>
    </dl>
    {c.inquiries.length > 0 && (
      <>
        <h4>“一案双查”调查</h4>
        <ul class="plain">
          {c.inquiries.map((i) => (
            <li key={i.kind}>
              <strong>{inquiryNames[i.kind]}</strong>：
              {i.status === 'open' ? (
                <span class="warn-text">调查中</span>
              ) : (
                <>
                  {i.accountable ? '应予追责' : '不予追责'}。{i.finding}
                </>
              )}
            </li>
          ))}
        </ul>
      </>
    )}
    <h4>问责处理</h4>
    <Measures c={c} />
    {c.exemption && (
      <>
        <h4>容错免责</h4>
        <dl class="record">
          <Item term="容错情形">{situationText(c.exemption.situation, exemptionSituations)}</Item>
          <Item term="申请日期">{c.exemption.requestedOn}</Item>
          <Item term="申请理由">
            <span class="pre">{c.exemption.reason}</span>
          </Item>
          <Item term="决定">
            {exemptionDecisionNames[c.exemption.decision]}
            {c.exemption.decidedOn ? `（${c.exemption.decidedOn}）` : ''}
          </Item>
        </dl>
      </>
    )}
    {c.clarification && (
      <>
        <h4>澄清正名通报（{c.clarification.issuedOn}）</h4>
        <p class="pre">{c.clarification.text}</p>
      </>
    )}
    {c.escalations.length > 0 && (
      <>
        <h4>提级办理</h4>
        <ul class="plain">
          {c.escalations.map((e, i) => (
            <li key={i}>
              {e.on}：{e.reason}
            </li>
          ))}
        </ul>
      </>
    )}
    {c.lookBacks.length > 0 && (
      <>
        <h4>“回头看”</h4>
        <ul class="plain">
          {c.lookBacks.map((l, i) => (
            <li key={i}>
              {l.on}：{l.shortfall ? `问责不到位，重新启动问责。${l.reason ?? ''}` : '问责到位。'}
            </li>
          ))}
        </ul>
      </>
    )}
    {c.followUps.length > 0 && (
      <>
        <h4>回访记录</h4>
        <ul class="plain">
          {c.followUps.map((v) => (
            <li key={v.visitId}>
              {v.visitedOn}：{v.notes}
            </li>
          ))}
        </ul>
      </>
    )}
  </>
);

/**
 * The bans in force and the open cases of a person, first on their integrity file and again before
 * an opinion is given: either bars or defers an appointment. `openCase` opens one of the cases.
 */
export const BansAndOpenCases = ({ file, heading, openCase }: { file: Pick<IntegrityFile, 'activeBans' | 'openCases'>; heading: string; openCase?: (caseId: string) => void }) => {
  const clear = file.activeBans.length === 0 && file.openCases.length === 0;
  const id = `alert-${heading}`;
  return (
    <section class={`alert-box${clear ? ' clear' : ''}`} aria-labelledby={id}>
      <h4 id={id}>{heading}</h4>
      {clear ? (
        <p>目前没有在限的任职限制，也没有未办结的问题线索。</p>
      ) : (
        <>
          {file.activeBans.length > 0 && (
            <>
              <p>
                <strong>任职限制（{file.activeBans.length}项）</strong>
              </p>
              <ul>
                {file.activeBans.map((b) => (
                  <li key={b.banId} data-field="active-ban">
                    因{measureNames[b.measure]}：{banText(b)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {file.openCases.length > 0 && (
            <>
              <p>
                <strong>未办结的问题线索（{file.openCases.length}件）</strong>
              </p>
              <ul>
                {file.openCases.map((c) => (
                  <li key={c.caseId} data-field="open-case">
                    {c.openedOn}立案，{caseStatusNames[c.status as CaseSummary['status']] ?? c.status}
                    {openCase && (
                      <>
                        {' '}
                        <button type="button" class="link" onClick={() => openCase(c.caseId)}>
                          查看案件（{c.openedOn}）
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
};
