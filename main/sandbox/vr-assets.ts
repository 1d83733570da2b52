import type { IncomingMessage, ServerResponse } from 'node:http';
import { writePlain } from '../http/static-files';
import { CUBE_FACES, FACE_SIZE, findDemoHome, type CubeFace } from './demo-vrs';
import { createImageCache, drawCover, drawFace, type GeneratedImage } from './vr-images';

/**
 * The demo VRs' images, as Realsee's CDN would serve a Work's resources: plain GETs relative to the
 * Work's `base_url`, no token, readable cross-origin (Five draws them into WebGL textures).
 */
export const VR_ASSET_PREFIX = '/vr-assets/';

const ASSET_PATH = new RegExp(`^${VR_ASSET_PREFIX}(\\d{18})/(?:cover\\.png|cube_${FACE_SIZE}/(\\d{1,3})/([a-z]+)\\.png)$`);

export function vrAssetBase(baseUrl: string, vrCode: string): string {
  return `${baseUrl}${VR_ASSET_PREFIX}${vrCode}/`;
}

export function vrCoverUrl(baseUrl: string, vrCode: string): string {
  return `${vrAssetBase(baseUrl, vrCode)}cover.png`;
}

const ASSET_HEADERS = {
  'cache-control': 'public, max-age=86400',
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
};

export function createVrAssets() {
  const cache = createImageCache();

  function find(pathname: string): GeneratedImage | undefined {
    const match = ASSET_PATH.exec(pathname);
    const home = match ? findDemoHome(match[1]!) : undefined;
    if (!match || !home) return undefined;
    if (match[2] === undefined) return cache(pathname, () => drawCover(home));
    const panoIndex = Number(match[2]);
    const face = match[3] as CubeFace;
    if (panoIndex >= home.rooms.length || !CUBE_FACES.includes(face)) return undefined;
    return cache(pathname, () => drawFace(home, panoIndex, face));
  }

  return {
    matches: (pathname: string) => pathname.startsWith(VR_ASSET_PREFIX),

    /** Answers a request under VR_ASSET_PREFIX: the image, 304, 404 or 405. */
    serve(request: IncomingMessage, response: ServerResponse, pathname: string): void {
      request.resume();
      const method = request.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        return writePlain(response, 405, 'method not allowed', { allow: 'GET, HEAD' });
      }
      const image = find(pathname);
      if (image === undefined) return writePlain(response, 404, 'not found');
      if (request.headers['if-none-match'] === image.etag) {
        response.writeHead(304, { ...ASSET_HEADERS, etag: image.etag });
        response.end();
        return;
      }
      response.writeHead(200, {
        ...ASSET_HEADERS,
        'content-type': 'image/png',
        'content-length': String(image.png.length),
        etag: image.etag,
      });
      response.end(method === 'HEAD' ? undefined : image.png);
    },
  };
}
