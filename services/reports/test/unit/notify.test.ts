/**
 * The notification port and its adapters, without a network: the two SMS signatures against the
 * worked examples the providers publish, the requests each adapter makes and how it reads the
 * answers, the retry policy, the local stand-in and the length rules of an SMS.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageRejected, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { InternalErrorException, InvalidParameterException, PublishCommand, ThrottledException } from '@aws-sdk/client-sns';
import { DeliveryError, type Notifier, type OutgoingMessage } from '../../src/adapters/notify/port.js';
import { backoffDelay, sendWithRetry } from '../../src/adapters/notify/retry.js';
import { sesNotifier } from '../../src/adapters/notify/ses.js';
import { snsNotifier } from '../../src/adapters/notify/sns.js';
import { aliyunSmsNotifier, percentEncode, rpcSignature, rpcStringToSign, signedRpcParams } from '../../src/adapters/notify/aliyunSms.js';
import { tc3Sign, tencentSmsNotifier } from '../../src/adapters/notify/tencentSms.js';
import { localCaptureNotifier, readCaptured } from '../../src/adapters/notify/localCapture.js';
import { fitSms, smsLength, smsSegments } from '../../src/adapters/notify/smsText.js';
import { notifiersFromEnv } from '../../src/adapters/notify/index.js';

const link = 'https://qlzr.example.gov.cn/r/0196a0f2';

const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  channel: 'sms',
  to: '13800138000',
  subject: '年度报告报送提醒',
  text: `【清廉履责】2026年度落实党风廉政建设责任制情况报告须于2027年1月31日前报送，还剩7天。办理：${link}`,
  template: { code: 'reminder', params: { title: '2026年度报告', dueDate: '2027年1月31日', link } },
  reference: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
  ...overrides,
});

/** A fetch that records its calls and answers each with the next of `answers`. */
const recordingFetch = (...answers: Array<Response | Error>) => {
  const calls: Array<{ readonly url: string; readonly init: RequestInit }> = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const answer = answers[Math.min(calls.length, answers.length) - 1];
    if (answer === undefined) throw new Error('no answer');
    if (answer instanceof Error) throw answer;
    return answer.clone();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
};

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The DeliveryError a send ends in. */
const failureOf = async (send: Promise<void>): Promise<DeliveryError> => {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
};

describe('the TC3-HMAC-SHA256 signature, against Tencent Cloud\'s worked example', () => {
  // 腾讯云 API「签名方法 v3」, https://cloud.tencent.com/document/api/213/30654 (the same text is the
  // SMS product's https://cloud.tencent.com/document/api/382/52072). The example queries CVM
  // instances; its SecretId and SecretKey are printed as `AKID` + 32 asterisks and 32 asterisks, and
  // those literal strings are the key the page's derived keys and signature come from.
  const example = {
    secretId: `AKID${'*'.repeat(32)}`,
    secretKey: '*'.repeat(32),
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    action: 'DescribeInstances',
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    timestamp: 1551113065,
  };
  const published = {
    hashedRequestPayload: '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    canonicalRequest: [
      'POST',
      '/',
      '',
      'content-type:application/json; charset=utf-8',
      'host:cvm.tencentcloudapi.com',
      'x-tc-action:describeinstances',
      '',
      'content-type;host;x-tc-action',
      '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    ].join('\n'),
    hashedCanonicalRequest: '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
    stringToSign: ['TC3-HMAC-SHA256', '1551113065', '2019-02-25/cvm/tc3_request', '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84'].join('\n'),
    secretSigning: 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af',
    signature: '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
    authorization: `TC3-HMAC-SHA256 Credential=AKID${'*'.repeat(32)}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f`,
  };

  it('builds the published canonical request and string to sign', () => {
    // Act
    const signed = tc3Sign(example);

    // Assess
    expect(createHash('sha256').update(example.payload).digest('hex')).toBe(published.hashedRequestPayload);
    expect(signed.canonicalRequest).toBe(published.canonicalRequest);
    expect(createHash('sha256').update(signed.canonicalRequest).digest('hex')).toBe(published.hashedCanonicalRequest);
    expect(signed.stringToSign).toBe(published.stringToSign);
  });

  it('derives the published key and signature, and the published Authorization', () => {
    // Act
    const signed = tc3Sign(example);

    // Assess
    expect(signed.secretSigning).toBe(published.secretSigning);
    expect(signed.signature).toBe(published.signature);
    expect(signed.authorization).toBe(published.authorization);
  });

  it('dates the scope in UTC: the example\'s timestamp is already 26 February in Beijing', () => {
    // Act
    const signed = tc3Sign({ ...example, timestamp: 1551113065 });

    // Assess
    expect(signed.credentialScope).toBe('2019-02-25/cvm/tc3_request');
  });
});

