/**
 * The disclosure service's work for a unit's discipline body: the public complaints it handles
 * (each read with its facts, contact details and attachments — a read the service records — then
 * accepted, answered or referred), and the items proposed for publication about its unit, each
 * approved within a scope, rejected, or withdrawn once published. Only the handling body's
 * discipline inspectors see them.
 */
import { useState } from 'preact/hooks';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { StatCards } from '../widgets.js';
import { request } from '../api.js';
import { Outcome, Said, useAction } from '../formParts.js';
import type { Session } from '../session.js';

type ComplaintStatus = 'received' | 'accepted' | 'answered' | 'referred';
const statusNames: Readonly<Record<ComplaintStatus, string>> = { received: '待受理', accepted: '办理中', answered: '已答复', referred: '已转办' };
const referralNames = { case: '转立案审查', talk: '转谈话处理', otherBody: '转有关部门' } as const;

interface ComplaintSummary {
  readonly complaintId: string;
  readonly unitName: string;
  readonly channel: 'public' | 'villageCommittee';
  readonly status: ComplaintStatus;
  readonly raised: boolean;
  readonly filedOn: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly escalatedOn: string | null;
}

interface ComplaintView extends ComplaintSummary {
  readonly facts: string;
  readonly contact: { readonly name?: string; readonly phone?: string; readonly email?: string } | null;
  readonly answer: string | null;
  readonly referral: { readonly to: keyof typeof referralNames; readonly note: string } | null;
  readonly attachments: ReadonlyArray<{ readonly index: number; readonly name: string; readonly mediaType: string; readonly size: number }>;
}

/** A labelled choice among named values. */
const NameSelect = <K extends string>({ id, label, names, value, onChange }: { id: string; label: string; names: Readonly<Partial<Record<K, string>>>; value: K; onChange: (value: K) => void }) => (
  <>
    <label for={id}>{label}</label>
    <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as K)}>
      {(Object.entries(names) as Array<[K, string]>).map(([key, name]) => (
        <option key={key} value={key}>
          {name}
        </option>
      ))}
    </select>
  </>
);

const onlyHandlingBody = <p>公众投诉和公开审核由本单位纪检监察机构办理，请以纪检监察干部身份登录。</p>;

/** Saves an attachment the service opened (base64) as a file of the browser. */
const download = async (complaintId: string, index: number) => {
  const file = await request<{ name: string; mediaType: string; contentBase64: string }>('GET', `/api/complaints/${encodeURIComponent(complaintId)}/attachments/${index}`);
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  link.click();
  URL.revokeObjectURL(url);
};

/** One complaint, read when opened, with the steps its state allows. */
const ComplaintPanel = ({ complaintId, onChanged }: { complaintId: string; onChanged: () => void }) => {
  const live = useLive<ComplaintView>(`/api/complaints/${encodeURIComponent(complaintId)}`);
  const [answered, setAnswered] = useState<ComplaintView>();
  const [answer, setAnswer] = useState('');
  const [to, setTo] = useState<keyof typeof referralNames>('case');
  const [note, setNote] = useState('');
  const action = useAction();
  const c = answered ?? live.data;
  if (!c) return <LiveLine live={live} />;
  const step = (path: string, body: unknown, said: string) =>
    action.run(async () => {
      setAnswered(await request<ComplaintView>('POST', `/api/complaints/${encodeURIComponent(complaintId)}/${path}`, body));
      onChanged();
      return said;
    });
  const open = c.status === 'received' || c.status === 'accepted';
  return (
    <section class="card" aria-labelledby="complaint-title">
      <h2 id="complaint-title">投诉详情（{c.unitName}）</h2>
      <dl class="record">
        <dt>状态</dt>
        <dd>{statusNames[c.status]}{c.overdue && <span class="badge missing">超期</span>}{c.escalatedOn && <span class="badge late">已上报督办</span>}</dd>
        <dt>提交日期</dt>
        <dd>{c.filedOn}</dd>
        <dt>答复期限</dt>
        <dd>{c.dueOn}</dd>
        <dt>反映问题</dt>
        <dd class="prewrap">{c.facts}</dd>
        <dt>联系方式</dt>
        <dd>{c.contact ? [c.contact.name, c.contact.phone, c.contact.email].filter(Boolean).join('，') : '未留联系方式'}</dd>
        <dt>附件</dt>
        <dd>
          {c.attachments.length === 0
            ? '无'
            : c.attachments.map((a) => (
                <button key={a.index} type="button" class="link" onClick={() => void download(complaintId, a.index)}>
                  {a.name}（{Math.ceil(a.size / 1024)} KB）
                </button>
              ))}
        </dd>
        {c.answer && (
          <>
            <dt>答复内容</dt>
            <dd class="prewrap">{c.answer}</dd>
          </>
        )}
        {c.referral && (
          <>
            <dt>转办</dt>
            <dd>
              {referralNames[c.referral.to]}：{c.referral.note}
            </dd>
          </>
        )}
      </dl>
      <Outcome action={action} />
      {c.status === 'received' && (
        <div class="actions">
          <button type="button" disabled={action.busy} onClick={() => void step('accept', undefined, '已受理。')}>
            受理
          </button>
        </div>
      )}
      {open && (
        <form onSubmit={(e) => (e.preventDefault(), void step('answer', { answer }, '已答复，投诉人可凭回执码查看。'))}>
          <div class="field">
            <label for="answer-text">答复内容</label>
            <textarea id="answer-text" rows={4} maxLength={5000} required value={answer} onInput={(e) => setAnswer((e.target as HTMLTextAreaElement).value)} />
          </div>
          <button type="submit" disabled={action.busy}>
            答复
          </button>
        </form>
      )}
      {open && (
        <form onSubmit={(e) => (e.preventDefault(), void step('refer', { to, note }, `已${referralNames[to]}。`))}>
          <div class="field">
            <NameSelect id="refer-to" label="转办方式" names={referralNames} value={to} onChange={setTo} />
          </div>
          <div class="field">
            <label for="refer-note">转办说明</label>
            <input id="refer-note" type="text" maxLength={500} required value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="secondary" disabled={action.busy}>
            转办
          </button>
        </form>
      )}
    </section>
  );
};

