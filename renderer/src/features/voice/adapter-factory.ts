import type { VoiceVendor } from '../../../../common/voice';
import type { VoiceAdapter } from './voice-adapter';
import type { AdapterContext } from './voice-bridge';
import { createVendorAdapter } from './vendor-adapter-loader';

/**
 * Creates the adapter for a vendor. Each adapter module (and with it its vendor SDK) is imported
 * only here, on join, so none of them weighs on the app's first screen.
 */
export async function createVoiceAdapter(vendor: VoiceVendor, context: AdapterContext = {}): Promise<VoiceAdapter> {
  switch (vendor) {
    case 'trtc':
    case 'chime':
      return createVendorAdapter(vendor);
    case 'sandbox':
      return (await import('./sandbox-adapter')).createSandboxAdapter(context);
  }
}
