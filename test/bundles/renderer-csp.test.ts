import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appVoicePolicy, contentSecurityPolicy, metaContentSecurityPolicy } from '../../main/shell/content-security-policy';
import { ensureBuilt, projectRoot } from './ensure-built';

// The app loads its page from file://, where no response header applies: the <meta> policy of the
// built index.html is the one that protects it.
beforeAll(ensureBuilt, 120_000);

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('the built renderer page', () => {
  const html = () => readFileSync(join(projectRoot, 'out/renderer/index.html'), 'utf8');

  it('carries the app policy as the first element of <head>, before any script or stylesheet', () => {
    const head = /<head>([\s\S]*?)<\/head>/.exec(html())?.[1] ?? '';
    const firstElement = /<[a-z][^>]*>/i.exec(head)?.[0] ?? '';
    expect(firstElement).toMatch(/^<meta http-equiv="Content-Security-Policy" content="/);
    const content = decodeAttribute(/content="([^"]*)"/.exec(firstElement)?.[1] ?? '');
    expect(content).toBe(metaContentSecurityPolicy(appVoicePolicy));
  });

  it('keeps every directive of the header policy that a <meta> policy can carry, and forbids eval and inline script', () => {
    const meta = metaContentSecurityPolicy(appVoicePolicy).split('; ');
    const header = contentSecurityPolicy({ isDev: false, ...appVoicePolicy }).split('; ');
    expect(header.filter((directive) => !meta.includes(directive))).toEqual(["frame-ancestors 'none'"]);
    expect(meta).toContain("script-src 'self'");
    expect(meta).toContain("default-src 'none'");
    expect(meta.join('; ')).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('has no inline script the policy would have to allow', () => {
    const inline = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attributes, body]) => !/\bsrc=/.test(attributes!) && body!.trim() !== '',
    );
    expect(inline).toEqual([]);
  });
});
