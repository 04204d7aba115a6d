import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import { AppError, MethodNotAllowedError, RuleError, TooManyRequestsError, ValidationError } from '../errors.js';
import { problemContentType, type Problem } from './problem.js';

/**
 * Maps an error to the RFC 9457 problem it is answered with. An error that is not an `AppError` is
 * a 500 that says nothing of its cause: no internal message ever reaches a client.
 */
export const toProblem = (error: unknown, instance?: string): Problem => {
  if (error instanceof AppError) {
    return {
      type: `/problems/${error.slug}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(instance ? { instance } : {}),
      ...((error instanceof ValidationError || error instanceof RuleError) && error.errors.length > 0 ? { errors: [...error.errors] } : {}),
    };
  }
  return { type: '/problems/internal', title: '服务器内部错误', status: 500, ...(instance ? { instance } : {}) };
};

/** The response headers of a problem: its content type, `Allow` for a 405 and `Retry-After` for a 429. */
export const problemHeaders = (error: unknown): Record<string, string> => ({
  'content-type': problemContentType,
  ...(error instanceof MethodNotAllowedError ? { allow: error.allowed.join(', ') } : {}),
  ...(error instanceof TooManyRequestsError ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
});

/**
 * The middleware that answers every error as `application/problem+json`. Every 5xx is logged as an
 * error (with the correlation id the logger carries); refusals are logged at info.
 */
export const problemJson = (
  logger: Logger,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    const problem = toProblem(request.error, request.event.rawPath);
    if (problem.status >= 500) logger.error('Unhandled error', { error: request.error as Error });
    else logger.info('Request refused', { status: problem.status, detail: problem.detail });
    request.response = { statusCode: problem.status, headers: problemHeaders(request.error), body: JSON.stringify(problem) };
  },
});
