/**
 * The page's static policy (guest/index.html) must allow any room link and any Work origin, as it
 * cannot know them before the link is read. Once the Work arrives, a second policy narrows
 * connections and images to the room's channel and the Work's own origins (policies only add up).
 */
export function narrowContentSecurityPolicy(roomOrigin: string, resourceOrigins: readonly string[]): void {
  const origins = [...new Set(resourceOrigins)].join(' ');
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = [`connect-src 'self' ${roomOrigin} ${origins}`, `img-src 'self' blob: data: ${origins}`].join('; ');
  document.head.append(meta);
}
