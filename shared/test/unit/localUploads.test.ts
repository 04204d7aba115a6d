/** The local runtime's presigned upload URLs: what they sign, and that nothing in them can be changed. */
import { localUploadUrl, parseLocalUpload, verifyLocalUpload, type LocalUpload } from '../../storage/localUploads.js';

const secret = Buffer.alloc(32, 7);
const upload: LocalUpload = {
  service: 'reports',
  bucket: 'attachments',
  key: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f/0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
  contentType: 'application/pdf',
  maxBytes: 20_971_520,
  expires: 1_900_000_000,
};

/** Parses and verifies a URL as the gateway does, for an upload sent with `contentType`. */
const check = (url: string, contentType = upload.contentType) => {
  const { pathname, searchParams } = new URL(url);
  const parsed = parseLocalUpload(pathname, searchParams, contentType);
  return parsed === undefined ? 'malformed' : verifyLocalUpload(secret, parsed.upload, parsed.signature) ? parsed.upload : 'forged';
};

describe('a local upload URL', () => {
  it('points at the gateway and holds what it allows', () => {
    // Act
    const url = localUploadUrl('http://localhost:3000/', secret, upload);

    // Assess
    expect(url).toMatch(/^http:\/\/localhost:3000\/_local\/uploads\/reports\/attachments\/0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f\/0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70\?expires=1900000000&max=20971520&signature=[0-9a-f]{64}$/);
    expect(check(url)).toEqual(upload);
  });

  it.each([
    ['another key', (u: URL) => (u.pathname = u.pathname.replace(/70$/, '71'))],
    ['another bucket', (u: URL) => (u.pathname = u.pathname.replace('/attachments/', '/other/'))],
    ['a later expiry', (u: URL) => u.searchParams.set('expires', '1900000001')],
    ['a larger limit', (u: URL) => u.searchParams.set('max', '20971521')],
    ['another signature', (u: URL) => u.searchParams.set('signature', 'f'.repeat(64))],
  ])('is refused with %s', (_what, change) => {
    // Prepare
    const url = new URL(localUploadUrl('http://localhost:3000', secret, upload));

    // Act
    change(url);

    // Assess
    expect(check(url.toString())).toBe('forged');
  });

  it('is refused when the upload is sent with another content type than the one signed', () => {
    // Act
    const verdict = check(localUploadUrl('http://localhost:3000', secret, upload), 'image/png');

    // Assess
    expect(verdict).toBe('forged');
  });

  it('cannot name a key outside its bucket’s folder', () => {
    // Act
    const parsed = parseLocalUpload('/_local/uploads/reports/attachments/../../keys/jwt', new URLSearchParams({ expires: '1', max: '1', signature: '0'.repeat(64) }), '');

    // Assess
    expect(parsed).toBeUndefined();
    expect(() => localUploadUrl('http://localhost:3000', secret, { ...upload, key: '../x' })).toThrow('Not a key a local bucket keeps');
  });
});
