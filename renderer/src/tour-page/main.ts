import { z } from 'zod';
import type { RoomdeskTourBridge } from '../../../common/contract/tour';
import { tourEn } from '../i18n/tour';
import { startTourPage } from './start-tour-page';
import './tour-page.css';

// The page's policy allows no eval: zod must not try to compile its checks.
z.config({ jitless: true });

const root = document.getElementById('tour')!;
const bridge = (window as { roomdeskTour?: RoomdeskTourBridge }).roomdeskTour;
if (bridge) void startTourPage(bridge, root);
else {
  root.dataset.phase = 'failed';
  root.textContent = tourEn.page.failed;
}
