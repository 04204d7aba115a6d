/**
 * Attachments as evidence: each file is announced to the reports service (name, type, size), sent
 * to the upload address it gives (presigned; in AWS a PUT to S3), then completed, when the service
 * checks its content and records its SHA-256. Answers the attachment ids to send with the form.
 */
import { useState } from 'preact/hooks';
import { ApiError, request } from './api.js';

interface Upload {
  readonly attachment: { readonly attachmentId: string };
  readonly upload: { readonly url: string; readonly method: string; readonly headers: Readonly<Record<string, string>> };
}

export interface Attached {
  readonly attachmentId: string;
  readonly name: string;
}

/** Uploads one file of `unitId`; throws an {@link ApiError} with the reason in Chinese. */
export const uploadFile = async (unitId: string, file: File): Promise<Attached> => {
  const base = `/api/units/${encodeURIComponent(unitId)}/attachments`;
  const { attachment, upload } = await request<Upload>('POST', base, { name: file.name, mediaType: file.type || 'application/octet-stream', size: file.size });
  // The address carries its own authorisation (presigned): the session's token is not sent there.
  const sent = await fetch(upload.url, { method: upload.method, headers: { ...upload.headers }, body: file });
  if (!sent.ok) throw new ApiError(sent.status, `文件“${file.name}”上传失败，请重试。`);
  const stored = await request<{ status: string; refusal?: string }>('POST', `${base}/${attachment.attachmentId}/complete`);
  if (stored.status !== 'stored') throw new ApiError(422, `文件“${file.name}”未通过检查${stored.refusal ? `：${stored.refusal}` : ''}。`);
  return { attachmentId: attachment.attachmentId, name: file.name };
};

/** A file field that uploads what is picked, lists it, and hands the ids to its form. */
export const Attachments = ({ unitId, id, label, value, onChange }: { unitId: string; id: string; label: string; value: readonly Attached[]; onChange: (next: Attached[]) => void }) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pick = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const added: Attached[] = [];
      for (const file of files) added.push(await uploadFile(unitId, file));
      onChange([...value, ...added]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败，请重试。');
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="file" multiple disabled={busy} onChange={(e) => void pick(e.target as HTMLInputElement)} aria-describedby={`${id}-hint`} />
      <small id={`${id}-hint`} class="muted">
        {busy ? '正在上传…' : '可上传 PDF、Word、Excel、图片等佐证材料，单个文件不超过 20 MB。'}
      </small>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {value.length > 0 && (
        <ul class="plain">
          {value.map((a) => (
            <li key={a.attachmentId}>
              {a.name}{' '}
              <button type="button" class="link" onClick={() => onChange(value.filter((x) => x.attachmentId !== a.attachmentId))}>
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
