// The composition: one port serves the identity platform, Graph and the control API, and a token from the real OAuth
// flow works at Graph until the control API expires or revokes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './server.js';
import { signIn } from './testing/oauth.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ graph: { limits: 'off' } });
});
afterAll(() => emu.stop());

const me = (token: string) => fetch(`${emu.graphUrl}/v1.0/me`, { headers: { authorization: `Bearer ${token}` } });

describe('startEmulator', () => {
  it('serves login, Graph and control on one base URL', () => {
    expect(emu.loginUrl).toBe(emu.graphUrl);
    expect(emu.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.controlUrl).toBe(`${emu.baseUrl}/_emulator`);
    expect(emu.context.options.port).toBeGreaterThan(0);
  });

  it('a token from the OAuth flow works at Graph until expired, then 401 InvalidAuthenticationToken', async () => {
    const { access_token } = await signIn(
      emu,
      'taylor.teacher@elentra-demo.onmicrosoft.com',
      'openid profile offline_access User.Read',
    );
    const ok = await me(access_token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ userPrincipalName: 'taylor.teacher@elentra-demo.onmicrosoft.com' });
    await fetch(`${emu.controlUrl}/tokens/expire`, { method: 'POST' });
    const expired = await me(access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('a revoked token gets 401 too', async () => {
    const { access_token } = await signIn(emu, 'sam.student@elentra-demo.onmicrosoft.com', 'openid User.Read');
    await fetch(`${emu.controlUrl}/tokens/revoke`, { method: 'POST' });
    expect((await me(access_token)).status).toBe(401);
  });

  it('the viewer shows Graph state', async () => {
    expect(await (await fetch(emu.viewerUrl)).text()).toContain('No teams yet.');
  });

  it('refuses an invalid seed object with every problem listed', async () => {
    await expect(startEmulator({ seed: { tenantId: 'x' } as never })).rejects.toThrow(
      /startEmulator\(\{ seed \}\)[\s\S]*tenantId: must be a GUID/,
    );
  });
});
