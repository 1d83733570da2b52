// `npm run bench`: prints measured figures for each area, as ratios against a baseline measured in
// the same run. Nothing here asserts times; the figures are for people to read and compare.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface BenchSection {
  title: string;
  run(): Promise<void>;
}

const sectionFiles = [
  './bench/gateway.ts',
  './bench/history.ts',
  './bench/history-render.ts',
  './bench/guided-sync.ts',
  './bench/guest-page.ts',
  './bench/voice.ts',
  './bench/tour.ts',
];

// `ROOMDESK_BENCH_ONLY=history` (a part of the file name) runs matching sections only.
const only = process.env.ROOMDESK_BENCH_ONLY;
for (const file of sectionFiles) {
  if (only && !file.includes(only)) continue;
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    console.log(`(section ${file} not present)`);
    continue;
  }
  const section = (await import(file)).default as BenchSection;
  console.log(`\n=== ${section.title} ===`);
  await section.run();
}
