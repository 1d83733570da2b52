/** A room code as Realsee issues it; the bridge refuses any other before it reaches main's services. */
export const ROOM_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A VR code or resource code as the app passes it to the gateway (published VRs: 18 digits starting 80). */
export const VR_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
