import '../../../common/zod-jitless';
import type { RoomdeskTourBridge } from '../../../common/contract/tour';
import { tourEn } from '../i18n/tour';
import { startTourPage } from './start-tour-page';
import '../features/tour/vr-page.css';
import './tour-page.css';

const root = document.getElementById('tour')!;
const bridge = (window as { roomdeskTour?: RoomdeskTourBridge }).roomdeskTour;
if (bridge) void startTourPage(bridge, root);
else {
  root.dataset.phase = 'failed';
  root.textContent = tourEn.page.failed;
}
