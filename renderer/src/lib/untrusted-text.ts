/**
 * Bidirectional formatting characters (embeddings, overrides, isolates and marks). In a nickname
 * or profile name they let a gateway or a typist reorder what the agent sees ("‮gpj.exe" showing as
 * "exe.jpg"), so text from outside is shown without them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a gateway, a guest or a profile, safe to show: no bidi controls. */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