/** The public complaints this discipline body handles: the counts, the list, and the one opened. */
export const ComplaintsView = ({ session }: { session: Session }) => {
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState<string>();
  const unitId = session.role === 'discipline_inspector' ? session.unitId : null;
  const live = useLive<{ complaints: readonly ComplaintSummary[] }>(unitId ? `/api/units/${encodeURIComponent(unitId)}/complaints#${revision}` : undefined);
  if (!unitId) return onlyHandlingBody;
  const rows = live.data?.complaints ?? [];
  return (
    <>
      <LiveLine live={live} />
      <StatCards
        stats={[
          { label: '待受理', value: rows.filter((r) => r.status === 'received').length },
          { label: '办理中', value: rows.filter((r) => r.status === 'accepted').length, tone: 'warn' },
          { label: '已办结', value: rows.filter((r) => r.status === 'answered' || r.status === 'referred').length, tone: 'ok' },
          { label: '超期未答复', value: rows.filter((r) => r.overdue).length, tone: 'bad' },
        ]}
      />
      <DataTable
        title="公众投诉"
        caption="本级受理的公众投诉及村务监督委员会问题线索"
        filter="本级受理"
        rows={rows}
        rowKey={(r) => r.complaintId}
        empty={live.loading ? '正在加载…' : '暂无投诉。'}
        columns={[
          { header: '被投诉单位', value: (r) => r.unitName, rowHeader: true },
          { header: '渠道', value: (r) => (r.channel === 'public' ? '公众投诉' : '村务监督') + (r.raised ? '（上提一级）' : '') },
          { header: '提交日期', value: (r) => r.filedOn },
          { header: '答复期限', value: (r) => r.dueOn },
          { header: '状态', value: (r) => statusNames[r.status] + (r.overdue ? '（超期）' : '') },
          {
            header: '操作',
            value: () => '',
            cell: (r) => (
              <button type="button" class="link" aria-label={`查看办理：${r.unitName}${r.filedOn}的投诉`} onClick={() => setOpened(r.complaintId)}>
                查看办理
              </button>
            ),
          },
        ]}
      />
      {opened && <ComplaintPanel key={opened} complaintId={opened} onChanged={() => setRevision((n) => n + 1)} />}
    </>
  );
};

