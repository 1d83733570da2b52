// `npm run bench`: prints measured figures for each area, as ratios against a baseline measured in
// the same run. Nothing here asserts times; the figures are for people to read and compare.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface BenchSection {
  title: string;
  run(): Promise<void>;
}

const sectionFiles = ['./bench/gateway.ts', './bench/history.ts', './bench/history-render.ts'];

for (const file of sectionFiles) {
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    console.log(`(section ${file} not present)`);
    continue;
  }
  const section = (await import(file)).default as BenchSection;
  console.log(`\n=== ${section.title} ===`);
  await section.run();
}
