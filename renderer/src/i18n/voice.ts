import type { VoiceVendor } from '../../../common/voice';
import type { VoiceProblem } from '../lib/voice-problem';

export interface VoiceMessages {
  title: string;
  preflightTitle: string;
  runCheck: string;
  checking: string;
  micHeard(percent: number): string;
  micSilent: string;
  gatewayOk: string;
  gatewayFailed: string;
  join: string;
  joining: string;
  leave: string;
  mute: string;
  unmute: string;
  shortcutHint: string;
  microphone: string;
  systemDefault: string;
  unnamedMicrophone(index: number): string;
  levelLabel: string;
  speaking: string;
  notSpeaking: string;
  muted: string;
  joinedVia(vendor: string): string;
  vendorName: Record<VoiceVendor, string>;
  problem: Record<VoiceProblem, string>;
  detail(text: string): string;
  requestId(id: string): string;
  speaker: string;
  unnamedSpeaker(index: number): string;
  testSpeaker: string;
  speakerPlaying: string;
  speakerPlayed: string;
  othersTitle: string;
  nobodyElse: string;
  notInVoice: string;
  peerConnecting: string;
  peerLost: string;
  microphoneOff: string;
  muteGuest(name: string): string;
  inVoiceShort: string;
  notInVoiceShort: string;
  /** TRTC and Chime: the vendor dropped the call and voice is rejoining on its own. */
  reconnecting(attempt: number, of: number): string;
}

export const voiceEn: VoiceMessages = {
  title: 'Voice',
  preflightTitle: 'Before the tour',
  runCheck: 'Check microphone and connection',
  checking: 'Checking…',
  micHeard: (percent) => `Microphone works (loudest reading ${percent}%).`,
  micSilent: 'The microphone is on but nothing was heard. Say something, or pick another microphone, and check again.',
  gatewayOk: 'The Realsee gateway answers.',
  gatewayFailed: 'The Realsee gateway did not answer',
  join: 'Join voice',
  joining: 'Joining voice…',
  leave: 'Leave voice',
  mute: 'Mute',
  unmute: 'Unmute',
  shortcutHint: 'M mutes or unmutes while this panel has focus; Ctrl+Shift+M (⌘⇧M on a Mac) works anywhere while you are in voice.',
  microphone: 'Microphone',
  systemDefault: 'System default',
  unnamedMicrophone: (index) => `Microphone ${index}`,
  levelLabel: 'Microphone level',
  speaking: 'Speaking',
  notSpeaking: 'Quiet',
  muted: 'Muted',
  joinedVia: (vendor) => `In voice (${vendor})`,
  vendorName: { trtc: 'Tencent TRTC', chime: 'Amazon Chime', sandbox: 'sandbox: WebRTC on this computer' },
  problem: {
    'no-microphone': 'No microphone was found. Connect a microphone or headset, choose it below, and press "Join voice" again.',
    'permission-denied':
      'Roomdesk is not allowed to use the microphone. Allow it in your system settings (macOS: System Settings › Privacy & Security › Microphone; Windows: Settings › Privacy & security › Microphone), then press "Join voice" again.',
    'microphone-busy':
      'The microphone could not be opened; another app may be using it. Close other call apps or choose another microphone, then try again.',
    'signature-refused':
      'Realsee refused a voice signature for this room. Check that the room is still open (refresh the room); if it is, try again, and give the request id below to Realsee support if it keeps happening.',
    'signature-unavailable':
      'Roomdesk could not get a voice signature from Realsee. Check your network connection and the details below, then press "Join voice" again.',
    'join-failed':
      'Could not join the voice room. Check your network connection and press "Join voice" again; if it keeps failing, ask Realsee support whether voice is set up for your app.',
    disconnected: 'Voice was disconnected. Press "Join voice" to reconnect.',
  },
  detail: (text) => `Details: ${text}`,
  requestId: (id) => `Request id: ${id}`,
  speaker: 'Speaker',
  unnamedSpeaker: (index) => `Speaker ${index}`,
  testSpeaker: 'Test speaker',
  speakerPlaying: 'Playing a tone…',
  speakerPlayed: 'Did you hear a short tone? If not, choose another speaker or turn the volume up.',
  othersTitle: 'Others in the room',
  nobodyElse: 'Nobody else is in the room yet.',
  notInVoice: 'not in voice',
  peerConnecting: 'connecting…',
  peerLost: 'connection lost, reconnecting…',
  microphoneOff: 'microphone off',
  muteGuest: (name) => `Mute ${name}`,
  inVoiceShort: 'In voice',
  notInVoiceShort: 'Not in voice',
  reconnecting: (attempt, of) => `Reconnecting voice… (attempt ${attempt} of ${of})`,
};

