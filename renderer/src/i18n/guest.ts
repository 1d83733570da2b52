/** The guest page's texts (renderer/src/guest/): what a client sees after opening the agent's link. */
export interface GuestMessages {
  title: string;
  state: {
    connecting: string;
    waiting: string;
    loadingTour: string;
    following: string;
    refused: string;
    disconnected: string;
    ended: string;
    badLink: string;
    noLink: string;
    tourFailed: string;
  };
  hint: {
    refused: string;
    disconnected: string;
    ended: string;
    badLink: string;
    tourFailed: string;
  };
  peopleTitle: string;
  you: string;
  guide: string;
  unnamed(userId: string): string;
}

export const guestEn: GuestMessages = {
  title: 'Home tour',
  state: {
    connecting: 'Joining the tour…',
    waiting: 'You are in. Waiting for your agent to start the tour…',
    loadingTour: 'Loading the tour…',
    following: 'Following your agent',
    refused: 'This link has already been used or has expired.',
    disconnected: 'The connection to the tour was lost.',
    ended: 'The tour has ended.',
    badLink: 'This link is incomplete or damaged.',
    noLink: 'This page needs the link your agent sent you.',
    tourFailed: 'The tour could not be shown on this device.',
  },
  hint: {
    refused: 'Ask your agent for a new link.',
    disconnected: 'Ask your agent for a new link to join again.',
    ended: 'Thank you for joining.',
    badLink: 'Open the whole link your agent sent, or ask your agent for a new one.',
    tourFailed: 'You are still in the room; your agent can send you a link to another device.',
  },
  peopleTitle: 'In the room',
  you: 'you',
  guide: 'guide',
  unnamed: (userId) => `Guest ${userId.slice(-4)}`,
};

export const guestZhCN: GuestMessages = {
  title: '房源带看',
  state: {
    connecting: '正在加入带看…',
    waiting: '已加入，等待经纪人开始带看…',
    loadingTour: '正在加载带看…',
    following: '正在跟随经纪人',
    refused: '此链接已被使用或已过期。',
    disconnected: '与带看的连接已断开。',
    ended: '带看已结束。',
    badLink: '此链接不完整或已损坏。',
    noLink: '请打开经纪人发给您的链接。',
    tourFailed: '此设备无法显示带看画面。',
  },
  hint: {
    refused: '请向经纪人索取新链接。',
    disconnected: '请向经纪人索取新链接以重新加入。',
    ended: '感谢您的参与。',
    badLink: '请打开经纪人发送的完整链接，或向经纪人索取新链接。',
    tourFailed: '您仍在房间中；经纪人可以向您的其他设备发送链接。',
  },
  peopleTitle: '房间成员',
  you: '我',
  guide: '带看人',
  unnamed: (userId) => `访客 ${userId.slice(-4)}`,
};
