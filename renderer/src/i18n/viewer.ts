import type { EventPayload } from '../../../common/contract';

type ViewerPhase = EventPayload<'viewerState'>['phase'];
type LiveConnection = EventPayload<'livePresence'>['connection'];

export interface ViewerMessages {
  toolbarLabel: string;
  back: string;
  reload: string;
  openInBrowser: string;
  close: string;
  viewerArea(host: string): string;
  phase: Record<ViewerPhase, string>;
  failure: Record<'load-failed' | 'ticket-unavailable' | 'crashed' | 'room-refused' | 'session-lost', string>;
  refusal(marker: string): string;
  retry: string;
  retryWithNewTicket: string;
  openAgain: string;
  requestId(id: string): string;
  blocked(host: string): string;
  blockedNotOffered: string;
  openBlocked: string;
  dismiss: string;
  microphoneAsk(host: string): string;
  microphoneAllow: string;
  microphoneDeny: string;
  confirmBrowserTitle: string;
  confirmBrowserText: string;
  confirmBlockedTitle: string;
  confirmBlockedText(host: string): string;
  confirm: string;
  cancel: string;
  dialogClose: string;
  browserNotOpened: string;
  presenceTitle: string;
  connection: Record<LiveConnection, string>;
  reconnectIn(seconds: number, attempt: number): string;
  nobody: string;
  you: string;
  joined(name: string): string;
  left(name: string): string;
  voice(type: string, id: string): string;
  endRoom: string;
  endRoomTitle: string;
  endRoomText: string;
  endRoomConfirm: string;
  endRoomFailed: string;
  reconnect: string;
}

export const viewerEn: ViewerMessages = {
  toolbarLabel: 'Room viewer',
  back: 'Back to room page',
  reload: 'Reload',
  openInBrowser: 'Open in browser',
  close: 'Close viewer',
  viewerArea: (host) => `Room page from ${host}`,
  phase: {
    idle: 'The viewer is not open.',
    loading: 'Opening the room with a new ticket…',
    showing: 'The room is open.',
    failed: 'The room could not be shown.',
    'ticket-refused': 'The room refused the ticket.',
    'room-ended': 'This room has ended.',
    'live-channel': 'This room uses a live channel instead of a page.',
    closed: 'The viewer is closed.',
  },
  failure: {
    'load-failed': 'The room page did not load. Check your connection, then retry.',
    'ticket-unavailable': 'Roomdesk could not get a ticket for this room.',
    crashed: 'The room page stopped working. Reloading opens it again with a new ticket.',
    'room-refused': 'The room did not let you in.',
    'session-lost': 'The room keeps ending your session (is this account open on another device?).',
  },
  refusal: (marker) =>
    ({
      'ticket-used': 'The ticket had already been used, and so had a fresh one. Tickets work once.',
      'ticket-expired': 'The ticket expired before the page used it.',
      'room-full': 'The room is full.',
      'room-not-found': 'There is no room with this code.',
    })[marker] ?? `The room page answered: ${marker}.`,
  retry: 'Retry',
  retryWithNewTicket: 'Try again with a new ticket',
  openAgain: 'Open the viewer again',
  requestId: (id) => `Request id: ${id}`,
  blocked: (host) => `The room page tried to open ${host}; Roomdesk kept it out of the viewer.`,
  blockedNotOffered: 'It is not a secure web page, so it is not offered to your browser.',
  openBlocked: 'Open in browser…',
  dismiss: 'Dismiss',
  microphoneAsk: (host) => `The room page at ${host} wants to use your microphone. Allow it for this room?`,
  microphoneAllow: 'Allow microphone',
  microphoneDeny: 'Don’t allow',
  confirmBrowserTitle: 'Open this room in your browser?',
  confirmBrowserText:
    'Roomdesk will get a new single-use ticket and hand the room link with it to your web browser. Anyone who sees that browser tab or its history could enter the room as you until the ticket is used.',
  confirmBlockedTitle: 'Open this link in your browser?',
  confirmBlockedText: (host) => `The room page wanted to open a page on ${host}. Open it in your web browser?`,
  confirm: 'Open in browser',
  cancel: 'Cancel',
  dialogClose: 'Close',
  browserNotOpened: 'Your browser was not opened.',
  presenceTitle: 'In the room',
  connection: {
    connecting: 'Connecting to the room…',
    connected: 'Connected',
    reconnecting: 'Connection lost; reconnecting with a new ticket…',
    refused: 'The room keeps refusing to let you in; Roomdesk stopped trying.',
    'room-closed': 'The room has ended.',
    kicked: 'You were removed from this room.',
    replaced: 'This room was opened on another device.',
    failed: 'Could not reach the room.',
    disconnected: 'Disconnected',
  },
  reconnectIn: (seconds, attempt) => `Next try in ${seconds} s (attempt ${attempt}).`,
  nobody: 'Nobody is in the room.',
  you: 'you',
  joined: (name) => `${name} joined`,
  left: (name) => `${name} left`,
  voice: (type, id) => `Voice room ${id} (${type})`,
  endRoom: 'End room',
  endRoomTitle: 'End this room for everyone?',
  endRoomText: 'Everyone in the room, guests included, is disconnected and the room cannot be entered again.',
  endRoomConfirm: 'End room',
  endRoomFailed: 'The room was not ended',
  reconnect: 'Connect again',
};

