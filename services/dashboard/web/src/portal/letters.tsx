/**
 * The unit's letters of the year: read each one, print it (the signing service's own print page,
 * A4), sign it when the person signed in is a party who has not signed, and verify it (the letter
 * and the unit's chain of signatures).
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import type { Session } from '../session.js';

interface Party {
  readonly personId: string;
  readonly name: string;
  readonly unitId: string;
}

interface Letter {
  readonly letterId: string;
  readonly version: number;
  readonly kind: 'committee' | 'member';
  readonly title: string;
  readonly issuer: Party;
  readonly recipient: Party;
  readonly items: ReadonlyArray<{ readonly itemId: string; readonly text: string }>;
  readonly status: 'issued' | 'completed' | 'voided';
  readonly signatures: ReadonlyArray<{ readonly party: 'issuer' | 'recipient'; readonly signedAt: string }>;
}

interface Verdict {
  readonly valid: boolean;
  readonly signatures: number;
  readonly brokenAt: { readonly message: string } | null;
}

const statusNames: Record<Letter['status'], string> = { issued: '待签署', completed: '双方已签署', voided: '已作废' };
const dateText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const LetterCard = ({ letter, session }: { letter: Letter; session: Session }) => {
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>();
  const [message, setMessage] = useState<{ kind: 'error' | 'status'; text: string }>();
  const [printable, setPrintable] = useState<string>();
  const frame = useRef<HTMLIFrameElement>(null);
  const party = (['issuer', 'recipient'] as const).find((p) => letter[p].personId === session.subject);
  const signed = party !== undefined && letter.signatures.some((s) => s.party === party);
  const [busy, setBusy] = useState(false);
  const act = async (what: () => Promise<void>) => {
    setMessage(undefined);
    setBusy(true);
    try {
      await what();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : '操作失败，请重试。' });
    } finally {
      setBusy(false);
    }
  };
  const sign = () =>
    act(async () => {
      await request('POST', `/api/letters/${letter.letterId}/sign`, { version: letter.version });
      setMessage({ kind: 'status', text: '已签署。' });
    });
  const verify = () => act(async () => setVerdict(await request<Verdict>('GET', `/api/letters/${letter.letterId}/verify`)));
  const print = () =>
    act(async () => {
      const response = await fetch(`/api/letters/${letter.letterId}/print`, { headers: { authorization: `Bearer ${session.token}` } });
      if (!response.ok) throw new ApiError(response.status, '打印版加载失败。');
      setPrintable(await response.text());
      setTimeout(() => frame.current?.contentWindow?.print(), 300);
    });
  const headingId = `letter-${letter.letterId}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <div class="card-head">
        <h3 id={headingId}>{letter.title}</h3>
        <span class={`badge ${letter.status === 'completed' ? 'accepted' : letter.status === 'voided' ? 'missing' : 'draft'}`}>{statusNames[letter.status]}</span>
      </div>
      <p>
        发出方：{letter.issuer.name}　接收方：{letter.recipient.name}　签署：
        {letter.signatures.length === 0 ? '尚无' : letter.signatures.map((s) => `${s.party === 'issuer' ? '发出方' : '接收方'}（${dateText(s.signedAt)}）`).join('，')}
      </p>
      <div class="actions">
        <button type="button" class="secondary" aria-expanded={open} aria-controls={`${headingId}-items`} onClick={() => setOpen(!open)}>
          {open ? '收起' : '阅读全文'}
        </button>
        <button type="button" class="secondary" onClick={() => void print()}>
          打印
        </button>
        <button type="button" class="secondary" onClick={() => void verify()}>
          验证签名
        </button>
        {party && !signed && letter.status === 'issued' && (
          <button type="button" class="primary" disabled={busy} onClick={() => void sign()}>
            签署
          </button>
        )}
      </div>
      {open && (
        <ol id={`${headingId}-items`}>
          {letter.items.map((i) => (
            <li key={i.itemId}>{i.text}</li>
          ))}
        </ol>
      )}
      {verdict && (
        <p role="status" class={verdict.valid ? 'ok-text' : 'error'}>
          {verdict.valid ? `验证通过：责任书内容未被改动，本单位签名链完整（共 ${verdict.signatures} 个签名）。` : `验证未通过：${verdict.brokenAt?.message ?? '签名链不完整'}。`}
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'ok-text'}>
          {message.text}
        </p>
      )}
      {printable && <iframe ref={frame} class="print-frame" title={`${letter.title}（打印版）`} sandbox="allow-modals allow-same-origin" srcDoc={printable} />}
    </article>
  );
};

export const Letters = ({ session, unitId, year }: { session: Session; unitId: string; year: number }) => {
  const live = useLive<{ letters: readonly Letter[] }>(`/api/units/${encodeURIComponent(unitId)}/letters?year=${year}`);
  const letters = (live.data?.letters ?? []).filter((l) => l.status !== 'voided');
  const mine = letters.filter((l) => l.issuer.personId === session.subject || l.recipient.personId === session.subject);
  const others = letters.filter((l) => !mine.includes(l));
  return (
    <>
      <LiveLine live={live} />
      <h2>{year}年度责任书</h2>
      {letters.length === 0 && <p class="muted">{live.loading ? '正在加载…' : '本年度尚无责任书。'}</p>}
      {mine.length > 0 && <h3 class="group">需要我签署或我已签署的</h3>}
      {mine.map((l) => (
        <LetterCard key={`${l.letterId}-${l.version}`} letter={l} session={session} />
      ))}
      {others.length > 0 && <h3 class="group">本单位其他责任书</h3>}
      {others.map((l) => (
        <LetterCard key={`${l.letterId}-${l.version}`} letter={l} session={session} />
      ))}
    </>
  );
};