export const voiceZhCN: VoiceMessages = {
  title: '语音',
  preflightTitle: '带看前检查',
  runCheck: '检查麦克风和网络',
  checking: '正在检查…',
  micHeard: (percent) => `麦克风正常(最高音量 ${percent}%)。`,
  micSilent: '麦克风已打开,但没有检测到声音。请说几句话,或换一个麦克风后再检查。',
  gatewayOk: '如视网关连接正常。',
  gatewayFailed: '如视网关没有响应',
  join: '加入语音',
  joining: '正在加入语音…',
  leave: '离开语音',
  mute: '静音',
  unmute: '取消静音',
  shortcutHint: '焦点在本面板时按 M 切换静音;加入语音后,在任何位置按 Ctrl+Shift+M(Mac 上为 ⌘⇧M)都可切换。',
  microphone: '麦克风',
  systemDefault: '系统默认',
  unnamedMicrophone: (index) => `麦克风 ${index}`,
  levelLabel: '麦克风音量',
  speaking: '正在说话',
  notSpeaking: '安静',
  muted: '已静音',
  joinedVia: (vendor) => `已加入语音(${vendor})`,
  vendorName: { trtc: '腾讯云 TRTC', chime: 'Amazon Chime', sandbox: '沙盒:本机 WebRTC' },
  problem: {
    'no-microphone': '没有找到麦克风。请连接麦克风或耳机,在下方选择后再点"加入语音"。',
    'permission-denied':
      'Roomdesk 没有麦克风权限。请在系统设置中允许(macOS:系统设置 › 隐私与安全性 › 麦克风;Windows:设置 › 隐私和安全性 › 麦克风),然后再点"加入语音"。',
    'microphone-busy': '无法打开麦克风,可能正被其他应用占用。请关闭其他通话应用或换一个麦克风后重试。',
    'signature-refused':
      '如视拒绝为此房间签发语音签名。请确认房间仍未关闭(刷新房间);若房间正常,请重试;如果一直失败,请把下面的请求 ID 提供给如视技术支持。',
    'signature-unavailable': 'Roomdesk 未能从如视获取语音签名。请检查网络和下面的详情,然后再点"加入语音"。',
    'join-failed': '无法加入语音房间。请检查网络后再点"加入语音";如果一直失败,请向如视技术支持确认您的应用是否已开通语音。',
    disconnected: '语音已断开。请点"加入语音"重新连接。',
  },
  detail: (text) => `详情:${text}`,
  requestId: (id) => `请求 ID:${id}`,
  speaker: '扬声器',
  unnamedSpeaker: (index) => `扬声器 ${index}`,
  testSpeaker: '测试扬声器',
  speakerPlaying: '正在播放提示音…',
  speakerPlayed: '听到一声短促的提示音了吗?如果没有,请换一个扬声器或调高音量。',
  othersTitle: '房间里的其他人',
  nobodyElse: '房间里还没有其他人。',
  notInVoice: '未加入语音',
  peerConnecting: '正在连接…',
  peerLost: '连接中断,正在重新连接…',
  microphoneOff: '麦克风已关闭',
  muteGuest: (name) => `将 ${name} 静音`,
  inVoiceShort: '语音中',
  notInVoiceShort: '未加入语音',
  reconnecting: (attempt, of) => `正在重新连接语音…(第 ${attempt}/${of} 次)`,
};