describe('the RPC signature, against Alibaba Cloud\'s worked SendSms example', () => {
  // 阿里云短信服务「请求签名」, https://help.aliyun.com/document_detail/101343.html (earlier as
  // 「HTTP协议及签名」, https://help.aliyun.com/document_detail/56189.html): AccessKeyId `testId`,
  // secret `testSecret`, a SendSms GET with the parameters below, signed
  // `zJDF+Lrzhj/ThnlvIToysFRq6t4=` (`zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D` in the URL).
  const operation = {
    Action: 'SendSms',
    Version: '2017-05-25',
    RegionId: 'cn-hangzhou',
    PhoneNumbers: '15300000001',
    SignName: '阿里云短信测试专用',
    TemplateParam: '{"customer":"test"}',
    TemplateCode: 'SMS_71390007',
    OutId: '123',
  };
  const signing = { accessKeyId: 'testId', accessKeySecret: 'testSecret', timestamp: '2017-07-12T02:42:19Z', nonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', format: 'XML' } as const;
  const publishedStringToSign =
    'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25';

  it('builds the published string to sign', () => {
    // Act
    const { Signature: _signature, ...params } = signedRpcParams('GET', operation, signing);

    // Assess
    expect(rpcStringToSign('GET', params)).toBe(publishedStringToSign);
  });

  it('signs it as the page does', () => {
    // Act
    const params = signedRpcParams('GET', operation, signing);

    // Assess
    expect(params.Signature).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(percentEncode(params.Signature ?? '')).toBe('zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D');
  });

  it('encodes what encodeURIComponent leaves, and leaves the tilde', () => {
    // Act
    const encoded = percentEncode("a b*c~d!'()");

    // Assess
    expect(encoded).toBe('a%20b%2Ac~d%21%27%28%29');
  });
});

describe('the Alibaba Cloud SMS notifier', () => {
  const options = {
    accessKeyId: 'LTAItest',
    accessKeySecret: 'secret-test',
    signName: '清廉履责',
    templates: { reminder: 'SMS_480000001' },
    now: () => new Date('2027-01-24T01:02:03.456Z'),
    nonce: () => 'nonce-1',
  };

  it('posts a signed SendSms with the template, the number and the reminder id', async () => {
    // Prepare
    const { calls, fetch } = recordingFetch(json({ Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5' }));

    // Act
    await aliyunSmsNotifier({ ...options, fetch }).send(message({ to: '+86 138-0013-8000' }));

    // Assess
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe('https://dysmsapi.aliyuncs.com/');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    const sent = Object.fromEntries(new URLSearchParams(String(init.body)));
    expect(sent).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      RegionId: 'cn-hangzhou',
      PhoneNumbers: '13800138000',
      SignName: '清廉履责',
      TemplateCode: 'SMS_480000001',
      OutId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
      AccessKeyId: 'LTAItest',
      Format: 'JSON',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'nonce-1',
      Timestamp: '2027-01-24T01:02:03Z',
    });
    expect(JSON.parse(sent.TemplateParam ?? '')).toEqual({ title: '2026年度报告', dueDate: '2027年1月31日', link });
    const { Signature, ...signed } = sent;
    expect(Signature).toBe(rpcSignature('secret-test', 'POST', signed));
  });

  it.each([
    ['isv.MOBILE_NUMBER_ILLEGAL', 200, false],
    ['isv.SMS_TEMPLATE_ILLEGAL', 200, false],
    ['InvalidAccessKeyId.NotFound', 404, false],
    ['isv.BUSINESS_LIMIT_CONTROL', 200, true],
    ['Throttling.User', 400, true],
    ['isp.SYSTEM_ERROR', 200, true],
  ])('reads Code %s (HTTP %i) as a failure, retryable: %s', async (code, status, retryable) => {
    // Prepare
    const { fetch } = recordingFetch(json({ Code: code, Message: '失败', RequestId: 'R' }, status));

    // Act
    const error = await failureOf(aliyunSmsNotifier({ ...options, fetch }).send(message()));

    // Assess
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('takes a gateway error and an unreachable endpoint as passing', async () => {
    // Prepare
    const down = recordingFetch(new Response('<html>Bad Gateway</html>', { status: 502 }));
    const unreachable = recordingFetch(new TypeError('fetch failed'));

    // Act
    const errors = await Promise.all([down, unreachable].map(({ fetch }) => failureOf(aliyunSmsNotifier({ ...options, fetch }).send(message()))));

    // Assess
    expect(errors.map((e) => [e.code, e.retryable])).toEqual([
      ['HTTP 502', true],
      ['network', true],
    ]);
  });

  it('refuses, without a call, a template it has no code for and a number that is not a mainland mobile', async () => {
    // Prepare
    const { calls, fetch } = recordingFetch(json({ Code: 'OK' }));
    const notifier = aliyunSmsNotifier({ ...options, fetch });

    // Act
    const errors = await Promise.all([
      failureOf(notifier.send(message({ template: { code: 'escalation', params: {} } }))),
      failureOf(notifier.send(message({ to: '010-12345678' }))),
    ]);

    // Assess
    expect(errors.map((e) => e.retryable)).toEqual([false, false]);
    expect(calls).toHaveLength(0);
  });
});

describe('the Tencent Cloud SMS notifier', () => {
  const options = {
    secretId: 'AKIDtest',
    secretKey: 'secret-test',
    sdkAppId: '1400000001',
    signName: '清廉履责',
    templates: { reminder: { id: '2000001', params: ['title', 'dueDate', 'link'] } },
    // 00:30 on 14 January in Beijing is still 13 January in UTC, the date the scope must carry.
    now: () => new Date('2027-01-14T00:30:00+08:00'),
  };
  const ok = json({ Response: { SendStatusSet: [{ SerialNo: '5000:1', PhoneNumber: '+8613800138000', Fee: 1, SessionContext: 'x', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'a0aabda6' } });

  it('posts a signed SendSms with the template values in the template\'s order and the reminder id', async () => {
    // Prepare
    const { calls, fetch } = recordingFetch(ok);

    // Act
    await tencentSmsNotifier({ ...options, fetch }).send(message());

    // Assess
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    const headers = init.headers as Record<string, string>;
    expect(url).toBe('https://sms.tencentcloudapi.com/');
    expect(init.method).toBe('POST');
    expect(headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
      'x-tc-timestamp': String(Date.parse('2027-01-14T00:30:00+08:00') / 1000),
    });
    expect(JSON.parse(String(init.body))).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: '清廉履责',
      TemplateId: '2000001',
      TemplateParamSet: ['2026年度报告', '2027年1月31日', link],
      SessionContext: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
    });
    // The signature covers the very bytes that were sent.
    const expected = tc3Sign({ secretId: 'AKIDtest', secretKey: 'secret-test', service: 'sms', host: 'sms.tencentcloudapi.com', action: 'SendSms', payload: String(init.body), timestamp: Number(headers['x-tc-timestamp']) });
    expect(headers.authorization).toBe(expected.authorization);
    expect(headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/2027-01-13\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/);
  });

  it.each([
    ['a number refused in the status set', false, { SendStatusSet: [{ Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'incorrect number format' }] }, 'InvalidParameterValue.IncorrectPhoneNumber'],
    ['a template not approved', false, { SendStatusSet: [{ Code: 'FailedOperation.TemplateIncorrectOrUnapproved', Message: 'template unapproved' }] }, 'FailedOperation.TemplateIncorrectOrUnapproved'],
    ['a refused signature', false, { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'signature failure' } }, 'AuthFailure.SignatureFailure'],
    ['a timeout inside the service', true, { Error: { Code: 'InternalError.Timeout', Message: 'timeout' } }, 'InternalError.Timeout'],
    ['the request rate limit', true, { Error: { Code: 'RequestLimitExceeded', Message: 'too many requests' } }, 'RequestLimitExceeded'],
  ])('reads %s as a failure, retryable: %s', async (_case, retryable, response, code) => {
    // Prepare
    const { fetch } = recordingFetch(json({ Response: { ...response, RequestId: 'r' } }));

    // Act
    const error = await failureOf(tencentSmsNotifier({ ...options, fetch }).send(message()));

    // Assess
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('takes a server error and an unreachable host as passing', async () => {
    // Prepare
    const down = recordingFetch(new Response('upstream error', { status: 503 }));
    const unreachable = recordingFetch(new TypeError('fetch failed'));

    // Act
    const errors = await Promise.all([down, unreachable].map(({ fetch }) => failureOf(tencentSmsNotifier({ ...options, fetch }).send(message()))));

    // Assess
    expect(errors.map((e) => e.retryable)).toEqual([true, true]);
  });

  it('refuses a message that lacks one of the template\'s variables, without a call', async () => {
    // Prepare
    const { calls, fetch } = recordingFetch(ok);

    // Act
    const error = await failureOf(tencentSmsNotifier({ ...options, fetch }).send(message({ template: { code: 'reminder', params: { title: 't', link } } })));

    // Assess
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('dueDate');
    expect(calls).toHaveLength(0);
  });
});

describe('the SES notifier', () => {
  it('sends a simple UTF-8 email from the configured sender, tagged with the reminder id', async () => {
    // Prepare
    const sent: unknown[] = [];
    const notifier = sesNotifier({ from: '清廉履责 <noreply@qlzr.example.gov.cn>', send: async (command) => void sent.push(command) });

    // Act
    await notifier.send(message({ channel: 'email', to: 'secretary@unit.example.gov.cn' }));

    // Assess
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(SendEmailCommand);
    expect((sent[0] as SendEmailCommand).input).toEqual({
      FromEmailAddress: '清廉履责 <noreply@qlzr.example.gov.cn>',
      Destination: { ToAddresses: ['secretary@unit.example.gov.cn'] },
      Content: {
        Simple: {
          Subject: { Data: '年度报告报送提醒', Charset: 'UTF-8' },
          Body: { Text: { Data: message().text, Charset: 'UTF-8' } },
        },
      },
      EmailTags: [{ Name: 'reminder', Value: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70' }],
    });
  });

  it.each([
    ['a rejected message', false, () => new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } })],
    ['throttling', true, () => new TooManyRequestsException({ message: 'Too many requests', $metadata: { httpStatusCode: 429 } })],
    ['a server fault', true, () => Object.assign(new Error('Service unavailable'), { name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 503 } })],
    ['no answer at all', true, () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })],
  ])('reads %s as retryable: %s', async (_case, retryable, makeError) => {
    // Prepare
    const thrown = makeError();
    const notifier = sesNotifier({ from: 'noreply@qlzr.example.gov.cn', send: async () => Promise.reject(thrown) });

    // Act
    const error = await failureOf(notifier.send(message({ channel: 'email', to: 'a@b.example' })));

    // Assess
    expect(error.retryable).toBe(retryable);
    expect(error.cause).toBe(thrown);
  });
});

