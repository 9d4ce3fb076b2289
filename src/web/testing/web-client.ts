// A browser-like client over Fastify's inject for route tests: keeps cookies, finds the CSRF token in the last page,
// posts forms, signs in. No redirects are followed: tests assert on them.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Page {
  status: number;
  headers: LightMyRequestResponse['headers'];
  body: string;
  location: string | undefined;
}

const CSRF_INPUT = /name="_csrf" value="([^"]+)"/;

export class WebClient {
  readonly cookies = new Map<string, string>();
  lastBody = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  /** The CSRF token of the last page that had a form. */
  csrf(): string {
    const match = CSRF_INPUT.exec(this.lastBody);
    if (!match?.[1]) throw new Error('The last page had no CSRF token');
    return match[1];
  }

  get(url: string): Promise<Page> {
    return this.request('GET', url);
  }

  /** Posts a form; `_csrf` is the last page's token unless the form gives one (or `null` to send none). */
  post(url: string, form: Record<string, string | null>): Promise<Page> {
    const fields: Record<string, string> = {};
    if (!('_csrf' in form)) fields._csrf = this.csrf();
    for (const [name, value] of Object.entries(form)) if (value !== null) fields[name] = value;
    return this.request('POST', url, new URLSearchParams(fields).toString());
  }

  async signIn(username: string, password: string, next?: string): Promise<Page> {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password, ...(next ? { next } : {}) });
  }

  async request(method: 'GET' | 'POST', url: string, payload?: string): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const set of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = set.maxAge === 0 || (set.expires !== undefined && set.expires.getTime() <= Date.now());
      if (expired || set.value === '') this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    if (response.body.includes('<form')) this.lastBody = response.body;
    const location = response.headers.location;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body,
      location: typeof location === 'string' ? location : undefined,
    };
  }
}
