import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import { AppError, ValidationError } from '../errors.js';
import { problemContentType, type Problem } from './problem.js';

/** Maps an error to the RFC 9457 problem it is answered with; unknown errors are a bare 500. */
export const toProblem = (error: unknown, instance?: string): Problem => {
  if (error instanceof AppError) {
    return {
      type: `/problems/${error.slug}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(instance ? { instance } : {}),
      ...(error instanceof ValidationError && error.errors.length > 0 ? { errors: [...error.errors] } : {}),
    };
  }
  return { type: '/problems/internal', title: '服务器内部错误', status: 500, ...(instance ? { instance } : {}) };
};

/** The middleware that answers every error as `application/problem+json`. */
export const problemJson = (
  logger: Logger,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    const problem = toProblem(request.error, request.event.rawPath);
    if (problem.status >= 500) logger.error('Unhandled error', { error: request.error as Error });
    else logger.info('Request refused', { status: problem.status, detail: problem.detail });
    request.response = {
      statusCode: problem.status,
      headers: { 'content-type': problemContentType },
      body: JSON.stringify(problem),
    };
  },
});
