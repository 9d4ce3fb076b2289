// Sends a full HTML page: the view inside the layout (../views/layout.eta) with the header, the profile menu of the
// signed-in person, the CSRF token for forms, and the status code. The menu reads Elentra's settings on each page;
// if Elentra cannot be read the page still renders, without those entries.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ElentraHandle } from '../../elentra/index.js';
import { readMicrosoftSettings } from '../../elentra/index.js';
import { buildProfileMenu, type MenuItem } from '../menu/profile-menu.js';
import { CSRF_FIELD } from '../security/csrf.js';
import type { SessionUser } from '../security/session.js';
import type { WebLink } from '../web-context.js';
import type { Views } from './views.js';

/** What the layout needs besides the view's own data. */
export interface PageChrome {
  title: string;
  user: SessionUser | null;
  csrf: string | null;
  csrfField: string;
  menu: MenuItem[];
  links: readonly WebLink[];
  path: string;
  /** `<meta http-equiv="refresh">`: seconds and the address to load (the sync dashboard while a run is going). */
  refresh: { seconds: number; url: string } | null;
}

export interface PageRendererDeps {
  views: Views;
  elentra: ElentraHandle;
  organisationId: number;
  links: readonly WebLink[];
}

export class PageRenderer {
  readonly #deps: PageRendererDeps;

  constructor(deps: PageRendererDeps) {
    this.#deps = deps;
  }

  async send<Data extends { title: string; refresh?: PageChrome['refresh'] }>(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    data: Data,
    status = 200,
  ): Promise<FastifyReply> {
    const user = request.session?.user ?? null;
    const chrome: PageChrome = {
      title: data.title,
      user,
      csrf: request.session?.csrf ?? null,
      csrfField: CSRF_FIELD,
      menu: user ? await this.#menu(request, user) : [],
      links: this.#deps.links,
      path: request.url.split('?')[0] ?? '/',
      refresh: data.refresh ?? null,
    };
    const html = this.#deps.views.render(view, { ...data, chrome });
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  }

  async #menu(request: FastifyRequest, user: SessionUser): Promise<MenuItem[]> {
    try {
      const settings = await readMicrosoftSettings(this.#deps.elentra, this.#deps.organisationId);
      return buildProfileMenu(settings, user.role);
    } catch (error) {
      request.log.warn({ err: error }, 'could not read the Elentra settings for the profile menu');
      return buildProfileMenu({ menuOrdering: null, teamsEnabled: false }, user.role);
    }
  }
}
