import type { VendorSource, VoiceVendor } from '../../common/voice';
import { appFailure } from '../app-failure';

export interface VoiceVendorHints {
  /** The built-in sandbox profile: voice stays on this machine. */
  isSandbox: boolean;
  /** `RTC_INFO.data.type` from the room's live channel, when it has arrived. */
  rtcInfoType?: string | null;
  /** The room's `app.extension.voice` config from its details, as the gateway sent it. */
  roomVoiceConfig?: unknown;
}

export interface VoiceVendorChoice {
  vendor: VoiceVendor;
  source: VendorSource;
}

/**
 * Which voice SDK joins the room. In order: the sandbox profile always uses the local sandbox;
 * the live channel's `RTC_INFO.type` is the gateway naming the vendor for this very room; then a
 * vendor named in the room's voice config; otherwise TRTC, the vendor Realsee's docs name first.
 * The config's vendor keys are not documented, so only well-known names count there.
 */
export function selectVoiceVendor(hints: VoiceVendorHints): VoiceVendorChoice {
  if (hints.isSandbox) return { vendor: 'sandbox', source: 'sandbox-profile' };

  const rtcInfoType = hints.rtcInfoType?.trim();
  if (rtcInfoType) {
    const vendor = vendorFromName(rtcInfoType);
    if (!vendor) {
      throw appFailure(
        'protocol',
        `The room's voice service is "${rtcInfoType.slice(0, 32)}", which Roomdesk does not support (it supports TRTC and Amazon Chime). Ask Realsee support which voice vendor your app is set up for.`,
      );
    }
    return { vendor, source: 'rtc-info' };
  }

  const configVendor = vendorFromRoomConfig(hints.roomVoiceConfig);
  if (configVendor) return { vendor: configVendor, source: 'room-config' };

  return { vendor: DEFAULT_VOICE_VENDOR, source: 'default' };
}

/** TRTC is the vendor Realsee's voice-signature docs describe first (`sdkAppId`, `userSig`). */
export const DEFAULT_VOICE_VENDOR: VoiceVendor = 'trtc';

const configVendorKeys = ['type', 'vendor', 'rtc_type', 'provider', 'config_name'] as const;

function vendorFromRoomConfig(config: unknown): Exclude<VoiceVendor, 'sandbox'> | null {
  if (typeof config !== 'object' || config === null) return null;
  const record = config as Record<string, unknown>;
  for (const key of configVendorKeys) {
    const value = record[key];
    if (typeof value !== 'string') continue;
    const vendor = vendorFromName(value);
    if (vendor) return vendor;
  }
  return null;
}

function vendorFromName(name: string): Exclude<VoiceVendor, 'sandbox'> | null {
  const normalized = name.trim().toLowerCase();
  if (normalized === 'trtc' || normalized === 'tencent' || normalized === 'tencent-trtc') return 'trtc';
  if (normalized === 'chime' || normalized === 'amazon-chime' || normalized === 'aws-chime') return 'chime';
  return null;
}
