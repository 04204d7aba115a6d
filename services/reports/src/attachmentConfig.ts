/**
 * Settings of the attachments of the reports service, from the environment, with their defaults:
 * the size limit of one file (`ATTACHMENT_MAX_BYTES`, 20 MB = 20 × 1024 × 1024 bytes) and how long
 * an upload URL stays valid (`ATTACHMENT_UPLOAD_EXPIRES_SECONDS`, 15 minutes).
 */
export interface AttachmentConfig {
  readonly maxBytes: number;
  readonly uploadExpiresSeconds: number;
}

export const defaultAttachmentMaxBytes = 20 * 1024 * 1024;
export const defaultUploadExpiresSeconds = 15 * 60;

const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
  return value;
};

export const attachmentConfig = (env: NodeJS.ProcessEnv = process.env): AttachmentConfig => ({
  maxBytes: positiveInteger(env, 'ATTACHMENT_MAX_BYTES', defaultAttachmentMaxBytes),
  uploadExpiresSeconds: positiveInteger(env, 'ATTACHMENT_UPLOAD_EXPIRES_SECONDS', defaultUploadExpiresSeconds),
});
