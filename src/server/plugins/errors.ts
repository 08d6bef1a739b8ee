import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorResponse, FieldError } from '../../shared/contracts/common.js';
import { AppError, STATUS_BY_CODE } from '../errors.js';

const PLAIN_MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'Some fields need attention.',
  NOT_FOUND: 'Nothing here.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as JSON (Content-Type: application/json).',
  RATE_LIMITED: 'Too many attempts. Wait a little and try again.',
  INTERNAL: 'Something went wrong on our side. Nothing was changed; please try again.',
  UNAVAILABLE: 'The service is not available right now.',
};

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message?: string, fields?: FieldError[]) {
  const body: ErrorResponse = {
    error: { code, message: message ?? PLAIN_MESSAGES[code] ?? code, requestId: request.id, ...(fields ? { fields } : {}) },
  };
  return reply.code(STATUS_BY_CODE[code]).type('application/json; charset=utf-8').send(body);
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: { keys?: string[] };
}

function fieldsFrom(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      return issue.params.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'This field is not accepted here.' }));
    }
    const where = path === '' && context && context !== 'body' ? context : path;
    return [{ path: where, message: issue.message ?? 'This value is not valid.' }];
  });
}

/** Maps every failure to the one error shape. 5xx bodies never carry detail; the log does. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendError(reply, request, error.code, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(reply, request, 'VALIDATION_FAILED', undefined, fieldsFrom(error.validation as ValidationIssue[], error.validationContext));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      return sendError(reply, request, 'INTERNAL');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, request, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, request, 'UNSUPPORTED_MEDIA_TYPE');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, request, 'VALIDATION_FAILED', 'The request body is empty; send a JSON object.', [{ path: '', message: 'Send a JSON object.' }]);
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(reply, request, 'VALIDATION_FAILED', 'The request body is not valid JSON.', [{ path: '', message: 'Send valid JSON.' }]);
    }
    if (error.statusCode === 429) {
      return sendError(reply, request, 'RATE_LIMITED', error.message || undefined);
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return sendError(reply, request, 'VALIDATION_FAILED', 'The request could not be read.', [{ path: '', message: 'The request is malformed.' }]);
    }
    if (error.statusCode === 404) return sendError(reply, request, 'NOT_FOUND');
    if (error.statusCode === 413) return sendError(reply, request, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode === 415) return sendError(reply, request, 'UNSUPPORTED_MEDIA_TYPE');
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
}
