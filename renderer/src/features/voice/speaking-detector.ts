/**
 * Turns a level stream into "speaking" with hysteresis, so the indicator does not flicker
 * between words: it switches on above `onAbove` and off only after `holdMs` below `offBelow`.
 */
export function createSpeakingDetector(
  onChange: (speaking: boolean) => void,
  { onAbove = 0.35, offBelow = 0.2, holdMs = 600, now = () => Date.now() } = {},
) {
  let speaking = false;
  let quietSince: number | null = null;
  return {
    update(level: number): void {
      if (level >= onAbove) {
        quietSince = null;
        if (!speaking) {
          speaking = true;
          onChange(true);
        }
        return;
      }
      if (!speaking || level >= offBelow) return;
      quietSince ??= now();
      if (now() - quietSince >= holdMs) {
        speaking = false;
        quietSince = null;
        onChange(false);
      }
    },
    reset(): void {
      quietSince = null;
      if (speaking) {
        speaking = false;
        onChange(false);
      }
    },
  };
}
