#!/usr/bin/env node
// Runs every check in order and closes with one line CI can read: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  // On Windows node_modules/.bin holds .cmd shims, which only a shell runs.
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  console.log(`── ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

const bin = (name) => join('node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

// One counted step per check that is not a test suite: each passes or fails as a whole.
for (const [label, command, args] of [
  ...['node', 'web', 'playwright'].map((project) => [`typecheck (${project})`, bin('tsc'), ['-p', `tsconfig.${project}.json`]]),
  ['lint', bin('eslint'), ['.']],
  ['format check', bin('prettier'), ['--check', '.']],
]) {
  totals[run(label, command, args) ? 'passed' : 'failed'] += 1;
}
let buildOk = true;
// The app (main, preload, renderer) and the guest page the sandbox serves at /guest/.
for (const [label, command, args] of [
  ['build', bin('electron-vite'), ['build']],
  ['build (guest page)', bin('vite'), ['build', '-c', 'vite.guest.config.ts']],
]) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  buildOk &&= ok;
}

run('unit and service tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(reports, 'vitest.json')}`,
]);
countVitest(join(reports, 'vitest.json'));

if (buildOk) {
  // Installs Electron's binary where it can; where it cannot, says why in one line and the Electron suite skips.
  run('Electron binary', bin('tsx'), ['scripts/prestart.ts', '--tests']);
  run('browser and Electron end-to-end tests (playwright)', bin('tsx'), ['scripts/e2e.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json'),
  });
  countPlaywright(join(reports, 'playwright.json'));
} else {
  console.log('End-to-end tests not run: the build failed.');
  totals.failed += 1;
}

function countVitest(file) {
  if (!existsSync(file)) {
    console.log(`vitest wrote no report (${file}); counting the suite as failed.`);
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.numTotalTests === 0) {
    console.log('vitest ran no test; counting that as a failure.');
    totals.failed += 1;
  }
}

function countPlaywright(file) {
  if (!existsSync(file)) {
    console.log(`playwright wrote no report (${file}); counting the suite as failed.`);
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipReasons = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const outcome = test.status; // expected | unexpected | flaky | skipped
        if (outcome === 'skipped') {
          totals.skipped += 1;
          const reason = (test.annotations ?? [])
            .map((a) => a.description)
            .filter(Boolean)
            .join('; ');
          skipReasons.push(`${spec.title}: ${reason || 'no reason given'}`);
        } else if (outcome === 'expected' || outcome === 'flaky') totals.passed += 1;
        else totals.failed += 1;
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  for (const error of report.errors ?? []) {
    console.log(`playwright error: ${error.message ?? JSON.stringify(error)}`);
    totals.failed += 1;
  }
  if (skipReasons.length) {
    console.log('\nSkipped end-to-end tests and why:');
    for (const line of skipReasons) console.log(`  - ${line}`);
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
