import { plainText } from '../lib/untrusted-text';

/**
 * Shows text that came from outside (a nickname, a profile name) isolated from what surrounds it:
 * its bidi controls are removed and <bdi> keeps a right-to-left name from reordering the line.
 */
export function UntrustedText({ text }: { text: string }) {
  return <bdi>{plainText(text)}</bdi>;
}
