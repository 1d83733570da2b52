/** The guest page's texts (renderer/src/guest/): what a client sees after opening the agent's link. */
export interface GuestMessages {
  title: string;
  state: {
    connecting: string;
    waiting: string;
    loadingTour: string;
    following: string;
    refused: string;
    used: string;
    expired: string;
    roomClosed: string;
    otherRoom: string;
    unknownRoom: string;
    badTicket: string;
    full: string;
    replaced: string;
    removed: string;
    disconnected: string;
    ended: string;
    badLink: string;
    noLink: string;
    tourFailed: string;
  };
  hint: {
    refused: string;
    roomClosed: string;
    full: string;
    replaced: string;
    removed: string;
    disconnected: string;
    ended: string;
    badLink: string;
    tourFailed: string;
  };
  peopleTitle: string;
  you: string;
  guide: string;
  unnamed(userId: string): string;
  voice: GuestVoiceMessages;
}

/** The guest page's voice: one tap to join (browsers only open the microphone after a tap), mute, who speaks. */
export interface GuestVoiceMessages {
  title: string;
  join: string;
  joining: string;
  leave: string;
  mute: string;
  unmute: string;
  inVoice: string;
  muted: string;
  mutedByGuide: string;
  notInVoice: string;
  /** TRTC or Chime rooms, until the agent's app has sent this guest its voice signature. */
  gettingReady: string;
  /** TRTC or Chime rooms: the vendor dropped the call and the page rejoins with its signature. */
  reconnecting(attempt: number, of: number): string;
  inVoiceShort: string;
  speaking: string;
  microphoneOff: string;
  connecting: string;
  peerLost: string;
  problem: {
    'no-microphone': string;
    'permission-denied': string;
    'microphone-busy': string;
    'join-failed': string;
    disconnected: string;
    /** TRTC or Chime rooms: the vendor's servers did not answer. */
    'vendor-unreachable': string;
    /** TRTC or Chime rooms: the agent's app could not get this guest a voice signature. */
    unavailable: string;
  };
}

export const guestEn: GuestMessages = {
  title: 'Home tour',
  state: {
    connecting: 'Joining the tour…',
    waiting: 'You are in. Waiting for your agent to start the tour…',
    loadingTour: 'Loading the tour…',
    following: 'Following your agent',
    refused: 'This link has already been used or has expired.',
    used: 'This link has already been used.',
    expired: 'This link has expired.',
    roomClosed: 'This tour has ended.',
    otherRoom: 'This link does not belong to this tour.',
    unknownRoom: 'This tour could not be found.',
    badTicket: 'This link is incomplete or damaged.',
    full: 'This tour is full.',
    replaced: 'This link was opened on another device.',
    removed: 'Your agent removed you from the tour.',
    disconnected: 'The connection to the tour was lost.',
    ended: 'The tour has ended.',
    badLink: 'This link is incomplete or damaged.',
    noLink: 'This page needs the link your agent sent you.',
    tourFailed: 'The tour could not be shown on this device.',
  },
  hint: {
    refused: 'Ask your agent for a new link.',
    roomClosed: 'Your agent has closed this room. Ask your agent if you would like another tour.',
    full: 'Ask your agent to make room, then for a new link.',
    replaced: 'The tour continues there. To watch here, ask your agent for a new link.',
    removed: 'Ask your agent if this was a mistake.',
    disconnected: 'Ask your agent for a new link to join again.',
    ended: 'Thank you for joining.',
    badLink: 'Open the whole link your agent sent, or ask your agent for a new one.',
    tourFailed: 'You are still in the room; your agent can send you a link to another device.',
  },
  peopleTitle: 'In the room',
  you: 'you',
  guide: 'guide',
  unnamed: (userId) => `Guest ${userId.slice(-4)}`,
  voice: {
    title: 'Voice',
    join: 'Join voice',
    joining: 'Joining voice…',
    leave: 'Leave voice',
    mute: 'Mute',
    unmute: 'Unmute',
    inVoice: 'You are in voice.',
    muted: 'You are muted.',
    mutedByGuide: 'Your guide muted your microphone. Tap Unmute to talk again.',
    notInVoice: 'Tap Join voice to talk with your guide.',
    gettingReady: 'Getting voice ready…',
    reconnecting: (attempt, of) => `Reconnecting voice… (attempt ${attempt} of ${of})`,
    inVoiceShort: 'in voice',
    speaking: 'speaking',
    microphoneOff: 'microphone off',
    connecting: 'connecting…',
    peerLost: 'connection lost, reconnecting…',
    problem: {
      'no-microphone': 'No microphone was found on this device. Connect one (or a headset) and tap Join voice again.',
      'permission-denied':
        'This page is not allowed to use the microphone. Allow it in your browser (the icon next to the address), then tap Join voice again.',
      'microphone-busy': 'The microphone could not be opened; another app may be using it. Close it and tap Join voice again.',
      'join-failed': 'Voice could not connect. Check your network and tap Join voice again.',
      'vendor-unreachable': 'The voice service could not be reached. Check your network and tap Join voice again.',
      unavailable: 'Voice is unavailable. Ask your agent to send you a new link.',
      disconnected: 'Voice was disconnected. Tap Join voice to reconnect.',
    },
  },
};

