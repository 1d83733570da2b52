/**
 * Hosts the voice vendors' web SDKs reach from the renderer for signalling (https and wss on 443).
 * Media itself flows over WebRTC, which CSP does not govern.
 * TRTC: the domains Tencent lists for its Web SDK's firewall allow-list (scheduling, signalling,
 * log upload). Amazon Chime: the SDK's signalling and ingest hosts under chime.aws. Used by the app
 * window's policy (main/shell) and the guest page's (renderer/src/guest/guest-csp.ts).
 */
export const VOICE_VENDOR_HOSTS: readonly string[] = [
  'yun.tim.qq.com',
  '*.rtc.qcloud.com',
  '*.rtc.qq.com',
  '*.cloud-rtc.com',
  '*.cloud-rtc.net',
  '*.my-imcloud.com',
  '*.rtc-web.com',
  '*.rtc-web.io',
  '*.chime.aws',
];