export const viewerZhCN: ViewerMessages = {
  toolbarLabel: '房间查看器',
  back: '返回房间页',
  reload: '重新加载',
  openInBrowser: '在浏览器中打开',
  close: '关闭查看器',
  viewerArea: (host) => `来自 ${host} 的房间页面`,
  phase: {
    idle: '查看器未打开。',
    loading: '正在使用新票据进入房间…',
    showing: '房间已打开。',
    failed: '无法显示房间。',
    'ticket-refused': '房间拒绝了票据。',
    'room-ended': '此房间已结束。',
    'live-channel': '此房间使用实时通道，而不是网页。',
    closed: '查看器已关闭。',
  },
  failure: {
    'load-failed': '房间页面未能加载。请检查网络后重试。',
    'ticket-unavailable': 'Roomdesk 无法获取此房间的票据。',
    crashed: '房间页面已停止运行。重新加载会使用新票据再次打开。',
    'room-refused': '房间未允许您进入。',
    'session-lost': '房间不断结束您的会话（此账号是否在其他设备上打开？）。',
  },
  refusal: (marker) =>
    ({
      'ticket-used': '票据已被使用，新票据也是如此。每张票据只能使用一次。',
      'ticket-expired': '票据在页面使用前已过期。',
      'room-full': '房间已满。',
      'room-not-found': '没有此房间号的房间。',
    })[marker] ?? `房间页面返回：${marker}。`,
  retry: '重试',
  retryWithNewTicket: '使用新票据重试',
  openAgain: '重新打开查看器',
  requestId: (id) => `请求 ID：${id}`,
  blocked: (host) => `房间页面试图打开 ${host}；Roomdesk 已阻止其在查看器中打开。`,
  blockedNotOffered: '这不是安全的网页，因此不提供在浏览器中打开。',
  openBlocked: '在浏览器中打开…',
  dismiss: '关闭提示',
  microphoneAsk: (host) => `${host} 上的房间页面想使用您的麦克风。是否允许本房间使用？`,
  microphoneAllow: '允许使用麦克风',
  microphoneDeny: '不允许',
  confirmBrowserTitle: '在浏览器中打开此房间？',
  confirmBrowserText:
    'Roomdesk 将获取一张新的一次性票据，并把带票据的房间链接交给您的网页浏览器。在票据被使用之前，能看到该浏览器标签页或历史记录的人都可以以您的身份进入房间。',
  confirmBlockedTitle: '在浏览器中打开此链接？',
  confirmBlockedText: (host) => `房间页面想打开 ${host} 上的页面。要在网页浏览器中打开吗？`,
  confirm: '在浏览器中打开',
  cancel: '取消',
  dialogClose: '关闭',
  browserNotOpened: '未能打开浏览器。',
  presenceTitle: '房间内成员',
  connection: {
    connecting: '正在连接房间…',
    connected: '已连接',
    reconnecting: '连接已断开，正在使用新票据重连…',
    refused: '房间一直拒绝您进入；Roomdesk 已停止尝试。',
    'room-closed': '房间已结束。',
    kicked: '您已被移出此房间。',
    replaced: '此房间已在另一台设备上打开。',
    failed: '无法连接到房间。',
    disconnected: '已断开',
  },
  reconnectIn: (seconds, attempt) => `${seconds} 秒后再次尝试（第 ${attempt} 次）。`,
  nobody: '房间内没有人。',
  you: '您',
  joined: (name) => `${name} 已加入`,
  left: (name) => `${name} 已离开`,
  voice: (type, id) => `语音房间 ${id}（${type}）`,
  endRoom: '结束房间',
  endRoomTitle: '为所有人结束此房间？',
  endRoomText: '房间内的所有人（包括客户）都将断开连接，且此房间无法再次进入。',
  endRoomConfirm: '结束房间',
  endRoomFailed: '房间未结束',
  reconnect: '重新连接',
};
