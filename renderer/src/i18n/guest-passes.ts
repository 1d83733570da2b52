/** The room page's guest passes (which were used, re-issuing one) and the profile's Guest page URL. */
export interface GuestPassesMessages {
  preregisteredTitle: string;
  issueFor(name: string): string;
  someoneElse: string;
  pageMissingTitle: string;
  pageMissingText(profile: string): string;
  openSettings: string;
  listTitle: string;
  listHint: string;
  notInRoomHint: string;
  status: { waiting: string; 'in-room': string; dropped: string; expired: string; unknown: string };
  usedAt(time: string): string;
  reissue: string;
  reissueFor(name: string): string;
  profileField: string;
  profileFieldHint: string;
  profileFieldInvalid: string;
}

export const guestPassesEn: GuestPassesMessages = {
  preregisteredTitle: 'Guests registered with this room',
  issueFor: (name) => `Issue a pass for ${name}`,
  someoneElse: 'Someone else',
  pageMissingTitle: 'Set your guest page first',
  pageMissingText: (profile) =>
    `Guests join from your agency’s guest page, and the profile “${profile}” has no address for it. Deploy the guest page (see the README), then enter its address in Settings → Profiles → Edit → Advanced → “Guest page URL”.`,
  openSettings: 'Open Settings',
  listTitle: 'Guest passes',
  listHint: 'Passes issued on this page. A pass shows as used when its guest arrives in the room.',
  notInRoomHint: 'Join the room to see who arrives: Roomdesk sees the room only while you are in it.',
  status: {
    waiting: 'Not used yet',
    'in-room': 'Used — in the room',
    dropped: 'Used — left the room',
    expired: 'Expired unused',
    unknown: 'Not known while you are not in the room',
  },
  usedAt: (time) => `joined ${time}`,
  reissue: 'Re-issue pass',
  reissueFor: (name) => `Re-issue pass for ${name}`,
  profileField: 'Guest page URL',
  profileFieldHint:
    'Where your agency deployed the guest page (npm run build:guest → out/guest on an HTTPS host). Guest passes open it. Not a secret.',
  profileFieldInvalid: 'Enter an https address (http only for this computer), without a # part.',
};

export const guestPassesZhCN: GuestPassesMessages = {
  preregisteredTitle: '此房间登记的嘉宾',
  issueFor: (name) => `生成 ${name} 的邀请`,
  someoneElse: '其他嘉宾',
  pageMissingTitle: '请先设置访客页面',
  pageMissingText: (profile) =>
    `嘉宾通过贵机构的访客页面加入带看，而账号配置“${profile}”尚未设置其地址。请先部署访客页面（见 README），然后在“设置 → 账号配置 → 编辑 → 高级 → 访客页面地址”中填写。`,
  openSettings: '打开设置',
  listTitle: '嘉宾邀请记录',
  listHint: '本页生成的嘉宾邀请。嘉宾进入房间后，邀请显示为已使用。',
  notInRoomHint: '加入房间后才能看到谁已进入：Roomdesk 只在您在房间中时看得到房间。',
  status: {
    waiting: '尚未使用',
    'in-room': '已使用 — 在房间中',
    dropped: '已使用 — 已离开房间',
    expired: '已过期，未使用',
    unknown: '您不在房间中，无法得知',
  },
  usedAt: (time) => `${time} 加入`,
  reissue: '重新生成邀请',
  reissueFor: (name) => `为 ${name} 重新生成邀请`,
  profileField: '访客页面地址',
  profileFieldHint: '贵机构部署访客页面的地址（npm run build:guest → 将 out/guest 放到 HTTPS 主机）。嘉宾邀请会打开它。此项不是密钥。',
  profileFieldInvalid: '请输入 https 地址（http 仅限本机），不要包含 # 部分。',
};
