/**
 * The notifiers of the reports service, chosen by configuration:
 *
 * | variable | values (default first) | and then |
 * | --- | --- | --- |
 * | `EMAIL_PROVIDER` | `local`, `ses`, `none` | ses: `SES_FROM_ADDRESS`, optional `SES_CONFIGURATION_SET`, `SES_REGION`; none: no email is sent (the China regions have no SES), reminders go by SMS and in the app |
 * | `SMS_PROVIDER` | `local`, `aliyun`, `tencent`, `sns` | see below |
 *
 * - `aliyun`: `ALIYUN_ACCESS_KEY_ID`, `ALIYUN_ACCESS_KEY_SECRET`, `ALIYUN_SMS_SIGN_NAME`,
 *   `ALIYUN_SMS_TEMPLATES` (JSON, template name → code: `{"reminder":"SMS_123456789"}`), optional
 *   `ALIYUN_SMS_REGION` (`cn-hangzhou`).
 * - `tencent`: `TENCENT_SECRET_ID`, `TENCENT_SECRET_KEY`, `TENCENT_SMS_SDK_APP_ID`,
 *   `TENCENT_SMS_SIGN_NAME`, `TENCENT_SMS_TEMPLATES` (JSON, template name → id, or id and the order
 *   of its variables: `{"reminder":{"id":"1234567","params":["title","dueDate","link"]}}`), optional
 *   `TENCENT_SMS_REGION` (`ap-guangzhou`).
 * - `sns`: optional `SNS_REGION` (else the SDK's own, `AWS_REGION`).
 * - `local` (either channel): `LOCAL_MAILBOX_DIR`, the folder the messages are written to; and
 *   `LOCAL_NOTIFY_FAIL` to make them fail (see `localCapture.ts`).
 *
 * Settings are checked once, when the notifiers are made, and a missing one is named in the error.
 */
import { z } from 'zod';
import { aliyunSmsNotifier } from './aliyunSms.js';
import { localCaptureNotifier } from './localCapture.js';
import type { Notifier } from './port.js';
import { sesNotifier } from './ses.js';
import { snsNotifier } from './sns.js';
import { tencentSmsNotifier } from './tencentSms.js';

export { DeliveryError, type Channel, type Notifier, type OutgoingMessage } from './port.js';
export { sendWithRetry, type RetryOptions, type SendOutcome } from './retry.js';

/** The notifier of each channel. */
export interface Notifiers {
  /** Absent when the deployment sends no email (`EMAIL_PROVIDER=none`). */
  readonly email?: Notifier;
  readonly sms: Notifier;
}

const required = z.string().min(1);

/** A JSON object in a variable, checked against `schema`. */
const jsonOf = <T extends z.ZodType>(schema: T) =>
  required
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const NotifyProviders = z.object({
  EMAIL_PROVIDER: z.enum(['local', 'ses', 'none']).default('local'),
  SMS_PROVIDER: z.enum(['local', 'aliyun', 'tencent', 'sns']).default('local'),
});

export const LocalSettings = z.object({ LOCAL_MAILBOX_DIR: required });

export const SesSettings = z.object({
  SES_FROM_ADDRESS: required,
  SES_CONFIGURATION_SET: required.optional(),
  SES_REGION: required.optional(),
});

export const SnsSettings = z.object({ SNS_REGION: required.optional() });

export const AliyunSettings = z.object({
  ALIYUN_ACCESS_KEY_ID: required,
  ALIYUN_ACCESS_KEY_SECRET: required,
  ALIYUN_SMS_SIGN_NAME: required,
  ALIYUN_SMS_TEMPLATES: jsonOf(z.record(z.string(), required)),
  ALIYUN_SMS_REGION: required.default('cn-hangzhou'),
});

export const TencentSettings = z.object({
  TENCENT_SECRET_ID: required,
  TENCENT_SECRET_KEY: required,
  TENCENT_SMS_SDK_APP_ID: required,
  TENCENT_SMS_SIGN_NAME: required,
  TENCENT_SMS_TEMPLATES: jsonOf(
    z.record(
      z.string(),
      z.union([required.transform((id) => ({ id })), z.object({ id: required, params: z.array(required).optional() })]),
    ),
  ),
  TENCENT_SMS_REGION: required.default('ap-guangzhou'),
});

