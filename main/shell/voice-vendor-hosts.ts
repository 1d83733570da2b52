export { VOICE_VENDOR_HOSTS } from '../../common/voice-vendor-hosts';
