/**
 * SMS through Alibaba Cloud's Short Message Service: `SendSms` (API version 2017-05-25) on
 * `dysmsapi.aliyuncs.com`, over HTTPS with `fetch`, signed with the RPC signature (HMAC-SHA1,
 * `SignatureVersion` 1.0) as the SMS documentation describes it:
 * https://help.aliyun.com/document_detail/101343.html (请求签名). That page works a `SendSms` request
 * through to its signature, which the unit tests reproduce.
 *
 * Mainland SMS carries only approved templates, so this sends the message's template: the
 * configured `templates` map the template's name in this system to its Alibaba template code, and
 * the reminder id goes as `OutId`, which delivery receipts carry back.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { DeliveryError, mainlandDigits, postToProvider, type Notifier } from './port.js';

export const aliyunSmsEndpoint = 'dysmsapi.aliyuncs.com';
export const aliyunSmsVersion = '2017-05-25';

/**
 * Percent-encoding as the RPC signature wants it (RFC 3986): only `A–Z a–z 0–9 - _ . ~` stay as
 * they are, a space is `%20`, and `! ' ( ) *`, which `encodeURIComponent` leaves, are encoded too.
 */
export const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonicalized query string: every parameter but `Signature`, sorted by name, encoded, joined by `&`. */
export const canonicalizedQuery = (params: Readonly<Record<string, string>>): string =>
  Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');

/** `StringToSign = HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(CanonicalizedQueryString)`. */
export const rpcStringToSign = (method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string =>
  `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;

/** The signature: Base64 of HMAC-SHA1 over the string to sign, keyed with the AccessKey secret followed by `&`. */
export const rpcSignature = (accessKeySecret: string, method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string =>
  createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params), 'utf8').digest('base64');

/** The timestamp the API takes: UTC, to the second, `yyyy-MM-ddTHH:mm:ssZ`. */
export const rpcTimestamp = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What a request is signed with; the timestamp and nonce are given so that a test can fix them. */
export interface RpcSigning {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** `yyyy-MM-ddTHH:mm:ssZ` (see {@link rpcTimestamp}). */
  readonly timestamp: string;
  readonly nonce: string;
  /** `JSON` (the default) or `XML`. */
  readonly format?: 'JSON' | 'XML';
}

/**
 * The full parameters of a signed RPC request: the common ones, the operation's, and `Signature`.
 *
 * @example
 * ```ts
 * import { signedRpcParams } from './aliyunSms.js';
 *
 * const params = signedRpcParams('POST', { Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800000000' }, {
 *   accessKeyId: 'id', accessKeySecret: 'secret', timestamp: '2027-01-01T00:00:00Z', nonce: 'n-1',
 * });
 * ```
 */
export const signedRpcParams = (
  method: 'GET' | 'POST',
  operation: Readonly<Record<string, string>>,
  signing: RpcSigning,
): Record<string, string> => {
  const params: Record<string, string> = {
    AccessKeyId: signing.accessKeyId,
    Format: signing.format ?? 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: signing.nonce,
    SignatureVersion: '1.0',
    Timestamp: signing.timestamp,
    ...operation,
  };
  return { ...params, Signature: rpcSignature(signing.accessKeySecret, method, params) };
};

/** Response codes that may pass: flow control, throttling, the service's own faults. */
const retryableCodes = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isp.SYSTEM_ERROR',
  'isp.GATEWAY_ERROR',
  'ServiceUnavailable',
  'InternalError',
  'SignatureNonceUsed',
]);

/**
 * Whether a `SendSms` response code may pass on a later attempt; everything else (a bad number, a
 * template or signature not approved, a key refused, no balance) will not.
 * https://help.aliyun.com/document_detail/101346.html (API错误码)
 */
export const aliyunCodeRetryable = (code: string): boolean => retryableCodes.has(code) || code.startsWith('Throttling');

export interface AliyunSmsOptions {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The approved signature (签名), e.g. `清廉履责`. */
  readonly signName: string;
  /** The template's name in this system → its Alibaba template code (`SMS_…`). */
  readonly templates: Readonly<Record<string, string>>;
  readonly endpoint?: string;
  readonly regionId?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly nonce?: () => string;
  /** How long one request may take, in ms: 10 000. */
  readonly timeoutMs?: number;
}

interface SendSmsResponse {
  readonly Code?: string;
  readonly Message?: string;
  readonly RequestId?: string;
}

/** Runs `sign`; a value that cannot be percent-encoded (a lone surrogate) will not encode on a retry either. */
const signable = <T>(sign: () => T): T => {
  try {
    return sign();
  } catch (error) {
    throw new DeliveryError('短信参数含有无法编码的字符', { retryable: false, code: 'invalid-text', cause: error });
  }
};

/**
 * The Alibaba Cloud SMS notifier. The request is a POST with the parameters as a form body, so
 * that numbers and text stay out of URLs that proxies log; the signature covers them the same way.
 *
 * @example
 * ```ts
 * import { aliyunSmsNotifier } from './aliyunSms.js';
 *
 * const sms = aliyunSmsNotifier({
 *   accessKeyId: 'LTAI…', accessKeySecret: '…', signName: '清廉履责', templates: { reminder: 'SMS_123456789' },
 * });
 * ```
 */
export const aliyunSmsNotifier = (options: AliyunSmsOptions): Notifier => {
  const endpoint = options.endpoint ?? aliyunSmsEndpoint;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? randomUUID;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    provider: 'aliyun',
    channel: 'sms',
    send: async (message) => {
      const templateCode = options.templates[message.template.code];
      if (templateCode === undefined) {
        throw new DeliveryError(`阿里云短信未配置模板「${message.template.code}」`, { retryable: false, code: 'template-not-configured' });
      }
      const operation = {
        Action: 'SendSms',
        Version: aliyunSmsVersion,
        RegionId: options.regionId ?? 'cn-hangzhou',
        PhoneNumbers: mainlandDigits(message.to),
        SignName: options.signName,
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(message.template.params),
        OutId: message.reference,
      };
      const signing = { accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret, timestamp: rpcTimestamp(now()), nonce: nonce() };
      const params = signable(() => signedRpcParams('POST', operation, signing));
      const body = Object.entries(params)
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
        .join('&');
      const { response, result } = await postToProvider<SendSmsResponse>(
        doFetch,
        `https://${endpoint}/`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) },
        '阿里云短信',
      );
      if (response.ok && result?.Code === 'OK') return;
      const code = result?.Code ?? `HTTP ${response.status}`;
      const retryable = response.status >= 500 || response.status === 429 || (result?.Code !== undefined && aliyunCodeRetryable(result.Code));
      throw new DeliveryError(`阿里云短信发送失败：${code} ${result?.Message ?? response.statusText}`.trim(), { retryable, code });
    },
  };
};
