/**
 * Attachments, without I/O: a file's type is found by its content (real files, see
 * `test/fixtures/attachments/README.md`), an upload whose content does not show its declared type
 * or is over the limit is refused, a kept one records its SHA-256, and the evidence that other use
 * cases cite names only stored attachments. Also the presigned PUT URL the S3 store makes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { RuleError } from '#shared/errors.js';
import { sniffMediaType } from '../../src/domain/contentType.js';
import {
  decideCompletion,
  decideEvidence,
  decideUploadRequest,
  completed,
  refusalError,
  type Attachment,
  type AttachmentMediaType,
  type UploadedContent,
} from '../../src/domain/attachments.js';
import { attachmentConfig, defaultAttachmentMaxBytes } from '../../src/attachmentConfig.js';
import { s3Store } from '../../src/adapters/attachmentStore.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/attachments/${name}`, import.meta.url));
const limits = { maxBytes: 20 * 1024 * 1024 };
const types = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
} as const;

/** A workbook as exceljs writes it. */
const workbook = async (): Promise<Uint8Array> => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('整改台账').addRow(['问题', '整改措施']);
  return new Uint8Array(await book.xlsx.writeBuffer());
};

/** A CFB container whose root holds the named streams. */
const cfbWith = (...streams: string[]): Uint8Array => {
  const container = CFB.utils.cfb_new();
  for (const stream of streams) CFB.utils.cfb_add(container, `/${stream}`, new Uint8Array(600).fill(1));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
};

/** A pending attachment declared as `mediaType`. */
const pending = (mediaType: AttachmentMediaType): Attachment => ({
  attachmentId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
  unitId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f',
  name: '佐证材料',
  mediaType,
  declaredSize: 1000,
  status: 'pending',
  uploadedBy: 'p1',
  createdAt: '2027-03-20T09:00:00.000+08:00',
});

