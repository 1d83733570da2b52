import { writeFileSync } from 'node:fs';

/**
 * Writes a mono 16-bit PCM WAV of a sine tone, for Chromium's `--use-file-for-fake-audio-capture`
 * (the fake microphone loops it). Written synchronously: it must exist before the browser starts.
 */
export function writeToneWav(path: string, { frequency, seconds = 4, amplitude = 0.5, sampleRate = 48_000 }: ToneOptions): string {
  const samples = Math.round(seconds * sampleRate);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1) {
    const value = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate);
    buffer.writeInt16LE(Math.round(value * 32_767), 44 + index * 2);
  }
  writeFileSync(path, buffer);
  return path;
}

export interface ToneOptions {
  frequency: number;
  seconds?: number;
  amplitude?: number;
  sampleRate?: number;
}