/** The variables as set: an empty one counts as not set. */
const setOnly = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));

/** Parses `env` with `schema`, or throws an error that names each variable at fault and why it is needed. */
const settings = <T extends z.ZodType>(schema: T, env: Record<string, string>, because: string): z.output<T> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    return env[name] === undefined ? `${name} is not set` : `${name} ${issue.message}`;
  });
  throw new Error(`Notification settings (${because}): ${problems.join('; ')}`);
};

const localNotifier = (env: Record<string, string>, channel: 'email' | 'sms', because: string): Notifier =>
  localCaptureNotifier({ dir: settings(LocalSettings, env, because).LOCAL_MAILBOX_DIR, channel });

/**
 * The email and SMS notifiers that `env` selects, with their settings checked.
 *
 * @example
 * ```ts
 * import { notifiersFromEnv, sendWithRetry } from './index.js';
 *
 * const notifiers = notifiersFromEnv({ LOCAL_MAILBOX_DIR: '.data/mailbox' });
 * const outcome = await sendWithRetry(notifiers.sms, {
 *   channel: 'sms', to: '13800000000', subject: '', text: '【清廉履责】…', reference: 'r-1',
 *   template: { code: 'reminder', params: {} },
 * });
 * ```
 */
export const notifiersFromEnv = (env: NodeJS.ProcessEnv = process.env): Notifiers => {
  const set = setOnly(env);
  const providers = settings(NotifyProviders, set, 'providers');

  const emailBecause = `EMAIL_PROVIDER=${providers.EMAIL_PROVIDER}`;
  let email: Notifier | undefined;
  switch (providers.EMAIL_PROVIDER) {
    case 'none':
      email = undefined;
      break;
    case 'local':
      email = localNotifier(set, 'email', emailBecause);
      break;
    case 'ses': {
      const ses = settings(SesSettings, set, emailBecause);
      email = sesNotifier({
        from: ses.SES_FROM_ADDRESS,
        ...(ses.SES_CONFIGURATION_SET === undefined ? {} : { configurationSet: ses.SES_CONFIGURATION_SET }),
        ...(ses.SES_REGION === undefined ? {} : { region: ses.SES_REGION }),
      });
      break;
    }
  }

  const smsBecause = `SMS_PROVIDER=${providers.SMS_PROVIDER}`;
  let sms: Notifier;
  switch (providers.SMS_PROVIDER) {
    case 'local':
      sms = localNotifier(set, 'sms', smsBecause);
      break;
    case 'sns': {
      const sns = settings(SnsSettings, set, smsBecause);
      sms = snsNotifier(sns.SNS_REGION === undefined ? {} : { region: sns.SNS_REGION });
      break;
    }
    case 'aliyun': {
      const aliyun = settings(AliyunSettings, set, smsBecause);
      sms = aliyunSmsNotifier({
        accessKeyId: aliyun.ALIYUN_ACCESS_KEY_ID,
        accessKeySecret: aliyun.ALIYUN_ACCESS_KEY_SECRET,
        signName: aliyun.ALIYUN_SMS_SIGN_NAME,
        templates: aliyun.ALIYUN_SMS_TEMPLATES,
        regionId: aliyun.ALIYUN_SMS_REGION,
      });
      break;
    }
    case 'tencent': {
      const tencent = settings(TencentSettings, set, smsBecause);
      sms = tencentSmsNotifier({
        secretId: tencent.TENCENT_SECRET_ID,
        secretKey: tencent.TENCENT_SECRET_KEY,
        sdkAppId: tencent.TENCENT_SMS_SDK_APP_ID,
        signName: tencent.TENCENT_SMS_SIGN_NAME,
        templates: tencent.TENCENT_SMS_TEMPLATES,
        region: tencent.TENCENT_SMS_REGION,
      });
      break;
    }
  }
  return { email, sms };
};
