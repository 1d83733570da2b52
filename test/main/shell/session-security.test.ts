import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstance, hardenSession, installAppWideGuards } from '../../../main/electron/session-security';

type Listener = (...args: any[]) => unknown;

/** Just enough of Electron's Session to record what hardenSession installs. */
function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const events: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (handlers.device = handler),
    on: (name: string, listener: Listener) => (events[name] = listener),
    webRequest: { onHeadersReceived: (listener: Listener) => (handlers.headers = listener) },
  };
  return { session: session as unknown as Session, handlers, events };
}

function request(
  handler: Listener | undefined,
  permission: string,
  details: object,
  contentsUrl = 'https://live.realsee.ai/room',
): boolean {
  let granted: boolean | undefined;
  handler?.({ getURL: () => contentsUrl, isDestroyed: () => false }, permission, (answer: boolean) => (granted = answer), details);
  if (granted === undefined) throw new Error('the permission request was never answered');
  return granted;
}

/** The agent already said yes for the shown room. */
const agentAgreed = { state: () => 'granted' as const, ask: async () => true };
const viewerOptions = {
  isViewer: true as const,
  allowedOrigins: () => ['https://live.realsee.ai', 'vr.realsee.ai'],
  voiceEnabled: () => true,
  microphoneConsent: agentAgreed,
};

