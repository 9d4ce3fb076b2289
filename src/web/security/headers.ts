// Security headers on every answer. The CSP allows nothing but this site's own styles and images, no script at all
// (the app has none), no framing, and form posts only to this site and to Microsoft's sign-in: Chromium applies
// `form-action` to the redirects that follow a form post too, and Authorize Account posts here and is redirected to
// MS_LOGIN_URL. Pages are `no-store`: they carry CSRF tokens and account details.
import type { FastifyInstance } from 'fastify';

export function contentSecurityPolicy(loginUrl: string): string {
  const loginOrigin = new URL(loginUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${loginOrigin}`,
  ].join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance, options: { loginUrl: string; https: boolean }): void {
  const csp = contentSecurityPolicy(options.loginUrl);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (options.https) reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (!request.url.startsWith('/static/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
