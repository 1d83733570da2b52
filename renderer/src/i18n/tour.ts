import type { TourFailureReason } from '../../../common/contract/tour';

/** The tour's texts: the app's tour viewport and the tour page's own few words. */
export interface TourMessages {
  viewportLabel: string;
  loading: string;
  closed: string;
  failure: Record<TourFailureReason, string>;
  retry: string;
  /** Shown by the tour page itself (renderer/src/tour-page/), in the app's language. */
  page: { loading: string; failed: string };
}

export const tourEn: TourMessages = {
  viewportLabel: 'VR tour',
  loading: 'Loading the tour…',
  closed: 'The tour is closed.',
  failure: {
    'no-vr': 'This room has no VR. Choose one when you create a room.',
    'not-live': 'This room opens as a web page: use Join room instead.',
    'work-unavailable': 'The VR could not be loaded. Check your connection and try again.',
    'channel-failed': 'Roomdesk could not stay in the room. Try again.',
    'render-failed': 'The VR could not be shown on this computer.',
    crashed: 'The tour stopped working. Try again.',
    'room-ended': 'The room has ended.',
  },
  retry: 'Try again',
  page: { loading: 'Loading the tour…', failed: 'The VR could not be shown.' },
};

export const tourZhCN: TourMessages = {
  viewportLabel: 'VR 带看',
  loading: '正在加载带看…',
  closed: '带看已关闭。',
  failure: {
    'no-vr': '此房间没有 VR。请在新建房间时选择 VR。',
    'not-live': '此房间以网页形式打开：请改用“进入房间”。',
    'work-unavailable': '无法加载 VR。请检查网络后重试。',
    'channel-failed': 'Roomdesk 无法保持在房间中。请重试。',
    'render-failed': '此电脑无法显示该 VR。',
    crashed: '带看已停止工作。请重试。',
    'room-ended': '房间已结束。',
  },
  retry: '重试',
  page: { loading: '正在加载带看…', failed: '无法显示该 VR。' },
};
