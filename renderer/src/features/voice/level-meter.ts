const SILENCE_DB = -60;
const READ_INTERVAL_MS = 100;
/** Each reading keeps this share of the previous one, so short peaks stay visible on the meter. */
const DECAY = 0.8;

/** Maps a signal's RMS to 0..1 on a -60 dB..0 dB scale, which follows loudness better than RMS. */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - SILENCE_DB) / -SILENCE_DB));
}

export function rmsOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/**
 * Measures a microphone stream locally with an AnalyserNode (nothing is played or sent) and
 * reports its level every 100 ms. A disabled (muted) track reads as silence.
 */
export function startLevelMeter(stream: MediaStream, onLevel: (level: number) => void): { stop(): Promise<void> } {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let level = 0;
  // A context created outside a user gesture may start suspended; the join click usually allows it.
  void context.resume().catch(() => undefined);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    level = Math.max(levelFromRms(rmsOf(samples)), level * DECAY);
    onLevel(level < 0.01 ? 0 : level);
  }, READ_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      source.disconnect();
      await context.close().catch(() => undefined);
    },
  };
}
