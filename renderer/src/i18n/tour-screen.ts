import type { EventPayload } from '../../../common/contract';

type LiveConnection = EventPayload<'livePresence'>['connection'];
/** What the tour shows over the VR area while the room cannot be toured (see features/tour-screen/tour-state.ts). */
type StageState = Exclude<LiveConnection, 'connected' | 'room-closed'> | 'ended';

/** The tour screen's texts: the window-filling view of a room the agent guides a client through. */
export interface TourScreenMessages {
  label(title: string): string;
  tourBadge: string;
  /** The header's badge once the room has ended. */
  endedBadge: string;
  startTour: string;
  startTourHint: string;
  vrArea: string;
  controls: string;
  participants: string;
  invite: string;
  handOver: string;
  handOverTo(name: string): string;
  takeBack: string;
  handOverUnavailable: string;
  noGuestOnline: string;
  leave: string;
  leaveHint: string;
  backToRoom: string;
  endRoom: string;
  endRoomTitle: string;
  endRoomText: string;
  endRoomConfirm: string;
  endRoomFailed: string;
  controlNotChanged: string;
  cancel: string;
  dialogClose: string;
  showSidebar: string;
  hideSidebar: string;
  railLabel: string;
  you: string;
  online: string;
  offline: string;
  microphone: Record<'open' | 'closed' | 'unknown', string>;
  microphoneShort: Record<'open' | 'closed', string>;
  inVoice: string;
  speaking: string;
  leadsView: string;
  leader: { self: string; other(name: string): string; nobody: string };
  nobodyElse: string;
  notices: string;
  joined(name: string): string;
  left(name: string): string;
  dismissNotice(text: string): string;
  sound: string;
  notes: string;
  noNotes: string;
  editNotes: string;
  stage: Record<StageState, { title: string; text: string }>;
  reconnect: string;
  reconnectIn(seconds: number, attempt: number): string;
  reason(text: string): string;
  shortcutStartTour: string;
  shortcutEndRoom: string;
  shortcutMute: string;
  shortcutParticipants: string;
}

export const tourScreenEn: TourScreenMessages = {
  label: (title) => `Tour of ${title}`,
  tourBadge: 'Tour',
  endedBadge: 'Ended',
  startTour: 'Start tour',
  startTourHint: 'Opens the room full-window, like a call',
  vrArea: 'VR view',
  controls: 'Tour controls',
  participants: 'Participants',
  invite: 'Invite',
  handOver: 'Hand over control',
  handOverTo: (name) => `Let ${name} lead the view`,
  takeBack: 'Take back control',
  handOverUnavailable: 'Available when the VR is shown',
  noGuestOnline: 'No guest is online',
  leave: 'Leave tour',
  leaveHint: 'The room stays open for your client',
  backToRoom: 'Back to room',
  endRoom: 'End room',
  endRoomTitle: 'End this room for everyone?',
  endRoomText: 'Everyone in the room, your client included, is disconnected and the room cannot be entered again.',
  endRoomConfirm: 'End room for everyone',
  endRoomFailed: 'The room was not ended',
  controlNotChanged: 'Control of the view did not change',
  cancel: 'Cancel',
  dialogClose: 'Close',
  showSidebar: 'Show sidebar',
  hideSidebar: 'Hide sidebar',
  railLabel: 'In the room',
  you: 'you',
  online: 'Online',
  offline: 'Offline',
  microphone: { open: 'Microphone on', closed: 'Microphone off', unknown: 'Microphone not known' },
  microphoneShort: { open: 'Mic on', closed: 'Mic off' },
  inVoice: 'In voice',
  speaking: 'Speaking',
  leadsView: 'Leads the view',
  leader: { self: 'You lead the view', other: (name) => `${name} leads the view`, nobody: 'Nobody leads the view yet' },
  nobodyElse: 'Nobody else is here yet: invite your client.',
  notices: 'Who joined and left',
  joined: (name) => `${name} joined`,
  left: (name) => `${name} left`,
  dismissNotice: (text) => `Dismiss “${text}”`,
  sound: 'Play a sound when someone joins or leaves',
  notes: 'Notes',
  noNotes: 'No notes were kept with this room.',
  editNotes: 'Edit notes',
  stage: {
    connecting: { title: 'Connecting to the room…', text: 'This takes a few seconds.' },
    reconnecting: { title: 'Connection lost — reconnecting…', text: 'Your client stays in the room. Wait, or connect again now.' },
    refused: { title: 'The room refused the connection', text: 'Go back to the room page and check that the room is still open.' },
    kicked: { title: 'You were removed from this room', text: 'Connect again to rejoin, or go back to the room page.' },
    replaced: { title: 'This room was opened on another device', text: 'Connect again here to take it back.' },
    failed: { title: 'Could not connect to the room', text: 'Check the network, then connect again.' },
    disconnected: { title: 'Disconnected', text: 'Connect again to continue the tour.' },
    ended: { title: 'The room has ended', text: 'Everyone was disconnected. Go back to the room page to review it.' },
  },
  reconnect: 'Connect again',
  reconnectIn: (seconds, attempt) => `Next try in ${seconds} s (attempt ${attempt}).`,
  reason: (text) => `Reason: ${text}`,
  shortcutStartTour: 'Start the tour (room page)',
  shortcutEndRoom: 'End the room for everyone (tour, asks first)',
  shortcutMute: 'Mute or unmute (in voice)',
  shortcutParticipants: 'Show or hide participants (tour)',
};

