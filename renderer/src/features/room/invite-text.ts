import type { Messages } from '../../i18n/en';

export type InviteLanguage = 'en' | 'zh' | 'both';

export interface InviteFacts {
  guestName: string | undefined;
  listingTitle: string | undefined;
  link: string;
  /** Expiry time, already formatted for the reader. */
  time: string;
  minutes: number;
}

/** Only a web page opens in a browser; a live-channel (ws) link needs a client of Realsee's protocol. */
const opensInBrowser = (link: string) => /^https?:/i.test(link);

/** A short, ready-to-send message; the bilingual version puts Chinese first, then English. */
export function inviteText(language: InviteLanguage, facts: InviteFacts, t: Messages['invite']): string {
  const english = t.en({
    name: facts.guestName || t.fallbackNameEn,
    title: facts.listingTitle || t.fallbackTitleEn,
    link: facts.link,
    time: facts.time,
    minutes: facts.minutes,
    opensInBrowser: opensInBrowser(facts.link),
  });
  const chinese = t.zh({
    name: facts.guestName || t.fallbackNameZh,
    title: facts.listingTitle || t.fallbackTitleZh,
    link: facts.link,
    time: facts.time,
    minutes: facts.minutes,
    opensInBrowser: opensInBrowser(facts.link),
  });
  if (language === 'en') return english;
  if (language === 'zh') return chinese;
  return `${chinese}\n\n${english}`;
}