export const guestZhCN: GuestMessages = {
  title: '房源带看',
  state: {
    connecting: '正在加入带看…',
    waiting: '已加入，等待经纪人开始带看…',
    loadingTour: '正在加载带看…',
    following: '正在跟随经纪人',
    refused: '此链接已被使用或已过期。',
    used: '此链接已被使用。',
    expired: '此链接已过期。',
    roomClosed: '此次带看已结束。',
    otherRoom: '此链接不属于这次带看。',
    unknownRoom: '找不到这次带看。',
    badTicket: '此链接不完整或已损坏。',
    full: '此次带看人数已满。',
    replaced: '此链接已在另一台设备上打开。',
    removed: '经纪人已将您移出带看。',
    disconnected: '与带看的连接已断开。',
    ended: '带看已结束。',
    badLink: '此链接不完整或已损坏。',
    noLink: '请打开经纪人发给您的链接。',
    tourFailed: '此设备无法显示带看画面。',
  },
  hint: {
    refused: '请向经纪人索取新链接。',
    roomClosed: '经纪人已关闭此房间。如需再次带看，请联系经纪人。',
    full: '请经纪人腾出名额后，再向其索取新链接。',
    replaced: '带看在那台设备上继续。如要在此观看，请向经纪人索取新链接。',
    removed: '如有误会，请联系经纪人。',
    disconnected: '请向经纪人索取新链接以重新加入。',
    ended: '感谢您的参与。',
    badLink: '请打开经纪人发送的完整链接，或向经纪人索取新链接。',
    tourFailed: '您仍在房间中；经纪人可以向您的其他设备发送链接。',
  },
  peopleTitle: '房间成员',
  you: '我',
  guide: '带看人',
  unnamed: (userId) => `访客 ${userId.slice(-4)}`,
  voice: {
    title: '语音',
    join: '加入语音',
    joining: '正在加入语音…',
    leave: '离开语音',
    mute: '静音',
    unmute: '取消静音',
    inVoice: '您已加入语音。',
    muted: '您已静音。',
    mutedByGuide: '带看人已将您的麦克风静音。点"取消静音"即可再次发言。',
    notInVoice: '点"加入语音"与带看人通话。',
    gettingReady: '正在准备语音…',
    reconnecting: (attempt, of) => `正在重新连接语音…(第 ${attempt}/${of} 次)`,
    inVoiceShort: '语音中',
    speaking: '正在说话',
    microphoneOff: '麦克风已关闭',
    connecting: '正在连接…',
    peerLost: '连接中断,正在重新连接…',
    problem: {
      'no-microphone': '此设备上没有找到麦克风。请连接麦克风或耳机后再点"加入语音"。',
      'permission-denied': '此页面没有麦克风权限。请在浏览器中允许(地址栏旁的图标),然后再点"加入语音"。',
      'microphone-busy': '无法打开麦克风,可能正被其他应用占用。请关闭该应用后再点"加入语音"。',
      'join-failed': '语音无法连接。请检查网络后再点"加入语音"。',
      'vendor-unreachable': '无法连接语音服务。请检查网络后再点"加入语音"。',
      unavailable: '语音不可用。请向经纪人索取新链接。',
      disconnected: '语音已断开。请点"加入语音"重新连接。',
    },
  },
};
