import '../../../common/zod-jitless';
import { parseGuestLink } from '../../../common/guest-link';
import { guestEn, guestZhCN } from '../i18n/guest';
import { localeFromLanguages } from '../i18n/locale';
import { createGuestScreen } from './guest-screen';
import { startGuestTour } from './guest-tour';
import '../features/tour/vr-page.css';
import './guest.css';

const link = parseGuestLink(window.location.hash);
const browserLanguages = navigator.languages?.length ? navigator.languages : [navigator.language];
const locale = link.ok && link.link.lang ? link.link.lang : localeFromLanguages(browserLanguages);
const text = locale === 'zh-CN' ? guestZhCN : guestEn;
document.documentElement.lang = locale;
document.title = text.title;

const screen = createGuestScreen(document.getElementById('guest')!, text);
if (link.ok) startGuestTour(link.link, screen, text.voice);
else screen.show(link.problem === 'missing' ? 'noLink' : 'badLink');

// A new link pasted into the same tab changes only the fragment: start over with it.
window.addEventListener('hashchange', () => window.location.reload());