type Scope = 'public' | 'system' | 'subtree';
const scopeNames: Readonly<Record<Scope, string>> = { public: '向社会公开', system: '系统内公开', subtree: '本级及下级公开' };
const narrower: Readonly<Record<Scope, readonly Scope[]>> = { public: ['public', 'system', 'subtree'], system: ['system', 'subtree'], subtree: ['subtree'] };
const itemStatusNames = { proposed: '待审核', published: '已公开', rejected: '不予公开', withdrawn: '已撤回', refused: '含敏感信息，不予公开' } as const;
const kindNames: Readonly<Record<string, string>> = { keyTask: '重点任务', keyTaskProgress: '任务进展', keyTaskLight: '季度亮灯', ranking: '考核排名', typicalCase: '典型案例通报', clarification: '澄清正名', circulation: '问责情况通报' };

interface Item {
  readonly itemId: string;
  readonly kind: string;
  readonly status: keyof typeof itemStatusNames;
  readonly scope: Scope;
  readonly proposedOn: string;
  readonly reason: string | null;
  readonly publication: { readonly title: string } | null;
}

/**
 * One item to review: approve within a scope no wider than proposed, reject with a reason, or
 * withdraw once published. What was done is said by the view (`onChanged`): the item leaves the
 * list it was in, and its card with it.
 */
const ItemCard = ({ item, onChanged }: { item: Item; onChanged: (said: string) => void }) => {
  const [scope, setScope] = useState<Scope>(item.scope);
  const [reason, setReason] = useState('');
  const action = useAction();
  const title = item.publication?.title ?? kindNames[item.kind] ?? item.kind;
  const step = (path: string, body: unknown, said: string) =>
    action.run(async () => {
      await request('POST', `/api/publication-items/${encodeURIComponent(item.itemId)}/${path}`, body);
      onChanged(`${title}：${said}`);
      return said;
    });
  return (
    <li class="card" aria-label={title}>
      <h3>{title}</h3>
      <p class="muted">
        {kindNames[item.kind] ?? item.kind} · {item.proposedOn} 提交 · {itemStatusNames[item.status]}
        {item.status === 'published' && ` · ${scopeNames[item.scope]}`}
        {item.reason && ` · ${item.reason}`}
      </p>
      <Outcome action={action} done={false} />
      {item.status === 'proposed' && (
        <div class="actions">
          <NameSelect id={`scope-${item.itemId}`} label="公开范围" names={Object.fromEntries(narrower[item.scope].map((s) => [s, scopeNames[s]])) as Partial<Record<Scope, string>>} value={scope} onChange={setScope} />
          <button type="button" disabled={action.busy} onClick={() => void step('approve', { scope }, '已审核通过并公开。')}>
            通过并公开
          </button>
        </div>
      )}
      {(item.status === 'proposed' || item.status === 'published') && (
        <form onSubmit={(e) => (e.preventDefault(), void step(item.status === 'proposed' ? 'reject' : 'withdraw', { reason }, item.status === 'proposed' ? '已不予公开。' : '已撤回，公开页面不再显示。'))}>
          <div class="field">
            <label for={`reason-${item.itemId}`}>{item.status === 'proposed' ? '不予公开的理由' : '撤回理由'}</label>
            <input id={`reason-${item.itemId}`} type="text" maxLength={500} required value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="secondary" disabled={action.busy}>
            {item.status === 'proposed' ? '不予公开' : '撤回'}
          </button>
        </form>
      )}
    </li>
  );
};

/** The items proposed for publication about this unit, and those published, for its discipline body to review. */
export const PublicationView = ({ session }: { session: Session }) => {
  const [revision, setRevision] = useState(0);
  const [said, setSaid] = useState<string>();
  const [status, setStatus] = useState<keyof typeof itemStatusNames>('proposed');
  const unitId = session.role === 'discipline_inspector' ? session.unitId : null;
  const live = useLive<{ items: readonly Item[] }>(unitId ? `/api/units/${encodeURIComponent(unitId)}/publication-items?status=${status}#${revision}` : undefined);
  if (!unitId) return onlyHandlingBody;
  const items = live.data?.items ?? [];
  const changed = (text: string) => {
    setSaid(text);
    setRevision((n) => n + 1);
  };
  return (
    <>
      <LiveLine live={live} />
      <Said text={said} />
      <div class="field inline">
        <NameSelect id="item-status" label="显示" names={itemStatusNames} value={status} onChange={setStatus} />
      </div>
      {items.length === 0 ? (
        <p class="muted">{live.loading ? '正在加载…' : '没有此状态的公开事项。'}</p>
      ) : (
        <ul class="plain">
          {items.map((i) => (
            <ItemCard key={`${i.itemId}-${i.status}`} item={i} onChanged={changed} />
          ))}
        </ul>
      )}
    </>
  );
};
