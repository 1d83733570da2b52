import { describe, expect, it } from 'vitest';
import { decidePermission, type PermissionQuery } from '../../../main/shell/permissions';

const viewerMic: PermissionQuery = {
  permission: 'media',
  requestingOrigin: 'https://vr.realsee.ai/room/R1',
  mediaTypes: ['audio'],
  isViewer: true,
  allowedOrigins: ['https://live.realsee.ai', 'vr.realsee.ai'],
  voiceEnabled: true,
};
const appMic: PermissionQuery = {
  permission: 'media',
  requestingOrigin: 'file:///opt/Roomdesk/out/renderer/index.html',
  mediaTypes: ['audio'],
  isViewer: false,
  allowedOrigins: ['file:'],
  voiceEnabled: true,
};

describe('decidePermission', () => {
  it('grants the microphone to an allowed viewer host', () => {
    expect(decidePermission(viewerMic)).toBe(true);
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'https://live.realsee.ai' })).toBe(true);
  });

  it('denies the camera, screen and unspecified media', () => {
    expect(decidePermission({ ...viewerMic, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermission({ ...viewerMic, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(decidePermission({ ...viewerMic, mediaTypes: ['unknown'] })).toBe(false);
    expect(decidePermission({ ...viewerMic, mediaTypes: [] })).toBe(false);
    const { mediaTypes: _omitted, ...withoutTypes } = viewerMic;
    expect(decidePermission(withoutTypes)).toBe(false);
    expect(decidePermission({ ...viewerMic, permission: 'display-capture' })).toBe(false);
  });

  it('denies every other permission, even to allowed hosts', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'openExternal',
      'midiSysex',
      'hid',
      'usb',
      'serial',
      'pointerLock',
      'speaker-selection',
      'unknown',
    ]) {
      expect(decidePermission({ ...viewerMic, permission })).toBe(false);
      expect(decidePermission({ ...appMic, permission })).toBe(false);
    }
  });

  it('denies hosts that are not allowed, compared parsed', () => {
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'https://vr.realsee.ai.evil.com' })).toBe(false);
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'https://vr.realsee.ai@evil.com' })).toBe(false);
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'http://vr.realsee.ai' })).toBe(false);
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'https://evil.com/?https://vr.realsee.ai' })).toBe(false);
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'null' })).toBe(false);
  });

  it('judges a subframe together with its embedding page', () => {
    expect(decidePermission({ ...viewerMic, embeddingOrigin: 'https://live.realsee.ai/room' })).toBe(true);
    expect(decidePermission({ ...viewerMic, embeddingOrigin: 'https://evil.com/' })).toBe(false);
    expect(decidePermission({ ...viewerMic, embeddingOrigin: '' })).toBe(false);
  });

  it('gives the viewer no microphone while voice is switched off', () => {
    expect(decidePermission({ ...viewerMic, voiceEnabled: false })).toBe(false);
  });

  it('gives the app window the microphone only for its own origin, only with voice enabled', () => {
    expect(decidePermission(appMic)).toBe(true);
    expect(decidePermission({ ...appMic, voiceEnabled: false })).toBe(false);
    expect(decidePermission({ ...appMic, requestingOrigin: 'https://vr.realsee.ai' })).toBe(false);
    const dev = { ...appMic, allowedOrigins: ['http://localhost:5173'] };
    expect(decidePermission({ ...dev, requestingOrigin: 'http://localhost:5173/' })).toBe(true);
    expect(decidePermission({ ...dev, requestingOrigin: 'http://localhost:5174/' })).toBe(false);
  });

  it('never treats local files as an allowed viewer origin', () => {
    expect(decidePermission({ ...viewerMic, requestingOrigin: 'file:///tmp/x.html', allowedOrigins: ['file:'] })).toBe(false);
  });
});

describe('decidePermission for the clipboard', () => {
  const appCopy: PermissionQuery = { ...appMic, permission: 'clipboard-sanitized-write', mediaTypes: [], voiceEnabled: false };
  it('lets the app page write text to the clipboard, whatever the voice switch says', () => {
    expect(decidePermission(appCopy)).toBe(true);
  });
  it('never lets the viewer or a foreign page write to it, and never lets anyone read it', () => {
    expect(decidePermission({ ...viewerMic, permission: 'clipboard-sanitized-write' })).toBe(false);
    expect(decidePermission({ ...appCopy, requestingOrigin: 'https://evil.example' })).toBe(false);
    expect(decidePermission({ ...appCopy, permission: 'clipboard-read' })).toBe(false);
  });
});

describe('decidePermission with a room link in the list', () => {
  it('treats the link as its origin', () => {
    const query = {
      ...viewerMic,
      requestingOrigin: 'https://live.realsee.ai/',
      allowedOrigins: ['https://live.realsee.ai/room/R1?ticket=t'],
    };
    expect(decidePermission(query)).toBe(true);
    expect(decidePermission({ ...query, requestingOrigin: 'https://vr.realsee.ai/' })).toBe(false);
  });
});