describe('the SNS notifier', () => {
  it('publishes the text to the number in E.164 as a transactional SMS', async () => {
    // Prepare
    const sent: unknown[] = [];
    const notifier = snsNotifier({ send: async (command) => void sent.push(command) });

    // Act
    await notifier.send(message({ to: '13800138000' }));

    // Assess
    expect(sent[0]).toBeInstanceOf(PublishCommand);
    expect((sent[0] as PublishCommand).input).toEqual({
      PhoneNumber: '+8613800138000',
      Message: message().text,
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it.each([
    ['an invalid parameter', false, () => new InvalidParameterException({ message: 'Invalid parameter: PhoneNumber', $metadata: { httpStatusCode: 400 } })],
    ['throttling', true, () => new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } })],
    ['an internal error', true, () => new InternalErrorException({ message: 'Internal error', $metadata: { httpStatusCode: 500 } })],
  ])('reads %s as retryable: %s', async (_case, retryable, makeError) => {
    // Prepare
    const notifier = snsNotifier({ send: async () => Promise.reject(makeError()) });

    // Act
    const error = await failureOf(notifier.send(message()));

    // Assess
    expect(error.retryable).toBe(retryable);
  });
});

/** A notifier that fails with `failures` in turn, then succeeds. */
const scripted = (...failures: unknown[]): Notifier & { calls: number } => {
  const notifier = {
    provider: 'test',
    channel: 'sms' as const,
    calls: 0,
    send: async () => {
      notifier.calls += 1;
      const failure = failures[notifier.calls - 1];
      if (failure !== undefined) throw failure;
    },
  };
  return notifier;
};

const passing = () => new DeliveryError('服务暂不可用', { retryable: true, code: 'InternalError' });

describe('sending with retries', () => {
  it('waits longer before each retry', async () => {
    // Prepare
    const waits: number[] = [];
    const notifier = scripted(passing(), passing(), passing(), passing());

    // Act
    await sendWithRetry(notifier, message(), { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });

    // Assess
    expect(waits).toEqual([100, 200, 400]);
  });

  it('keeps each wait within [0, min(cap, base × 2^(n-1)))', () => {
    // Prepare
    const draws = [0, 0.25, 0.5, 0.999999];

    // Act
    const waits = [1, 2, 3, 4, 5, 6].flatMap((retry) => draws.map((draw) => ({ retry, wait: backoffDelay(retry, 200, 3000, () => draw) })));

    // Assess
    for (const { retry, wait } of waits) {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(Math.min(3000, 200 * 2 ** (retry - 1)));
    }
    expect(waits.filter(({ retry }) => retry === 6).map(({ wait }) => wait)).toEqual([0, 750, 1500, 2999]);
  });

  it('stops at once on an error that retrying cannot fix', async () => {
    // Prepare
    const waits: number[] = [];
    const notifier = scripted(new DeliveryError('号码格式错误', { retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' }));

    // Act
    const outcome = await sendWithRetry(notifier, message(), { sleep: async (ms) => void waits.push(ms) });

    // Assess
    expect(outcome).toEqual({ ok: false, attempts: 1, reason: 'isv.MOBILE_NUMBER_ILLEGAL: 号码格式错误', retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' });
    expect(notifier.calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('gives up after every attempt when the provider stays down, without throwing', async () => {
    // Prepare
    const notifier = scripted(passing(), passing(), passing(), passing(), passing());

    // Act
    const outcome = await sendWithRetry(notifier, message(), { sleep: async () => undefined });

    // Assess
    expect(outcome).toEqual({ ok: false, attempts: 4, reason: 'InternalError: 服务暂不可用', retryable: true, code: 'InternalError' });
    expect(notifier.calls).toBe(4);
  });

  it('reports the attempt that got through', async () => {
    // Prepare
    const waits: number[] = [];
    const notifier = scripted(passing(), new TypeError('fetch failed'));

    // Act
    const outcome = await sendWithRetry(notifier, message(), { sleep: async (ms) => void waits.push(ms), random: () => 0 });

    // Assess
    expect(outcome).toEqual({ ok: true, attempts: 3 });
    expect(waits).toHaveLength(2);
  });
});

describe('the local stand-in', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'notify-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A clock that moves a minute on at each read. */
  const ticking = () => {
    let minute = 0;
    return () => new Date(Date.UTC(2027, 0, 24, 1, minute++));
  };

  it('writes one line per message to the channel\'s file and reads them back newest first', async () => {
    // Prepare
    const now = ticking();
    const email = localCaptureNotifier({ dir, channel: 'email', now, env: {} });
    const sms = localCaptureNotifier({ dir, channel: 'sms', now, env: {} });

    // Act
    await email.send(message({ channel: 'email', to: 'a@unit.example', reference: 'r1' }));
    await sms.send(message({ reference: 'r2' }));
    await email.send(message({ channel: 'email', to: 'b@unit.example', reference: 'r3' }));

    // Assess
    const lines = (await readFile(path.join(dir, 'email.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { at: '2027-01-24T09:00:00.000+08:00', provider: 'local', channel: 'email', to: 'a@unit.example', subject: '年度报告报送提醒', text: message().text, reference: 'r1' },
      { at: '2027-01-24T09:02:00.000+08:00', provider: 'local', channel: 'email', to: 'b@unit.example', subject: '年度报告报送提醒', text: message().text, reference: 'r3' },
    ]);
    expect((await readCaptured(dir, 10)).map((m) => m.reference)).toEqual(['r3', 'r2', 'r1']);
    expect((await readCaptured(dir, 2)).map((m) => m.reference)).toEqual(['r3', 'r2']);
    expect((await readCaptured(dir, 10, 'sms')).map((m) => m.reference)).toEqual(['r2']);
  });

  it('reads nothing from a folder nothing was written to', async () => {
    // Act
    const captured = await readCaptured(path.join(dir, 'none'), 10);

    // Assess
    expect(captured).toEqual([]);
  });

  it('fails as a provider that is down when told to, by option or by LOCAL_NOTIFY_FAIL, and writes nothing', async () => {
    // Prepare
    const byOption = localCaptureNotifier({ dir, channel: 'sms', failChannels: new Set(['sms']) });
    const byEnv = localCaptureNotifier({ dir, channel: 'sms', env: { LOCAL_NOTIFY_FAIL: 'email, sms' } });
    const emailStillUp = localCaptureNotifier({ dir, channel: 'email', failChannels: new Set(['sms']) });

    // Act
    const errors = await Promise.all([failureOf(byOption.send(message())), failureOf(byEnv.send(message()))]);
    const outcome = await sendWithRetry(byEnv, message(), { sleep: async () => undefined });
    await emailStillUp.send(message({ channel: 'email', reference: 'r-email' }));

    // Assess
    expect(errors.map((e) => e.retryable)).toEqual([true, true]);
    expect(outcome).toMatchObject({ ok: false, attempts: 4 });
    expect((await readCaptured(dir, 10)).map((m) => [m.channel, m.reference])).toEqual([['email', 'r-email']]);
  });
});

describe('the length of an SMS', () => {
  it.each([
    [0, 0],
    [1, 1],
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [160, 3],
  ])('of %i characters is %i message(s)', (length, segments) => {
    // Act
    const counted = smsSegments('廉'.repeat(length));

    // Assess
    expect(counted).toBe(segments);
  });

  it('counts a character outside the BMP as one', () => {
    // Act
    const counted = smsSegments(`${'廉'.repeat(69)}😀`);

    // Assess
    expect(counted).toBe(1);
  });

  it('shortens a long reminder to one message and keeps its link whole', () => {
    // Prepare
    const text = `【清廉履责】整改事项「${'落实中央八项规定精神问题整改'.repeat(4)}」须于2027年3月31日前完成整改，还剩7天。办理：${link}`;

    // Act
    const fitted = fitSms(text);

    // Assess
    expect(smsSegments(text)).toBeGreaterThan(1);
    expect(smsSegments(fitted)).toBe(1);
    expect(fitted.startsWith('【清廉履责】整改事项「')).toBe(true);
    expect(fitted.endsWith(`…办理：${link}`)).toBe(true);
  });

  it('fits in two messages when two are allowed', () => {
    // Prepare
    const text = `【清廉履责】${'廉'.repeat(200)}。详情：${link}`;

    // Act
    const fitted = fitSms(text, 2);

    // Assess
    expect(smsLength(fitted)).toBe(134);
    expect(fitted.endsWith(`详情：${link}`)).toBe(true);
  });

  it('never cuts a surrogate pair in two', () => {
    // Prepare
    const text = `${'😀'.repeat(100)}${link}`;

    // Act
    const fitted = fitSms(text);

    // Assess
    expect(fitted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(smsSegments(fitted)).toBe(1);
    expect(fitted.endsWith(`…${link}`)).toBe(true);
  });

  it('leaves a text that fits as it is', () => {
    // Prepare
    const text = `【清廉履责】2026年度报告须于2027年1月31日前报送，还剩7天。办理：https://qlzr.cn/r/1`;

    // Act
    const fitted = fitSms(text);

    // Assess
    expect(smsSegments(text)).toBe(1);
    expect(fitted).toBe(text);
  });
});

describe('the notifiers the environment selects', () => {
  it('are the local stand-ins by default', () => {
    // Act
    const notifiers = notifiersFromEnv({ LOCAL_MAILBOX_DIR: 'mailbox' });

    // Assess
    expect([notifiers.email?.provider, notifiers.email?.channel, notifiers.sms.provider, notifiers.sms.channel]).toEqual(['local', 'email', 'local', 'sms']);
  });

  it('are the providers named, with their settings', () => {
    // Act
    const notifiers = notifiersFromEnv({
      EMAIL_PROVIDER: 'ses',
      SES_FROM_ADDRESS: 'noreply@qlzr.example.gov.cn',
      SES_REGION: 'ap-southeast-1',
      SMS_PROVIDER: 'tencent',
      TENCENT_SECRET_ID: 'AKIDtest',
      TENCENT_SECRET_KEY: 'secret',
      TENCENT_SMS_SDK_APP_ID: '1400000001',
      TENCENT_SMS_SIGN_NAME: '清廉履责',
      TENCENT_SMS_TEMPLATES: '{"reminder":"2000001"}',
    });

    // Assess
    expect([notifiers.email?.provider, notifiers.sms.provider]).toEqual(['ses', 'tencent']);
  });

  it('have no email notifier where the deployment sends no email (the China regions have no SES)', () => {
    // Act
    const notifiers = notifiersFromEnv({ EMAIL_PROVIDER: 'none', SMS_PROVIDER: 'local', LOCAL_MAILBOX_DIR: 'mailbox' });

    // Assess
    expect(notifiers.email).toBeUndefined();
    expect(notifiers.sms.provider).toBe('local');
  });

  it.each([
    [{}, /LOCAL_MAILBOX_DIR is not set/],
    [{ EMAIL_PROVIDER: 'ses', LOCAL_MAILBOX_DIR: 'mailbox' }, /EMAIL_PROVIDER=ses.*SES_FROM_ADDRESS is not set/],
    [{ SMS_PROVIDER: 'aliyun', LOCAL_MAILBOX_DIR: 'mailbox', ALIYUN_ACCESS_KEY_ID: 'id', ALIYUN_ACCESS_KEY_SECRET: '', ALIYUN_SMS_SIGN_NAME: '清廉履责', ALIYUN_SMS_TEMPLATES: '{"reminder":"SMS_1"}' }, /SMS_PROVIDER=aliyun.*ALIYUN_ACCESS_KEY_SECRET is not set/],
    [{ SMS_PROVIDER: 'aliyun', LOCAL_MAILBOX_DIR: 'mailbox', ALIYUN_ACCESS_KEY_ID: 'id', ALIYUN_ACCESS_KEY_SECRET: 's', ALIYUN_SMS_SIGN_NAME: '清廉履责', ALIYUN_SMS_TEMPLATES: 'SMS_1' }, /ALIYUN_SMS_TEMPLATES is not valid JSON/],
    [{ SMS_PROVIDER: 'twilio', LOCAL_MAILBOX_DIR: 'mailbox' }, /SMS_PROVIDER/],
  ])('are refused with the variable named when a setting is wrong (%#)', (env, expected) => {
    // Act
    const act = () => notifiersFromEnv(env);

    // Assess
    expect(act).toThrow(expected);
  });
});
