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

/** For text that is not a parseable URL: drop `ticket=`/`force=` pairs from its query. */
function stripParamsFromText(text: string): string {
  const hashStart = text.indexOf('#');
  const hash = hashStart === -1 ? '' : text.slice(hashStart);
  const beforeHash = hashStart === -1 ? text : text.slice(0, hashStart);
  const queryStart = beforeHash.indexOf('?');
  if (queryStart === -1) return `${beforeHash.replace(/(^|[&;])(ticket|force)=[^&#\s]*/gi, '')}${hash}`;
  const kept = beforeHash
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => pair !== '' && !SECRET_PARAMS.has((pair.split('=')[0] ?? '').toLowerCase()));
  return `${beforeHash.slice(0, queryStart)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`;
}
