// The web app: createWebServer() and what the CLI needs for accounts. Routes are in routes/, views in views/.
export { createAccount, findAccount, MIN_PASSWORD_LENGTH, passwordProblem, WEB_ROLES } from './auth/accounts.js';
export { DEMO_ADMIN_USERNAME, ensureDemoAdmin } from './auth/demo-admin.js';
export { createWebServer, type WebServerOptions } from './create-server.js';
export type { WebRole } from './security/session.js';
export { DEFAULT_ORGANISATION_ID, type WebLink } from './web-context.js';
