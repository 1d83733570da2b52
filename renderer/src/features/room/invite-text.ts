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

/** The sandbox listens on loopback only: its links open on the agent's computer and nowhere else. */
function thisComputerOnly(link: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(link).hostname);
  } catch {
    return false;
  }
}

/** A short, ready-to-send message; the bilingual version puts Chinese first, then English. */
export function inviteText(language: InviteLanguage, facts: InviteFacts, t: Messages['invite']): string {
  const english = t.en({
    name: facts.guestName || t.fallbackNameEn,
    title: facts.listingTitle || t.fallbackTitleEn,
    link: facts.link,
    time: facts.time,
    minutes: facts.minutes,
    opensInBrowser: opensInBrowser(facts.link),
    thisComputerOnly: thisComputerOnly(facts.link),
  });
  const chinese = t.zh({
    name: facts.guestName || t.fallbackNameZh,
    title: facts.listingTitle || t.fallbackTitleZh,
    link: facts.link,
    time: facts.time,
    minutes: facts.minutes,
    opensInBrowser: opensInBrowser(facts.link),
    thisComputerOnly: thisComputerOnly(facts.link),
  });
  if (language === 'en') return english;
  if (language === 'zh') return chinese;
  return `${chinese}\n\n${english}`;
}
