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

/** The body or a parameter does not fit its schema, or is not JSON. */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly slug = 'validation';
  readonly title = '请求内容不符合要求';
  constructor(
    message: string,
    readonly errors: readonly FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly slug = 'unauthorized';
  readonly title = '未登录或令牌无效';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = '无权进行此操作';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = '对象不存在';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = '状态冲突';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = '请求内容过大';
}