export const tourScreenZhCN: TourScreenMessages = {
  label: (title) => `${title} 的带看`,
  tourBadge: '带看中',
  endedBadge: '已结束',
  startTour: '开始带看',
  startTourHint: '像通话一样全窗口打开房间',
  vrArea: 'VR 画面',
  controls: '带看控制',
  participants: '参与者',
  invite: '邀请',
  handOver: '移交控制权',
  handOverTo: (name) => `让 ${name} 带领视角`,
  takeBack: '收回控制权',
  handOverUnavailable: '显示 VR 后可用',
  noGuestOnline: '没有在线的嘉宾',
  leave: '离开带看',
  leaveHint: '房间对客户保持开放',
  backToRoom: '返回房间',
  endRoom: '结束房间',
  endRoomTitle: '为所有人结束此房间？',
  endRoomText: '房间内的所有人（包括客户）都将断开连接，且此房间无法再次进入。',
  endRoomConfirm: '为所有人结束',
  endRoomFailed: '房间未结束',
  controlNotChanged: '视角控制权未变更',
  cancel: '取消',
  dialogClose: '关闭',
  showSidebar: '显示侧边栏',
  hideSidebar: '隐藏侧边栏',
  railLabel: '房间内',
  you: '您',
  online: '在线',
  offline: '离线',
  microphone: { open: '麦克风已开', closed: '麦克风已关', unknown: '麦克风状态未知' },
  microphoneShort: { open: '麦克风开', closed: '麦克风关' },
  inVoice: '语音中',
  speaking: '正在说话',
  leadsView: '带领视角',
  leader: { self: '您正在带领视角', other: (name) => `${name} 正在带领视角`, nobody: '暂无人带领视角' },
  nobodyElse: '还没有其他人：邀请您的客户吧。',
  notices: '加入和离开提醒',
  joined: (name) => `${name} 已加入`,
  left: (name) => `${name} 已离开`,
  dismissNotice: (text) => `关闭“${text}”`,
  sound: '有人加入或离开时播放提示音',
  notes: '备注',
  noNotes: '此房间没有备注。',
  editNotes: '编辑备注',
  stage: {
    connecting: { title: '正在连接房间…', text: '需要几秒钟。' },
    reconnecting: { title: '连接已断开，正在重新连接…', text: '客户仍在房间内。请稍候，或立即重新连接。' },
    refused: { title: '房间拒绝了连接', text: '请返回房间页面，确认房间仍然开放。' },
    kicked: { title: '您已被移出此房间', text: '重新连接以再次加入，或返回房间页面。' },
    replaced: { title: '此房间已在另一台设备上打开', text: '在此重新连接即可收回。' },
    failed: { title: '无法连接到房间', text: '请检查网络，然后重新连接。' },
    disconnected: { title: '已断开', text: '重新连接以继续带看。' },
    ended: { title: '房间已结束', text: '所有人都已断开。返回房间页面查看详情。' },
  },
  reconnect: '重新连接',
  reconnectIn: (seconds, attempt) => `${seconds} 秒后再次尝试（第 ${attempt} 次）。`,
  reason: (text) => `原因：${text}`,
  shortcutStartTour: '开始带看（房间页面）',
  shortcutEndRoom: '为所有人结束房间（带看中，会先确认）',
  shortcutMute: '静音或取消静音（语音中）',
  shortcutParticipants: '显示或隐藏参与者（带看中）',
};
