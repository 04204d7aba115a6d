/**
 * Attachments through the local gateway on the real broker and DynamoDB Local: a unit asks to
 * upload, PUTs the file to the presigned URL it gets (the gateway stands in for S3), completes,
 * and the SHA-256 of the file is recorded; a file whose content does not show its declared type is
 * refused and not kept; the gateway refuses a changed or expired URL and a body over the limit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '#infra/local/runtime.js';
import { api, documentClient, eventually, registerUnit, startTestRuntime, tokenFor, type Answer } from '#infra/local/test/support/harness.js';
import { bucketEnvName } from '#shared/manifest.js';
import { localUploadsKey, localUploadsKeyEnv, localUploadUrl } from '#shared/storage/localUploads.js';

let runtime: Runtime;
let unitId: string;
let token: string;
const suffix = Date.now().toString(36);

interface Upload {
  attachment: { attachmentId: string; status: string; mediaType: string };
  upload: { url: string; method: string; headers: Record<string, string>; expiresAt: string };
}
interface Stored {
  attachmentId: string;
  status: string;
  sha256?: string;
  size?: number;
  refusal?: string;
}
interface Problem {
  status: number;
  title: string;
  errors?: Array<{ path: string; message: string }>;
}

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/attachments/${name}`, import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The folder of the attachments bucket, as the runtime told the functions. */
const bucketFolder = () => process.env[bucketEnvName('reports', 'attachments')]!.replace(/^file:/, '');
/** What the bucket holds for one attachment: the object, and any half-written upload beside it. */
const kept = (attachmentId: string) => {
  const folder = path.join(bucketFolder(), unitId);
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith(attachmentId)) : [];
};

/** Asks to upload a file; the first call waits until the reports service knows the unit. */
const requestUpload = (body: { name: string; mediaType: string; size: number }): Promise<Answer<Upload>> =>
  eventually(async () => {
    const answer = await api<Upload>(runtime, 'POST', `/api/units/${unitId}/attachments`, { token, body });
    return answer.status === 403 ? undefined : answer;
  }, 30_000, `reports to know unit ${unitId}`);

/** PUTs `bytes` to an upload URL as a browser would: the URL as given, with the headers given. */
const put = (url: string, bytes: Uint8Array, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', headers: { ...headers, 'content-length': String(bytes.byteLength) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      });
    });
    req.on('error', reject);
    req.end(bytes);
  });

const complete = (attachmentId: string) => api<Stored & Problem>(runtime, 'POST', `/api/units/${unitId}/attachments/${attachmentId}/complete`, { token });

/** Requests an upload of `file` declared as `mediaType` and PUTs the file to the URL given. */
const upload = async (file: string, mediaType: string) => {
  const bytes = fixture(file);
  const requested = await requestUpload({ name: file, mediaType, size: bytes.byteLength });
  expect(requested.status).toBe(201);
  const { attachment, upload: target } = requested.body;
  expect((await put(target.url, bytes, target.headers)).status).toBe(200);
  return { attachmentId: attachment.attachmentId, bytes, target };
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  unitId = await registerUnit(runtime, `附件县-${suffix}`);
  token = await tokenFor(runtime, 'unit_staff', unitId);
});

afterAll(async () => {
  await runtime?.stop();
});

it('records the SHA-256 of an uploaded file whose content is its declared type, and completing again gives the same answer', async () => {
  // Prepare
  const { attachmentId, bytes, target } = await upload('notice.pdf', 'application/pdf');

  // Act
  const first = await complete(attachmentId);
  const again = await complete(attachmentId);

  // Assess
  expect(target).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf' } });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ attachmentId, status: 'stored', sha256: sha256(bytes), size: bytes.byteLength, mediaType: 'application/pdf' });
  expect(again.status).toBe(200);
  expect(again.body).toEqual(first.body);
  const item = (await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: `UNIT#${unitId}`, sk: `ATTACHMENT#${attachmentId}` } }))).Item;
  expect(item).toMatchObject({ kind: 'attachment', status: 'stored', sha256: sha256(bytes) });
  expect(readFileSync(path.join(bucketFolder(), unitId, attachmentId))).toEqual(bytes);
  const viewed = await api<Stored>(runtime, 'GET', `/api/units/${unitId}/attachments/${attachmentId}`, { token: await tokenFor(runtime, 'organisation_dept', unitId) });
  expect(viewed.body).toEqual(first.body);
});

it.each([
  ['a text file declared as a PDF', 'notes.txt', 'application/pdf', ['无法识别的内容', 'PDF 文档（application/pdf）']],
  ['a PNG declared as a JPEG', 'seal.png', 'image/jpeg', ['PNG 图片（image/png）', 'JPEG 图片（image/jpeg）']],
])('refuses %s with 422 naming both types, and keeps nothing of it', async (_what, file, mediaType, named) => {
  // Prepare
  const { attachmentId } = await upload(file, mediaType);
  expect(kept(attachmentId)).toEqual([attachmentId]);

  // Act
  const first = await complete(attachmentId);
  const again = await complete(attachmentId);

  // Assess
  expect(first.status).toBe(422);
  expect(first.contentType).toBe('application/problem+json');
  for (const name of named) expect(first.body.errors?.[0]?.message).toContain(name);
  expect(again.status).toBe(422);
  expect(again.body.errors).toEqual(first.body.errors);
  expect(kept(attachmentId)).toEqual([]);
  const viewed = await api<Stored>(runtime, 'GET', `/api/units/${unitId}/attachments/${attachmentId}`, { token });
  expect(viewed.body).toMatchObject({ status: 'refused' });
  expect(viewed.body.sha256).toBeUndefined();
});

