/** The two tones of a notice: rising when someone joins, falling when someone leaves (Hz). */
export function noticeTones(kind: 'joined' | 'left'): [number, number] {
  return kind === 'joined' ? [660, 880] : [880, 660];
}

let context: AudioContext | null = null;

/** A short, quiet two-tone chime generated with WebAudio (no sound file). Silent where audio is unavailable. */
export function playNoticeSound(kind: 'joined' | 'left'): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.08, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.32);
    gain.connect(context.destination);
    noticeTones(kind).forEach((frequency, index) => {
      const oscillator = context!.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start + index * 0.14);
      oscillator.stop(start + 0.14 + index * 0.18);
    });
  } catch {
    // No audio output (or autoplay refused): the notice still shows.
  }
}
