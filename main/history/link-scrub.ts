/**
 * A room link as Realsee's live client uses it carries a one-time `ticket` (and `force`). Links are
 * stored without them, and without any user:password part, whatever the caller passes.
 */
const SECRET_PARAMS = new Set(['ticket', 'force']);

export function stripTicketFromLink(link: string): string {
  const trimmed = link.trim();
  try {
    const url = new URL(trimmed);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()]) {
      if (SECRET_PARAMS.has(name.toLowerCase())) url.searchParams.delete(name);
    }
    return url.toString();
  } catch {
    return stripParamsFromText(trimmed);
  }
}

/** For text that is not a parseable URL: drop `ticket=`/`force=` pairs wherever they appear. */
function stripParamsFromText(text: string): string {
  const [beforeHash, ...hashParts] = text.split('#');
  const hash = hashParts.length > 0 ? `#${hashParts.join('#')}` : '';
  const queryStart = (beforeHash ?? '').indexOf('?');
  const head = queryStart === -1 ? (beforeHash ?? '') : (beforeHash ?? '').slice(0, queryStart);
  const query = queryStart === -1 ? '' : (beforeHash ?? '').slice(queryStart + 1);
  const kept = query
    .split('&')
    .filter((pair) => pair !== '' && !SECRET_PARAMS.has((pair.split('=')[0] ?? '').toLowerCase()));
  // Text without any query may still hold a bare `ticket=…` fragment; remove it as well.
  const cleanHead = head.replace(/([?&;]|^)(ticket|force)=[^&#\s]*/gi, '');
  return `${cleanHead}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`;
}
