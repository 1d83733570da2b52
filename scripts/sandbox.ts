// `npm run sandbox -- --port N [--voice-vendor sandbox|trtc|chime]`: runs the sandbox gateway on loopback until Ctrl-C.
import { DEMO_VRS } from '../main/sandbox/demo-vrs';
import { startSandboxGateway, type SandboxVoiceVendor } from '../main/sandbox/index';

function optionValue(argv: ReadonlyArray<string>, name: string): string | undefined | null {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index === -1) return null;
  const arg = argv[index]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

function parseVoiceVendor(argv: ReadonlyArray<string>): SandboxVoiceVendor {
  const raw = optionValue(argv, '--voice-vendor');
  if (raw === null) return 'sandbox';
  if (raw === 'sandbox' || raw === 'trtc' || raw === 'chime') return raw;
  throw new Error(`--voice-vendor needs sandbox, trtc or chime (got ${raw ?? 'nothing'})`);
}

function parsePort(argv: ReadonlyArray<string>): number {
  const raw = optionValue(argv, '--port');
  if (raw === null) return 0;
  const port = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || port > 65_535) {
    throw new Error(`--port needs a number from 0 to 65535 (got ${raw ?? 'nothing'})`);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const gateway = await startSandboxGateway({ port: parsePort(argv), voiceVendor: parseVoiceVendor(argv) });
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
