// The sign-in pages' form posts: `POST /common/login` (user name, then password when the seed user has one) and
// `POST /common/Consent/Set` (Accept → code, Cancel → `access_denied` AADSTS65004). Each step reads the flow kept
// server-side (flows.ts); only its id comes from the browser.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { findApp, findUser } from '../tenant/lookup.js';
import { completeSignIn, consentRequired } from './complete-sign-in.js';
import { decideConsent } from './consent.js';
import { aadError, errorRedirectUrl, sendErrorPage } from './errors.js';
import type { SignInFlow } from './flows.js';
import { formBody } from './form.js';
import type { Identity } from './identity.js';
import { CONSENT_PATH, consentPage } from './pages/consent-page.js';
import { passwordPage, SIGN_IN_PATH, signInPage } from './pages/sign-in-page.js';

const FLOW_LOST = aadError(
  'invalid_request',
  90014,
  'The sign-in session is unknown or has expired. Start the sign-in again from the application.',
);

function html(reply: FastifyReply, body: string, status = 200) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

export function registerSignInRoutes(app: FastifyInstance, ctx: EmulatorContext, identity: Identity): void {
  /** After the user is known: the consent page, or back to the app when an admin-only scope cannot be granted. */
  const showConsent = (reply: FastifyReply, flowId: string, flow: SignInFlow, userId: string) => {
    const registered = findApp(ctx.tenant, flow.request.clientId);
    const user = findUser(ctx.tenant, userId);
    if (!registered || !user) return sendErrorPage(reply, FLOW_LOST, ctx.now());
    const decision = decideConsent(registered, user, flow.request.scopes, identity.consents);
    if (!decision.ok) {
      identity.flows.delete(flowId);
      const err = consentRequired(registered.clientId, registered.displayName, decision.needsAdmin);
      return reply.redirect(errorRedirectUrl(flow.request.redirectUri, err, ctx.now(), flow.request.state), 302);
    }
    return html(reply, consentPage({ flowId, app: registered, user, scopes: decision.granted }));
  };

  app.post(SIGN_IN_PATH, async (req, reply) => {
    const form = formBody(req.body);
    const flowId = form.flow ?? '';
    const flow = identity.flows.get(flowId, ctx.now());
    if (!flow) return sendErrorPage(reply, FLOW_LOST, ctx.now());
    const appName = findApp(ctx.tenant, flow.request.clientId)?.displayName ?? flow.request.clientId;

    if (form.username === undefined && flow.pendingUserId) {
      const user = findUser(ctx.tenant, flow.pendingUserId);
      if (!user) return sendErrorPage(reply, FLOW_LOST, ctx.now());
      if (form.password !== user.password) {
        // AADSTS50126: invalid username or password.
        const error = "Your account or password is incorrect. If you don't remember your password, reset it now.";
        return html(reply, passwordPage({ flowId, user, error }));
      }
      flow.userId = user.id;
      flow.pendingUserId = undefined;
      return showConsent(reply, flowId, flow, user.id);
    }

    const user = findUser(ctx.tenant, form.username);
    if (!user) {
      // AADSTS50034: the user account does not exist in the directory.
      const error = "We couldn't find an account with that username. Try another, or get a new Microsoft account.";
      return html(reply, signInPage({ flowId, appName, users: ctx.tenant.users, loginHint: form.username, error }));
    }
    if (user.password !== undefined) {
      flow.pendingUserId = user.id;
      flow.userId = undefined;
      return html(reply, passwordPage({ flowId, user }));
    }
    flow.userId = user.id;
    return showConsent(reply, flowId, flow, user.id);
  });

  app.post(CONSENT_PATH, async (req, reply) => {
    const form = formBody(req.body);
    const flowId = form.flow ?? '';
    const flow = identity.flows.get(flowId, ctx.now());
    const user = flow?.userId ? findUser(ctx.tenant, flow.userId) : undefined;
    if (!flow || !user) return sendErrorPage(reply, FLOW_LOST, ctx.now());
    identity.flows.delete(flowId);
    if (form.action !== 'accept') {
      const err = aadError('access_denied', 65004, 'User declined to consent to access the app.');
      return reply.redirect(errorRedirectUrl(flow.request.redirectUri, err, ctx.now(), flow.request.state), 302);
    }
    return reply.redirect(completeSignIn(ctx, identity, flow.request, user), 302);
  });
}
