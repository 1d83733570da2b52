// `npm run sandbox -- --port N`: runs the sandbox gateway on loopback until Ctrl-C.
import { DEMO_VRS } from '../main/sandbox/demo-vrs';
import { startSandboxGateway } from '../main/sandbox/index';

function parsePort(argv: ReadonlyArray<string>): number {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index === -1) return 0;
  const arg = argv[index]!;
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  const port = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || port > 65_535) {
    throw new Error(`--port needs a number from 0 to 65535 (got ${raw ?? 'nothing'})`);
  }
  return port;
}

async function main(): Promise<void> {
  const gateway = await startSandboxGateway({ port: parsePort(process.argv.slice(2)) });
  // The demo App Key and Secret are a public sandbox credential, printed so people can paste them.
  console.log(`Sandbox gateway listening on ${gateway.baseUrl}`);
  console.log(`Port:           ${new URL(gateway.baseUrl).port}`);
  console.log(`Demo App Key:    ${gateway.demoApp.appKey}`);
  console.log(`Demo App Secret: ${gateway.demoApp.appSecret}`);
  console.log(`Demo VR codes:   ${DEMO_VRS.map((vr) => vr.vr_code).join(', ')}`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => {
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
