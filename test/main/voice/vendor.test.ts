import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_VENDOR, selectVoiceVendor } from '../../../main/voice/vendor';
import { AppFailure } from '../../../main/app-failure';

describe('selectVoiceVendor', () => {
  it('uses the local sandbox for the sandbox profile, whatever the gateway says', () => {
    expect(selectVoiceVendor({ isSandbox: true, rtcInfoType: 'chime', roomVoiceConfig: { type: 'trtc' } })).toEqual({
      vendor: 'sandbox',
      source: 'sandbox-profile',
    });
  });

  it("follows the live channel's RTC_INFO type, ignoring case and spaces", () => {
    expect(selectVoiceVendor({ isSandbox: false, rtcInfoType: 'trtc' })).toEqual({ vendor: 'trtc', source: 'rtc-info' });
    expect(selectVoiceVendor({ isSandbox: false, rtcInfoType: ' Chime ' })).toEqual({ vendor: 'chime', source: 'rtc-info' });
  });

  it('prefers RTC_INFO over the room config', () => {
    expect(selectVoiceVendor({ isSandbox: false, rtcInfoType: 'chime', roomVoiceConfig: { type: 'trtc' } }).vendor).toBe('chime');
  });

  it('refuses a vendor the gateway names but Roomdesk cannot join, with a clear message', () => {
    const attempt = () => selectVoiceVendor({ isSandbox: false, rtcInfoType: 'agora' });
    expect(attempt).toThrow(AppFailure);
    expect(attempt).toThrow(/"agora", which Roomdesk does not support/);
  });

  it('reads a vendor named in the room voice config', () => {
    expect(selectVoiceVendor({ isSandbox: false, roomVoiceConfig: { config_name: 'chime' } })).toEqual({
      vendor: 'chime',
      source: 'room-config',
    });
    expect(selectVoiceVendor({ isSandbox: false, roomVoiceConfig: { vendor: 'TRTC' } })).toEqual({ vendor: 'trtc', source: 'room-config' });
  });

  it('ignores config names it does not know and falls back to the documented default, TRTC', () => {
    expect(DEFAULT_VOICE_VENDOR).toBe('trtc');
    for (const roomVoiceConfig of [undefined, null, 'chime', { config_name: 'string' }, { type: 42 }, []]) {
      expect(selectVoiceVendor({ isSandbox: false, roomVoiceConfig })).toEqual({ vendor: 'trtc', source: 'default' });
    }
    expect(selectVoiceVendor({ isSandbox: false, rtcInfoType: '  ' })).toEqual({ vendor: 'trtc', source: 'default' });
    expect(selectVoiceVendor({ isSandbox: false, rtcInfoType: null })).toEqual({ vendor: 'trtc', source: 'default' });
  });
});
