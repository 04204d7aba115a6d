/**
 * Typed errors. Use cases throw them; one middleware (`shared/http/problemJson.ts`) maps them to
 * RFC 9457 problem+json with the status each class carries.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Base of every error the API answers on purpose; anything else is a 500. */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  /** A short, user-facing title in Chinese. */
  abstract readonly title: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The base class of one kind of refusal: its status, the slug of its problem type and its title. */
const refusal = (status: number, slug: string, title: string) =>
  class extends AppError {
    readonly status = status;
    readonly slug = slug;
    readonly title = title;
  };

/** The body or a parameter does not fit its schema, or is not JSON. */
export class ValidationError extends refusal(400, 'validation', '请求内容不符合要求') {
  constructor(
    message: string,
    readonly errors: readonly FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class UnauthorizedError extends refusal(401, 'unauthorized', '未登录或令牌无效') {}

export class ForbiddenError extends refusal(403, 'forbidden', '无权进行此操作') {}

export class NotFoundError extends refusal(404, 'not-found', '对象不存在') {}

/** A route that exists, called with a method it does not have. */
export class MethodNotAllowedError extends refusal(405, 'method-not-allowed', '不支持该请求方法') {
  constructor(
    message: string,
    /** The methods the path has, for the `Allow` header. */
    readonly allowed: readonly string[],
  ) {
    super(message);
  }
}

export class ConflictError extends refusal(409, 'conflict', '状态冲突') {}

export class PayloadTooLargeError extends refusal(413, 'payload-too-large', '请求内容过大') {}

export class UriTooLongError extends refusal(414, 'uri-too-long', '请求地址过长') {}

export class UnsupportedMediaTypeError extends refusal(415, 'unsupported-media-type', '请求内容类型不受支持') {}

/** The request repeats an `Idempotency-Key` with another body. */
export class UnprocessableError extends refusal(422, 'unprocessable', '请求无法处理') {}

/**
 * A well-formed request that the domain's rules refuse (a list for a post of the wrong role, a
 * letter whose parties have no holder): 422, naming each field or item concerned.
 */
export class RuleError extends refusal(422, 'rule-violated', '不符合业务规则') {
  constructor(
    message: string,
    readonly errors: readonly FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Too many requests from one client address, or for one receipt code, within a window. */
export class TooManyRequestsError extends refusal(429, 'too-many-requests', '请求过于频繁，请稍后再试') {
  constructor(
    message: string,
    /** Seconds until the window ends, for the `Retry-After` header. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class HeadersTooLargeError extends refusal(431, 'headers-too-large', '请求头过大') {}
