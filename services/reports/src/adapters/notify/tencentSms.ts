/**
 * SMS through Tencent Cloud: `SendSms` (API version 2021-01-11) on `sms.tencentcloudapi.com`, over
 * HTTPS with `fetch`, signed with TC3-HMAC-SHA256 (签名方法 v3) as Tencent documents it:
 * https://cloud.tencent.com/document/api/382/52072 (the SMS copy of
 * https://cloud.tencent.com/document/api/213/30654, whose worked example the unit tests reproduce).
 *
 * Like every mainland provider it sends approved templates only: the configured `templates` map the
 * template's name in this system to a Tencent template id and the order of its `{1}`, `{2}`, …
 * variables, and the reminder id goes as `SessionContext`, which status reports carry back.
 */
import { createHash, createHmac } from 'node:crypto';
import { DeliveryError, mainlandE164, postToProvider, type Notifier } from './port.js';

export const tencentSmsHost = 'sms.tencentcloudapi.com';
export const tencentSmsVersion = '2021-01-11';
const jsonContentType = 'application/json; charset=utf-8';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** The UTC date of a Unix time in seconds, `yyyy-MM-dd`: the credential scope's date is UTC, never local time. */
export const utcDate = (timestamp: number): string => new Date(timestamp * 1000).toISOString().slice(0, 10);

/** What one TC3 signature covers. The timestamp is given so that a test can fix it. */
export interface Tc3Request {
  readonly secretId: string;
  readonly secretKey: string;
  /** The product, the host's first label: `sms`, `cvm`. */
  readonly service: string;
  readonly host: string;
  readonly action: string;
  /** The JSON body exactly as it is sent. */
  readonly payload: string;
  /** Unix time in seconds, the `X-TC-Timestamp` header. */
  readonly timestamp: number;
}

/** Every step of a TC3 signature, so that each can be checked against the documentation. */
export interface Tc3Signature {
  readonly canonicalRequest: string;
  readonly credentialScope: string;
  readonly stringToSign: string;
  /** The derived key, `SecretSigning`, in hex. */
  readonly secretSigning: string;
  readonly signature: string;
  readonly authorization: string;
}

/**
 * Signs a POST with a JSON body, signing the `content-type`, `host` and `x-tc-action` headers as the
 * documentation's example does (the action signed too, so a captured signature cannot be replayed
 * against another action).
 *
 * @example
 * ```ts
 * import { tc3Sign } from './tencentSms.js';
 *
 * const { authorization } = tc3Sign({
 *   secretId: 'AKID…', secretKey: '…', service: 'sms', host: 'sms.tencentcloudapi.com',
 *   action: 'SendSms', payload: '{}', timestamp: 1551113065,
 * });
 * ```
 */
