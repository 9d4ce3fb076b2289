// The web app's logger: pino through Fastify, at LOG_LEVEL. What may reach a log line is decided here: requests are
// logged as method and path only (the query of /api/ms-graph-oauth.php holds the authorization code and state; a
// sign-in `next` may hold anything), never headers; and any field that looks like a credential is redacted, in case
// a future log call passes one.
import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { LogLevel } from '../../config/index.js';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.code',
  '*.state',
  '*.code_verifier',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.client_secret',
  '*.clientSecret',
  '*._csrf',
  '*.csrf',
];

function pathOf(url: string): string {
  return url.split('?')[0] ?? '/';
}

export function loggerOptions(
  level: LogLevel,
  stream?: DestinationStream,
): LoggerOptions & {
  stream?: DestinationStream;
} {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, path: pathOf(request.url), ip: request.ip }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    ...(stream ? { stream } : {}),
  };
}