describe('hardenSession (viewer): the agent is asked once per room', () => {
  it('holds the microphone request until the agent answers, and checks say no meanwhile', async () => {
    const { session, handlers } = fakeSession();
    let consent: 'unasked' | 'granted' | 'denied' = 'unasked';
    const asked: string[] = [];
    let answer: (granted: boolean) => void = () => undefined;
    hardenSession(session, {
      ...viewerOptions,
      microphoneConsent: {
        state: () => consent,
        ask: (url) => {
          asked.push(url);
          return new Promise<boolean>((resolve) => (answer = resolve));
        },
      },
    });
    const check = () =>
      handlers.check?.(null, 'media', 'https://live.realsee.ai', {
        isMainFrame: true,
        mediaType: 'audio',
        securityOrigin: 'https://live.realsee.ai/',
      });
    expect(check()).toBe(false);
    let granted: boolean | undefined;
    handlers.request?.({ getURL: () => 'https://live.realsee.ai/room' }, 'media', (value: boolean) => (granted = value), {
      isMainFrame: true,
      requestingUrl: 'https://live.realsee.ai/room',
      mediaTypes: ['audio'],
    });
    expect(asked).toEqual(['https://live.realsee.ai/room']);
    await Promise.resolve();
    expect(granted).toBeUndefined();
    consent = 'granted';
    answer(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(granted).toBe(true);
    expect(check()).toBe(true);

    // A page outside the rules is refused without asking.
    expect(request(handlers.request, 'media', { isMainFrame: true, requestingUrl: 'https://evil.com/', mediaTypes: ['audio'] })).toBe(
      false,
    );
    expect(asked).toHaveLength(1);
    consent = 'denied';
    expect(
      request(handlers.request, 'media', { isMainFrame: true, requestingUrl: 'https://live.realsee.ai/room', mediaTypes: ['audio'] }),
    ).toBe(false);
  });
});

describe('hardenSession (viewer)', () => {
  const { session, handlers, events } = fakeSession();
  hardenSession(session, viewerOptions);

  it('grants only the microphone to allowed hosts on request', () => {
    expect(
      request(handlers.request, 'media', { isMainFrame: true, requestingUrl: 'https://live.realsee.ai/room', mediaTypes: ['audio'] }),
    ).toBe(true);
    expect(
      request(handlers.request, 'media', {
        isMainFrame: true,
        requestingUrl: 'https://live.realsee.ai/room',
        mediaTypes: ['audio', 'video'],
      }),
    ).toBe(false);
    expect(request(handlers.request, 'media', { isMainFrame: true, requestingUrl: 'https://evil.com/', mediaTypes: ['audio'] })).toBe(
      false,
    );
    expect(request(handlers.request, 'geolocation', { isMainFrame: true, requestingUrl: 'https://live.realsee.ai/room' })).toBe(false);
    expect(
      request(handlers.request, 'openExternal', {
        isMainFrame: true,
        requestingUrl: 'https://live.realsee.ai/room',
        externalURL: 'ms-msdt:x',
      }),
    ).toBe(false);
  });

  it('judges a subframe by its embedding page as well', () => {
    const fromFrame = { isMainFrame: false, requestingUrl: 'https://vr.realsee.ai/embed', mediaTypes: ['audio'] };
    expect(request(handlers.request, 'media', fromFrame)).toBe(true);
    expect(request(handlers.request, 'media', fromFrame, 'https://evil.com/')).toBe(false);
  });

  it('denies a subframe whose embedding page is already destroyed, without touching it', () => {
    const destroyed = {
      isDestroyed: () => true,
      getURL: () => {
        throw new TypeError('Object has been destroyed');
      },
    };
    let granted: boolean | undefined;
    const fromFrame = { isMainFrame: false, requestingUrl: 'https://vr.realsee.ai/embed', mediaTypes: ['audio'] };
    handlers.request?.(destroyed, 'media', (answer: boolean) => (granted = answer), fromFrame);
    expect(granted).toBe(false);
  });

  it('answers permission checks the same way', () => {
    expect(
      handlers.check?.(null, 'media', 'https://live.realsee.ai', {
        isMainFrame: true,
        mediaType: 'audio',
        securityOrigin: 'https://live.realsee.ai/',
      }),
    ).toBe(true);
    expect(
      handlers.check?.(null, 'media', 'https://live.realsee.ai', {
        isMainFrame: true,
        mediaType: 'video',
        securityOrigin: 'https://live.realsee.ai/',
      }),
    ).toBe(false);
    expect(
      handlers.check?.(null, 'media', 'https://live.realsee.ai', {
        isMainFrame: false,
        mediaType: 'audio',
        securityOrigin: 'https://live.realsee.ai/',
      }),
    ).toBe(false);
    expect(handlers.check?.(null, 'notifications', 'https://live.realsee.ai', { isMainFrame: true })).toBe(false);
  });

  it('refuses devices and downloads and adds no CSP to the room page', () => {
    expect(handlers.device?.({ deviceType: 'usb', origin: 'https://live.realsee.ai' })).toBe(false);
    const preventDefault = vi.fn();
    events['will-download']?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(handlers.headers).toBeUndefined();
  });

  it('reads the allowed origins and the voice switch at decision time', () => {
    let voice = true;
    let origins = ['https://live.realsee.ai'];
    const live = fakeSession();
    hardenSession(live.session, {
      isViewer: true,
      allowedOrigins: () => origins,
      voiceEnabled: () => voice,
      microphoneConsent: agentAgreed,
    });
    const ask = (url: string) =>
      request(live.handlers.request, 'media', { isMainFrame: true, requestingUrl: url, mediaTypes: ['audio'] }, url);
    expect(ask('https://live.realsee.ai/')).toBe(true);
    voice = false;
    expect(ask('https://live.realsee.ai/')).toBe(false);
    voice = true;
    origins = ['https://other.realsee.ai'];
    expect(ask('https://live.realsee.ai/')).toBe(false);
    expect(ask('https://other.realsee.ai/')).toBe(true);
  });
});

describe('hardenSession with an operating-system microphone prompt', () => {
  it('asks the OS only after our own grant, and follows its answer', async () => {
    for (const osAnswer of [true, false]) {
      const asked = vi.fn(async () => osAnswer);
      const { session, handlers } = fakeSession();
      hardenSession(session, { ...viewerOptions, confirmMicrophoneAccess: asked });
      const answers: boolean[] = [];
      const ask = (url: string) =>
        handlers.request?.({ getURL: () => url, isDestroyed: () => false }, 'media', (granted: boolean) => answers.push(granted), {
          isMainFrame: true,
          requestingUrl: url,
          mediaTypes: ['audio'],
        });
      ask('https://evil.com/');
      ask('https://live.realsee.ai/room');
      await vi.waitFor(() => expect(answers).toHaveLength(2));
      expect(answers).toEqual([false, osAnswer]);
      expect(asked).toHaveBeenCalledTimes(1);
    }
  });
});

describe('hardenSession (app window)', () => {
  const { session, handlers } = fakeSession();
  hardenSession(session, {
    isViewer: false,
    allowedOrigins: () => ['file:'],
    voiceEnabled: () => false,
    contentSecurity: { isDev: false },
  });

  it('puts the strict CSP on every response', () => {
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    handlers.headers?.({ responseHeaders: { 'content-type': ['text/html'] } }, (answer: typeof response) => (response = answer));
    expect(response?.responseHeaders?.['content-type']).toEqual(['text/html']);
    expect(response?.responseHeaders?.['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'; script-src 'self';/);
  });

  it('gives the app no microphone while voice is off', () => {
    expect(
      request(
        handlers.request,
        'media',
        { isMainFrame: true, requestingUrl: 'file:///opt/app/index.html', mediaTypes: ['audio'] },
        'file:///opt/app/index.html',
      ),
    ).toBe(false);
  });
});

describe('installAppWideGuards', () => {
  it('denies popups and webviews for every new webContents', () => {
    let created: Listener | undefined;
    installAppWideGuards({
      on: (name: string, listener: Listener) => name === 'web-contents-created' && (created = listener),
    } as unknown as App);
    let openHandler: Listener | undefined;
    const contentsEvents: Record<string, Listener> = {};
    created?.(
      {},
      {
        setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
        on: (name: string, listener: Listener) => (contentsEvents[name] = listener),
      },
    );
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    contentsEvents['will-attach-webview']?.({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('acquireSingleInstance', () => {
  it('quits a second instance', () => {
    const app = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(acquireSingleInstance(app as unknown as App, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.on).not.toHaveBeenCalled();
  });

  it('tells the first instance when another one starts', () => {
    let secondInstance: Listener | undefined;
    const app = {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (name: string, listener: Listener) => name === 'second-instance' && (secondInstance = listener),
    };
    const onSecondInstance = vi.fn();
    expect(acquireSingleInstance(app as unknown as App, onSecondInstance)).toBe(true);
    secondInstance?.({}, ['roomdesk', '--open'], '/home/agent');
    expect(onSecondInstance).toHaveBeenCalledWith(['roomdesk', '--open'], '/home/agent');
    expect(app.quit).not.toHaveBeenCalled();
  });
});
