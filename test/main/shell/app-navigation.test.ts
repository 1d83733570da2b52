import { describe, expect, it } from 'vitest';
import { decideAppNavigation, rendererEntryOrigins, rendererEntryUrl } from '../../../main/shell/app-navigation';

const fileEntry = rendererEntryUrl({ file: '/opt/Roomdesk/resources/app/out/renderer/index.html' });
const devEntry = rendererEntryUrl({ url: 'http://localhost:5173/' });

describe('rendererEntryUrl', () => {
  it('turns the built index.html into a file URL and keeps a dev server URL', () => {
    expect(fileEntry).toBe('file:///opt/Roomdesk/resources/app/out/renderer/index.html');
    expect(rendererEntryUrl({ file: '/tmp/with space/index.html' })).toBe('file:///tmp/with%20space/index.html');
    expect(devEntry).toBe('http://localhost:5173/');
  });
});

describe('decideAppNavigation', () => {
  it('allows the entry itself, with a query or fragment', () => {
    expect(decideAppNavigation(fileEntry, fileEntry)).toBe('allow');
    expect(decideAppNavigation(`${fileEntry}#/rooms/R1`, fileEntry)).toBe('allow');
    expect(decideAppNavigation('http://localhost:5173/?v=2', devEntry)).toBe('allow');
  });

  it('denies other local files, including path tricks', () => {
    expect(decideAppNavigation('file:///etc/passwd', fileEntry)).toBe('deny');
    expect(decideAppNavigation('file:///opt/Roomdesk/resources/app/out/renderer/other.html', fileEntry)).toBe('deny');
    expect(decideAppNavigation('file:///opt/Roomdesk/resources/app/out/renderer/../../../../../etc/passwd', fileEntry)).toBe('deny');
    expect(decideAppNavigation('file://evil-share/opt/Roomdesk/resources/app/out/renderer/index.html', fileEntry)).toBe('deny');
  });

  it('denies the web and other schemes from a file entry', () => {
    for (const url of ['https://evil.com/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', '', 'index.html']) {
      expect(decideAppNavigation(url, fileEntry)).toBe('deny');
    }
  });

  it('pins the dev server by scheme, host and port', () => {
    expect(decideAppNavigation('http://localhost:5174/', devEntry)).toBe('deny');
    expect(decideAppNavigation('https://localhost:5173/', devEntry)).toBe('deny');
    expect(decideAppNavigation('http://127.0.0.1:5173/', devEntry)).toBe('deny');
    expect(decideAppNavigation('http://localhost:5173.evil.com/', devEntry)).toBe('deny');
    expect(decideAppNavigation('http://localhost:5173/other', devEntry)).toBe('deny');
    expect(decideAppNavigation('http://user@localhost:5173/', devEntry)).toBe('deny');
    expect(decideAppNavigation(fileEntry, devEntry)).toBe('deny');
  });

  it('normalises before comparing (host case, default ports, dot segments)', () => {
    expect(decideAppNavigation('http://LOCALHOST:5173/', devEntry)).toBe('allow');
    expect(decideAppNavigation('https://app.example:443/a/../index.html', 'https://app.example/index.html')).toBe('allow');
  });
});

describe('rendererEntryOrigins', () => {
  it('names local files for the built app and the dev server origin in development', () => {
    expect(rendererEntryOrigins({ file: '/opt/Roomdesk/out/renderer/index.html' })).toEqual(['file:']);
    expect(rendererEntryOrigins({ url: 'http://localhost:5173/index.html' })).toEqual(['http://localhost:5173']);
  });
});
