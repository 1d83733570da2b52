import type { VoiceAdapter } from './voice-adapter';

/**
 * Creates a TRTC or Amazon Chime adapter. Each adapter module (and with it its vendor SDK) is imported
 * only here, on join, so none of them weighs on a first screen (the app's or the guest page's).
 */
export async function createVendorAdapter(vendor: 'trtc' | 'chime'): Promise<VoiceAdapter> {
  return vendor === 'trtc' ? (await import('./trtc-adapter')).createTrtcAdapter() : (await import('./chime-adapter')).createChimeAdapter();
}
