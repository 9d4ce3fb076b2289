// The eta templates in ../views/, found beside this file both in src/ (vitest) and in dist/ (the build copies .eta
// files next to the compiled .js). `<%= %>` escapes; `<%~ %>` is used only for the layout body and partials, never
// for data. Templates are compiled once and cached.
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export const VIEWS_DIR = fileURLToPath(new URL('../views/', import.meta.url));
export const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));

export class Views {
  readonly #eta = new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true, autoTrim: [false, 'nl'] });

  render(view: string, data: object): string {
    return this.#eta.render(view, data);
  }
}