/** What the completion step finds in `bytes`. */
const contentOf = async (bytes: Uint8Array): Promise<UploadedContent> => ({
  kind: 'read',
  size: bytes.byteLength,
  sniffed: await sniffMediaType(bytes),
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

describe('the type of a file, by its content', () => {
  it.each([
    ['notice.pdf', 'application/pdf'],
    ['seal.png', 'image/png'],
    ['seal.jpg', 'image/jpeg'],
    ['seal.gif', 'image/gif'],
    ['seal.webp', 'image/webp'],
    ['report.docx', types.docx],
    ['hearing.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['ledger.xls', types.xls],
    ['notice.ofd', 'application/ofd'],
    ['archive.zip', 'application/zip'],
    ['notes.txt', undefined],
  ])('of %s is %s', async (file, expected) => {
    // Act
    const sniffed = await sniffMediaType(fixture(file));

    // Assess
    expect(sniffed).toBe(expected);
  });

  it('of a workbook written by exceljs is an .xlsx', async () => {
    // Prepare
    const bytes = await workbook();

    // Act
    const sniffed = await sniffMediaType(bytes);

    // Assess
    expect(sniffed).toBe(types.xlsx);
  });

  it('of a CFB container is the legacy Office format its root stream names, and the bare container otherwise', async () => {
    // Act
    const sniffed = await Promise.all([cfbWith('WordDocument', '1Table'), cfbWith('PowerPoint Document', 'Current User'), cfbWith('Book'), cfbWith('EncryptedPackage', 'EncryptionInfo')].map(sniffMediaType));

    // Assess
    expect(sniffed).toEqual([types.doc, types.ppt, types.xls, 'application/x-cfb']);
  });

  it('does not take a text file that merely starts like an OFD entry name for one', async () => {
    // Act
    const sniffed = await sniffMediaType(new TextEncoder().encode('OFD.xml\nDoc_0/Document.xml\n'));

    // Assess
    expect(sniffed).toBeUndefined();
  });
});

describe('a request to upload', () => {
  it('takes an allowed type within the limit, the type compared without case', () => {
    // Act
    const mediaType = decideUploadRequest({ name: '通知.PDF', mediaType: ' Application/PDF ', size: limits.maxBytes }, limits);

    // Assess
    expect(mediaType).toBe('application/pdf');
  });

  it('refuses (422) a type not allowed and a size over the limit, naming both in Chinese', () => {
    // Act
    const refuse = () => decideUploadRequest({ name: '安装包.exe', mediaType: 'application/x-msdownload', size: limits.maxBytes + 1 }, limits);

    // Assess
    expect(refuse).toThrow(RuleError);
    try {
      refuse();
    } catch (error) {
      expect((error as RuleError).status).toBe(422);
      expect((error as RuleError).errors).toEqual([
        { path: 'body.mediaType', message: expect.stringContaining('不支持的文件类型 application/x-msdownload') },
        { path: 'body.size', message: '文件大小 20971521 字节超过上限 20971520 字节' },
      ]);
    }
  });
});

describe('completing an upload', () => {
  it('stores a PDF declared as a PDF, with the SHA-256 and size of its content', async () => {
    // Prepare
    const bytes = fixture('notice.pdf');

    // Act
    const completion = decideCompletion(pending(types.pdf), await contentOf(bytes), limits);

    // Assess
    expect(completion).toEqual({ kind: 'stored', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength });
  });

  it.each([
    ['a workbook written by exceljs', 'xlsx', types.xlsx],
    ['a Word document', 'report.docx', types.docx],
    ['an Excel 97-2003 workbook', 'ledger.xls', types.xls],
  ])('stores %s declared as what it is', async (_what, file, declared) => {
    // Prepare
    const bytes = file === 'xlsx' ? await workbook() : fixture(file);

    // Act
    const completion = decideCompletion(pending(declared), await contentOf(bytes), limits);

    // Assess
    expect(completion.kind).toBe('stored');
  });

  it.each([
    ['a text file declared as a PDF', 'notes.txt', types.pdf, '文件内容为无法识别的内容，与声明的类型PDF 文档（application/pdf）不符，未予保存'],
    ['a PNG declared as a JPEG', 'seal.png', types.jpeg, '文件内容为PNG 图片（image/png），与声明的类型JPEG 图片（image/jpeg）不符，未予保存'],
    ['a Word document declared as a workbook', 'report.docx', types.xlsx, '文件内容为Word 文档（.docx）（application/vnd.openxmlformats-officedocument.wordprocessingml.document），与声明的类型Excel 表格（.xlsx）（application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）不符，未予保存'],
    ['an Excel 97-2003 workbook declared as a Word 97-2003 document', 'ledger.xls', types.doc, '文件内容为Excel 97-2003 表格（.xls）（application/vnd.ms-excel），与声明的类型Word 97-2003 文档（.doc）（application/msword）不符，未予保存'],
    ['a plain ZIP declared as an OFD', 'archive.zip', 'application/ofd', '文件内容为application/zip，与声明的类型OFD 版式文档（application/ofd）不符，未予保存'],
  ] as const)('refuses %s, naming both types', async (_what, file, declared, refusal) => {
    // Act
    const completion = decideCompletion(pending(declared), await contentOf(fixture(file)), limits);

    // Assess
    expect(completion).toEqual({ kind: 'refused', refusal });
  });

  it('refuses a file over the limit, even of the declared type', async () => {
    // Prepare
    const bytes = fixture('notice.pdf');

    // Act
    const read = decideCompletion(pending(types.pdf), await contentOf(bytes), { maxBytes: bytes.byteLength - 1 });
    const unread = decideCompletion(pending(types.pdf), { kind: 'too-large', size: 21 * 1024 * 1024 }, limits);

    // Assess
    expect(read).toEqual({ kind: 'refused', refusal: `文件大小 ${bytes.byteLength} 字节超过上限 ${bytes.byteLength - 1} 字节，未予保存` });
    expect(unread).toEqual({ kind: 'refused', refusal: '文件大小 21 MB 超过上限 20 MB，未予保存' });
  });

  it('gives a refused attachment the same 422 each time', () => {
    // Prepare
    const refused = completed(pending(types.pdf), { kind: 'refused', refusal: '文件内容为无法识别的内容，与声明的类型PDF 文档（application/pdf）不符，未予保存' }, '2027-03-20T09:01:00.000+08:00');

    // Act
    const [first, second] = [refusalError(refused), refusalError(refused)];

    // Assess
    expect(first.status).toBe(422);
    expect(second.errors).toEqual(first.errors);
    expect(first.errors).toEqual([{ path: 'file', message: refused.refusal }]);
  });
});

describe('evidence from attachments', () => {
  const stored = (id: string): Attachment => ({ ...pending(types.pdf), attachmentId: id, status: 'stored', sha256: 'a'.repeat(64), size: 10 });

  it('is each stored attachment’s id, name, type and SHA-256, in the order given', () => {
    // Prepare
    const found = new Map([
      ['b', stored('b')],
      ['a', stored('a')],
    ]);

    // Act
    const evidence = decideEvidence(['a', 'b'], found, 'body.attachmentIds');

    // Assess
    expect(evidence).toEqual([
      { attachmentId: 'a', name: '佐证材料', mediaType: types.pdf, sha256: 'a'.repeat(64) },
      { attachmentId: 'b', name: '佐证材料', mediaType: types.pdf, sha256: 'a'.repeat(64) },
    ]);
  });

  it('refuses (422) naming every id that is not a stored attachment of the unit', () => {
    // Prepare
    const found = new Map<string, Attachment>([
      ['ok', stored('ok')],
      ['waiting', { ...pending(types.pdf), attachmentId: 'waiting' }],
      ['bad', { ...pending(types.pdf), attachmentId: 'bad', status: 'refused', refusal: 'x' }],
    ]);

    // Act
    const decide = () => decideEvidence(['ok', 'waiting', 'bad', 'missing'], found, 'body.attachmentIds');

    // Assess
    expect(decide).toThrow(RuleError);
    try {
      decide();
    } catch (error) {
      expect((error as RuleError).errors).toEqual([
        { path: 'body.attachmentIds.1', message: '附件 waiting 尚未完成上传校验，不能作为佐证材料' },
        { path: 'body.attachmentIds.2', message: '附件 bad 未通过校验，不能作为佐证材料' },
        { path: 'body.attachmentIds.3', message: '附件 missing 不存在，不能作为佐证材料' },
      ]);
    }
  });
});

describe('the configured size limit', () => {
  it('is 20 MB unless ATTACHMENT_MAX_BYTES says otherwise, and refuses a value that is not a positive whole number', () => {
    // Act
    const byDefault = attachmentConfig({});
    const configured = attachmentConfig({ ATTACHMENT_MAX_BYTES: '1048576' });

    // Assess
    expect(byDefault.maxBytes).toBe(defaultAttachmentMaxBytes);
    expect(defaultAttachmentMaxBytes).toBe(20_971_520);
    expect(configured.maxBytes).toBe(1_048_576);
    expect(() => attachmentConfig({ ATTACHMENT_MAX_BYTES: '20MB' })).toThrow('ATTACHMENT_MAX_BYTES must be a positive whole number');
  });
});

describe('the S3 store', () => {
  it('makes a presigned PUT that signs the declared type and length and carries no checksum of an empty body', async () => {
    // Prepare: presigning needs credentials but no network.
    const client = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, requestChecksumCalculation: 'WHEN_REQUIRED' });
    const now = new Date('2027-03-20T01:00:00Z');

    // Act
    const target = await s3Store('evidence-bucket', client).uploadTarget('unit/attachment', { mediaType: types.pdf, size: 1234, maxBytes: limits.maxBytes, expiresInSeconds: 900 }, now);

    // Assess
    const url = new URL(target.url);
    expect(url.hostname).toBe('evidence-bucket.s3.cn-north-1.amazonaws.com.cn');
    expect(url.pathname).toBe('/unit/attachment');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
    expect(target).toMatchObject({ method: 'PUT', headers: { 'content-type': types.pdf, 'content-length': '1234' }, expiresAt: '2027-03-20T09:15:00.000+08:00' });
  });

  it('would put a checksum of the empty body into the URL with the SDK’s default checksums (why the store turns them off)', async () => {
    // Prepare
    const client = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');

    // Act
    const url = new URL(await getSignedUrl(client, new PutObjectCommand({ Bucket: 'evidence-bucket', Key: 'k', ContentType: types.pdf }), { expiresIn: 900 }));

    // Assess
    expect(url.searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
  });
});
