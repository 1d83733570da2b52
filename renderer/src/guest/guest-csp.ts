import { VOICE_VENDOR_HOSTS } from '../../../common/voice-vendor-hosts';

/** TRTC and Chime rooms: the vendor SDK's signalling hosts stay reachable (media is WebRTC, outside CSP). */
const VENDOR_SOURCES = VOICE_VENDOR_HOSTS.flatMap((host) => [`https://${host}`, `wss://${host}`]).join(' ');

/**
 * The page's static policy (guest/index.html) must allow any room link and any Work origin, as it
 * cannot know them before the link is read. Once the Work arrives, a second policy narrows
 * connections to the room's channel, the Work's own origins and the voice vendors' hosts, and
 * images to the Work's origins (policies only add up).
 */
export function narrowContentSecurityPolicy(roomOrigin: string, resourceOrigins: readonly string[]): void {
  const origins = [...new Set(resourceOrigins)].join(' ');
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = [`connect-src 'self' ${roomOrigin} ${origins} ${VENDOR_SOURCES}`, `img-src 'self' blob: data: ${origins}`].join('; ');
  document.head.append(meta);
}