it('refuses (422) to hand out an upload URL for a type not allowed or a size over the 20 MB limit', async () => {
  // Act
  const answer = await requestUpload({ name: 'setup.exe', mediaType: 'application/x-msdownload', size: 20 * 1024 * 1024 + 1 });

  // Assess
  expect(answer.status).toBe(422);
  expect((answer.body as unknown as Problem).errors?.map((e) => e.path)).toEqual(['body.mediaType', 'body.size']);
});

it('refuses (403) an upload to a changed or expired URL, or with another content type, and keeps nothing', async () => {
  // Prepare
  const bytes = fixture('notice.pdf');
  const requested = await requestUpload({ name: 'notice.pdf', mediaType: 'application/pdf', size: bytes.byteLength });
  const { attachment, upload: target } = requested.body;
  const larger = new URL(target.url);
  larger.searchParams.set('max', String(100 * 1024 * 1024));
  const otherKey = target.url.replace(attachment.attachmentId, '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70');
  // A URL whose signature holds (made with the runtime's own key) but whose time has passed.
  const [, service, bucket, ...key] = new URL(target.url).pathname.split('/').slice(2);
  const expired = localUploadUrl(runtime.url, localUploadsKey(process.env[localUploadsKeyEnv]!.replace(/^file:/, '')), {
    service: service!,
    bucket: bucket!,
    key: key.join('/'),
    contentType: 'application/pdf',
    maxBytes: 20 * 1024 * 1024,
    expires: Math.floor(Date.now() / 1000) - 1,
  });

  // Act
  const answers = await Promise.all([
    put(larger.toString(), bytes, target.headers),
    put(otherKey, bytes, target.headers),
    put(target.url, bytes, { ...target.headers, 'content-type': 'image/png' }),
    put(expired, bytes, target.headers),
  ]);

  // Assess
  expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
  expect(answers[3]!.body).toMatchObject({ status: 403, detail: 'The upload URL has expired' });
  expect(kept(attachment.attachmentId)).toEqual([]);
  expect((await complete(attachment.attachmentId)).status).toBe(409);
});

describe('with a limit of 64 KB (ATTACHMENT_MAX_BYTES)', () => {
  const limit = 64 * 1024;
  beforeEach(() => {
    process.env.ATTACHMENT_MAX_BYTES = String(limit);
  });
  afterEach(() => {
    delete process.env.ATTACHMENT_MAX_BYTES;
  });

  it('refuses (413) a body that says it is over the limit, and one that streams past it, before the body ends; nothing is kept', async () => {
    // Prepare
    const requested = await requestUpload({ name: 'scan.png', mediaType: 'image/png', size: 1000 });
    const { attachment, upload: target } = requested.body;

    // Act: a body that declares its length, then one sent in chunks that stops after 1 MB and
    // goes on only once the answer is in (a gateway that waited for the end would never answer).
    const declared = await put(target.url, Buffer.alloc(limit + 1, 1), target.headers);
    const streamed = await new Promise<{ status: number; text: string; sentBeforeAnswer: number }>((resolve, reject) => {
      const req = http.request(target.url, { method: 'PUT', headers: { 'content-type': target.headers['content-type'] } });
      let sent = 0;
      const answered = new Promise<http.IncomingMessage>((ok) => req.on('response', ok));
      req.on('error', reject);
      void (async () => {
        while (sent < 1024 * 1024) {
          req.write(Buffer.alloc(16 * 1024, 2));
          sent += 16 * 1024;
        }
        const timeout = new Promise<'timeout'>((ok) => setTimeout(() => ok('timeout'), 10_000).unref());
        const res = await Promise.race([answered, timeout]);
        const sentBeforeAnswer = sent;
        req.end();
        if (res === 'timeout') return reject(new Error('No answer while the body was still open'));
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), sentBeforeAnswer }));
      })();
    });

    // Assess
    expect(declared.status).toBe(413);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text)).toMatchObject({ status: 413, detail: `The file is over the ${limit} bytes this upload URL allows` });
    expect(kept(attachment.attachmentId)).toEqual([]);
    expect((await complete(attachment.attachmentId)).status).toBe(409);
  });

  it('refuses (422) at completion a file over the limit that was uploaded under a larger one, and removes it', async () => {
    // Prepare: the URL is made under the default limit; the limit is lowered before completion.
    delete process.env.ATTACHMENT_MAX_BYTES;
    const bytes = Buffer.concat([fixture('notice.pdf'), Buffer.alloc(limit, 0x20)]);
    const requested = await requestUpload({ name: 'big.pdf', mediaType: 'application/pdf', size: bytes.byteLength });
    const { attachment, upload: target } = requested.body;
    expect((await put(target.url, bytes, target.headers)).status).toBe(200);
    process.env.ATTACHMENT_MAX_BYTES = String(limit);

    // Act
    const answer = await complete(attachment.attachmentId);

    // Assess
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.[0]?.message).toBe(`文件大小 ${Number((bytes.byteLength / 1024).toFixed(1))} KB 超过上限 64 KB，未予保存`);
    expect(kept(attachment.attachmentId)).toEqual([]);
  });
});