export const tc3Sign = (request: Tc3Request): Tc3Signature => {
  const headers: ReadonlyArray<readonly [string, string]> = [
    ['content-type', jsonContentType],
    ['host', request.host.toLowerCase()],
    ['x-tc-action', request.action.toLowerCase()],
  ];
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256Hex(request.payload)].join('\n');
  const date = utcDate(request.timestamp);
  const credentialScope = `${date}/${request.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(request.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const secretDate = hmac(`TC3${request.secretKey}`, date);
  const secretService = hmac(secretDate, request.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = hmac(secretSigning, stringToSign).toString('hex');
  return {
    canonicalRequest,
    credentialScope,
    stringToSign,
    secretSigning: secretSigning.toString('hex'),
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${request.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
};

/** A template as configured: its Tencent id, and the names of its variables in the order `{1}`, `{2}`, …. */
export interface TencentTemplate {
  readonly id: string;
  /** Left out, the values go in the order the message lists them. */
  readonly params?: readonly string[];
}

/** The values of `TemplateParamSet`, in the template's order; a variable the message lacks is refused. */
export const templateParamSet = (template: TencentTemplate, params: Readonly<Record<string, string>>): string[] => {
  if (template.params === undefined) return Object.values(params);
  return template.params.map((name) => {
    const value = params[name];
    if (value === undefined) throw new DeliveryError(`腾讯云短信模板 ${template.id} 缺少变量「${name}」`, { retryable: false, code: 'template-param-missing' });
    return value;
  });
};

/** `InternalError` codes that are the request's fault, not a passing one: a retry is refused the same way. */
const permanentInternalErrors = new Set([
  'InternalError.SigVerificationFail',
  'InternalError.SigFieldMissing',
  'InternalError.RestApiInterfaceNotExist',
  'InternalError.RequestTimeException',
]);

/**
 * Error codes that may pass on a later attempt: the service's own faults and request-rate limits.
 * A bad number, an unapproved signature or template, refused credentials or an empty package will
 * not. https://cloud.tencent.com/document/api/382/52075 (错误码)
 */
export const tencentCodeRetryable = (code: string): boolean =>
  (code.startsWith('InternalError') && !permanentInternalErrors.has(code)) || code.startsWith('RequestLimitExceeded') || code === 'ResourceUnavailable.ServiceUnavailable';

export interface TencentSmsOptions {
  readonly secretId: string;
  readonly secretKey: string;
  readonly sdkAppId: string;
  /** The approved signature (签名内容), e.g. `清廉履责`. */
  readonly signName: string;
  /** The template's name in this system → its Tencent template. */
  readonly templates: Readonly<Record<string, TencentTemplate>>;
  /** `ap-guangzhou` (the default), `ap-beijing` or `ap-nanjing`. */
  readonly region?: string;
  readonly host?: string;
  readonly fetch?: typeof fetch;
  /** The clock the timestamp is read from. */
  readonly now?: () => Date;
  /** How long one request may take, in ms: 10 000. */
  readonly timeoutMs?: number;
}

interface SendSmsResponse {
  readonly Response?: {
    readonly Error?: { readonly Code?: string; readonly Message?: string };
    readonly SendStatusSet?: ReadonlyArray<{ readonly Code?: string; readonly Message?: string }>;
    readonly RequestId?: string;
  };
}

/**
 * The Tencent Cloud SMS notifier.
 *
 * @example
 * ```ts
 * import { tencentSmsNotifier } from './tencentSms.js';
 *
 * const sms = tencentSmsNotifier({
 *   secretId: 'AKID…', secretKey: '…', sdkAppId: '1400000000', signName: '清廉履责',
 *   templates: { reminder: { id: '1234567', params: ['title', 'dueDate', 'link'] } },
 * });
 * ```
 */
export const tencentSmsNotifier = (options: TencentSmsOptions): Notifier => {
  const host = options.host ?? tencentSmsHost;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    provider: 'tencent',
    channel: 'sms',
    send: async (message) => {
      const template = options.templates[message.template.code];
      if (template === undefined) {
        throw new DeliveryError(`腾讯云短信未配置模板「${message.template.code}」`, { retryable: false, code: 'template-not-configured' });
      }
      const payload = JSON.stringify({
        PhoneNumberSet: [mainlandE164(message.to)],
        SmsSdkAppId: options.sdkAppId,
        SignName: options.signName,
        TemplateId: template.id,
        TemplateParamSet: templateParamSet(template, message.template.params),
        SessionContext: message.reference,
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const signed = tc3Sign({ secretId: options.secretId, secretKey: options.secretKey, service: 'sms', host, action: 'SendSms', payload, timestamp });
      const { response, result } = await postToProvider<SendSmsResponse>(
        doFetch,
        `https://${host}/`,
        {
          method: 'POST',
          headers: {
            authorization: signed.authorization,
            'content-type': jsonContentType,
            'x-tc-action': 'SendSms',
            'x-tc-timestamp': String(timestamp),
            'x-tc-version': tencentSmsVersion,
            'x-tc-region': options.region ?? 'ap-guangzhou',
          },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        },
        '腾讯云短信',
      );
      const failure = result?.Response?.Error ?? result?.Response?.SendStatusSet?.find((status) => status.Code !== 'Ok');
      const delivered = response.ok && result?.Response !== undefined && failure === undefined && (result.Response.SendStatusSet?.length ?? 0) > 0;
      if (delivered) return;
      const code = failure?.Code ?? `HTTP ${response.status}`;
      const retryable = response.status >= 500 || response.status === 429 || (failure?.Code !== undefined && tencentCodeRetryable(failure.Code));
      throw new DeliveryError(`腾讯云短信发送失败：${code} ${failure?.Message ?? response.statusText}`.trim(), { retryable, code });
    },
  };
};
